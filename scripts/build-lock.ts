/**
 * One build per output folder and per cache folder at a time: two builds publishing to one `dist/`
 * would sweep each other's work, and two builds sharing a cache would write each other's entries.
 * Builds into different folders with different caches run side by side (what Astro writes to
 * `.astro/` during a build is either written atomically or read only by editors and `astro check`).
 * A lock is a folder (mkdir is atomic) holding `owner.json`: the holder's pid and
 * its start time (on Linux, field 22 of /proc/<pid>/stat), and those of the processes it started.
 *
 * A build waits while the holder runs. It takes the lock over, saying so, when the holder is gone:
 * its pid is dead or a zombie, or alive but started at another time (the pid was reused by an
 * unrelated process), or the lock names no owner at all (a build killed between creating the
 * folder and writing its owner). Processes a killed holder started (Astro, the check) are stopped
 * first, so they cannot write beside the new build.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { dataDigest } from '../src/lib/digest.ts';

interface ProcessId {
  pid: number;
  /** Start time in clock ticks since boot (Linux), or undefined where it cannot be read. */
  start?: number;
}

interface Owner extends ProcessId {
  children: ProcessId[];
}

/** A lock folder with no owner file is taken over once it is this old (its maker died right after mkdir). */
const EMPTY_GRACE_MS = 2000;
const POLL_MS = 200;

/** A process's start time and whether it has exited (a zombie), from /proc; undefined off Linux or when gone. */
export function processInfo(pid: number): { start: number; zombie: boolean } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { start: Number(fields[19]), zombie: fields[0] === 'Z' || fields[0] === 'X' };
  } catch {
    return undefined;
  }
}

function identify(pid: number): ProcessId {
  return { pid, start: processInfo(pid)?.start };
}

/** Whether a process recorded earlier still runs: the same pid, not a zombie, started at the same time. */
export function stillRunning(recorded: ProcessId): boolean {
  if (!Number.isInteger(recorded.pid) || recorded.pid <= 0) return false;
  try {
    process.kill(recorded.pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const info = processInfo(recorded.pid);
  if (!info) return process.platform !== 'linux';
  if (info.zombie) return false;
  return recorded.start === undefined || info.start === recorded.start;
}

function readOwner(lock: string): Owner | undefined {
  try {
    const owner = JSON.parse(readFileSync(join(lock, 'owner.json'), 'utf8')) as Owner;
    return typeof owner?.pid === 'number' ? { ...owner, children: Array.isArray(owner.children) ? owner.children : [] } : undefined;
  } catch {
    return undefined;
  }
}

function writeOwner(lock: string, owner: Owner): void {
  // Written beside and renamed, so a reader never sees half a file.
  const temporary = join(lock, `owner.${process.pid}.tmp`);
  writeFileSync(temporary, JSON.stringify(owner));
  renameSync(temporary, join(lock, 'owner.json'));
}

export interface BuildLock {
  path: string;
  /** Records a process this build started, so a build taking over a dead lock can stop it. */
  addChild(pid: number | undefined): void;
  release(): void;
}

/**
 * The lock for one folder a build writes (its output or its cache), under `locks`: named after the
 * folder's absolute path, so `dist` and `./dist` share a lock and `tests/.tmp/a` and `…/b` do not.
 */
export function folderLockPath(locks: string, folder: string): string {
  const absolute = resolve(folder);
  const tag = dataDigest(absolute).slice(0, 12);
  return join(locks, `${basename(absolute).replace(/[^\w.-]/g, '_')}-${tag}.lock`);
}

/** Waits until no other build holds this lock, then holds it. */
export function acquireBuildLock(path: string, log: (message: string) => void = console.log): BuildLock {
  mkdirSync(join(path, '..'), { recursive: true });
  const owner: Owner = { ...identify(process.pid), children: [] };
  let announced = false;
  for (;;) {
    try {
      mkdirSync(path);
      writeOwner(path, owner);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readOwner(path);
    const stale =
      holder ? (stillRunning(holder) ? undefined : `its build (pid ${holder.pid}) is no longer running`)
      : ageMs(path) > EMPTY_GRACE_MS ? 'it names no build'
      : undefined;
    if (stale) {
      for (const child of holder?.children ?? []) {
        if (stillRunning(child)) {
          try {
            process.kill(child.pid, 'SIGKILL');
          } catch {
            // Gone meanwhile.
          }
        }
      }
      log(`Taking over the build lock ${path}: ${stale}.`);
      // Renamed away first: two builds taking over at once cannot both remove a lock the other made.
      const doomed = `${path}.stale-${process.pid}`;
      try {
        renameSync(path, doomed);
        rmSync(doomed, { recursive: true, force: true });
      } catch {
        // Another build took it over first; try again.
      }
      continue;
    }
    if (!announced) log(`Waiting for another build into the same folder${holder ? ` (pid ${holder.pid})` : ''} to finish…`);
    announced = true;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, POLL_MS);
  }
  return {
    path,
    addChild(pid) {
      if (pid === undefined) return;
      owner.children.push(identify(pid));
      try {
        writeOwner(path, owner);
      } catch {
        // The lock is ours; a missing record only means a takeover cannot stop this child.
      }
    },
    release() {
      if (readOwner(path)?.pid === process.pid) rmSync(path, { recursive: true, force: true });
    },
  };
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** The locks of every folder a build writes, taken in order (so two builds cannot each hold one and wait for the other), held as one. */
export function acquireBuildLocks(paths: string[], log?: (message: string) => void): BuildLock {
  const locks = [...new Set(paths)].sort().map((path) => acquireBuildLock(path, log));
  return {
    path: locks.map((lock) => lock.path).join(', '),
    addChild: (pid) => locks.forEach((lock) => lock.addChild(pid)),
    release: () => locks.forEach((lock) => lock.release()),
  };
}
