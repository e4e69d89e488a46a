/**
 * The quality gate fails on what it is meant to catch: each check runs on a small site with one
 * deliberate defect and must name the page and the defect, and on the same site without the defect
 * it must pass (so a failure is the defect's doing, not the fixture's). `npm run verify` runs the
 * same checks on the real site.
 */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInBrowser, COMPLEMENTARY_VIEWS, schemeAndWidthRules, VIEWS } from '../../scripts/verify/browser.ts';
import { checkHtml } from '../../scripts/verify/html.ts';
import { checkLinks } from '../../scripts/verify/links.ts';
import { compareBuilds } from '../../scripts/verify/reproducible.ts';
import { checkSitemap, kindOf, pagesOf, type Problem } from '../../scripts/verify/site.ts';
import { checkOutput, checkSources } from '../../scripts/verify/unsafe.ts';
import { checkWeights, weightTable } from '../../scripts/verify/weight.ts';
import { launchChromium } from '../../scripts/support/browser.ts';
import { fixtureSite, page } from '../support/fixture-site.ts';
import { TMP } from '../support/site.ts';

const SITE_URL = 'https://fixture.example';
const text = (problems: Problem[]) => problems.map((p) => `${p.where}  ${p.message}`).join('\n');

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the good fixture site', () => {
  it('passes every check', async () => {
    const root = fixtureSite('good');
    const pages = pagesOf(root);
    expect(pages.map((p) => p.path)).toEqual(['/', '/other/']);
    expect(text(await checkHtml(pages))).toBe('');
    const links = await checkLinks(root, pages, SITE_URL);
    expect(text(links.problems)).toBe('');
    expect(links.checked).toBeGreaterThan(0);
    expect(text(checkOutput(root))).toBe('');
    expect(text(checkWeights(root, pages).problems)).toBe('');
    const inBrowser = await checkInBrowser(root, pages, { browser });
    expect(text(inBrowser.problems)).toBe('');
    expect(inBrowser.loads).toBe(8);
    expect(inBrowser.rulesPassed).toBeGreaterThan(10);
  }, 90_000);
});

describe('pages', () => {
  it('are every .html of the build, each with its kind', () => {
    const root = fixtureSite('kinds', {
      'reports/2025-10-24-x/index.html': page(),
      'archive/index.html': page(),
      'tickers/00981.HK/index.html': page(),
      'search/index.html': page(),
      '404.html': page(),
    });
    expect(pagesOf(root).map((p) => `${p.path} ${p.kind}`)).toEqual([
      '/404.html not-found',
      '/archive/ archive',
      '/ home',
      '/other/ other',
      '/reports/2025-10-24-x/ report',
      '/search/ search',
      '/tickers/00981.HK/ ticker',
    ]);
    expect(kindOf('/tags/semiconductors/')).toBe('tag');
  });

  it('fail when the sitemap lists an address that was not built', () => {
    const root = fixtureSite('sitemap', {
      'sitemap-index.xml': `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${SITE_URL}/sitemap-0.xml</loc></sitemap></sitemapindex>`,
      'sitemap-0.xml': `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${SITE_URL}/</loc></url><url><loc>${SITE_URL}/reports/gone/</loc></url></urlset>`,
    });
    const result = checkSitemap(root, pagesOf(root));
    expect(result.listed).toBe(2);
    expect(text(result.problems)).toBe('/reports/gone/  listed in the sitemap but no page was built at this address');
  });
});

