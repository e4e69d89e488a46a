/**
 * The real site built from the real content: the seed report states every figure of the article,
 * each one traceable to the session snapshot; only pages with a chart load a script, from the site
 * itself, within the script budget.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedSite, seedSiteOutput } from '../support/site.ts';
import { seedSnapshotJson } from '../support/seed.ts';
import { htmlPages, readable } from '../support/html.ts';

let outDir = '';
let reportHtml = '';

beforeAll(async () => {
  outDir = await seedSite();
  expect(seedSiteOutput(outDir)).toContain('Published to');
  reportHtml = readFileSync(join(outDir, 'reports/2025-10-24-smic-rally/index.html'), 'utf8');
});

describe('the seed report page', () => {
  // Every figure the article states, as the article writes it.
  it.each([
    '26,160',
    '+192',
    '0.7 %',
    '6,059',
    '+108',
    '1.8 %',
    '9,363',
    '+63',
    'HKD 226.61 billion',
    '654.8 million',
    '570.7 million',
    '80',
    '93.5',
    '144.22',
    'more than 8 %',
  ])('states %s', (figure) => {
    expect(readable(reportHtml)).toContain(figure);
  });

  it('binds every figure in the prose to the snapshot, and each bound value is what the snapshot says', () => {
    const snapshot = seedSnapshotJson();
    const index = (symbol: string) => snapshot.indices.find((i: { symbol: string }) => i.symbol === symbol);
    const stock = (ticker: string) => snapshot.stocks.find((s: { ticker: string }) => s.ticker === ticker);
    const flow = (ticker: string) => snapshot.flows.find((f: { ticker: string }) => f.ticker === ticker);
    const percent = (symbol: string) => Math.round((index(symbol).change / (index(symbol).close - index(symbol).change)) * 1000) / 10;
    // The expected value of each figure path, worked out here from the JSON, independently of src/lib.
    const expected: Record<string, number | undefined> = {
      'HSI.close': index('HSI').close,
      'HSI.change': index('HSI').change,
      'HSI.changePercent': percent('HSI'),
      'HSTECH.close': index('HSTECH').close,
      'HSTECH.change': index('HSTECH').change,
      'HSTECH.changePercent': percent('HSTECH'),
      'HSCEI.close': index('HSCEI').close,
      'HSCEI.change': index('HSCEI').change,
      'HSCEI.changePercent': percent('HSCEI'),
      turnover: snapshot.turnover,
      '03690.HK.southboundNetInflow': flow('03690.HK').netInflow,
      '00981.HK.southboundNetInflow': flow('00981.HK').netInflow,
      '00981.HK.close': stock('00981.HK').close,
      '00981.HK.high52w': stock('00981.HK').high52w,
      '00981.HK.peRatio': stock('00981.HK').peRatio,
      // A bound has no single value: the page says "more than 8 %" and gives none.
      '00981.HK.changePercent': undefined,
    };
    const bound = [...reportHtml.matchAll(/<(data|span) class="fig"(?: value="([^"]*)")? data-fig="([^"]+)">([^<]*)</g)].map(
      ([, , value, path, text]) => ({ path, value: value === undefined ? undefined : Number(value), text }),
    );
    expect(new Set(bound.map((b) => b.path))).toEqual(new Set(Object.keys(expected)));
    for (const figure of bound) expect({ path: figure.path, value: figure.value }).toEqual({ path: figure.path, value: expected[figure.path] });
    expect(bound.find((b) => b.path === '00981.HK.changePercent')?.text.replace(/\u00a0/g, ' ')).toBe('more than 8 %');
    expect(readable(reportHtml)).toMatch(/HSI rose 192 points \( 0\.7 % \) to 26,160/);
  });

  it('has the sections of the article, in order (the stock card heading holds markup and is not listed)', () => {
    const headings = [...reportHtml.matchAll(/<h([23])[^>]*>([^<]*)<\/h\1>/g)].map(([, level, title]) => `h${level} ${title.replace(/\u2011/g, '-')}`);
    expect(headings).toEqual([
      // The correction that records the index percents the article states, shown before the body.
      'h2 Market Context',
      'h2 SMIC’s Performance',
      'h2 Drivers Behind the Rally',
      'h3 Sector-Wide Optimism',
      'h3 Policy Support for Self-Reliance',
      'h3 Demand Resurgence',
      'h2 Risks and Considerations',
      'h2 Conclusion',
      'h2 Download the data',
    ]);
  });

  it('dates the session in the market’s style and the publication in HKT', () => {
    const text = readable(reportHtml);
    expect(text).toContain('Friday, 24 October 2025');
    expect(text).toContain('Published 24 October 2025, 18:30 HKT');
    // The instant, machine-readable, with the offset the author wrote (18:30 in Hong Kong).
    expect(reportHtml).toContain('<time datetime="2025-10-24T18:30:00+08:00">');
  });
});

describe('the other pages', () => {
  it('home leads with the latest report and its session strip', () => {
    const home = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(home).toContain('href="/reports/2025-10-24-smic-rally/"');
    expect(readable(home)).toContain('HSI 26,160 up ▲ +192 up ▲ +0.7 %');
  });

  it('the archive lists the report under its month', () => {
    const archive = readable(readFileSync(join(outDir, 'archive/index.html'), 'utf8'));
    expect(archive).toMatch(/October 2025 1 report SMIC Sees Strong Surge Amid Broader Asian Tech Rally 24 Oct 2025/);
  });

  it('there is a 404 page', () => {
    expect(readable(readFileSync(join(outDir, '404.html'), 'utf8'))).toContain('Page not found');
  });

  /** A page's HTML without its JSON-LD blocks, which are data, not scripts that run. */
  const runnable = (page: string) => readFileSync(page, 'utf8').replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g, '');

  it('only pages with a chart, and search, load a script: home, archive and 404 have none', () => {
    const html = htmlPages(outDir);
    expect(html.length).toBeGreaterThanOrEqual(4);
    const withScript = html.filter((page) => /<script\b/i.test(runnable(page))).map((page) => page.slice(outDir.length + 1));
    expect(withScript.sort()).toEqual(['reports/2025-10-24-smic-rally/index.html', 'search/index.html']);
    for (const page of html.filter((p) => !p.endsWith(join('search', 'index.html')))) {
      const charts = (readFileSync(page, 'utf8').match(/<figure class="chart /g) ?? []).length;
      expect(charts > 0, page).toBe(withScript.includes(page.slice(outDir.length + 1)));
    }
  });

  it('the report’s scripts come from the site itself, as files: no inline script, no other host', () => {
    const scripts = [...runnable(join(outDir, 'reports/2025-10-24-smic-rally/index.html')).matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [tag, attributes, body] of scripts) {
      expect(attributes, tag).toMatch(/^ type="module" src="\/_astro\/[^"/]+\.js"$/);
      expect(body).toBe('');
    }
    // Nor inline styles: a strict Content-Security-Policy can then forbid both.
    expect(reportHtml).not.toMatch(/<style\b|\sstyle="/i);
    const files = readdirSync(outDir, { recursive: true }) as string[];
    expect(files.filter((f) => f.endsWith('.js')).every((f) => f.startsWith('_astro/') || f.startsWith('pagefind/'))).toBe(true);
  });
});
