/**
 * Components rendered through Astro's Container API with the seed session: what a reader sees in
 * each table and card, including what a screen reader hears and what is left out when unknown.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import IndexTable from '../../src/components/IndexTable.astro';
import StockCard from '../../src/components/StockCard.astro';
import MarketStats from '../../src/components/MarketStats.astro';
import FlowTable from '../../src/components/FlowTable.astro';
import Fig from '../../src/components/Fig.astro';
import Drivers from '../../src/components/Drivers.astro';
import Driver from '../../src/components/Driver.astro';
import Risks from '../../src/components/Risks.astro';
import SessionStrip from '../../src/components/SessionStrip.astro';
import Byline from '../../src/components/Byline.astro';
import IndexMovesChart from '../../src/components/IndexMovesChart.astro';
import FlowChart from '../../src/components/FlowChart.astro';
import PriceChart from '../../src/components/PriceChart.astro';
import { readFileSync } from 'node:fs';
import { parsePriceCsv } from '../../src/lib/prices.ts';
import { mdxComponents } from '../../src/components/mdx.ts';
import { componentProps, MDX_COMPONENTS, type ComponentName, type WrittenAttributes } from '../../src/check/body/components.ts';
import { snapshotSchema } from '../../src/schemas/index.ts';
import { buildSession } from '../../src/lib/session.ts';
import { registriesFrom, seedSession, seedSnapshotJson } from '../support/seed.ts';

let container: AstroContainer;
const session = seedSession();

/** A component's props as a report writes them (`only="HSCEI, HSI"`), parsed by its schema as the compiler does. */
const written = <N extends ComponentName>(name: N, attributes: WrittenAttributes) => componentProps(name, attributes);

/** Visible text with tags dropped and spaces (including no-break spaces) collapsed. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** The cells of each body row of the first table, as text. */
function rows(html: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) => [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell]) => text(cell)));
}

beforeAll(async () => {
  container = await AstroContainer.create();
});

describe('IndexTable', () => {
  it('lists each index with close, signed points and computed percent, direction in words and arrows', async () => {
    const html = await container.renderToString(IndexTable, { props: { session } });
    expect(rows(html)).toEqual([
      ['Hang Seng Index HSI', '26,160', 'up ▲ +192', 'up ▲ +0.7 %'],
      ['Hang Seng TECH Index HSTECH', '6,059', 'up ▲ +108', 'up ▲ +1.8 %'],
      ['Hang Seng China Enterprises Index HSCEI', '9,363', 'up ▲ +63', 'up ▲ +0.7 %'],
    ]);
    expect(text(html)).toContain('Hong Kong indices at the close, Friday, 24 October 2025');
  });

  it('colours a rise green in Hong Kong, and the words for screen readers are hidden only visually', async () => {
    const html = await container.renderToString(IndexTable, { props: { session } });
    expect(html.match(/class="move tone-green"/g)).toHaveLength(6);
    expect(html).not.toContain('tone-red');
    expect(html).toContain('<span class="visually-hidden">up </span>');
    expect(html).toMatch(/<span class="arrow" aria-hidden="true">▲<\/span>/);
  });

  it('shows a fall in red with a minus sign and a down arrow', async () => {
    const json = seedSnapshotJson();
    json.indices = [{ symbol: 'HSI', close: 25968, change: -192 }];
    const falling = buildSession(snapshotSchema.parse(json), registriesFrom());
    const html = await container.renderToString(IndexTable, { props: { session: falling } });
    // Computed from points and close where the source states no percent: two decimals.
    expect(rows(html)).toEqual([['Hang Seng Index HSI', '25,968', 'down ▼ −192', 'down ▼ −0.73 %']]);
    expect(html).toContain('tone-red');
  });

  it('leaves out a column no index has, and says "not stated" where one index lacks a figure', async () => {
    const json = seedSnapshotJson();
    json.indices = [{ symbol: 'HSI', close: 26160 }, { symbol: 'HSCEI', close: 9363, change: 63 }];
    const partial = buildSession(snapshotSchema.parse(json), registriesFrom());
    const html = await container.renderToString(IndexTable, { props: { session: partial } });
    expect(rows(html)).toEqual([
      ['Hang Seng Index HSI', '26,160', 'not stated', 'not stated'],
      ['Hang Seng China Enterprises Index HSCEI', '9,363', 'up ▲ +63', 'up ▲ +0.68 %'],
    ]);
    expect(text(html)).not.toMatch(/NaN|undefined/);
  });

  it('shows only the indices asked for, in that order', async () => {
    const html = await container.renderToString(IndexTable, { props: { session, ...written('IndexTable', { only: 'HSCEI, HSI' }) } });
    expect(rows(html).map((r) => r[0])).toEqual(['Hang Seng China Enterprises Index HSCEI', 'Hang Seng Index HSI']);
  });
});