describe('HTML validity', () => {
  // Three broken sites, checked in one run of each validator (one Java start for the Nu checker):
  // each page's address is prefixed with its site's name, and each test reads its own site's lines.
  const sites = {
    'bad-nesting': { 'index.html': page({ body: '<ul>\n<p>A paragraph where a list item belongs.</p>\n</ul>' }) },
    'missing-alt': { 'index.html': page({ body: '<img src="/chart.svg" width="10" height="10">' }), 'chart.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' },
    'inline-style': { 'index.html': page({ body: '<p style="color: red">Red.</p>' }) },
  };
  let all: Problem[] = [];
  beforeAll(async () => {
    const pages = Object.entries(sites).flatMap(([name, files]) => pagesOf(fixtureSite(name, files)).map((p) => ({ ...p, path: `${name}${p.path}` })));
    all = await checkHtml(pages);
  });
  const problemsOf = (name: keyof typeof sites) => text(all.filter((p) => p.where.startsWith(`${name}/`)).map((p) => ({ ...p, where: p.where.slice(name.length) })));

  it('fails on bad nesting, in both validators, naming page and line', () => {
    const problems = problemsOf('bad-nesting');
    expect(problems).toMatch(/^\/:\d+ +Nu: Element “p” not allowed as child of element “ul”/m);
    expect(problems).toMatch(/^\/:\d+:\d+ +html-validate element-permitted-content: <p> element is not permitted as content under <ul>/m);
  });

  it('fails on an image without alternative text', () => {
    const problems = problemsOf('missing-alt');
    expect(problems).toContain('Nu: An “img” element must have an “alt” attribute');
    expect(problems).toContain('html-validate wcag/h37');
  });

  it('fails on an inline style attribute, which the policy would block', () => {
    expect(problemsOf('inline-style')).toContain('html-validate no-inline-style');
    expect(problemsOf('bad-nesting')).not.toContain('no-inline-style');
  });
});

describe('links', () => {
  it('fails on a dead link, a missing asset, a missing fragment and a dead absolute link to the site, naming the page', async () => {
    const root = fixtureSite('dead-link', {
      'index.html': page({ head: '\n<link rel="icon" href="/missing.svg" type="image/svg+xml">', body: `<p><a href="/reports/gone/">Gone</a> <a href="/other/#nowhere">Nowhere</a> <a href="#intro">Intro</a> <a href="${SITE_URL}/feed.xml">Feed</a></p>` }),
    });
    const result = await checkLinks(root, pagesOf(root), SITE_URL);
    expect(text(result.problems).split('\n').sort()).toEqual([
      '/  broken link /feed.xml: answers 404',
      '/  broken link /missing.svg: answers 404',
      '/  broken link /other/#nowhere: has no element with this id',
      '/  broken link /reports/gone/: answers 404',
    ]);
  }, 30_000);

  it('fails when a canonical link names a page that was not built', async () => {
    const root = fixtureSite('canonical', { 'index.html': page({ head: `\n<link rel="canonical" href="${SITE_URL}/elsewhere/">` }) });
    const result = await checkLinks(root, pagesOf(root), SITE_URL);
    expect(text(result.problems).split('\n')).toEqual(['/  broken link /elsewhere/: answers 404', `/  canonical link ${SITE_URL}/elsewhere/: no page was built at /elsewhere/`]);
  }, 30_000);

  it('fails when there is nothing to check, rather than passing silently', async () => {
    const bare = page().replace(/<p id="intro">[\s\S]*?<\/p>/, '<p>No links.</p>').replace(/<link rel="stylesheet"[^>]*>/, '');
    const root = fixtureSite('no-links', { 'index.html': bare, 'other/index.html': bare });
    const result = await checkLinks(root, pagesOf(root), SITE_URL);
    expect(result.checked).toBe(0);
    expect(text(result.problems)).toContain('no internal link was checked');
  }, 30_000);
});

// Each defect below is found the same way in every view, so one view shows it; the dark-scheme case
// runs the gate's own four views, and the real site is checked in all four (tests/verify/site.test.ts).
const PHONE_LIGHT = VIEWS.filter((view) => view.name === 'phone' && view.scheme === 'light');

