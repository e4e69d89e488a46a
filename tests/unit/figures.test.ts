import { describe, expect, it } from 'vitest';
import { FigureError, QUOTE_FIELDS, SESSION_FIELDS, resolveFigure, type FigureOptions } from '../../src/lib/figures.ts';
import { buildSession, type Registries } from '../../src/lib/session.ts';
import { exact, type Stated } from '../../src/lib/stated.ts';
import type { MarketIndex, Security, Snapshot } from '../../src/schemas/index.ts';

const more = (value: number): Stated => ({ value, qualifier: 'moreThan' });
const less = (value: number): Stated => ({ value, qualifier: 'lessThan' });
const around = (value: number): Stated => ({ value, qualifier: 'around' });

/** Writes the expected strings readably: `_` is a no-break space. */
const t = (text: string) => text.replaceAll('_', '\u00a0');

const security = (ticker: string, name: string): Security => ({ ticker, name, exchange: 'HKEX', market: 'hk', currency: 'HKD', aliases: [] });
const index = (symbol: string, name: string): MarketIndex => ({ symbol, name, market: 'hk', aliases: [] });

const REGISTRIES: Registries = {
  securities: new Map(
    [security('00981.HK', 'SMIC'), security('SYN01.HK', 'Synthetic One'), security('SYN02.HK', 'Synthetic Two'), security('SYN03.HK', 'Synthetic Three'), security('SYN04.HK', 'Synthetic Four')].map(
      (s) => [s.ticker, s],
    ),
  ),
  indices: new Map(
    [index('HSI', 'Hang Seng Index'), index('HSCEI', 'Hang Seng China Enterprises Index'), index('SYNP', 'Synthetic P'), index('SYNL', 'Synthetic L'), index('SYNH', 'Synthetic H'), index('SYNU', 'Synthetic U')].map(
      (i) => [i.symbol, i],
    ),
  ),
};

const SNAPSHOT: Snapshot = {
  market: 'hk',
  date: '2025-10-24',
  source: 'Synthetic source',
  turnover: exact(226_610_000_000),
  indices: [
    { symbol: 'HSI', close: exact(26160), change: exact(192) }, // derived +0.7394 %
    { symbol: 'HSCEI', close: exact(9300), change: exact(-63) }, // derived −0.6729 %
    { symbol: 'SYNP', close: around(5000), changePercent: exact(1.25) },
    { symbol: 'SYNL', change: less(-100), changePercent: less(-2) },
    { symbol: 'SYNH', close: exact(9975), change: exact(-25) }, // derived −0.25 % exactly
    { symbol: 'SYNU', close: exact(10025), change: exact(25) }, // derived +0.25 % exactly
  ],
  stocks: [
    {
      ticker: '00981.HK',
      close: exact(80),
      changePercent: more(8),
      previousClose: exact(74),
      high: exact(81.5),
      low: exact(73.85),
      high52w: exact(93.5),
      low52w: around(40),
      peRatio: exact(144.22),
      turnover: exact(5_870_000_000),
      volume: exact(75_120_000),
    },
    { ticker: 'SYN01.HK', close: exact(12.5), change: exact(-0.35), high52w: exact(20), low52w: exact(10), peRatio: exact(-3.2) }, // derived −2.7237 %
    { ticker: 'SYN02.HK', direction: 'up' },
    // Written "80.00", "-0.22", "-0.27", "93.50": the digits the source gave, trailing zeros kept.
    { ticker: 'SYN04.HK', close: { ...exact(80), decimals: 2 }, change: { ...exact(-0.22), decimals: 2 }, changePercent: { ...exact(-0.27), decimals: 2 }, high52w: { ...exact(93.5), decimals: 2 } },
  ],
  breadth: { advancers: 812, decliners: 1020 },
  flowTotals: [
    { direction: 'southbound', netInflow: exact(3_210_000_000) },
    { direction: 'northbound', channel: 'Shanghai', side: 'sellers' },
  ],
  flows: [
    { ticker: '00981.HK', direction: 'southbound', netInflow: exact(570_700_000) },
    { ticker: 'SYN03.HK', direction: 'southbound', netInflow: exact(-123_450_000) },
  ],
};
const SESSION = buildSession(SNAPSHOT, REGISTRIES);

const SIGNED: FigureOptions = { signed: true };

