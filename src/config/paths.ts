import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { excerpt } from './problem.ts';

/** Where the content lives: `content/` at the project root, or `CLOSING_BELL_CONTENT` when set. */
export function contentRoot(): string {
  return (process.env.CLOSING_BELL_CONTENT ?? 'content').replace(/\/+$/, '');
}

/**
 * The moment a build or check runs: now, or `CLOSING_BELL_NOW` (an ISO instant) when set, so tests
 * and a scheduled rebuild can say which moment they build for.
 */
export function buildTime(): Date {
  const fixed = process.env.CLOSING_BELL_NOW;
  if (!fixed) return new Date();
  const date = new Date(fixed);
  if (Number.isNaN(date.getTime())) throw new RangeError(`CLOSING_BELL_NOW="${fixed}" is not an ISO date and time`);
  return date;
}

/** Astro's cache folder, where the build also keeps what it can reuse next time (share images). */
export function cacheRoot(): string {
  return process.env.CLOSING_BELL_CACHE_DIR ?? './node_modules/.astro';
}

/** Where the content check keeps each report's results by digest (src/check/results-cache.ts). */
export function checkResultsPath(cache = cacheRoot()): string {
  return `${cache.replace(/\/+$/, '')}/closing-bell-check.json`;
}

/** Folders of generated files that hold no sources: test runs and the benchmark's archives. */
const SCRATCH = ['tests/.tmp', 'bench/.work'];
/** Built sites, their sibling folders and build caches, wherever they are. */
const BUILT = /(^|[/\\])(dist|dist\.[^/\\]*|\.build-cache)([/\\]|$)/;

/**
 * What the dev server's watcher skips (`vite.server.watch.ignored`): built sites and caches, and
 * everything under the scratch folders of tests and the benchmark except the content folder in use
 * and the folders on the way to it. After a test run or a benchmark these hold tens of thousands of
 * files, which the watcher would otherwise crawl before the server could start.
 */
export function unwatched(projectRoot: string, content = contentRoot()): (path: string) => boolean {
  const root = resolve(projectRoot);
  const contentFolder = resolve(root, content);
  const scratch = SCRATCH.map((folder) => resolve(root, folder));
  const within = (path: string, folder: string) => path === folder || path.startsWith(folder + sep);
  return (path) => {
    const absolute = resolve(root, path);
    if (BUILT.test(relative(root, absolute))) return true;
    if (!scratch.some((folder) => within(absolute, folder))) return false;
    return !(within(absolute, contentFolder) || contentFolder.startsWith(absolute + sep));
  };
}

/**
 * The files under a folder whose names match, sorted folder by folder; none when it does not exist.
 * Symbolic links are never followed, whether to a file or a folder: content is the regular files
 * inside the content folder, and a link could make the site read (and print) anything on the machine.
 * The content check names each link it skips (`scanContent`).
 */
export function listFiles(folder: string, pattern: RegExp): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return listFiles(path, pattern);
      return entry.isFile() && pattern.test(entry.name) ? [path] : [];
    });
}

/** Whether a path is a folder (the content root itself may be reached through a link). */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Whether a path is a regular file, read without following a symbolic link. */
export function isRegularFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * What each content folder may hold, file by file: the names the site turns into addresses and ids.
 * The README's "File names" section says the same; a name outside these is refused with its path.
 */
export interface FolderLayout {
  /** The folder under the content root. */
  folder: string;
  /** A file's path inside the folder, with `/` between parts. */
  name: RegExp;
  /** What the pattern means, for the message. */
  described: string;
  /** The largest file accepted, in bytes. */
  maxBytes: number;
}

const MIB = 1024 * 1024;
/** Lower-case words of letters and digits joined by single hyphens: `2025-10-24-smic-rally`. */
const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';

export const CONTENT_LAYOUT: readonly FolderLayout[] = [
  { folder: 'reports', name: new RegExp(`^(?:${SLUG}/)*${SLUG}\.mdx$`), described: 'lower-case letters, digits and single hyphens, ending in .mdx (2025-10-24-smic-rally.mdx), optionally in folders named the same way', maxBytes: MIB },
  { folder: 'markets', name: /^[a-z]{2,8}\/\d{4}-\d{2}-\d{2}\.json$/, described: 'a market folder of lower-case letters and a session date, <market>/YYYY-MM-DD.json (hk/2025-10-24.json)', maxBytes: 4 * MIB },
  { folder: 'securities', name: /^[0-9A-Z]{1,6}\.[A-Z]{2}\.json$/, described: 'the ticker in capitals and .json (00981.HK.json)', maxBytes: MIB },
  { folder: 'indices', name: /^[A-Z0-9]{2,12}\.json$/, described: 'the index symbol in capitals and .json (HSI.json)', maxBytes: MIB },
  { folder: 'calendars', name: new RegExp(`^${SLUG}\.json$`), described: 'lower-case letters, digits and single hyphens, ending in .json (hkex.json)', maxBytes: MIB },
  { folder: 'prices', name: /^[0-9A-Z]{1,6}\.[A-Z]{2}\.csv$/, described: 'the ticker in capitals and .csv (00981.HK.csv)', maxBytes: 8 * MIB },
];

