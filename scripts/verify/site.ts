/**
 * The pages of a built site, found from its files (every `.html`), never from a hand-kept list, so a
 * new kind of page is checked the day it is built. A sitemap, when the site has one, must list only
 * pages that exist.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface Problem {
  /** The page or file the problem is in, as a site path (`/reports/x/`) or a file path. */
  where: string;
  message: string;
}

export type PageKind = 'home' | 'report' | 'archive' | 'ticker' | 'tag' | 'search' | 'not-found' | 'other';

export interface Page {
  /** The file, e.g. `dist/reports/x/index.html`. */
  file: string;
  /** The address a reader uses, e.g. `/reports/x/`. */
  path: string;
  kind: PageKind;
}

/** Every file under `root`, as paths relative to it with `/` separators, sorted. */
export function filesOf(root: string): string[] {
  const walk = (folder: string): string[] =>
    readdirSync(folder).flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? walk(path) : [relative(root, path).split(sep).join('/')];
    });
  return walk(root).sort();
}

/** The address of a built file: `reports/x/index.html` → `/reports/x/`, `404.html` → `/404.html`. */
export function pathOf(file: string): string {
  return `/${file}`.replace(/(^|\/)index\.html$/, '$1');
}

/** The kind of page at an address, by the site's URL scheme. */
export function kindOf(path: string): PageKind {
  if (path === '/') return 'home';
  if (path === '/404.html') return 'not-found';
  const [first, second] = path.split('/').filter(Boolean);
  if (first === 'reports' && second) return 'report';
  if (first === 'archive') return 'archive';
  if (first === 'tickers' && second) return 'ticker';
  if (first === 'tags' && second) return 'tag';
  if (first === 'search') return 'search';
  return 'other';
}

export function pagesOf(root: string): Page[] {
  return filesOf(root)
    .filter((file) => file.endsWith('.html'))
    .map((file) => ({ file: join(root, file), path: pathOf(file), kind: kindOf(pathOf(file)) }));
}

/** The `<loc>` addresses of the sitemap (index and its parts), or none when the site has no sitemap. */
export function sitemapPaths(root: string): { paths: string[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const paths: string[] = [];
  const start = ['sitemap-index.xml', 'sitemap.xml'].find((name) => existsSync(join(root, name)));
  if (!start) return { paths, problems };
  const queue = [start];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const file = join(root, name);
    if (!existsSync(file)) {
      problems.push({ where: `/${name}`, message: 'the sitemap index lists a sitemap that was not built' });
      continue;
    }
    for (const [, loc] of readFileSync(file, 'utf8').matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)) {
      const path = new URL(loc).pathname;
      if (path.endsWith('.xml')) queue.push(path.slice(1));
      else paths.push(path);
    }
  }
  return { paths, problems };
}

/** Sitemap entries that lead nowhere. */
export function checkSitemap(root: string, pages: Page[]): { problems: Problem[]; listed: number } {
  const { paths, problems } = sitemapPaths(root);
  const built = new Set(pages.map((page) => page.path));
  for (const path of paths) {
    if (!built.has(path)) problems.push({ where: path, message: 'listed in the sitemap but no page was built at this address' });
  }
  return { problems, listed: paths.length };
}