describe.concurrent('in the browser', () => {
  it('fails on low contrast', async () => {
    const root = fixtureSite('low-contrast', { 'index.html': page({ body: '<p class="faint">Hard to read.</p>' }), 'style.css': `body { color: #111; background: #fff; } .faint { color: #bbb; }` });
    const problems = text((await checkInBrowser(root, pagesOf(root).filter((p) => p.path === '/'), { browser, views: PHONE_LIGHT })).problems);
    expect(problems).toMatch(/^\/ \(phone, light\) +axe color-contrast \(serious\): Elements must meet minimum color contrast ratio thresholds at \.faint/m);
  }, 120_000);

  it('checks the dark scheme too', async () => {
    const css = `body { color: #111; background: #fff; }
@media (prefers-color-scheme: dark) { body { color: #eee; background: #111; } .muted { color: #444; } }`;
    const root = fixtureSite('dark-contrast', { 'index.html': page({ body: '<p class="muted">Fine in light, unreadable in dark.</p>' }), 'style.css': css });
    const problems = (await checkInBrowser(root, pagesOf(root).filter((p) => p.path === '/'), { browser })).problems;
    const contrast = problems.filter((p) => p.message.startsWith('axe color-contrast'));
    expect(contrast.map((p) => p.where).sort()).toEqual(['/ (desktop, dark)', '/ (phone, dark)']);
  }, 120_000);

  it('fails on an image without alternative text', async () => {
    const root = fixtureSite('missing-alt-browser', { 'index.html': page({ body: '<img src="/chart.svg" width="10" height="10">' }), 'chart.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' });
    const problems = text((await checkInBrowser(root, pagesOf(root).filter((p) => p.path === '/'), { browser, views: PHONE_LIGHT })).problems);
    expect(problems).toContain('axe image-alt (critical)');
  }, 120_000);

  it('fails on an inline script the policy blocks', async () => {
    const root = fixtureSite('inline-script', { 'index.html': page({ body: '<script>document.title = "changed";</script>' }) });
    const problems = text((await checkInBrowser(root, pagesOf(root).filter((p) => p.path === '/'), { browser, views: PHONE_LIGHT })).problems);
    expect(problems).toMatch(/^\/ \(phone, light\) +console error: .*Content Security Policy/m);
    expect(problems).toMatch(/CSP violation: script-src-elem blocked inline/);
  }, 120_000);

  it('fails on a request to another host, even one the page’s own policy allows', async () => {
    const root = fixtureSite('third-party', {
      'index.html': page({ policy: "default-src 'self'; img-src 'self' https://cdn.example.com", body: '<img src="https://cdn.example.com/logo.png" alt="Logo" width="10" height="10">' }),
    });
    const problems = text((await checkInBrowser(root, pagesOf(root).filter((p) => p.path === '/'), { browser, views: PHONE_LIGHT })).problems);
    expect(problems).toMatch(/^\/ \(phone, light\) +request to another host: https:\/\/cdn\.example\.com\/logo\.png/m);
  }, 120_000);

  it('fails on a page without the policy, or with a looser one', async () => {
    const root = fixtureSite('no-policy', { 'index.html': page({ policy: null }), 'other/index.html': page({ policy: "default-src 'self' https:" }) });
    const problems = text((await checkInBrowser(root, pagesOf(root), { browser, views: PHONE_LIGHT })).problems);
    expect(problems).toContain('/  no content security policy');
    expect(problems).toContain("/other/  content security policy has “default-src 'self' https:”, expected “default-src 'self'”");
  }, 120_000);

  it('checks what loads only when scrolled into view', async () => {
    const root = fixtureSite('lazy', {
      'index.html': page({ head: '\n<script type="module" src="/lazy.js"></script>', body: '<p class="tall">Scroll on.</p>\n      <p id="end">The end.</p>' }),
      'style.css': 'body { color: #111; background: #fff; } .tall { height: 3000px; }',
      'lazy.js': "new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) import('/late.js'); }).observe(document.getElementById('end'));",
      'late.js': "console.error('the late module ran');",
    });
    const problems = (await checkInBrowser(root, pagesOf(root).filter((p) => p.path === '/'), { browser, views: PHONE_LIGHT })).problems;
    expect(problems.filter((p) => p.message === 'console error: the late module ran')).toHaveLength(1);
  }, 120_000);

  it('fails on a script error', async () => {
    const root = fixtureSite('script-error', { 'index.html': page({ head: '\n<script type="module" src="/broken.js"></script>' }), 'broken.js': 'null.property;' });
    const problems = text((await checkInBrowser(root, pagesOf(root).filter((p) => p.path === '/'), { browser, views: PHONE_LIGHT })).problems);
    expect(problems).toMatch(/uncaught error: .*null/);
  }, 120_000);
});

describe('views', () => {
  it('two complementary views show each scheme and each width once', () => {
    expect(COMPLEMENTARY_VIEWS.map((v) => `${v.name} ${v.scheme}`)).toEqual(['phone light', 'desktop dark']);
  });

  it('finds a style that applies to one scheme at one width, written either way, and nothing else', () => {
    const css = `
      @media (prefers-color-scheme: dark) { body { color: #eee; } }
      @media (max-width: 30rem) { .card { padding: 0; } }
      @media (prefers-color-scheme: dark) and (max-width: 30rem) { .card { color: #ccc; } }
      @media (min-width: 60rem) { @media (prefers-color-scheme: dark) { .wide { color: #999; } } }
      /* @media (prefers-color-scheme: dark) and (width < 10px) {} */
      @media print { .chart { display: none; } }`;
    expect(schemeAndWidthRules(css)).toEqual([
      '@media (prefers-color-scheme: dark) and (max-width: 30rem)',
      '@media (min-width: 60rem) → @media (prefers-color-scheme: dark)',
    ]);
  });
});

