import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MARKETS } from '../../src/lib/market.ts';
import { buildSession, type Registries } from '../../src/lib/session.ts';
import type { Direction } from '../../src/lib/change.ts';
import { exact, type Stated } from '../../src/lib/stated.ts';
import {
  indexSchema,
  securitySchema,
  snapshotSchema,
  type IndexQuote,
  type MarketIndex,
  type Security,
  type Snapshot,
  type StockQuote,
} from '../../src/schemas/index.ts';

const more = (value: number): Stated => ({ value, qualifier: 'moreThan' });
const less = (value: number): Stated => ({ value, qualifier: 'lessThan' });
const around = (value: number): Stated => ({ value, qualifier: 'around' });

const security = (ticker: string, name: string, extra: Partial<Security> = {}): Security => ({
  ticker,
  name,
  exchange: 'HKEX',
  market: 'hk',
  currency: 'HKD',
  aliases: [],
  ...extra,
});
const index = (symbol: string, name: string): MarketIndex => ({ symbol, name, market: 'hk', aliases: [] });

const REGISTRIES: Registries = {
  securities: new Map(
    [
      security('SYN01.HK', 'Synthetic One', { fullName: 'Synthetic One Holdings Limited' }),
      security('SYN02.HK', 'Synthetic Two'),
      security('SYN03.HK', 'Synthetic Three'),
      security('SYN04.HK', 'Synthetic Four', { currency: 'CNY' }),
    ].map((s) => [s.ticker, s]),
  ),
  indices: new Map([index('SYNI', 'Synthetic Index'), index('SYNJ', 'Synthetic Index J')].map((i) => [i.symbol, i])),
};

const snapshot = (parts: Partial<Snapshot> = {}): Snapshot => ({
  market: 'hk',
  date: '2025-10-24',
  source: 'Synthetic source',
  indices: [],
  stocks: [],
  flows: [],
  flowTotals: [],
  ...parts,
});

const indexOnly = (quote: Omit<IndexQuote, 'symbol'>) =>
  buildSession(snapshot({ indices: [{ symbol: 'SYNI', ...quote }] }), REGISTRIES).indices[0];
const stockOnly = (quote: Omit<StockQuote, 'ticker'>) =>
  buildSession(snapshot({ stocks: [{ ticker: 'SYN01.HK', ...quote }] }), REGISTRIES).stocks[0];

