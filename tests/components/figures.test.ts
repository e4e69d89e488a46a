/**
 * Figures as the source wrote them, and nothing rendered empty: components rendered through Astro's
 * Container API from synthetic snapshots read as the build reads them (text with its literals).
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import IndexTable from '../../src/components/IndexTable.astro';
import StockCard from '../../src/components/StockCard.astro';
import MarketStats from '../../src/components/MarketStats.astro';
import MoversTable from '../../src/components/MoversTable.astro';
import Fig from '../../src/components/Fig.astro';
import { snapshotSchema, type MarketIndex, type Security } from '../../src/schemas/index.ts';
import { buildSession, type SessionView } from '../../src/lib/session.ts';
import { jsonLiterals, withWrittenDecimals } from '../../src/lib/written.ts';
import { headlineFigures, ogImageLayout } from '../../src/lib/og.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const security = (ticker: string, name: string): Security => ({ ticker, name, exchange: 'HKEX', market: 'hk', currency: 'HKD', aliases: [] });
const index = (symbol: string, name: string): MarketIndex => ({ symbol, name, market: 'hk', aliases: [] });
const REGISTRIES = {
  securities: new Map(Array.from({ length: 12 }, (_, i) => security(`SYN${String(i + 1).padStart(2, '0')}.HK`, `Synthetic ${i + 1}`)).map((s) => [s.ticker, s])),
  indices: new Map([index('SYNA', 'Synthetic A Index'), index('SYNB', 'Synthetic B Index')].map((i) => [i.symbol, i])),
};

/** A session from snapshot text, as the build reads it: each figure with the decimals written. */
function session(body: string): SessionView {
  const text = `{ "market": "hk", "date": "2025-10-24", "source": "Synthetic test data", ${body} }`;
  return buildSession(withWrittenDecimals(snapshotSchema.parse(JSON.parse(text)), jsonLiterals(text)), REGISTRIES);
}