describe('StockCard', () => {
  it('shows the close, the bound the source gave, the 52-week high with the distance to it, P/E and the southbound inflow', async () => {
    const html = await container.renderToString(StockCard, { props: { session, ...written('StockCard', { ticker: '00981.HK' }) } });
    const visible = text(html);
    expect(visible).toContain('SMIC 00981.HK');
    expect(visible).toContain('Close HKD 80');
    expect(visible).toContain('up ▲ more than 8 %');
    expect(visible).toContain('52-week high HKD 93.5 the close is 14.44 % below it');
    expect(visible).toContain('P/E 144.22');
    expect(visible).toContain('Southbound net inflow HKD 570.7 million');
    // Nothing the source did not give: no low, no range chart, no points change.
    expect(visible).not.toContain('52-week low');
    expect(html).not.toContain('data-chart');
    expect(visible).not.toMatch(/NaN|undefined|\+8/);
  });

  it('places the close in the 52-week range when the low is known too', async () => {
    const json = seedSnapshotJson();
    json.stocks[0] = { ticker: '00981.HK', close: 80, high52w: 93.5, low52w: 40 };
    const withLow = buildSession(snapshotSchema.parse(json), registriesFrom());
    const html = await container.renderToString(StockCard, { props: { session: withLow, ticker: '00981.HK' } });
    expect(text(html)).toContain('75 % of the way from low to high');
    // The range chart, and its table for readers without JavaScript.
    const chart = /<figure class="chart chart-range[^"]*"[^>]*data-chart="([^"]*)"/.exec(html);
    expect(chart).not.toBeNull();
    expect(JSON.parse(chart![1].replace(/&quot;/g, '"'))).toMatchObject({ kind: 'range', low: 40, close: 80, high: 93.5 });
    expect(rows(html.slice(html.indexOf('chart-range')))).toEqual([['52-week low', 'HKD 40'], ['Close', 'HKD 80'], ['52-week high', 'HKD 93.5']]);
  });

  it('shows a sparkline of the closes up to the session where the security has a price file', async () => {
    const bars = parsePriceCsv(readFileSync('tests/fixtures/prices/SYN01.HK.csv', 'utf8')).bars;
    const prices = new Map([['00981.HK', { security: { id: '00981.HK', name: 'SMIC', currency: 'HKD' }, bars }]]);
    const html = await container.renderToString(StockCard, { props: { session, ticker: '00981.HK', prices } });
    expect(html).toContain('class="chart chart-line chart-size-spark"');
    const table = rows(html.slice(html.indexOf('chart-line')));
    expect(table).toHaveLength(22);
    expect(table[21][0]).toBe('24 Oct 2025');
  });

  it('refuses a ticker the session does not have, naming what it has', async () => {
    await expect(container.renderToString(StockCard, { props: { session, ticker: '00700.HK' } })).rejects.toThrow(
      /00700\.HK.*not a stock of the hk\/2025-10-24 snapshot.*00981\.HK/,
    );
  });
});

describe('MarketStats and FlowTable', () => {
  it('shows turnover at the scale a reader says it', async () => {
    expect(text(await container.renderToString(MarketStats, { props: { session } }))).toBe('Market turnover HKD 226.61 billion');
  });

  it('lists southbound flows largest first, with the link the source named', async () => {
    const html = await container.renderToString(FlowTable, { props: { session } });
    expect(rows(html)).toEqual([
      ['Meituan-W 03690.HK through the Shenzhen link', 'HKD 654.8 million'],
      ['SMIC 00981.HK', 'HKD 570.7 million'],
    ]);
  });

  it('renders nothing for a direction the session has no flows for', async () => {
    expect(text(await container.renderToString(FlowTable, { props: { session, ...written('FlowTable', { direction: 'northbound' }) } }))).toBe('');
  });
});

describe('Fig', () => {
  it.each([
    ['HSI.close', {}, '26,160', '26160'],
    ['HSI.change', {}, '192', '192'],
    ['HSI.change', { signed: true }, '+192', '192'],
    ['HSI.changePercent', {}, '0.7 %', '0.7'],
    ['HSTECH.changePercent', {}, '1.8 %', '1.8'],
    ['turnover', {}, 'HKD 226.61 billion', '226610000000'],
    ['03690.HK.southboundNetInflow', {}, 'HKD 654.8 million', '654800000'],
    ['00981.HK.peRatio', {}, '144.22', '144.22'],
    ['00981.HK.high52w', {}, 'HKD 93.5', '93.5'],
  ] satisfies [string, WrittenAttributes, string, string][])('%s %o reads "%s" and carries value %s', async (of, options, expected, value) => {
    const html = await container.renderToString(Fig, { props: { session, ...written('Fig', { of, ...options }) } });
    expect(text(html)).toBe(expected);
    expect(html).toContain(`value="${value}"`);
    expect(html).toContain(`data-fig="${of}"`);
  });

  it('writes a bound in words and gives no machine value it does not have', async () => {
    const html = await container.renderToString(Fig, { props: { session, ...written('Fig', { of: '00981.HK.changePercent' }) } });
    expect(text(html)).toBe('more than 8 %');
    expect(html).not.toContain('value=');
  });

  it('refuses a path the session cannot answer', async () => {
    await expect(container.renderToString(Fig, { props: { session, of: 'HSI.closee' } })).rejects.toThrow(/not a figure path/);
    await expect(container.renderToString(Fig, { props: { session, of: '09988.HK.close' } })).rejects.toThrow(/states no close for 09988\.HK/);
  });
});

describe('analysis sections', () => {
  it('give Drivers and Risks their own headed sections, and each Driver a sub-heading', async () => {
    const driver = await container.renderToString(Driver, { props: written('Driver', { title: 'Policy Support' }), slots: { default: '<p>Why.</p>' } });
    expect(driver).toContain('<section class="driver" aria-labelledby="policy-support"><h3 id="policy-support">Policy Support</h3>');
    const drivers = await container.renderToString(Drivers, { props: written('Drivers', { title: 'Drivers Behind the Rally' }), slots: { default: driver } });
    expect(drivers).toMatch(/<section class="analysis drivers" aria-labelledby="drivers-behind-the-rally"><h2 id="drivers-behind-the-rally">Drivers Behind the Rally<\/h2>/);
    const risks = await container.renderToString(Risks, { slots: { default: '<p>Valuation.</p>' } });
    expect(risks).toMatch(/<h2 id="risks">Risks<\/h2>[\s\S]*Valuation\./);
  });
});

describe('SessionStrip', () => {
  it('puts every index of the session in one line', async () => {
    const html = await container.renderToString(SessionStrip, { props: { session } });
    expect(text(html)).toBe(
      'Hong Kong close · 24 Oct 2025 · turnover HKD 226.61 billion HSI 26,160 up ▲ +192 up ▲ +0.7 % HSTECH 6,059 up ▲ +108 up ▲ +1.8 % HSCEI 9,363 up ▲ +63 up ▲ +0.7 %',
    );
  });
});

describe('charts', () => {
  it('IndexMovesChart bakes its data into the figure and gives the same figures as a table', async () => {
    const html = await container.renderToString(IndexMovesChart, { props: { session } });
    expect(html).toMatch(/<figure class="chart chart-bar chart-size-medium" id="chart-index-moves" data-chart="\{/);
    expect(text(html)).toContain('Index moves, Friday, 24 October 2025');
    expect(rows(html)).toEqual([
      ['Hang Seng Index (HSI)', '+0.7 %'],
      ['Hang Seng TECH Index (HSTECH)', '+1.8 %'],
      ['Hang Seng China Enterprises Index (HSCEI)', '+0.7 %'],
    ]);
    // The canvas waits hidden until the chart is drawn, and is never read out: the table is.
    expect(html).toContain('<div class="chart-canvas" hidden><canvas aria-hidden="true"></canvas></div>');
    expect(html).toMatch(/<table aria-labelledby="chart-index-moves-title">/);
    expect(html).not.toMatch(/style="/);
  });

  it('IndexMovesChart draws only the indices asked for, in that order', async () => {
    const html = await container.renderToString(IndexMovesChart, { props: { session, ...written('IndexMovesChart', { only: 'HSTECH, HSI' }) } });
    expect(rows(html).map(([name]) => name)).toEqual(['Hang Seng TECH Index (HSTECH)', 'Hang Seng Index (HSI)']);
  });

  it('FlowChart draws southbound flows, and nothing for a direction without flows', async () => {
    expect(rows(await container.renderToString(FlowChart, { props: { session } }))).toEqual([
      ['Meituan-W (03690.HK)', 'HKD 654.8 million'],
      ['SMIC (00981.HK)', 'HKD 570.7 million'],
    ]);
    expect(text(await container.renderToString(FlowChart, { props: { session, ...written('FlowChart', { direction: 'northbound' }) } }))).toBe('');
  });

  it('PriceChart draws the chosen range of a price file, and refuses a ticker without one', async () => {
    const bars = parsePriceCsv(readFileSync('tests/fixtures/prices/SYN01.HK.csv', 'utf8')).bars;
    const prices = new Map([['00981.HK', { security: { id: '00981.HK', name: 'SMIC', currency: 'HKD' }, bars }]]);
    const html = await container.renderToString(PriceChart, { props: { session, prices, ...written('PriceChart', { ticker: '00981.HK', from: '2025-10-20', to: '2025-10-24' }) } });
    expect(rows(html).map(([day]) => day)).toEqual(['20 Oct 2025', '21 Oct 2025', '22 Oct 2025', '23 Oct 2025', '24 Oct 2025']);
    expect(text(html)).toContain('SMIC (00981.HK), daily close, 20 Oct 2025 to 24 Oct 2025');
    await expect(container.renderToString(PriceChart, { props: { session, prices, ticker: '03690.HK' } })).rejects.toThrow(/no price history; add content\/prices\/03690\.HK\.csv/);
  });
});

it('hands reports exactly the components the content check allows', () => {
  expect(Object.keys(mdxComponents).sort()).toEqual([...MDX_COMPONENTS].sort());
});

describe('Byline', () => {
  const report = { id: 'x', data: { authors: ['Closing Bell Desk'], market: 'hk', published: '2025-10-24T10:30:00.000Z' } };
  it('gives the authors and the publication time in the market’s zone', async () => {
    const html = await container.renderToString(Byline, { props: { report } });
    expect(text(html)).toBe('By Closing Bell Desk · Published 24 October 2025, 18:30 HKT');
    expect(html).toContain('<time datetime="2025-10-24T10:30:00.000Z">');
  });
  it('adds the last update when git has one', async () => {
    const html = await container.renderToString(Byline, { props: { report, updated: '2025-10-25T01:15:00+00:00' } });
    expect(text(html)).toBe('By Closing Bell Desk · Published 24 October 2025, 18:30 HKT · Updated 25 October 2025, 09:15 HKT');
  });
});