describe('buildSession: derived percent and direction', () => {
  // [case, quote, percent expected (≈ value when derived), percentDerived, direction]
  it.each<[string, Omit<IndexQuote, 'symbol'>, Stated | undefined, boolean, Direction | undefined]>([
    ['exact change and close derive the percent', { close: exact(26160), change: exact(192) }, exact(0.7394), true, 'up'],
    ['a fall derives a negative percent', { close: exact(9300), change: exact(-63) }, exact(-0.6729), true, 'down'],
    ['no change derives zero, flat', { close: exact(100), change: exact(0) }, exact(0), true, 'flat'],
    ['an approximate change derives nothing', { close: exact(26160), change: around(192) }, undefined, false, 'up'],
    ['an approximate close derives nothing', { close: around(26000), change: exact(192) }, undefined, false, 'up'],
    ['a change alone derives nothing', { change: exact(-5) }, undefined, false, 'down'],
    ['a close alone derives nothing', { close: exact(26160) }, undefined, false, undefined],
    ['around zero is flat', { change: around(0) }, undefined, false, 'flat'],
    ['a stated percent is kept', { close: around(5000), changePercent: exact(1.25) }, exact(1.25), false, 'up'],
    ['more than 8 % is a rise', { changePercent: more(8) }, more(8), false, 'up'],
    ['more than 0 % is a rise', { changePercent: more(0) }, more(0), false, 'up'],
    ['less than −2 % is a fall', { changePercent: less(-2) }, less(-2), false, 'down'],
    ['less than 0 % is a fall', { changePercent: less(0) }, less(0), false, 'down'],
    ['less than 8 % settles nothing', { changePercent: less(8) }, less(8), false, undefined],
    ['more than −2 % settles nothing', { changePercent: more(-2) }, more(-2), false, undefined],
    ['an unsettling bound leaves the stated direction', { changePercent: less(8), direction: 'up' }, less(8), false, 'up'],
    ['so does more than −2 %', { changePercent: more(-2), direction: 'down' }, more(-2), false, 'down'],
    ['a stated direction alone', { direction: 'up' }, undefined, false, 'up'],
    ['a stated flat', { direction: 'flat' }, undefined, false, 'flat'],
    ['nothing stated, no direction', {}, undefined, false, undefined],
    ['the figures win over a stated direction', { change: exact(5), direction: 'down' }, undefined, false, 'up'],
    ['a change that settles nothing falls through to the percent', { change: less(100), changePercent: exact(-0.5) }, exact(-0.5), false, 'down'],
    ['a change that settles it comes first', { change: around(-3), changePercent: more(0) }, more(0), false, 'down'],
    ['a points bound settles it', { change: more(100) }, undefined, false, 'up'],
    ['a bound written as a size with direction "down" is a fall', { changePercent: more(2), direction: 'down' }, more(2), false, 'down'],
  ])('%s', (_, quote, percent, derived, direction) => {
    const view = indexOnly(quote);
    expect(view.percentDerived).toBe(derived);
    expect(view.direction).toBe(direction);
    if (percent === undefined) expect(view.changePercent).toBeUndefined();
    else if (derived) {
      expect(view.changePercent?.qualifier).toBe('exact');
      expect(view.changePercent?.value).toBeCloseTo(percent.value, 4);
    } else expect(view.changePercent).toEqual(percent);
  });

  it('keeps a stated percent beside an exact change and close and does not derive (the content check compares them)', () => {
    const view = indexOnly({ close: exact(26160), change: exact(192), changePercent: exact(9) });
    expect(view.changePercent).toEqual(exact(9));
    expect(view.percentDerived).toBe(false);
  });

  it('derives nothing from a change that leaves no previous close above zero, and does not throw (the check refuses it with its line)', () => {
    const view = indexOnly({ close: exact(100), change: exact(150) });
    expect(view.changePercent).toBeUndefined();
    expect(view.direction).toBe('up');
  });

  it('gives a derived percent the house precision, two decimals', () => {
    expect(indexOnly({ close: exact(26160), change: exact(192) }).changePercent?.decimals).toBe(2);
  });

  it('derives the same way for a stock', () => {
    const view = stockOnly({ close: exact(12.5), change: exact(-0.35) });
    expect(view.percentDerived).toBe(true);
    expect(view.changePercent?.value).toBeCloseTo(-2.7237, 4);
    expect(view.direction).toBe('down');
  });
});

describe('buildSession: index views', () => {
  it('joins the quote to the index registry and passes its figures through', () => {
    const view = indexOnly({ close: exact(26160), change: exact(192), previousClose: exact(25968), note: 'Synthetic note' });
    expect(view).toMatchObject({
      kind: 'index',
      id: 'SYNI',
      name: 'Synthetic Index',
      close: exact(26160),
      change: exact(192),
      previousClose: exact(25968),
      note: 'Synthetic note',
    });
    expect(view.currency).toBeUndefined();
    expect(view.fromHighPercent).toBeUndefined();
  });

  it('keeps the snapshot’s order', () => {
    const session = buildSession(snapshot({ indices: [{ symbol: 'SYNJ' }, { symbol: 'SYNI' }] }), REGISTRIES);
    expect(session.indices.map((q) => q.id)).toEqual(['SYNJ', 'SYNI']);
  });
});

