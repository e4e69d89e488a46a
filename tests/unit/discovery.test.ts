import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { snapshotSchema } from '../../src/schemas/index.ts';
import { archiveMonths } from '../../src/lib/archive.ts';
import { zonedIso } from '../../src/lib/dates.ts';
import { entityMatcher } from '../../src/lib/entities.ts';
import { jsonFeed, lastModified, rssItem, utcInstant, type FeedReport } from '../../src/lib/feed.ts';
import { authorOf, dataset, newsArticle } from '../../src/lib/jsonld.ts';
import { headlineFigures, ogImageSvg, wrapText } from '../../src/lib/og.ts';
import { authoredFigure, snapshotCsv, snapshotJson, snapshotRows } from '../../src/lib/opendata.ts';
import { relatedFinder, relatedReports, relatedScore } from '../../src/lib/related.ts';
import { absoluteUrl, indexSlug, paths, tickerSlug, url } from '../../src/lib/url.ts';
import { seedSession, seedSnapshotJson } from '../support/seed.ts';

describe('addresses', () => {
  it.each([
    ['00981.HK', '00981-hk'],
    ['SYN01.HK', 'syn01-hk'],
    ['600519.SS', '600519-ss'],
  ])('ticker %s → %s', (ticker, slug) => expect(tickerSlug(ticker)).toBe(slug));

  it.each([
    ['HSI', 'hsi'],
    ['HSTECH', 'hstech'],
  ])('index %s → %s', (symbol, slug) => expect(indexSlug(symbol)).toBe(slug));

  it.each([
    ['/tickers/00981-hk/', '/', '/tickers/00981-hk/'],
    ['/tickers/00981-hk/', '/bell/', '/bell/tickers/00981-hk/'],
    ['/tickers/00981-hk/', '/bell', '/bell/tickers/00981-hk/'],
    ['rss.xml', '/bell/', '/bell/rss.xml'],
    ['/', '/bell/', '/bell/'],
  ])('url(%j, %j) → %j', (path, base, expected) => expect(url(path, base)).toBe(expected));

  it('absolute addresses keep the base path', () => {
    expect(absoluteUrl(paths.report('x'), 'https://example.org', '/bell/')).toBe('https://example.org/bell/reports/x/');
    expect(absoluteUrl(paths.datasetFile('hk', '2025-10-24', 'csv'), new URL('https://example.org'), '/')).toBe('https://example.org/data/hk/2025-10-24.csv');
  });
});

describe('entityMatcher', () => {
  const split = entityMatcher([
    { names: ['00981.HK', 'SMIC', 'Semiconductor Manufacturing International Corporation'], href: '/t/smic/', title: 'SMIC' },
    { names: ['03690.HK', 'Meituan-W', 'Meituan'], href: '/t/meituan/', title: 'Meituan' },
    { names: ['HSI', 'Hang Seng Index'], href: '/i/hsi/', title: 'HSI' },
    { names: ['HSTECH', 'HSTI', 'Hang Seng Tech Index'], href: '/i/hstech/', title: 'HSTECH' },
  ]);
  const links = (text: string) => split(text).filter((s) => s.href).map((s) => [s.text, s.href]);

  it('keeps the words exactly: the runs join back into the text', () => {
    for (const text of ['SMIC (00981.HK) rallied', 'the Hang Seng Index (HSI) rose', 'no names here', '', 'SMIC’s share price']) {
      expect(split(text).map((s) => s.text).join('')).toBe(text);
    }
  });

  it.each([
    ['SMIC (00981.HK) rallied', [['SMIC', '/t/smic/'], ['00981.HK', '/t/smic/']]],
    ['SMIC’s share price', [['SMIC', '/t/smic/']]],
    ['the Hang Seng Tech Index (HSTI) gained', [['Hang Seng Tech Index', '/i/hstech/'], ['HSTI', '/i/hstech/']]],
    // The longest name wins, whatever hyphen the prose uses.
    ['recorded for Meituan\u2011W (03690.HK)', [['Meituan\u2011W', '/t/meituan/'], ['03690.HK', '/t/meituan/']]],
    ['Meituan rose', [['Meituan', '/t/meituan/']]],
    ['Hang\u00a0Seng Index', [['Hang\u00a0Seng Index', '/i/hsi/']]],
    // Whole words only, and case matters.
    ['HSIX and SMICS and hsi and xSMIC', []],
    ['00981.HKX', []],
  ])('%j', (text, expected) => expect(links(text)).toEqual(expected));

  it('links nothing without entities', () => {
    expect(entityMatcher([])('SMIC')).toEqual([{ text: 'SMIC' }]);
  });
});

