/**
 * Every internal link, asset and `#fragment` of every page resolves. linkinator crawls the site
 * served as a static host would serve it, starting from every page (so pages nothing links to are
 * checked too); links to other hosts are counted but not fetched. The site's own absolute addresses
 * (feeds, canonical and share links) are fetched from the local copy, and a canonical link must name
 * a built page.
 */
import { readFileSync } from 'node:fs';
import { LinkChecker } from 'linkinator';
import { serveStatic } from '../support/serve.ts';
import type { Page, Problem } from './site.ts';

export interface LinkReport {
  problems: Problem[];
  /** Distinct internal addresses (with their fragments) found on pages, fetched and resolved. */
  checked: number;
  /** Links to other hosts, not fetched. */
  external: number;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const sameSite = (link: string, origin: string) => link === origin || link.startsWith(`${origin}/`);

export async function checkLinks(root: string, pages: Page[], siteUrl: string): Promise<LinkReport> {
  const problems: Problem[] = [];
  const site = await serveStatic(root);
  const local = (url: string) => url.replace(site.url, '') || '/';
  let checked = 0;
  let external = 0;
  try {
    const result = await new LinkChecker().check({
      path: pages.map((page) => site.url + page.path),
      recurse: true,
      checkCss: true,
      checkFragments: true,
      concurrency: 8,
      // The site's own absolute addresses (feeds, canonical and share links) are checked locally.
      urlRewriteExpressions: [{ pattern: new RegExp(`^${escapeRegExp(new URL(siteUrl).origin)}(?=/|$)`), replacement: site.url }],
      linksToSkip: async (link) => !sameSite(link, site.url) && !sameSite(link, new URL(siteUrl).origin),
    });
    for (const link of result.links) {
      if (link.state === 'SKIPPED') {
        external++;
        continue;
      }
      // Start pages have no parent: they are the crawl's roots, not links found on a page.
      if (link.parent) checked++;
      if (link.state === 'BROKEN') {
        const what = link.status && link.status !== 200 ? `answers ${link.status}` : link.url.includes('#') ? 'has no element with this id' : 'cannot be fetched';
        problems.push({ where: link.parent ? local(link.parent) : local(link.url), message: `broken link ${local(link.url)}: ${what}` });
      }
    }
  } finally {
    await site.close();
  }

  // The site's own absolute addresses (canonical links and the like) must be built pages.
  const origin = new URL(siteUrl).origin;
  const built = new Set(pages.map((page) => page.path));
  for (const page of pages) {
    for (const [, href] of readFileSync(page.file, 'utf8').matchAll(/<link\b[^>]*\brel="canonical"[^>]*\bhref="([^"]+)"/g)) {
      const url = new URL(href.replace(/&amp;/g, '&'), origin);
      checked++;
      if (url.origin !== origin) problems.push({ where: page.path, message: `canonical link ${href} is not on ${origin}` });
      else if (!built.has(url.pathname)) problems.push({ where: page.path, message: `canonical link ${href}: no page was built at ${url.pathname}` });
    }
  }
  if (checked === 0) problems.push({ where: root, message: 'no internal link was checked: the link check found nothing to check' });
  return { problems, checked, external };
}
