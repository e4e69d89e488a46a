/**
 * `npm run build`: build the site into a fresh folder and put it in place of `dist/` only when the
 * content check and the whole build pass. A failed build leaves the last good site byte for byte, so
 * what readers are served is never half-written.
 *
 * Everything that makes the site is Astro's (astro.config.mjs: the content check, the pages, the
 * search index as a build hook); this script adds what Astro cannot do: the atomic publish, one
 * build at a time, the check and share images on a second core, and the search index (the hook's
 * own function) once Astro has exited, so Pagefind's memory and Astro's never add up.
 *
 * The content check runs in a second process while Astro builds (a build is mostly one core, and the
 * machines that build have two). Astro's output is held back until the check has spoken: a problem
 * stops Astro and prints every problem, and nothing Astro said about the same bad file. After the
 * check, the same process draws the reports' share images, which Astro is then not asked for.
 * Two builds into one output folder, or sharing one cache folder, must not overlap: a build waits
 * for the one before it (locks under node_modules/.closing-bell-build/, see build-lock.ts); builds
 * into other folders run side by side.
 *
 * Publishing is one atomic rename: `dist` is a link to this build's folder in `dist.sites/` (see
 * publish.ts), so readers and the next build always find a complete site at `dist/`.
 *
 * `CLOSING_BELL_OUT_DIR` changes the target folder (tests build elsewhere).
 */
import { spawn } from 'node:child_process';
import { renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTime, cacheRoot, contentRoot, listFiles } from '../src/config/paths.ts';
import { formatReport, type Problem } from '../src/config/problem.ts';
import { indexForSearch } from '../src/integrations/search-index.ts';
import { withHeapBudget } from '../src/lib/heap.ts';
import type { ShareImages } from './build-worker.ts';
import { acquireBuildLocks, folderLockPath } from './build-lock.ts';
import { discard, lastGood as lastGoodOf, preparePublish, publish, PublishError, stopAt, type PublishPlan } from './publish.ts';

const target = process.env.CLOSING_BELL_OUT_DIR ?? 'dist';
const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
// The processes this build starts keep V8's compiled code on disk, as Astro's own command does
// (same folder, unless NODE_COMPILE_CACHE names another): ~0.8 s of CPU less per build from the
// second build on, since the check and share-image workers load the same modules every time.
process.env.NODE_COMPILE_CACHE ??= join(tmpdir(), 'node-compile-cache');
const lastGood = () => lastGoodOf(target);

const locks = fileURLToPath(new URL('../node_modules/.closing-bell-build/', import.meta.url));
const lock = acquireBuildLocks([folderLockPath(locks, target), folderLockPath(locks, cacheRoot())]);
process.on('exit', () => lock.release());
const plan = startPublish();
// This build's own folder: Astro writes the site there, and it replaces dist/ only when all passed.
const next = plan.site;
const imagesDir = plan.images;
stopAt('prepared');

/** Starts scripts/build-worker.ts in a role; `answer(kind)` waits for its message of that kind. */
function helper(task: object) {
  // A small young generation: the check allocates many short-lived objects, and with Node's default
  // it held ~120 MB more at 4000 reports, at the moment Astro needs the most, for no gain in speed.
  const child = spawn(process.execPath, ['--max-semi-space-size=4', fileURLToPath(new URL('./build-worker.ts', import.meta.url)), JSON.stringify(task)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  lock.addChild(child.pid);
  const answer = <T>(kind: string) =>
    new Promise<T>((resolve, reject) => {
      child.on('message', (message: { kind: string }) => message.kind === kind && resolve(message as T));
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`the build's ${JSON.stringify(task).slice(0, 40)}… process stopped (exit code ${code}) before it said "${kind}"`)));
    });
  return { child, answer };
}

const checker = helper({ role: 'check', root: contentRoot(), now: buildTime().toISOString(), cacheDir: cacheRoot() });
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
    // The search index is made below, once Astro's memory is freed (src/integrations/search-index.ts).
    CLOSING_BELL_INDEX_AFTER_ASTRO: '1',
    CLOSING_BELL_SHARE_IMAGES: 'separate',
    // A heap sized to the archive, so Node collects garbage instead of growing (src/lib/heap.ts).
    NODE_OPTIONS: withHeapBudget(process.env.NODE_OPTIONS, reportCount()),
  },
});
lock.addChild(astroBuild.pid);
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
    failBuild('');
  }
}
holding = false;
for (const [to, chunk] of held.splice(0)) to.write(chunk);
const status = await built;
const images = status === 0 ? await drawn.then((message) => ({ count: message.count }), (error: unknown) => ({ error })) : undefined;
if (status !== 0 || !images || 'error' in images) {
  failBuild(images && 'error' in images ? `Share images failed: ${images.error instanceof Error ? images.error.message : String(images.error)}` : '', status || 1);
}
if (images.count > 0) renameSync(imagesDir, join(next, 'og'));
console.log(`Share images: ${images.count} drawn into ${join(next, 'og')}/`);
stopAt('built');

// The reports indexed for search, as Astro's hook would have (src/integrations/search-index.ts), now
// that Astro has exited: Pagefind's memory no longer adds to Astro's.
const search = await indexForSearch(next);
if (search.errors.length > 0) failBuild(`Search indexing failed:\n  ${search.errors.join('\n  ')}`);
console.log(`Search: indexed ${search.pages} report page(s) into ${join(next, 'pagefind')}/`);
stopAt('indexed');
try {
  publish(plan);
} catch (error) {
  if (!(error instanceof PublishError)) throw error;
  failBuild('', 1, error.message);
}
console.log(`Published to ${target}/ (${next}/)`);

/**
 * Stops a build that has begun: its folder is discarded and the last good site stays, said in the
 * last line, after what went wrong (`before`, its own paragraph) and the cause (`cause`), if any.
 */
function failBuild(before: string, code = 1, cause?: string): never {
  discard(plan);
  if (before) console.error(`\n${before}`);
  console.error(`\nBuild failed: ${cause ? `${cause}; ` : ''}${lastGood()}.`);
  process.exit(code);
}

/** Sweeps what earlier builds left and names this build's folder; a target that cannot be written stops here, in one line. */
function startPublish(): PublishPlan {
  try {
    return preparePublish(target);
  } catch (error) {
    if (!(error instanceof PublishError)) throw error;
    console.error(`Build failed: ${error.message}; ${lastGood()}.`);
    process.exit(1);
  }
}

/** How many reports the archive holds (files, before any check). */
function reportCount(): number {
  return listFiles(join(contentRoot(), 'reports'), /\.mdx$/).length;
}