describe('relatedReports', () => {
  const report = (id: string, date: string, tickers: string[], tags: string[], indices = ['HSI']) => ({ id, date, tickers, tags, indices });
  const seed = report('seed', '2025-10-24', ['00981.HK', '09988.HK'], ['semiconductors', 'technology']);

  it('scores a shared security above a shared tag above a shared index', () => {
    expect(relatedScore(seed, report('a', '2025-10-01', ['00981.HK'], [], []))).toBe(3);
    expect(relatedScore(seed, report('b', '2025-10-01', [], ['technology'], []))).toBe(2);
    expect(relatedScore(seed, report('c', '2025-10-01', [], [], ['HSI']))).toBe(1);
    expect(relatedScore(seed, seed)).toBe(2 * 3 + 2 * 2 + 1);
  });

  it('lists the best first, the newer on a tie, never itself nor a report sharing only an index', () => {
    const candidates = [
      seed,
      report('index-only', '2025-10-30', [], []),
      report('tag-old', '2025-09-01', [], ['technology']),
      report('tag-new', '2025-10-02', [], ['semiconductors']),
      report('stock', '2025-08-01', ['00981.HK'], []),
      report('both', '2025-07-01', ['09988.HK'], ['technology']),
    ];
    expect(relatedReports(seed, candidates).map((r) => r.id)).toEqual(['both', 'stock', 'tag-new', 'tag-old']);
    expect(relatedReports(seed, candidates, 2).map((r) => r.id)).toEqual(['both', 'stock']);
    expect(relatedReports(seed, [seed])).toEqual([]);
  });

  it('picks from an indexed archive exactly what scoring and sorting every report picks', () => {
    // A synthetic archive: few tickers and tags, so most reports share something and ties are common.
    let state = 7;
    const next = (n: number) => {
      state = (state * 48271) % 2147483647;
      return state % n;
    };
    const pick = (pool: string[], count: number) => Array.from({ length: count }, () => pool[next(pool.length)]);
    const archive = Array.from({ length: 300 }, (_, i) =>
      report(`r${i}`, `2025-${String(1 + next(12)).padStart(2, '0')}-${String(1 + next(28)).padStart(2, '0')}`, pick(['SYN01.HK', 'SYN02.HK', 'SYN03.HK', 'SYN04.HK'], next(3)), pick(['tech', 'banks', 'flows'], next(3)), pick(['HSI', 'HSTECH'], next(3))),
    );
    const sortAll = (r: (typeof archive)[number], limit: number) =>
      archive
        .filter((c) => c.id !== r.id && relatedScore({ ...r, indices: [] }, { ...c, indices: [] }) > 0)
        .sort((x, y) => relatedScore(r, y) - relatedScore(r, x) || y.date.localeCompare(x.date) || x.id.localeCompare(y.id))
        .slice(0, limit)
        .map((c) => c.id);
    const find = relatedFinder(archive, 5);
    for (const r of archive) expect(find(r).map((c) => c.id), r.id).toEqual(sortAll(r, 5));
    expect(relatedFinder(archive, 0)(archive[0])).toEqual([]);
  });
});

