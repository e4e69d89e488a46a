/**
 * What git knows about the content: when each file was first and last committed, and what it said
 * when first committed. Read in one `git log` pass for the whole archive and one `git cat-file
 * --batch` process for the old versions, never a process per file, so it stays linear at thousands
 * of reports. Without history (a tarball, a shallow clone) it says so once and the build carries on
 * with front-matter dates.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export interface FileHistory {
  /** The commit that first added the file, and its date (ISO). */
  first: { commit: string; date: string };
  /** The latest commit that changed it. */
  last: { commit: string; date: string };
}

export interface ContentHistory {
  /** Why there is no history, when there is none. */
  unavailable?: string;
  /** By path relative to the content folder, e.g. `reports/2025-10-24-smic-rally.mdx`. */
  files: Map<string, FileHistory>;
  /** The text of `path` at `commit`, read in one batch for all requests. */
  readAt(requests: { commit: string; path: string }[]): Map<string, string | undefined>;
}

const none = (unavailable: string): ContentHistory => ({ unavailable, files: new Map(), readAt: () => new Map() });

/**
 * History of the content folder on `ref` (the published branch): `CLOSING_BELL_PUBLISHED_REF`, else
 * `origin/main`, else `main`, else `HEAD`.
 */
export function readContentHistory(root: string): ContentHistory {
  const cwd = resolve(root);
  const git = (...args: string[]) => spawnSync('git', ['-C', cwd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const inside = git('rev-parse', '--is-inside-work-tree', '--is-shallow-repository');
  if (inside.status !== 0) return none('the content is not in a git repository');
  if (inside.stdout.split('\n')[1] === 'true') return none('the clone is shallow (fetch with full history, e.g. fetch-depth: 0)');
  const ref = [process.env.CLOSING_BELL_PUBLISHED_REF, 'origin/main', 'main', 'HEAD'].find(
    (candidate) => candidate && git('rev-parse', '--verify', '--quiet', `${candidate}^{commit}`).status === 0,
  );
  if (!ref) return none('the repository has no commits yet');
  const log = git('log', ref, '--format=%x00%H %cI', '--name-only', '--no-renames', '--relative', '--', '.');
  if (log.status !== 0) return none(`git log failed: ${log.stderr.trim()}`);

  const files = new Map<string, FileHistory>();
  for (const entry of log.stdout.split('\0').slice(1)) {
    const [header, ...paths] = entry.split('\n').filter(Boolean);
    const [commit, date] = header.split(' ');
    for (const path of paths) {
      const known = files.get(path);
      // Newest first: the first sighting is the last change, the last sighting the first commit.
      if (known) known.first = { commit, date };
      else files.set(path, { first: { commit, date }, last: { commit, date } });
    }
  }
  return {
    files,
    readAt(requests) {
      const texts = new Map<string, string | undefined>();
      if (requests.length === 0) return texts;
      const input = requests.map((r) => `${r.commit}:./${r.path}`).join('\n') + '\n';
      const output = execFileSync('git', ['-C', cwd, 'cat-file', '--batch'], { input, maxBuffer: 1 << 30 });
      let offset = 0;
      for (const request of requests) {
        const end = output.indexOf(10, offset);
        const header = output.subarray(offset, end).toString('utf8');
        offset = end + 1;
        const size = / blob (\d+)$/.exec(header)?.[1];
        if (size === undefined) {
          texts.set(`${request.commit}:${request.path}`, undefined); // "<object> missing"
          continue;
        }
        texts.set(`${request.commit}:${request.path}`, output.subarray(offset, offset + Number(size)).toString('utf8'));
        offset += Number(size) + 1;
      }
      return texts;
    },
  };
}
