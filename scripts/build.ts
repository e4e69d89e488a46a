/**
 * `npm run build`: build the site into a fresh folder and put it in place of `dist/` only when the
 * content check and the whole build pass. A failed build leaves the last good site byte for byte, so
 * what readers are served is never half-written.
 *
 * After Astro, Pagefind indexes the new folder for search, before the swap: a failed index also
 * leaves the last good site in place.
 *
 * The content check runs in a second process while Astro builds (a build is mostly one core, and the
 * machines that build have two). Astro's output is held back until the check has spoken: a problem
 * stops Astro and prints every problem, and nothing Astro said about the same bad file. After the
 * check, the same process draws the reports' share images, which Astro is then not asked for.
 * Astro keeps per-project state in `.astro/`, so two builds of one checkout must not overlap: a
 * build waits for the one before it (a lock under node_modules/).
 *
 * `CLOSING_BELL_OUT_DIR` changes the target folder (tests build elsewhere).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { buildTime, cacheRoot, contentRoot, listFiles } from '../src/check/paths.ts';
import { formatReport, type Problem } from '../src/check/problem.ts';
import { withHeapBudget } from '../src/lib/heap.ts';
import type { ShareImages } from './build-worker.ts';

const target = process.env.CLOSING_BELL_OUT_DIR ?? 'dist';
const next = `${target}.next`;
// Named for this build, so a deletion still running from the last build never meets this one's.
const previous = `${target}.previous-${process.pid}`;
const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));

const lastGood = () => (existsSync(target) ? `${target}/ still holds the last good site` : `nothing was published to ${target}/`);

const lock = acquireBuildLock();
process.on('exit', () => rmSync(lock, { recursive: true, force: true }));
rmSync(next, { recursive: true, force: true });
// Sites replaced by earlier builds whose deletion did not finish (a crash, a reboot).
const parent = dirname(resolve(target));
for (const name of existsSync(parent) ? readdirSync(parent).filter((entry) => entry.startsWith(`${basename(target)}.previous-`)) : []) {
  deleteInBackground(join(parent, name));
}

const imagesDir = `${target}.og`;
rmSync(imagesDir, { recursive: true, force: true });

/** Starts scripts/build-worker.ts in a role; `answer(kind)` waits for its message of that kind. */
function helper(task: object) {
  // A small young generation: the check allocates many short-lived objects, and with Node's default
  // it held ~120 MB more at 4000 reports, at the moment Astro needs the most, for no gain in speed.
  const child = spawn(process.execPath, ['--max-semi-space-size=4', fileURLToPath(new URL('./build-worker.ts', import.meta.url)), JSON.stringify(task)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const answer = <T>(kind: string) =>
    new Promise<T>((resolve, reject) => {
      child.on('message', (message: { kind: string }) => message.kind === kind && resolve(message as T));
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`the build's ${JSON.stringify(task).slice(0, 40)}… process stopped (exit code ${code}) before it said "${kind}"`)));
    });
  return { child, answer };
}