describe('feeds', () => {
  const report: FeedReport = {
    title: 'A & B <wrap>',
    description: 'Summary.',
    published: '2025-10-24T18:30:00+08:00',
    corrections: [{ date: '2025-10-25T09:00:00+08:00' }, { date: '2025-10-24T20:00:00+08:00' }],
    authors: ['Closing Bell Desk', 'Ann Lee'],
    tags: ['semiconductors'],
    subjects: ['SMIC'],
    url: 'https://example.org/reports/x/',
  };

  it.each([
    ['2025-10-24T18:30:00+08:00', '2025-10-24T10:30:00Z'],
    ['2025-10-24T02:00:00+08:00', '2025-10-23T18:00:00Z'],
    ['2025-10-24T10:30:00.000Z', '2025-10-24T10:30:00Z'],
    ['2025-03-09T01:30:00-05:00', '2025-03-09T06:30:00Z'],
  ])('utcInstant(%j) → %j', (zoned, utc) => expect(utcInstant(zoned)).toBe(utc));

  it('refuses a text that is not a time', () => expect(() => utcInstant('24 Oct')).toThrow(/"24 Oct" is not a date and time/));

  it('the last modification is the latest correction, in UTC', () => {
    expect(lastModified(report)).toBe('2025-10-25T01:00:00Z');
    expect(lastModified({ corrections: [] })).toBeUndefined();
  });

  it('an RSS item carries the instant, the summary, tags and subjects, and escaped authors', () => {
    const item = rssItem({ ...report, authors: ['A & B'] });
    expect(item.pubDate.toUTCString()).toBe('Fri, 24 Oct 2025 10:30:00 GMT');
    expect(item.categories).toEqual(['semiconductors', 'SMIC']);
    expect(item.customData).toBe('<dc:creator>A &amp; B</dc:creator>');
  });

  it('a JSON Feed is version 1.1 with an id, a date and content for every item', () => {
    const feed = jsonFeed({ title: 'T', description: 'D', homePageUrl: 'https://example.org/', feedUrl: 'https://example.org/feed.json' }, [report]);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items[0]).toMatchObject({ id: report.url, date_published: '2025-10-24T10:30:00Z', date_modified: '2025-10-25T01:00:00Z', content_text: 'Summary.' });
    expect(feed.items[0].authors).toEqual([{ name: 'Closing Bell Desk' }, { name: 'Ann Lee' }]);
  });
});