describe('buildSession: stock views', () => {
  it.each<[string, Omit<StockQuote, 'ticker'>, number | undefined, number | undefined]>([
    ['close, high and low exact', { close: exact(80), high52w: exact(93.5), low52w: exact(60) }, -14.4385, 0.597015],
    ['no low: no range position', { close: exact(80), high52w: exact(93.5) }, -14.4385, undefined],
    ['approximate low: no range position', { close: exact(80), high52w: exact(93.5), low52w: around(60) }, -14.4385, undefined],
    ['approximate high: neither', { close: exact(80), high52w: around(93.5), low52w: exact(60) }, undefined, undefined],
    ['bounded close: neither', { close: more(80), high52w: exact(93.5), low52w: exact(60) }, undefined, undefined],
    ['at the high', { close: exact(93.5), high52w: exact(93.5), low52w: exact(60) }, 0, 1],
    ['below the low, clamped', { close: exact(50), high52w: exact(100), low52w: exact(60) }, -50, 0],
    ['a high so near zero the distance overflows', { close: exact(80), high52w: exact(Number.MIN_VALUE) }, undefined, undefined],
  ])('%s', (_, quote, fromHigh, position) => {
    const view = stockOnly(quote);
    if (fromHigh === undefined) expect(view.fromHighPercent).toBeUndefined();
    else expect(view.fromHighPercent).toBeCloseTo(fromHigh, 4);
    if (position === undefined) expect(view.rangePosition).toBeUndefined();
    else expect(view.rangePosition).toBeCloseTo(position, 6);
  });

  it('joins the quote to the security registry and passes its figures through', () => {
    const view = stockOnly({ close: exact(80), previousClose: exact(74), peRatio: exact(144.22), note: 'Synthetic' });
    expect(view).toMatchObject({
      kind: 'stock',
      id: 'SYN01.HK',
      name: 'Synthetic One',
      fullName: 'Synthetic One Holdings Limited',
      currency: 'HKD',
      close: exact(80),
      previousClose: exact(74),
      peRatio: exact(144.22),
      note: 'Synthetic',
    });
    expect(view.southboundNetInflow).toBeUndefined();
  });

  it('takes the currency from the registry', () => {
    const session = buildSession(snapshot({ stocks: [{ ticker: 'SYN04.HK', close: exact(10) }] }), REGISTRIES);
    expect(session.stocks[0].currency).toBe('CNY');
  });
});

describe('buildSession: flows', () => {
  const session = buildSession(
    snapshot({
      stocks: [{ ticker: 'SYN02.HK', direction: 'up' }, { ticker: 'SYN01.HK', close: exact(80) }],
      flows: [
        { ticker: 'SYN03.HK', direction: 'southbound', channel: 'Shenzhen', netInflow: exact(654_800_000) },
        { ticker: 'SYN01.HK', direction: 'southbound', netInflow: exact(-570_700_000) },
        { ticker: 'SYN02.HK', direction: 'northbound', netInflow: exact(1_000_000) },
        { ticker: 'SYN04.HK', direction: 'northbound', netInflow: around(5_000_000) },
        { ticker: 'SYN03.HK', direction: 'northbound', netInflow: exact(1) },
      ],
    }),
    REGISTRIES,
  );
  const stock = (id: string) => session.stocks.find((s) => s.id === id)!;

  it('gives a security with only a flow its own stock view, after the quoted ones, once', () => {
    expect(session.stocks.map((s) => s.id)).toEqual(['SYN02.HK', 'SYN01.HK', 'SYN03.HK', 'SYN04.HK']);
  });

  it('builds a flow-only stock view with its names and southbound flow and nothing invented', () => {
    expect(stock('SYN03.HK')).toEqual({
      kind: 'stock',
      market: MARKETS.hk,
      id: 'SYN03.HK',
      name: 'Synthetic Three',
      currency: 'HKD',
      percentDerived: false,
      southboundNetInflow: exact(654_800_000),
    });
  });

  it.each<[string, Stated | undefined]>([
    ['SYN01.HK', exact(-570_700_000)],
    ['SYN03.HK', exact(654_800_000)],
    // A northbound flow is not a southbound one.
    ['SYN02.HK', undefined],
    ['SYN04.HK', undefined],
  ])('%s has southbound net inflow %o', (id, expected) => {
    expect(stock(id).southboundNetInflow).toEqual(expected);
  });

  it('lists every flow in order with the security’s name', () => {
    expect(session.flows).toEqual([
      { id: 'SYN03.HK', name: 'Synthetic Three', direction: 'southbound', channel: 'Shenzhen', netInflow: exact(654_800_000) },
      { id: 'SYN01.HK', name: 'Synthetic One', direction: 'southbound', channel: undefined, netInflow: exact(-570_700_000) },
      { id: 'SYN02.HK', name: 'Synthetic Two', direction: 'northbound', channel: undefined, netInflow: exact(1_000_000) },
      { id: 'SYN04.HK', name: 'Synthetic Four', direction: 'northbound', channel: undefined, netInflow: around(5_000_000) },
      { id: 'SYN03.HK', name: 'Synthetic Three', direction: 'northbound', channel: undefined, netInflow: exact(1) },
    ]);
  });
});

