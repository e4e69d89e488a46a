/**
 * The script budget: all the JavaScript a page can load, gzipped, stays under a limit. "Can load"
 * follows every import from the page's scripts, including the ones loaded later (a chart's
 * drawing code, fetched when the chart scrolls into view), so the figure is what a reader who
 * reads the whole page downloads.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** 70 kB gzipped for everything a page loads. */
export const SCRIPT_BUDGET_BYTES = 70_000;

export interface ScriptFile {
  /** Site path, e.g. `/_astro/draw.tRu1Gu1v.js`. */
  path: string;
  bytes: number;
  gzipBytes: number;
}

export interface PageScripts {
  page: string;
  files: ScriptFile[];
  gzipBytes: number;
}

/** `<script src>` and `<link rel="modulepreload">` of a page: the site paths of its scripts. */
export function scriptSources(html: string): string[] {
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g), ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)];
  return [...new Set(sources.map((m) => m[1]))];
}

/** Relative imports in a built module, static and dynamic: `from"./x.js"`, `import("./x.js")`. */
export function moduleImports(code: string): string[] {
  const found = code.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+?\.js)["'`]/g);
  return [...new Set([...found].map((m) => m[1]))];
}

/** Every script a page loads or can load later, each once, with its size. */
export function pageScripts(dist: string, pageFile: string): PageScripts {
  const html = readFileSync(join(dist, pageFile), 'utf8');
  const pending = scriptSources(html).filter((src) => src.startsWith('/'));
  const seen = new Map<string, ScriptFile>();
  while (pending.length > 0) {
    const path = pending.pop()!;
    if (seen.has(path)) continue;
    const code = readFileSync(join(dist, path));
    seen.set(path, { path, bytes: code.length, gzipBytes: gzipSync(code).length });
    for (const relative of moduleImports(code.toString('utf8'))) pending.push(posix.join(dirname(path), relative));
  }
  const files = [...seen.values()].sort((a, b) => a.path.localeCompare(b.path));
  return { page: pageFile, files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}
