import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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

/** The files under a folder whose names match, sorted folder by folder; none when it does not exist. */
export function listFiles(folder: string, pattern: RegExp): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) return listFiles(path, pattern);
      return pattern.test(name) ? [path] : [];
    });
}