describe('unsafe markup', () => {
  it('fails on inline event handlers and javascript: URLs in the output', () => {
    const root = fixtureSite('unsafe-output', { 'index.html': page({ body: '<p>\n<button type="button" onclick="go()">Go</button>\n<a href=" JavaScript:go()">Go</a>\n</p>' }) });
    expect(text(checkOutput(root)).split('\n')).toEqual([
      'index.html:15  inline event handler onclick="…": move it to a bundled script',
      'index.html:16  javascript: URL: use a link to a page or a bundled script',
    ]);
  });

  it('fails on set:html in the sources', () => {
    const root = fixtureSite('unsafe-source', { 'components/Raw.astro': '---\nconst { html } = Astro.props;\n---\n<div set:html={html} />\n' });
    expect(text(checkSources([root]))).toBe(`${root}/components/Raw.astro:4  set:html renders unescaped HTML: pass text or components instead`);
  });

  it('finds nothing in the real sources', () => {
    expect(text(checkSources(['src', 'content']))).toBe('');
  });
});

describe('page weight', () => {
  const script = { '_astro/page.js': 'import{a}from"./chunk.js";a();', '_astro/chunk.js': `export function a(){document.title="${'x'.repeat(50)}"}` };

  it('fails when a page without a chart or search loads JavaScript, counting imported modules', () => {
    const root = fixtureSite('js-without-chart', { 'reports/x/index.html': page({ head: '\n<script type="module" src="/_astro/page.js"></script>' }), ...script });
    const { problems, weights } = checkWeights(root, pagesOf(root));
    expect(text(problems)).toMatch(/^\/reports\/x\/  loads 0\.\d KB of JavaScript gzipped but has no chart or search/);
    const report = weights.find((w) => w.page.kind === 'report')!;
    expect(report.js).toBeGreaterThan(script['_astro/page.js'].length);
  });

  it('allows JavaScript on a page with a chart, within the budget', () => {
    const root = fixtureSite('js-with-chart', { 'reports/x/index.html': page({ head: '\n<script type="module" src="/_astro/page.js"></script>', body: '<canvas aria-label="A chart" role="img"></canvas>' }), ...script });
    expect(text(checkWeights(root, pagesOf(root)).problems)).toBe('');
  });

  it('fails when a report page is over its budget, and prints the table by kind', () => {
    let seed = 1;
    const noise = Array.from({ length: 60_000 }, () => ((seed = (seed * 16807) % 2147483647), 'abcdefghijklmnopqrstuvwxyz'[seed % 26])).join('');
    const root = fixtureSite('heavy-report', { 'reports/heavy/index.html': page({ body: `<p>${noise}</p>` }) });
    const { problems, weights } = checkWeights(root, pagesOf(root));
    expect(text(problems)).toMatch(/^\/reports\/heavy\/  HTML\+CSS is \d+\.\d KB gzipped, over the report budget of 30\.0 KB$/);
    const table = weightTable(weights);
    expect(table).toMatch(/^\| report +\| 1 +\| \/reports\/heavy\/ +\| \d+\.\d KB \|/m);
    expect(table).toMatch(/^\| home +\| 1 +\| \/ /m);
  });
});

describe('reproducible builds', () => {
  it('fails when two builds differ, naming the files', () => {
    const first = fixtureSite('build-a');
    const second = join(TMP, 'verify-fixtures', 'build-b');
    rmSync(second, { recursive: true, force: true });
    cpSync(first, second, { recursive: true });
    expect(text(compareBuilds(first, second).problems)).toBe('');
    writeFileSync(join(second, 'style.css'), '/* built at 12:00 */');
    writeFileSync(join(second, 'extra.txt'), 'x');
    rmSync(join(second, 'other'), { recursive: true });
    expect(text(compareBuilds(first, second).problems).split('\n')).toEqual([
      'other/index.html  built by the first build only',
      'style.css  differs between two builds of the same input',
      'extra.txt  built by the second build only',
    ]);
  });
});