describe('structured data', () => {
  it('a desk is an organisation, a name a person', () => {
    expect(authorOf('Closing Bell Desk')).toEqual({ '@type': 'Organization', name: 'Closing Bell Desk' });
    expect(authorOf('Ann Lee')).toEqual({ '@type': 'Person', name: 'Ann Lee' });
  });

  it('NewsArticle names its securities with their exchange tickers and its dates', () => {
    const article = newsArticle({
      headline: 'H',
      description: 'D',
      url: 'https://example.org/r/',
      published: '2025-10-24T18:30:00+08:00',
      corrections: [],
      authors: ['Closing Bell Desk'],
      tags: ['a', 'b'],
      securities: [{ ticker: '00981.HK', name: 'SMIC', fullName: 'Semiconductor Manufacturing International Corporation', exchange: 'HKEX', url: 'https://example.org/t/' }],
      indices: [{ name: 'Hang Seng Index', url: 'https://example.org/i/' }],
    });
    expect(article).toMatchObject({ '@type': 'NewsArticle', datePublished: '2025-10-24T18:30:00+08:00', dateModified: '2025-10-24T10:30:00Z', keywords: 'a, b' });
    expect(article.about).toEqual([
      { '@type': 'Corporation', name: 'SMIC', legalName: 'Semiconductor Manufacturing International Corporation', tickerSymbol: 'HKEX:00981.HK', url: 'https://example.org/t/' },
    ]);
  });

  it('Dataset lists its files as downloads', () => {
    const data = dataset({ name: 'N', description: 'D', url: 'u', date: '2025-10-24', marketName: 'Hong Kong', source: 's', files: [{ url: 'f.csv', format: 'text/csv' }], variables: ['close'] });
    expect(data.distribution).toEqual([{ '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: 'f.csv' }]);
  });

  it('publication times are given in the market zone, whatever the host zone', () => {
    expect(zonedIso('2025-10-24T10:30:00.000Z', 'Asia/Hong_Kong')).toBe('2025-10-24T18:30:00+08:00');
    expect(zonedIso('2025-10-24T17:00:00Z', 'Asia/Hong_Kong')).toBe('2025-10-25T01:00:00+08:00');
  });
});

describe('open data', () => {
  const snapshot = snapshotSchema.parse(seedSnapshotJson());
  const names = { name: (id: string) => `name of ${id}`, currency: () => 'HKD', marketCurrency: 'HKD' };

  it.each([
    [{ value: 80, qualifier: 'exact' as const }, 80],
    [{ value: 8, qualifier: 'moreThan' as const }, { moreThan: 8 }],
    [{ value: -2, qualifier: 'lessThan' as const }, { lessThan: -2 }],
    [{ value: 26000, qualifier: 'around' as const }, { around: 26000 }],
    [{ value: 0, qualifier: 'exact' as const }, 0],
  ])('authoredFigure(%j) → %j', (figure, expected) => expect(authoredFigure(figure)).toEqual(expected));

  it('the JSON is the snapshot as written, and parses back to the same snapshot', () => {
    expect(snapshotJson(snapshot)).toEqual(seedSnapshotJson());
    expect(snapshotSchema.parse(snapshotJson(snapshot))).toEqual(snapshot);
  });

  it('the CSV has a header, one row per stated figure, and quotes what needs quoting', () => {
    const withComma = { ...snapshot, source: 'x', stocks: [{ ticker: 'A,B.HK', close: { value: 1.5, qualifier: 'around' as const } }], indices: [], flows: [], turnover: undefined };
    const csv = snapshotCsv(withComma as typeof snapshot, { ...names, name: () => 'Name, "quoted"' });
    expect(csv.split('\r\n')[0]).toBe('date,market,kind,id,name,field,value,qualifier,unit,direction,channel');
    expect(parseCsv(csv, { columns: true })).toEqual([
      { date: '2025-10-24', market: 'hk', kind: 'stock', id: 'A,B.HK', name: 'Name, "quoted"', field: 'close', value: '1.5', qualifier: 'around', unit: 'HKD', direction: '', channel: '' },
    ]);
  });

  it('rows name their unit: points for indices, the currency for prices and flows', () => {
    const rows = snapshotRows(snapshot, names);
    expect(rows.find((r) => r.id === 'HSI' && r.field === 'close')).toMatchObject({ unit: 'points', value: 26160, qualifier: 'exact' });
    expect(rows.find((r) => r.id === '00981.HK' && r.field === 'changePercent')).toMatchObject({ unit: 'percent', value: 8, qualifier: 'more than' });
    expect(rows.find((r) => r.kind === 'flow' && r.id === '03690.HK')).toMatchObject({ unit: 'HKD', direction: 'southbound', channel: 'Shenzhen' });
  });
});

describe('share image', () => {
  it.each([
    ['Short title', 30, 3, ['Short title']],
    ['SMIC Sees Strong Surge Amid Broader Asian Tech Rally', 30, 3, ['SMIC Sees Strong Surge Amid', 'Broader Asian Tech Rally']],
    ['one two three four five six', 9, 2, ['one two', 'three…']],
    ['Supercalifragilistic word', 5, 3, ['Supercalifragilistic', 'word']],
    ['', 30, 3, []],
  ])('wrapText(%j, %i, %i)', (text, width, lines, expected) => expect(wrapText(text, width, lines)).toEqual(expected));

  it('escapes the title and shows the headline figures of the seed session', () => {
    const figures = headlineFigures(seedSession(), ['00981.HK', '09988.HK'], ['HSI', 'HSTECH']);
    // Alibaba has no close in the session, so it is skipped for the next figure that has one.
    expect(figures.map((f) => [f.label, f.value.replace(/\u00a0/g, ' '), f.move?.replace(/[\u00a0\u202f]/g, ' '), f.tone])).toEqual([
      ['SMIC · 00981.HK', 'HKD 80', '▲ more than 8 %', 'green'],
      ['HSI', '26,160', '▲ +0.7 %', 'green'],
      ['HSTECH', '6,059', '▲ +1.8 %', 'green'],
    ]);
    const svg = ogImageSvg({ title: 'A & B <C>', kicker: 'Hong Kong', figures });
    expect(svg).toContain('A &amp; B &lt;C&gt;');
    expect(svg).toMatch(/^<svg [^>]*width="1200" height="630"/);
  });
});

describe('archiveMonths', () => {
  it('groups newest-first dates by month and finds the page each month starts on', () => {
    const dates = ['2025-10-24', '2025-10-02', '2025-09-30', '2025-09-29', '2025-09-01', '2025-08-29'];
    expect(archiveMonths(dates, 2)).toEqual([
      { key: '2025-10', count: 2, page: 1 },
      { key: '2025-09', count: 3, page: 2 },
      { key: '2025-08', count: 1, page: 3 },
    ]);
    expect(archiveMonths([])).toEqual([]);
  });
});