/** Files at the top of the content folder, and their limits. */
export const CONTENT_FILES: readonly { name: string; maxBytes: number }[] = [{ name: 'retractions.json', maxBytes: MIB }];

/** Files an operating system or editor leaves behind, never read, never refused. */
const IGNORED = new Set(['.DS_Store', '.gitkeep', 'Thumbs.db', 'desktop.ini']);

export interface RefusedEntry {
  /** The path under the content root, with `/`. */
  path: string;
  message: string;
}

/**
 * Every entry under the content root, without following links: what the loaders would read (by
 * folder, absolute paths, sorted) and what is refused, each with why: symbolic links, anything that
 * is not a regular file or folder, names outside the folder's pattern, paths that differ from
 * another only in case (they collide on macOS and Windows), and files over their size.
 */
export function scanContent(root: string): { files: Map<string, string[]>; refused: RefusedEntry[] } {
  const files = new Map<string, string[]>(CONTENT_LAYOUT.map((layout) => [layout.folder, []]));
  const refused: RefusedEntry[] = [];
  const byFolded = new Map<string, string>();
  const sizeLimit = (path: string, size: number, maxBytes: number) => {
    if (size <= maxBytes) return true;
    refused.push({ path, message: `found a file of ${megabytes(size)}, expected at most ${megabytes(maxBytes)}: a content file this large is a mistake (or data that belongs elsewhere)` });
    return false;
  };
  const caseClash = (path: string) => {
    const folded = path.toLowerCase();
    const other = byFolded.get(folded);
    if (other === undefined) {
      byFolded.set(folded, path);
      return false;
    }
    refused.push({ path, message: `found a name that differs from ${other} only in case, expected distinct names: the two are one file on macOS and Windows` });
    return true;
  };
  // An explicit stack, not recursion: a folder nested thousands deep must not overflow the check.
  const stack: { absolute: string; path: string; layout?: FolderLayout }[] = [{ absolute: root, path: '' }];
  while (stack.length > 0) {
    const { absolute, path, layout } = stack.pop()!;
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch {
      continue;
    }
    const folders: typeof stack = [];
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const childPath = path ? `${path}/${entry.name}` : entry.name;
      const childAbsolute = join(absolute, entry.name);
      if (IGNORED.has(entry.name)) continue;
      if (entry.isSymbolicLink()) {
        refused.push({ path: childPath, message: 'found a symbolic link, expected a regular file or folder inside the content folder: a link can point anywhere on the machine, so none is read' });
        continue;
      }
      if (caseClash(childPath)) continue;
      if (entry.isDirectory()) {
        const own = layout ?? (path === '' ? CONTENT_LAYOUT.find((l) => l.folder === entry.name) : undefined);
        // Folders the site does not read (other than its own) are left alone, as before.
        if (own) folders.push({ absolute: childAbsolute, path: childPath, layout: own });
        continue;
      }
      if (!entry.isFile()) {
        refused.push({ path: childPath, message: 'found something that is not a regular file (a device, socket or pipe), expected a regular file' });
        continue;
      }
      if (!layout) {
        const top = CONTENT_FILES.find((f) => f.name === entry.name);
        if (top && sizeLimit(childPath, lstatSync(childAbsolute).size, top.maxBytes)) files.set(top.name, [childAbsolute]);
        continue;
      }
      const inside = relative(join(root, layout.folder), childAbsolute).split('\\').join('/');
      if (!layout.name.test(inside)) {
        refused.push({ path: childPath, message: `found the file name ${excerpt(inside, 80)}, expected ${layout.described}; see "File names" in the README` });
        continue;
      }
      if (!sizeLimit(childPath, lstatSync(childAbsolute).size, layout.maxBytes)) continue;
      files.get(layout.folder)!.push(childAbsolute);
    }
    // Reversed onto the stack, so folders are walked in name order.
    for (const folder of folders.reverse()) stack.push(folder);
  }
  for (const list of files.values()) list.sort();
  return { files, refused };
}

function megabytes(bytes: number): string {
  return `${(bytes / MIB).toFixed(bytes < MIB ? 2 : 1)} MiB`;
}