describe('buildSession: the session', () => {
  it('carries the market convention, date, source and turnover', () => {
    const session = buildSession(snapshot({ turnover: around(226_000_000_000) }), REGISTRIES);
    expect(session.market).toBe(MARKETS.hk);
    expect(session.date).toBe('2025-10-24');
    expect(session.source).toBe('Synthetic source');
    expect(session.turnover).toEqual(around(226_000_000_000));
    expect(session).toMatchObject({ indices: [], stocks: [], flows: [] });
  });

  it.each<[string, Partial<Snapshot>, string]>([
    ['unknown quoted ticker', { stocks: [{ ticker: 'SYN01.HK' }, { ticker: 'SYN99.HK' }] }, 'stocks[1]: unknown ticker SYN99.HK; add content/securities/SYN99.HK.json'],
    ['unknown flow ticker', { flows: [{ ticker: 'SYN98.HK', direction: 'southbound', netInflow: exact(1) }] }, 'unknown ticker SYN98.HK; add content/securities/SYN98.HK.json'],
    ['unknown index', { indices: [{ symbol: 'SYNI' }, { symbol: 'SYNX' }] }, 'indices[1]: unknown index SYNX; add content/indices/SYNX.json'],
    ['unknown market', { market: 'zz' as 'hk' }, 'unknown market "zz": expected one of hk'],
  ])('throws a RangeError for an %s', (_, parts, message) => {
    expect(() => buildSession(snapshot(parts), REGISTRIES)).toThrow(RangeError);
    expect(() => buildSession(snapshot(parts), REGISTRIES)).toThrow(message);
  });
});

describe('buildSession: the seed session', () => {
  const read = (path: string) => JSON.parse(readFileSync(new URL(`../../content/${path}`, import.meta.url), 'utf8'));
  const securities = ['00981.HK', '09988.HK', '01810.HK', '03690.HK'].map((t) => securitySchema.parse(read(`securities/${t}.json`)));
  const indices = ['HSI', 'HSTECH', 'HSCEI'].map((s) => indexSchema.parse(read(`indices/${s}.json`)));
  const session = buildSession(snapshotSchema.parse(read('markets/hk/2025-10-24.json')), {
    securities: new Map(securities.map((s) => [s.ticker, s])),
    indices: new Map(indices.map((i) => [i.symbol, i])),
  });
  const quote = (id: string) => [...session.indices, ...session.stocks].find((q) => q.id === id)!;

  it.each([
    ['HSI', 0.7],
    ['HSTECH', 1.8],
    ['HSCEI', 0.7],
  ])('keeps %s’s stated percent change %s, a rise', (id, percent) => {
    expect(quote(id).percentDerived).toBe(false);
    expect(quote(id).changePercent).toEqual({ value: percent, qualifier: 'exact' });
    expect(quote(id).direction).toBe('up');
  });

  it('reads SMIC as up from "more than 8 %", 14.4 % below its high, with its southbound flow', () => {
    const smic = quote('00981.HK');
    expect(smic.changePercent).toEqual(more(8));
    expect(smic.percentDerived).toBe(false);
    expect(smic.direction).toBe('up');
    expect(smic.fromHighPercent).toBeCloseTo(-14.4385, 4);
    expect(smic.rangePosition).toBeUndefined();
    expect(smic.southboundNetInflow).toEqual(exact(570_700_000));
  });

  it('takes Alibaba’s direction as stated and records none for Xiaomi', () => {
    expect(quote('09988.HK').direction).toBe('up');
    expect(quote('01810.HK').direction).toBeUndefined();
    expect(quote('01810.HK').note).toMatch(/no direction is recorded/);
  });

  it('gives Meituan, which has only a flow, a stock view', () => {
    expect(session.stocks.map((s) => s.id)).toEqual(['00981.HK', '09988.HK', '01810.HK', '03690.HK']);
    expect(quote('03690.HK')).toMatchObject({ kind: 'stock', currency: 'HKD', southboundNetInflow: exact(654_800_000) });
  });
});
