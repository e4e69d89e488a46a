/**
 * A project site on GitHub Pages lives under /<repo>/: built with BASE_PATH=/closing-bell/, every
 * internal link, asset, feed entry, sitemap entry and canonical URL stays under the base, and every
 * internal link resolves to a built file.
 */
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { runBuild, TMP } from '../support/site.ts';

const outDir = join(TMP, 'base-path-site');
const BASE = '/closing-bell/';
const SITE = 'https://desk.example.github.io';

function files(folder: string, ending: string): string[] {
  return readdirSync(folder, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith(ending) && statSync(join(folder, name)).isFile());
}

/** Every URL an HTML page points at: href, src, srcset, action, and content of og/twitter URL metas. */
function urls(html: string): string[] {
  const found = [...html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) => m[1]);
  for (const [, set] of html.matchAll(/\ssrcset="([^"]*)"/g)) found.push(...set.split(',').map((s) => s.trim().split(/\s+/)[0]));
  for (const [, url] of html.matchAll(/<meta (?:property|name)="(?:og:url|og:image|twitter:image)" content="([^"]*)"/g)) found.push(url);
  return found.map((u) => u.replace(/&amp;/g, '&'));
}

beforeAll(async () => {
  rmSync(outDir, { recursive: true, force: true });
  const result = await runBuild({ outDir, env: { BASE_PATH: BASE, SITE_URL: SITE } });
  expect(result.code, result.output).toBe(0);
});

it('every internal link and asset of every page is under the base and resolves to a built file', () => {
  let checked = 0;
  const broken: string[] = [];
  for (const page of files(outDir, '.html')) {
    for (const raw of urls(readFileSync(join(outDir, page), 'utf8'))) {
      if (/^(mailto:|data:|#)/.test(raw)) continue;
      const url = new URL(raw, `${SITE}${BASE}${page.replace(/index\.html$/, '')}`);
      if (url.origin !== SITE) continue;
      checked++;
      if (!url.pathname.startsWith(BASE)) {
        broken.push(`${page}: ${raw} is outside ${BASE}`);
        continue;
      }
      const path = join(outDir, decodeURIComponent(url.pathname.slice(BASE.length)));
      const target = url.pathname.endsWith('/') ? join(path, 'index.html') : path;
      if (!existsSync(target)) broken.push(`${page}: ${raw} → nothing at ${target.slice(outDir.length)}`);
    }
  }
  expect(broken).toEqual([]);
  expect(checked).toBeGreaterThan(100);
});

it('canonical URLs, feed items and sitemap entries carry the site and the base', () => {
  const report = readFileSync(join(outDir, 'reports/2025-10-24-smic-rally/index.html'), 'utf8');
  expect(report).toContain(`<link rel="canonical" href="${SITE}${BASE}reports/2025-10-24-smic-rally/">`);
  const rss = readFileSync(join(outDir, 'rss.xml'), 'utf8');
  expect(rss).toContain(`<link>${SITE}${BASE}reports/2025-10-24-smic-rally/</link>`);
  const feed = JSON.parse(readFileSync(join(outDir, 'feed.json'), 'utf8'));
  expect(feed.items[0].url).toBe(`${SITE}${BASE}reports/2025-10-24-smic-rally/`);
  const sitemap = files(outDir, '.xml').filter((f) => f.startsWith('sitemap-') && f !== 'sitemap-index.xml').map((f) => readFileSync(join(outDir, f), 'utf8')).join('');
  const locs = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
  expect(locs.length).toBeGreaterThan(5);
  expect(locs.filter((loc) => !loc.startsWith(`${SITE}${BASE}`))).toEqual([]);
  expect(readFileSync(join(outDir, 'robots.txt'), 'utf8')).toContain(`${SITE}${BASE}sitemap-index.xml`);
});

it('the search index is built under the base too', () => {
  const search = readFileSync(join(outDir, 'search/index.html'), 'utf8');
  expect(search).toMatch(new RegExp(`${BASE}pagefind/`));
  expect(existsSync(join(outDir, 'pagefind/pagefind.js'))).toBe(true);
});
