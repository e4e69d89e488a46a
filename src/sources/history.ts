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
  /** The checkout is a shallow clone: history exists but was not fetched. */
  shallow?: boolean;
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
  if (inside.stdout.split('\n')[1] === 'true') return { ...none('the clone is shallow: fetch its full history with `git fetch --unshallow` (in GitHub Actions, checkout with fetch-depth: 0)'), shallow: true };
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
      // Each file's blob at each commit, from the changes of every commit against its first parent:
      // looking `commit:path` up in git instead reads the whole folder's tree for every request,
      // which grows with the archive (quadratic, seconds at a few thousand reports).
      const blobs = blobFinder(git, ref);
      // A commit the log does not know, or no log (git too old for --diff-merges): looked up by path.
      const object = (r: { commit: string; path: string }) => {
        const found = blobs?.(r.commit, r.path);
        return found === undefined ? `${r.commit}:./${r.path}` : (found ?? MISSING);
      };
      const input = requests.map(object).join('\n') + '\n';
      const output = execFileSync('git', ['-C', cwd, 'cat-file', '--batch'], { input, maxBuffer: 1 << 30 });
      let offset = 0;
      for (const request of requests) {
        const key = `${request.commit}:${request.path}`;
        const end = output.indexOf(10, offset);
        const header = output.subarray(offset, end).toString('utf8');
        offset = end + 1;
        const size = / blob (\d+)$/.exec(header)?.[1];
        if (size === undefined) {
          texts.set(key, undefined); // "<object> missing", or not a blob
          continue;
        }
        texts.set(key, output.subarray(offset, offset + Number(size)).toString('utf8'));
        offset += Number(size) + 1;
      }
      return texts;
    },
  };
}

/** An object name git reports as missing: asks for no object, and keeps one request per line. */
const MISSING = '0000000000000000000000000000000000000000';

type Git = (...args: string[]) => { status: number | null; stdout: string };

/**
 * The blob a path (relative to the content folder) holds at a commit, null where it holds none, or
 * undefined for a commit the log does not show; from one `git log` of every commit reachable from
 * `ref`, with its first parent and its raw changes against that parent (merges included), so that a
 * path's blob at a commit is the one its latest change along the first parents gave it. Undefined
 * when that log cannot be read.
 */
function blobFinder(git: Git, ref: string): ((commit: string, path: string) => string | null | undefined) | undefined {
  const log = git('log', ref, '--format=%x00%H %P', '--raw', '--no-abbrev', '--no-renames', '--diff-merges=first-parent', '--relative');
  if (log.status !== 0) return undefined;
  const parentOf = new Map<string, string | undefined>();
  const changed = new Map<string, Map<string, string | undefined>>();
  for (const entry of log.stdout.split('\0').slice(1)) {
    const lines = entry.split('\n');
    const [commit, parent] = lines[0].split(' ');
    parentOf.set(commit, parent || undefined);
    const changes = new Map<string, string | undefined>();
    for (const line of lines.slice(1)) {
      // ":100644 100644 <old blob> <new blob> M\t<path>"; a deleted path's new blob is all zeros.
      if (!line.startsWith(':')) continue;
      const tab = line.indexOf('\t');
      const blob = line.slice(0, tab).split(' ')[3];
      changes.set(unquote(line.slice(tab + 1)), /^0+$/.test(blob) ? undefined : blob);
    }
    changed.set(commit, changes);
  }
  // Per path, the blob found at each commit walked, so that no stretch of history is walked twice.
  const known = new Map<string, Map<string, string | undefined>>();
  return (commit, path) => {
    if (!parentOf.has(commit)) return undefined;
    let atCommit = known.get(path);
    if (!atCommit) known.set(path, (atCommit = new Map()));
    const walked: string[] = [];
    let blob: string | undefined;
    for (let at: string | undefined = commit; at !== undefined; at = parentOf.get(at)) {
      if (atCommit.has(at)) {
        blob = atCommit.get(at);
        break;
      }
      walked.push(at);
      const changes = changed.get(at);
      if (changes?.has(path)) {
        blob = changes.get(path);
        break;
      }
    }
    for (const at of walked) atCommit.set(at, blob);
    return blob ?? null;
  };
}

/** A path as `git log --raw` prints it: in double quotes with C escapes when it has unusual characters. */
function unquote(path: string): string {
  if (!path.startsWith('"')) return path;
  const bytes: number[] = [];
  const escapes: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  for (let i = 1; i < path.length - 1; i++) {
    if (path[i] !== '\\') {
      bytes.push(...Buffer.from(path[i], 'utf8'));
    } else if (/[0-7]/.test(path[i + 1])) {
      bytes.push(parseInt(path.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(escapes[path[i + 1]] ?? path.charCodeAt(i + 1));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