const checker = helper({ role: 'check', root: contentRoot(), now: buildTime().toISOString() });
const checked = checker.answer<{ problems: Problem[]; images: ShareImages }>('checked');
const check = checked.then((message) => message.problems);
// Share images are drawn by a fresh process once the check has passed, while Astro still builds.
const drawn = checked.then(({ problems, images }) => {
  if (problems.some((p) => p.severity === 'error')) return { count: 0 };
  const drawer = helper({ role: 'draw', imagesDir, projectRoot: process.cwd(), cacheDir: cacheRoot() });
  drawer.child.send({ images });
  return drawer.answer<{ count: number }>('drawn');
});
drawn.catch(() => {});
const astroBuild = spawn(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
  stdio: ['ignore', 'pipe', 'pipe'],
  // The check runs here; the integration need not repeat it.
  env: {
    ASTRO_TELEMETRY_DISABLED: '1',
    ...process.env,
    CLOSING_BELL_OUT_DIR: next,
    CLOSING_BELL_CHECKED: '1',
    CLOSING_BELL_SHARE_IMAGES: 'separate',
    // A heap sized to the archive, so Node collects garbage instead of growing (src/lib/heap.ts).
    NODE_OPTIONS: withHeapBudget(process.env.NODE_OPTIONS, reportCount()),
  },
});
const built = new Promise<number>((resolve) => astroBuild.once('close', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
// Astro's words wait here until the check has passed.
const held: [NodeJS.WriteStream, Buffer][] = [];
let holding = true;
for (const [from, to] of [[astroBuild.stdout, process.stdout], [astroBuild.stderr, process.stderr]] as const) {
  from.on('data', (chunk: Buffer) => (holding ? held.push([to, chunk]) : to.write(chunk)));
}

const problems = await check.catch((error: unknown) => {
  astroBuild.kill();
  throw error;
});
if (problems.length > 0) {
  const failed = problems.some((p) => p.severity === 'error');
  (failed ? console.error : console.warn)(`The content check ${failed ? 'found problems; nothing was built' : 'has warnings'}:\n${formatReport(problems)}`);
  if (failed) {
    astroBuild.kill();
    await built;
    rmSync(next, { recursive: true, force: true });
    rmSync(imagesDir, { recursive: true, force: true });
    console.error(`\nBuild failed: ${lastGood()}.`);
    process.exit(1);
  }
}
holding = false;
for (const [to, chunk] of held.splice(0)) to.write(chunk);
const status = await built;
const images = status === 0 ? await drawn.then((message) => ({ count: message.count }), (error: unknown) => ({ error })) : undefined;
if (status !== 0 || !images || 'error' in images) {
  rmSync(next, { recursive: true, force: true });
  rmSync(imagesDir, { recursive: true, force: true });
  if (images && 'error' in images) console.error(`\nShare images failed: ${images.error instanceof Error ? images.error.message : String(images.error)}`);
  console.error(`\nBuild failed: ${lastGood()}.`);
  process.exit(status || 1);
}
if (images.count > 0) renameSync(imagesDir, join(next, 'og'));
console.log(`Share images: ${images.count} drawn into ${join(next, 'og')}/`);

const searchIndex = await indexForSearch(next);
if (searchIndex.length > 0) {
  rmSync(next, { recursive: true, force: true });
  console.error(`\nSearch indexing failed:\n  ${searchIndex.join('\n  ')}\n${lastGood()}.`);
  process.exit(1);
}
if (existsSync(target)) renameSync(target, previous);
renameSync(next, target);
console.log(`Published to ${target}/`);
// The replaced site is deleted by a process of its own that outlives this one: with thousands of
// pages the deletion took ~2 s of a rebuild, and nobody needs to wait for it.
if (existsSync(previous)) deleteInBackground(previous);

function deleteInBackground(path: string): void {
  spawn(process.execPath, ['-e', `require('node:fs').rmSync(${JSON.stringify(path)}, { recursive: true, force: true })`], { detached: true, stdio: 'ignore' }).unref();
}

/**
 * Indexes the reports (the elements marked data-pagefind-body) into `<site>/pagefind/`; returns the
 * errors. Only report pages carry that mark, so only they are read.
 */
async function indexForSearch(site: string): Promise<string[]> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) return errors;
    const added = await index.addDirectory({ path: site, glob: 'reports/**/*.html' });
    if (added.errors.length > 0) return added.errors;
    const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
    if (written.errors.length > 0) return written.errors;
    console.log(`Search: indexed ${added.page_count} report page(s) into ${join(site, 'pagefind')}/`);
    return [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  } finally {
    await pagefind.close();
  }
}

/** How many reports the archive holds (files, before any check). */
function reportCount(): number {
  return listFiles(join(contentRoot(), 'reports'), /\.mdx$/).length;
}

/** Waits until no other build of this checkout runs, then holds the lock (a folder naming our pid). */
function acquireBuildLock(): string {
  const lock = fileURLToPath(new URL('../node_modules/.closing-bell-build.lock', import.meta.url));
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      return lock;
    } catch {
      const holder = Number(readPid(join(lock, 'pid')));
      // No pid yet: the holder is between creating the lock and writing its pid; wait for it.
      if (holder > 0 && !alive(holder)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (waited === 0) console.log(`Waiting for another build of this project${holder > 0 ? ` (pid ${holder})` : ''} to finish…`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
}

function readPid(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
