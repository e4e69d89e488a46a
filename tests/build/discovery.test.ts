/**
 * Finding reports again, checked on the real build of the real content: the pages for every stock,
 * index and tag and the links between them, the feeds, the sitemap, the open data and the metadata.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedSite, seedSiteOutput } from '../support/site.ts';
import { seedSnapshotJson } from '../support/seed.ts';
import { htmlPages, readable } from '../support/html.ts';

let outDir = '';
const SITE = 'https://closing-bell.example';
const REPORT = '/reports/2025-10-24-smic-rally/';
const file = (path: string) => readFileSync(join(outDir, path.replace(/\/$/, '/index.html')), 'utf8');
const hrefs = (html: string) => [...html.matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]);
const text = readable;
const jsonLd = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));

beforeAll(async () => {
  outDir = await seedSite();
  expect(seedSiteOutput(outDir)).toMatch(/Search: indexed \d+ report page/);
});

describe('from the seed report to what it is about, and back', () => {
  it.each([
    ['SMIC', '/tickers/00981-hk/'],
    ['Meituan', '/tickers/03690-hk/'],
    ['Alibaba', '/tickers/09988-hk/'],
    ['Xiaomi', '/tickers/01810-hk/'],
    ['the HSI', '/indices/hsi/'],
    ['the Hang Seng TECH Index', '/indices/hstech/'],
    ['the HSCEI', '/indices/hscei/'],
    ['semiconductors', '/tags/semiconductors/'],
    ['technology', '/tags/technology/'],
    ['southbound-flows', '/tags/southbound-flows/'],
  ])('the report links to the page of %s, which links back to the report', (_, page) => {
    expect(hrefs(file(REPORT))).toContain(page);
    expect(hrefs(file(page))).toContain(REPORT);
  });

  it('links every mention of SMIC, its ticker and the indices in the prose, without changing a word', () => {
    const html = file(REPORT);
    const body = html.slice(html.indexOf('class="report-body"'), html.indexOf('class="report-footer"'));
    const links = [...body.matchAll(/<a href="([^"]+)" class="entity-link"[^>]*>([^<]+)<\/a>/g)].map((m) => [m[2], m[1]]);
    expect(links).toContainEqual(['00981.HK', '/tickers/00981-hk/']);
    expect(links).toContainEqual(['Meituan\u2011W', '/tickers/03690-hk/']);
    expect(links).toContainEqual(['HSTI', '/indices/hstech/']);
    expect(links).toContainEqual(['Hang Seng China Enterprises Index', '/indices/hscei/']);
    // Every "SMIC" of the prose is a link: the source text says it ten times outside headings.
    const source = readFileSync('content/reports/2025-10-24-smic-rally.mdx', 'utf8').split('---').slice(2).join('---');
    const prose = source.replace(/^##.*$/gm, '').replace(/<[A-Z][^>]*>/g, '');
    expect(links.filter(([name]) => name === 'SMIC')).toHaveLength(prose.match(/\bSMIC\b/g)!.length);
    // The words are those the author wrote: the opening sentence reads as in the source.
    const words = body.replace(/<[^>]+>/g, '').replace(/[\s\u00a0\u202f]+/g, ' ');
    expect(words).toContain('the Hong Kong-listed semiconductor foundry SMIC (00981.HK) rallied more than 8 % at the close of trading');
    expect(words).toContain('Southbound net inflows of HKD 654.8 million were recorded for Meituan\u2011W (03690.HK).');
  });

  it('the SMIC page names the company and its exchange, shows its latest card and its Southbound flows', () => {
    const page = text(file('/tickers/00981-hk/'));
    expect(page).toContain('SMIC 00981.HK');
    expect(page).toContain('Semiconductor Manufacturing International Corporation');
    expect(page).toContain('HKEX');
    expect(page).toContain('Latest session: Friday, 24 October 2025');
    expect(page).toContain('52-week high HKD 93.5');
    expect(page).toMatch(/24 Oct 2025 Southbound not stated HKD 570\.7 million/);
    expect(text(file('/tickers/03690-hk/'))).toMatch(/24 Oct 2025 Southbound Shenzhen HKD 654\.8 million/);
  });

  it('the HSI page lists its close and change in each snapshot', () => {
    expect(text(file('/indices/hsi/'))).toMatch(/24 Oct 2025 26,160 up ▲ \+192 up ▲ \+0\.7 %/);
  });

  it('the tag index lists every tag with its count', () => {
    const tags = text(file('/tags/'));
    for (const tag of ['semiconductors', 'technology', 'southbound-flows']) expect(tags).toContain(`${tag} 1 report`);
  });
});

describe('feeds, sitemap and robots.txt', () => {
  it('the RSS feed is well-formed RSS 2.0 and lists the seed report with its UTC publication time', () => {
    const xml = readFileSync(join(outDir, 'rss.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const rss = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' || name === 'category' }).parse(xml).rss;
    expect(rss['@_version']).toBe('2.0');
    expect(rss.channel.title).toBe('Closing Bell');
    expect(rss.channel.link).toBe(`${SITE}/`);
    const [item] = rss.channel.item;
    expect(item.title).toBe('SMIC Sees Strong Surge Amid Broader Asian Tech Rally');
    expect(item.link).toBe(`${SITE}${REPORT}`);
    expect(item.description).toMatch(/^SMIC rallied with Asian chip stocks .* lifted Hong Kong’s indices\.$/);
    // Published 18:30 in Hong Kong (UTC+8) is 10:30 GMT.
    expect(item.pubDate).toBe('Fri, 24 Oct 2025 10:30:00 GMT');
    expect(item.category).toEqual(expect.arrayContaining(['semiconductors', 'SMIC']));
  });

  it('the JSON Feed is version 1.1 with the report, its summary and its UTC date', () => {
    const feed = JSON.parse(readFileSync(join(outDir, 'feed.json'), 'utf8'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('Closing Bell');
    expect(feed.feed_url).toBe(`${SITE}/feed.json`);
    expect(feed.items).toHaveLength(1);
    const [item] = feed.items;
    expect(item).toMatchObject({
      id: `${SITE}${REPORT}`,
      url: `${SITE}${REPORT}`,
      title: 'SMIC Sees Strong Surge Amid Broader Asian Tech Rally',
      date_published: '2025-10-24T10:30:00Z',
      authors: [{ name: 'Closing Bell Desk' }],
      image: `${SITE}/og/2025-10-24-smic-rally.png`,
    });
    expect(item.content_text).toBe(item.summary);
    expect(item.summary.length).toBeGreaterThan(100);
  });

  it('the sitemap lists every page but the 404', () => {
    const index = readFileSync(join(outDir, 'sitemap-index.xml'), 'utf8');
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replace(SITE, ''));
    const listed = sitemaps.flatMap((path) => [...readFileSync(join(outDir, path), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
    const pages = htmlPages(outDir)
      .map((path) => relative(outDir, path))
      .filter((path) => path !== '404.html')
      .map((path) => `${SITE}/${path.replace(/index\.html$/, '')}`);
    expect(pages.length).toBeGreaterThanOrEqual(19);
    expect([...listed].sort()).toEqual([...pages].sort());
  });

  it('robots.txt allows crawling and names the sitemap', () => {
    const robots = readFileSync(join(outDir, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
  });

  it('every page advertises both feeds', () => {
    for (const page of ['/', REPORT, '/tickers/00981-hk/']) {
      expect(file(page)).toContain(`<link rel="alternate" type="application/rss+xml" title="Closing Bell (RSS)" href="${SITE}/rss.xml">`);
      expect(file(page)).toContain(`type="application/feed+json"`);
    }
  });
});

describe('open data', () => {
  it('the report links to its session data', () => {
    const links = hrefs(file(REPORT));
    expect(links).toEqual(expect.arrayContaining(['/data/hk/2025-10-24.json', '/data/hk/2025-10-24.csv', '/data/hk/2025-10-24/']));
    expect(text(file(REPORT))).toContain('Download the data');
  });

  it('the JSON file is the snapshot as its author wrote it', () => {
    const published = JSON.parse(readFileSync(join(outDir, 'data/hk/2025-10-24.json'), 'utf8'));
    expect(published).toEqual(seedSnapshotJson());
  });

  it('the CSV reads back into every figure of the snapshot, with its qualifier', () => {
    const rows: Record<string, string>[] = parseCsv(readFileSync(join(outDir, 'data/hk/2025-10-24.csv')), { columns: true });
    const snapshot = seedSnapshotJson();
    const figure = (kind: string, id: string, field: string) => {
      const row = rows.find((r) => r.kind === kind && r.id === id && r.field === field);
      if (!row) return undefined;
      const value = Number(row.value);
      return row.qualifier === 'exact' ? value : { [{ 'more than': 'moreThan', 'less than': 'lessThan', around: 'around' }[row.qualifier]!]: value };
    };
    expect(figure('session', '', 'turnover')).toBe(snapshot.turnover);
    for (const quote of snapshot.indices) {
      for (const field of ['close', 'change', 'changePercent']) expect(figure('index', quote.symbol, field), `${quote.symbol}.${field}`).toEqual(quote[field]);
    }
    const smic = snapshot.stocks.find((s: { ticker: string }) => s.ticker === '00981.HK');
    for (const field of ['close', 'changePercent', 'high52w', 'peRatio']) expect(figure('stock', '00981.HK', field), field).toEqual(smic[field]);
    for (const flow of snapshot.flows) {
      const row = rows.find((r) => r.kind === 'flow' && r.id === flow.ticker)!;
      expect(Number(row.value)).toBe(flow.netInflow);
      expect(row.direction).toBe(flow.direction);
      expect(row.channel).toBe(flow.channel ?? '');
    }
    expect(rows.find((r) => r.id === '09988.HK')).toMatchObject({ field: 'direction', direction: 'up', value: '' });
    // Nothing the snapshot does not state: one row per stated figure.
    // Turnover; close, change and percent of three indices; four SMIC figures; Alibaba's direction; two flows.
    expect(rows).toHaveLength(1 + 9 + 4 + 1 + 2);
  });

  it('the dataset page describes the files with schema.org Dataset', () => {
    const [data] = jsonLd(file('/data/hk/2025-10-24/'));
    expect(data['@type']).toBe('Dataset');
    expect(data.temporalCoverage).toBe('2025-10-24');
    expect(data.distribution.map((d: { contentUrl: string }) => d.contentUrl)).toEqual([
      `${SITE}/data/hk/2025-10-24.json`,
      `${SITE}/data/hk/2025-10-24.csv`,
    ]);
  });
});

describe('metadata', () => {
  it('the report carries NewsArticle JSON-LD naming its securities', () => {
    const [article] = jsonLd(file(REPORT));
    expect(article['@type']).toBe('NewsArticle');
    expect(article.headline).toBe('SMIC Sees Strong Surge Amid Broader Asian Tech Rally');
    expect(article.datePublished).toBe('2025-10-24T18:30:00+08:00');
    expect(file(REPORT)).toContain('<meta property="article:published_time" content="2025-10-24T18:30:00+08:00">');
    expect(article.author).toEqual([{ '@type': 'Organization', name: 'Closing Bell Desk' }]);
    expect(article.about.map((a: { name: string; tickerSymbol: string }) => [a.name, a.tickerSymbol])).toEqual([
      ['SMIC', 'HKEX:00981.HK'],
      ['Alibaba', 'HKEX:09988.HK'],
      ['Xiaomi', 'HKEX:01810.HK'],
      ['Meituan-W', 'HKEX:03690.HK'],
    ]);
  });

  it('the report has canonical, Open Graph and Twitter card tags with its share image', () => {
    const html = file(REPORT);
    expect(html).toContain(`<link rel="canonical" href="${SITE}${REPORT}">`);
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain(`<meta property="og:image" content="${SITE}/og/2025-10-24-smic-rally.png">`);
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(html).toContain('<meta property="og:title" content="SMIC Sees Strong Surge Amid Broader Asian Tech Rally">');
  });

  it('the share image is a 1200×630 PNG', () => {
    const png = readFileSync(join(outDir, 'og/2025-10-24-smic-rally.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  it('only the search page and pages with a chart run JavaScript; the rest carry at most JSON-LD data', () => {
    for (const path of htmlPages(outDir)) {
      const html = readFileSync(path, 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
      const code = scripts.filter((attributes) => !attributes.includes('type="application/ld+json"'));
      if (relative(outDir, path) === 'search/index.html' || html.includes('<figure class="chart ')) expect(code.length, path).toBeGreaterThan(0);
      else expect(code, path).toEqual([]);
    }
  });
});