/** Visible text with tags dropped and spaces (including no-break spaces) collapsed. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/[\s\u00a0]+/g, ' ').trim();
const rows = (html: string) => {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) => [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell]) => text(cell)));
};

const WRITTEN = session(`
  "indices": [{ "symbol": "SYNA", "close": 26160.20, "change": -70.50, "changePercent": -0.27 }],
  "stocks": [{ "ticker": "SYN01.HK", "close": 80.00, "change": -0.22, "changePercent": -0.27, "high52w": 93.50, "high": 81.20, "low": 79.10, "turnover": 1250000000, "volume": 15600000 }]
`);

describe('figures keep the digits written', () => {
  it('StockCard prints 80.00, −0.27 % and 93.50, with turnover, volume and the day’s high and low', async () => {
    const visible = text(await container.renderToString(StockCard, { props: { session: WRITTEN, ticker: 'SYN01.HK' } }));
    expect(visible).toContain('Close HKD 80.00');
    expect(visible).toContain('down ▼ −0.22');
    expect(visible).toContain('down ▼ −0.27 %');
    expect(visible).toContain('52-week high HKD 93.50');
    expect(visible).toContain('Intraday high HKD 81.20');
    expect(visible).toContain('Intraday low HKD 79.10');
    expect(visible).toContain('Turnover HKD 1.25 billion');
    expect(visible).toContain('Volume 15,600,000 shares');
  });

  it('IndexTable and Fig print the written digits too', async () => {
    expect(rows(await container.renderToString(IndexTable, { props: { session: WRITTEN } }))).toEqual([
      ['Synthetic A Index SYNA', '26,160.20', 'down ▼ −70.50', 'down ▼ −0.27 %'],
    ]);
    const fig = await container.renderToString(Fig, { props: { session: WRITTEN, of: 'SYN01.HK.close' } });
    expect(text(fig)).toBe('HKD 80.00');
    expect(fig).toContain('value="80"');
  });
});

describe('nothing renders empty', () => {
  const PERCENT_ONLY = session(`
    "indices": [{ "symbol": "SYNA", "changePercent": 1.25 }, { "symbol": "SYNB", "changePercent": -0.4, "note": "Synthetic: the source gives the fall in words only." }],
    "stocks": [{ "ticker": "SYN01.HK", "changePercent": 3.1 }, { "ticker": "SYN02.HK", "changePercent": { "moreThan": 2 }, "direction": "down" }]
  `);

  it('a stock card with only a percent has its move and no empty figure list', async () => {
    const html = await container.renderToString(StockCard, { props: { session: PERCENT_ONLY, ticker: 'SYN01.HK' } });
    expect(text(html)).toContain('up ▲ +3.1 %');
    expect(html).not.toContain('<dl');
    const fall = text(await container.renderToString(StockCard, { props: { session: PERCENT_ONLY, ticker: 'SYN02.HK' } }));
    expect(fall).toContain('down ▼ more than 2 %');
  });

  it('an index table of percents only has one column of figures, and shows an index’s note', async () => {
    const html = await container.renderToString(IndexTable, { props: { session: PERCENT_ONLY } });
    expect(rows(html)).toEqual([
      ['Synthetic A Index SYNA', 'up ▲ +1.25 %'],
      ['Synthetic B Index SYNB Synthetic: the source gives the fall in words only.', 'down ▼ −0.4 %'],
    ]);
  });

  it('MarketStats renders nothing for a session without session figures, and breadth and flow totals when stated', async () => {
    expect((await container.renderToString(MarketStats, { props: { session: PERCENT_ONLY } })).trim()).toBe('');
    const stats = session(`
      "breadth": { "advancers": 812, "decliners": 1020 },
      "flowTotals": [{ "direction": "southbound", "netInflow": 3210000000 }, { "direction": "northbound", "channel": "Shanghai", "side": "sellers" }]
    `);
    const visible = text(await container.renderToString(MarketStats, { props: { session: stats } }));
    expect(visible).toBe('Advancers 812 Decliners 1,020 Southbound net inflow HKD 3.21 billion Northbound, Shanghai link net sellers');
  });

  it('a percent-only session still fills the share image under the title', () => {
    const figures = headlineFigures(PERCENT_ONLY, ['SYN01.HK'], ['SYNA']);
    expect(figures.map((f) => [f.label, f.value.replace(/\u00a0/g, ' ')])).toEqual([
      ['Synthetic 1 · SYN01.HK', '▲ +3.1 %'],
      ['SYNA', '▲ +1.25 %'],
    ]);
    const layout = ogImageLayout({ title: 'Synthetic percent-only session', kicker: 'Hong Kong · Friday, 24 October 2025', figures });
    // Texts below the rule under the title: a label and a value per figure.
    expect(layout.texts.filter((t) => t.y > 430).map((t) => t.text.replace(/\u00a0/g, ' '))).toEqual(['Synthetic 1 · SYN01.HK', '▲ +3.1 %', 'SYNA', '▲ +1.25 %']);
  });

  it('a report naming no subject with a figure shows the session’s indices on the share image', () => {
    expect(headlineFigures(PERCENT_ONLY, [], []).map((f) => f.label)).toEqual(['SYNA', 'SYNB']);
  });
});

describe('MoversTable', () => {
  const MANY = session(`
    "stocks": [
      ${Array.from({ length: 11 }, (_, i) => `{ "ticker": "SYN${String(i + 1).padStart(2, '0')}.HK", "close": ${(10 + i).toFixed(2)}, "changePercent": ${((i % 2 ? -1 : 1) * (i + 0.5)).toFixed(2)}, "turnover": ${(i + 1) * 100000000} }`).join(',\n')},
      { "ticker": "SYN12.HK", "direction": "up" }
    ]
  `);

  it('lists every stock sorted by percent change, largest rise first, with the written digits; a stock with only a direction goes last', async () => {
    const table = rows(await container.renderToString(MoversTable, { props: { session: MANY } }));
    expect(table.map((r) => r[0])).toEqual([
      'Synthetic 11 SYN11.HK', 'Synthetic 9 SYN09.HK', 'Synthetic 7 SYN07.HK', 'Synthetic 5 SYN05.HK', 'Synthetic 3 SYN03.HK', 'Synthetic 1 SYN01.HK',
      'Synthetic 2 SYN02.HK', 'Synthetic 4 SYN04.HK', 'Synthetic 6 SYN06.HK', 'Synthetic 8 SYN08.HK', 'Synthetic 10 SYN10.HK', 'Synthetic 12 SYN12.HK',
    ]);
    expect(table[0]).toEqual(['Synthetic 11 SYN11.HK', 'HKD 20.00', 'up ▲ +10.50 %', 'HKD 1.1 billion']);
    expect(table[11]).toEqual(['Synthetic 12 SYN12.HK', 'not stated', '▲ up', 'not stated']);
  });

  it('sorts by turnover or name, and puts the biggest fall first when asked', async () => {
    const byTurnover = rows(await container.renderToString(MoversTable, { props: { session: MANY, sort: 'turnover' } }));
    expect(byTurnover[0][0]).toBe('Synthetic 11 SYN11.HK');
    const falls = rows(await container.renderToString(MoversTable, { props: { session: MANY, order: 'ascending' } }));
    expect(falls[0][0]).toBe('Synthetic 10 SYN10.HK');
    const byName = rows(await container.renderToString(MoversTable, { props: { session: MANY, sort: 'name' } }));
    expect(byName.map((r) => r[0]).slice(0, 3)).toEqual(['Synthetic 1 SYN01.HK', 'Synthetic 10 SYN10.HK', 'Synthetic 11 SYN11.HK']);
  });
});