describe('resolveFigure', () => {
  it.each<[string, FigureOptions, string, number | undefined]>([
    ['turnover', {}, 'HKD_226.61_billion', 226_610_000_000],
    // An index is quoted in points, without a currency.
    ['HSI.close', {}, '26,160', 26160],
    ['HSI.change', {}, '192', 192],
    ['HSI.change', SIGNED, '+192', 192],
    // A derived percent shows the house precision, two decimals, and its value is rounded to what is shown.
    ['HSI.changePercent', {}, '0.74_%', 0.74],
    ['HSI.changePercent', SIGNED, '+0.74_%', 0.74],
    // Unsigned, prose's verb carries the sign; the value keeps it.
    ['HSCEI.change', {}, '63', -63],
    ['HSCEI.change', SIGNED, '−63', -63],
    ['HSCEI.changePercent', {}, '0.67_%', -0.67],
    ['HSCEI.changePercent', SIGNED, '−0.67_%', -0.67],
    ['SYNH.changePercent', {}, '0.25_%', -0.25],
    ['SYNH.changePercent', SIGNED, '−0.25_%', -0.25],
    ['SYNU.changePercent', SIGNED, '+0.25_%', 0.25],
    // A stated percent shows the decimals it was written with.
    ['SYNP.changePercent', {}, '1.25_%', 1.25],
    ['SYNP.changePercent', SIGNED, '+1.25_%', 1.25],
    // A bound or approximation has words and no machine value.
    ['SYNP.close', {}, 'around 5,000', undefined],
    ['00981.HK.changePercent', {}, 'more than 8_%', undefined],
    // Unsigned, a negative bound is read as a size: below −2 % is a fall of more than 2 %.
    ['SYNL.changePercent', {}, 'more than 2_%', undefined],
    ['SYNL.changePercent', SIGNED, 'less than −2_%', undefined],
    ['SYNL.change', {}, 'more than 100', undefined],
    ['SYNL.change', SIGNED, 'less than −100', undefined],
    // A stock: prices in its currency; a dotted ticker is the entity.
    ['00981.HK.close', {}, 'HKD_80', 80],
    ['00981.HK.previousClose', {}, 'HKD_74', 74],
    ['00981.HK.high52w', {}, 'HKD_93.5', 93.5],
    ['00981.HK.low52w', {}, 'around HKD_40', undefined],
    ['00981.HK.fromHigh', {}, '14.44_%', -14.44],
    ['00981.HK.high', {}, 'HKD_81.5', 81.5],
    ['00981.HK.low', {}, 'HKD_73.85', 73.85],
    ['00981.HK.turnover', {}, 'HKD_5.87_billion', 5_870_000_000],
    ['00981.HK.volume', {}, '75,120,000 shares', 75_120_000],
    ['00981.HK.peRatio', {}, '144.22', 144.22],
    ['00981.HK.southboundNetInflow', {}, 'HKD_570.7_million', 570_700_000],
    ['SYN01.HK.close', {}, 'HKD_12.5', 12.5],
    ['SYN01.HK.change', {}, '0.35', -0.35],
    ['SYN01.HK.change', SIGNED, '−0.35', -0.35],
    ['SYN01.HK.changePercent', {}, '2.72_%', -2.72],
    ['SYN01.HK.changePercent', SIGNED, '−2.72_%', -2.72],
    ['SYN01.HK.fromHigh', {}, '37.50_%', -37.5],
    // Written digits, trailing zeros kept.
    ['SYN04.HK.close', {}, 'HKD_80.00', 80],
    ['SYN04.HK.change', SIGNED, '−0.22', -0.22],
    ['SYN04.HK.changePercent', SIGNED, '−0.27_%', -0.27],
    ['SYN04.HK.changePercent', {}, '0.27_%', -0.27],
    ['SYN04.HK.high52w', {}, 'HKD_93.50', 93.5],
    // Session figures: breadth and Stock Connect totals.
    ['breadth.advancers', {}, '812', 812],
    ['breadth.decliners', {}, '1,020', 1020],
    ['southbound.netInflow', {}, 'HKD_3.21_billion', 3_210_000_000],
    ['southbound.side', {}, 'net buyers', undefined],
    ['northbound.Shanghai.side', {}, 'net sellers', undefined],
    ['SYN01.HK.low52w', {}, 'HKD_10', 10],
    ['SYN01.HK.peRatio', {}, '−3.2', -3.2],
    // A security with only a flow still has its figures.
    ['SYN03.HK.southboundNetInflow', {}, 'HKD_−123.45_million', -123_450_000],
  ])('%s %o → %s (value %s)', (path, options, text, value) => {
    expect(resolveFigure(SESSION, path, options)).toEqual({ path, text: t(text), value });
  });

  it('states an approximate turnover in words', () => {
    const session = buildSession({ ...SNAPSHOT, turnover: around(226_000_000_000) }, REGISTRIES);
    expect(resolveFigure(session, 'turnover')).toEqual({ path: 'turnover', text: t('around HKD_226_billion'), value: undefined });
  });

  const NOT_A_PATH =
    'is not a figure path: expected ENTITY.FIELD with FIELD one of close, change, changePercent, previousClose, high, low, high52w, low52w, fromHigh, peRatio, turnover, volume, southboundNetInflow, or a session figure: turnover, breadth.advancers, southbound.netInflow (see the README for all)';
  const KNOWN = 'HSI, HSCEI, SYNP, SYNL, SYNH, SYNU, 00981.HK, SYN01.HK, SYN02.HK, SYN04.HK, SYN03.HK';

  it.each<[string, string]>([
    ['HSI.volume', '"HSI.volume": the snapshot states no volume for HSI'],
    ['HSI.shares', `"HSI.shares" ${NOT_A_PATH}`],
    ['breadth.unchanged', '"breadth.unchanged": the hk/2025-10-24 snapshot states no unchanged in its breadth'],
    ['northbound.netInflow', '"northbound.netInflow": the hk/2025-10-24 snapshot states no northbound total in its flowTotals'],
    ['northbound.Shanghai.netInflow', '"northbound.Shanghai.netInflow": the hk/2025-10-24 snapshot gives the northbound (Shanghai) total as net sellers without a figure; use northbound.Shanghai.side'],
    ['HSI', `"HSI" ${NOT_A_PATH}`],
    ['.close', `".close" ${NOT_A_PATH}`],
    ['', `"" ${NOT_A_PATH}`],
    ['HSI.', `"HSI." ${NOT_A_PATH}`],
    ['HSI.Close', `"HSI.Close" ${NOT_A_PATH}`],
    // An index has no turnover of its own: the session's is `turnover`.
    ['HSI.turnover', '"HSI.turnover": the snapshot states no turnover for HSI'],
    ['SYN99.HK.close', `"SYN99.HK.close": SYN99.HK is not in the hk/2025-10-24 snapshot (it has ${KNOWN})`],
    ['hsi.close', `"hsi.close": hsi is not in the hk/2025-10-24 snapshot (it has ${KNOWN})`],
    ['00981.close', `"00981.close": 00981 is not in the hk/2025-10-24 snapshot (it has ${KNOWN})`],
    ['HSI.high52w', '"HSI.high52w": the snapshot states no high52w for HSI'],
    ['HSI.fromHigh', '"HSI.fromHigh": the snapshot states no fromHigh for HSI'],
    ['HSI.southboundNetInflow', '"HSI.southboundNetInflow": the snapshot states no southboundNetInflow for HSI'],
    ['SYNP.change', '"SYNP.change": the snapshot states no change for SYNP'],
    ['SYN02.HK.close', '"SYN02.HK.close": the snapshot states no close for SYN02.HK'],
    ['SYN02.HK.changePercent', '"SYN02.HK.changePercent": the snapshot states no changePercent for SYN02.HK'],
    ['SYN02.HK.peRatio', '"SYN02.HK.peRatio": the snapshot states no peRatio for SYN02.HK'],
    ['SYN02.HK.previousClose', '"SYN02.HK.previousClose": the snapshot states no previousClose for SYN02.HK'],
    ['SYN01.HK.southboundNetInflow', '"SYN01.HK.southboundNetInflow": the snapshot states no southboundNetInflow for SYN01.HK'],
    ['SYN02.HK.fromHigh', '"SYN02.HK.fromHigh": the snapshot states no fromHigh for SYN02.HK'],
  ])('%j throws a FigureError: %s', (path, message) => {
    const thrown = (() => {
      try {
        resolveFigure(SESSION, path);
      } catch (error) {
        return error;
      }
      throw new Error(`resolveFigure(${JSON.stringify(path)}) did not throw`);
    })();
    expect(thrown).toBeInstanceOf(FigureError);
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toBe(message);
  });

  it('says when the snapshot states no turnover', () => {
    const session = buildSession({ ...SNAPSHOT, turnover: undefined }, REGISTRIES);
    expect(() => resolveFigure(session, 'turnover')).toThrow(FigureError);
    expect(() => resolveFigure(session, 'turnover')).toThrow('"turnover": the hk/2025-10-24 snapshot states no turnover');
  });

});

describe('figure fields', () => {
  it('lists every quote field and the session field', () => {
    expect(QUOTE_FIELDS).toEqual(['close', 'change', 'changePercent', 'previousClose', 'high', 'low', 'high52w', 'low52w', 'fromHigh', 'peRatio', 'turnover', 'volume', 'southboundNetInflow']);
    expect(SESSION_FIELDS).toContain('turnover');
    expect(SESSION_FIELDS).toContain('breadth.advancers');
    expect(SESSION_FIELDS).toContain('southbound.Shenzhen.netInflow');
    expect(SESSION_FIELDS).toContain('northbound.side');
  });

  it('resolves every quote field for a stock that states them all', () => {
    for (const field of QUOTE_FIELDS.filter((f) => f !== 'change')) {
      expect(() => resolveFigure(SESSION, `00981.HK.${field}`)).not.toThrow();
    }
  });
});
