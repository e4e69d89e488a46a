/**
 * Publishing a build so that readers, and the next build, always see one complete site at `dist/`.
 *
 * `dist` is a symbolic link to a folder of its own build, `dist.sites/<build>/`. A build writes a
 * new folder there; publishing points a temporary link at it and renames that link over `dist`: one
 * rename(2), atomic, so at every instant `dist` is either the whole previous site or the whole new
 * one. The previous folder is deleted only after the new one is in place. Whatever a build leaves
 * when it is killed (a half-written folder, a temporary link) is swept by the next build.
 *
 * The names next to `dist` (all in .gitignore): `dist.sites/` (every build's folder, and its share
 * images while they are drawn) and `dist.link-<pid>` (the link about to replace `dist`). Older
 * builds published with two renames through `dist.next/` and `dist.previous-<pid>/`; those are swept
 * too, and a `dist/` that is still a plain folder is moved into `dist.sites/` when first replaced.
 *
 * Tests stop or pause a build at each step (see `stopAt`).
 */
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** The steps a test can stop a build after, in order. */
export const PUBLISH_STEPS = ['prepared', 'built', 'indexed', 'linked', 'moved', 'published'] as const;
export type PublishStep = (typeof PUBLISH_STEPS)[number];

/**
 * Test hooks, after each step: with `CLOSING_BELL_STOP_AT=<step>` the build kills itself (SIGKILL,
 * as `kill -9` would, so nothing gets to clean up); with `CLOSING_BELL_PAUSE_FILE=<path>` it writes
 * the step's name there and waits until the file is deleted, so a test can look at `dist/` (or kill
 * the build) at that instant.
 */
export function stopAt(step: PublishStep): void {
  if (process.env.CLOSING_BELL_STOP_AT === step) process.kill(process.pid, 'SIGKILL');
  const pause = process.env.CLOSING_BELL_PAUSE_FILE;
  if (!pause) return;
  writeFileSync(pause, step);
  while (existsSync(pause)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
}

/** A publishing problem the author can act on, printed as one line. */
export class PublishError extends Error {}

export interface PublishPlan {
  /** `dist` as given. */
  target: string;
  /** The folder this build writes its site into, `dist.sites/<build>`. */
  site: string;
  /** Where share images are drawn before they move into the site. */
  images: string;
}

const sitesOf = (target: string) => `${target}.sites`;
const linkOf = (target: string) => `${target}.link-${process.pid}`;

/** What `dist` points at now (a folder name inside `dist.sites/`), if it is one of ours. */
function currentSite(target: string): string | undefined {
  try {
    if (!lstatSync(target).isSymbolicLink()) return undefined;
    return basename(readlinkSync(target));
  } catch {
    return undefined;
  }
}

function kindOf(path: string): 'link' | 'folder' | 'other' | undefined {
  try {
    const stat = lstatSync(path);
    return stat.isSymbolicLink() ? 'link' : stat.isDirectory() ? 'folder' : 'other';
  } catch {
    return undefined;
  }
}

/** An error from the file system as one line an author can act on. */
function describe(error: unknown, doing: string): PublishError {
  const e = error as NodeJS.ErrnoException;
  const why =
    e?.code === 'EPERM' || e?.code === 'EACCES' ? 'permission denied (is the folder read-only or immutable, e.g. chattr +i?)'
    : e?.code === 'ENOSPC' ? 'the disk is full'
    : e?.code === 'EROFS' ? 'the file system is read-only'
    : e?.code === 'ENOTDIR' ? 'a file stands where a folder is needed'
    : (e?.message ?? String(error));
  return new PublishError(`cannot ${doing}: ${why}${e?.code ? ` (${e.code})` : ''}`);
}

/**
 * Before a build: sweeps what killed builds left, checks that `dist` can be replaced (so a read-only
 * folder fails now, in one line, not after the whole build), and names this build's folder.
 */
export function preparePublish(target: string): PublishPlan {
  const parent = dirname(resolve(target));
  const sites = sitesOf(target);
  const kind = kindOf(target);
  if (kind === 'other') throw new PublishError(`cannot publish to ${target}: it is a file, expected a folder or a link to one; move it away`);
  try {
    mkdirSync(parent, { recursive: true });
    if (kindOf(sites) === undefined) mkdirSync(sites);
  } catch (error) {
    throw describe(error, `create ${sites}/ for the new site`);
  }
  restore(target);
  sweep(target);
  // A trial link, made and removed where the real one will be, and a trial folder in dist.sites/.
  const link = linkOf(target);
  const id = `${Date.now().toString(36)}-${process.pid}`;
  const site = join(sites, id);
  try {
    symlinkSync(join(basename(sites), id), link);
    rmSync(link, { force: true });
    mkdirSync(site);
  } catch (error) {
    rmSync(link, { force: true });
    throw describe(error, `publish to ${target} (in ${parent || '.'})`);
  }
  return { target, site, images: `${site}.og` };
}

/**
 * Puts the built site in place of `dist` with one rename of a link, then deletes every other site
 * folder in the background. Throws a PublishError (one line) and leaves the previous site when the
 * rename cannot be done.
 */
export function publish(plan: PublishPlan): void {
  const { target, site } = plan;
  const sites = sitesOf(target);
  const link = linkOf(target);
  const pointTo = join(basename(sites), basename(site));
  try {
    rmSync(link, { force: true });
    symlinkSync(pointTo, link);
  } catch (error) {
    rmSync(link, { force: true });
    throw describe(error, `publish to ${target}`);
  }
  stopAt('linked');
  if (kindOf(target) === 'folder') {
    // Once, when dist/ is still a plain folder from an older build: it moves into dist.sites/ and the
    // link takes its place right after. (Only this first publish has an instant without dist/.)
    try {
      renameSync(target, join(sites, `folder-${process.pid}`));
    } catch (error) {
      rmSync(link, { force: true });
      throw describe(error, `move the old ${target}/ into ${sites}/`);
    }
    stopAt('moved');
  }
  try {
    renameSync(link, target);
  } catch (error) {
    rmSync(link, { force: true });
    throw describe(error, `publish to ${target}`);
  }
  stopAt('published');
  for (const name of readdirSync(sites)) {
    if (name !== basename(site)) deleteInBackground(join(sites, name));
  }
}

/** A build that failed: its folder goes, the published site stays. */
export function discard(plan: PublishPlan): void {
  rmSync(plan.images, { recursive: true, force: true });
  rmSync(plan.site, { recursive: true, force: true });
}

/** What `dist` shows now, for messages. */
export function lastGood(target: string): string {
  return existsSync(target) ? `${target}/ still holds the last good site` : `nothing was published to ${target}/`;
}

/**
 * When `dist` is missing because a build was killed while moving an old plain `dist/` folder aside
 * (the one step with no `dist`, see `publish`), puts that site back behind the link before anything
 * is swept, so the last good site is never lost.
 */
function restore(target: string): void {
  if (kindOf(target) !== undefined) return;
  const sites = sitesOf(target);
  const moved = readdirSync(sites).filter((name) => name.startsWith('folder-')).sort().at(-1);
  if (!moved) return;
  const link = linkOf(target);
  rmSync(link, { force: true });
  symlinkSync(join(basename(sites), moved), link);
  renameSync(link, target);
}

/**
 * Deletes what killed or failed builds left beside `dist`: temporary links, folders in
 * `dist.sites/` that `dist` does not point at, and the `dist.next/` and `dist.previous-*` of older
 * builds. Large folders are deleted in the background.
 */
function sweep(target: string): void {
  const parent = dirname(resolve(target));
  const base = basename(target);
  const keep = currentSite(target);
  for (const name of readdirSync(parent)) {
    const path = join(parent, name);
    if (name.startsWith(`${base}.link-`)) rmSync(path, { force: true });
    else if (name === `${base}.next` || name === `${base}.og` || name.startsWith(`${base}.previous-`)) deleteInBackground(path);
  }
  const sites = sitesOf(target);
  for (const name of readdirSync(sites)) {
    if (name !== keep) deleteInBackground(join(sites, name));
  }
}

/**
 * Deletes a folder from a process of its own that outlives this one: with thousands of pages the
 * deletion took ~2 s of a rebuild, and nobody needs to wait for it. Renamed first, so the name is
 * free at once and a later sweep never meets a half-deleted folder under a name it would keep.
 */
function deleteInBackground(path: string): void {
  let doomed = path;
  if (!basename(path).startsWith('deleting-')) {
    doomed = join(dirname(path), `deleting-${basename(path)}`);
    try {
      renameSync(path, doomed);
    } catch {
      doomed = path;
    }
  }
  spawn(process.execPath, ['-e', `require('node:fs').rmSync(${JSON.stringify(doomed)}, { recursive: true, force: true })`], { detached: true, stdio: 'ignore' }).unref();
}
