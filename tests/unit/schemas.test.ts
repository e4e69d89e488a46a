import { describe, expect, it } from 'vitest';
import {
  MARKET_IDS,
  calendarSchema,
  describe as describeValue,
  direction,
  indexSchema,
  indexSymbol,
  isoDate,
  marketId,
  reportSchema,
  securitySchema,
  snapshotSchema,
  tickerCode,
  zonedDateTime,
} from '../../src/schemas/index.ts';

type Schema = { safeParse(input: unknown): { success: true; data: unknown } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } };

/** The issues a schema reports, as `path: message`. */
function issues(schema: Schema, input: unknown): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

function parsed(schema: Schema, input: unknown): unknown {
  const result = schema.safeParse(input);
  if (!result.success) throw new Error(`expected to parse, got ${JSON.stringify(result.error.issues)}`);
  return result.data;
}

const STATED = 'expected a number or one of { "moreThan": n }, { "lessThan": n }, { "around": n }';
const DATE = 'expected a date written YYYY-MM-DD';
const ZONED = 'expected a date and time with its zone offset such as 2025-10-24T18:30:00+08:00';

describe('describe', () => {
  it.each<[unknown, string]>([
    [undefined, 'nothing'],
    [null, 'null'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
    [-5, '-5'],
    [0, '0'],
    [true, 'true'],
    ['cn', '"cn"'],
    ['', '""'],
    ['say "hi"', '"say \\"hi\\""'],
    [new Date(Date.UTC(2025, 0, 1)), '2025-01-01T00:00:00.000Z'],
    [new Date('not a date'), 'an invalid date'],
    [[1, 2], 'a list'],
    [{ moreThan: 8 }, 'an object'],
    ['a'.repeat(58), `"${'a'.repeat(58)}"`], // 60 characters with quotes: kept whole
    ['a'.repeat(59), `"${'a'.repeat(56)}…`], // 61: cut to 57 and an ellipsis
  ])('describe(%o) → %s', (value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });
});

describe('marketId and direction', () => {
  it('knows the markets it has conventions for', () => {
    expect(MARKET_IDS).toEqual(['hk', 'cn', 'us', 'jp', 'kr', 'au', 'nz']);
    expect(parsed(marketId, 'hk')).toBe('hk');
    expect(parsed(marketId, 'cn')).toBe('cn');
  });

  it.each<[unknown, string]>([
    ['HK', ': found "HK", expected one of hk, cn, us, jp, kr, au, nz'],
    ['uk', ': found "uk", expected one of hk, cn, us, jp, kr, au, nz'],
    [undefined, ': found nothing, expected one of hk, cn, us, jp, kr, au, nz'],
  ])('refuses market %o', (input, message) => {
    expect(issues(marketId, input)).toEqual([message]);
  });

  it.each(['up', 'down', 'flat'])('accepts direction %s', (value) => {
    expect(parsed(direction, value)).toBe(value);
  });

  it.each<[unknown, string]>([
    ['sideways', ': found "sideways", expected "up", "down" or "flat"'],
    ['Up', ': found "Up", expected "up", "down" or "flat"'],
    [1, ': found 1, expected "up", "down" or "flat"'],
  ])('refuses direction %o', (input, message) => {
    expect(issues(direction, input)).toEqual([message]);
  });
});

describe('isoDate', () => {
  it.each<[unknown, string]>([
    ['2025-10-24', '2025-10-24'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['2025-12-31', '2025-12-31'],
    // YAML front matter arrives as a Date at UTC midnight.
    [new Date(Date.UTC(2025, 9, 24)), '2025-10-24'],
  ])('accepts %o as %s', (input, expected) => {
    expect(parsed(isoDate, input)).toBe(expected);
  });

  it.each<[unknown, string]>([
    ['2025-02-30', `found "2025-02-30", which is not a day of the calendar, expected a real date`],
    ['2025-02-29', `found "2025-02-29", which is not a day of the calendar, expected a real date`],
    ['1900-02-29', `found "1900-02-29", which is not a day of the calendar, expected a real date`],
    ['2025-04-31', `found "2025-04-31", which is not a day of the calendar, expected a real date`],
    ['2025-13-01', `found "2025-13-01", which is not a day of the calendar, expected a real date`],
    ['2025-00-10', `found "2025-00-10", which is not a day of the calendar, expected a real date`],
    ['2025-2-3', `found "2025-2-3", ${DATE}`],
    [' 2025-10-24', `found " 2025-10-24", ${DATE}`],
    [20251024, `found 20251024, ${DATE}`],
    [new Date('not a date'), `found an invalid date, ${DATE}`],
    [undefined, `found nothing, ${DATE}`],
  ])('refuses %o', (input, message) => {
    expect(issues(isoDate, input)).toEqual([`: ${message}`]);
  });

  // The format message comes first; the calendar check also runs on text that is not YYYY-MM-DD.
  it.each(['24/10/2025', '2025-10-24T00:00:00Z', '24 Oct 2025'])('refuses %o as not written YYYY-MM-DD', (input) => {
    expect(issues(isoDate, input)[0]).toBe(`: found ${JSON.stringify(input)}, ${DATE}`);
  });
});

describe('zonedDateTime', () => {
  it.each<[unknown, string]>([
    ['2025-10-24T18:30:00+08:00', '2025-10-24T18:30:00+08:00'],
    ['2025-10-24T10:30:00Z', '2025-10-24T10:30:00Z'],
    ['2025-10-24T18:30:00.123+08:00', '2025-10-24T18:30:00.123+08:00'],
    ['2025-10-24T06:30:00-04:00', '2025-10-24T06:30:00-04:00'],
    [new Date(Date.UTC(2025, 9, 24, 10, 30)), '2025-10-24T10:30:00.000Z'],
  ])('accepts %o as %s', (input, expected) => {
    expect(parsed(zonedDateTime, input)).toBe(expected);
  });

  it.each<unknown>([
    '2025-10-24T18:30:00', // no offset: which zone?
    '2025-10-24',
    '2025-10-24T18:30+08:00',
    '2025-10-24T18:30:00+0800',
    '2025-13-24T18:30:00+08:00',
    '2025-02-30T18:30:00+08:00',
    '24 October 2025, 18:30 HKT',
  ])('refuses %o', (input) => {
    expect(issues(zonedDateTime, input)).toEqual([`: found ${JSON.stringify(input)}, ${ZONED}`]);
  });

  it('refuses a number', () => {
    expect(issues(zonedDateTime, 1761301800000)).toEqual([`: found 1761301800000, ${ZONED}`]);
  });
});

describe('tickerCode and indexSymbol', () => {
  it.each(['00981.HK', 'SYN01.HK', 'A.HK', 'ABCDEF.SS'])('accepts ticker %s', (ticker) => {
    expect(parsed(tickerCode, ticker)).toBe(ticker);
  });

  it.each<unknown>(['981.hk', '00981', '00981.HKG', '1234567.HK', '00981 .HK', 'SMIC', 981])('refuses ticker %o', (input) => {
    expect(issues(tickerCode, input)).toEqual([`: found ${JSON.stringify(input)}, expected a ticker such as 00981.HK`]);
  });

  it.each(['HSI', 'HSTECH', 'HSCEI', 'CSI300', 'AB'])('accepts index %s', (symbol) => {
    expect(parsed(indexSymbol, symbol)).toBe(symbol);
  });

  it.each<unknown>(['H', 'hsi', 'ABCDEFGHIJKLM', 'HS I', 'HSI.HK'])('refuses index %o', (input) => {
    expect(issues(indexSymbol, input)).toEqual([`: found ${JSON.stringify(input)}, expected an index symbol such as HSI`]);
  });
});

const SECURITY = { ticker: 'SYN01.HK', name: 'Synthetic One', exchange: 'HKEX', market: 'hk', currency: 'HKD' };

describe('securitySchema', () => {
  it('accepts a security and defaults its aliases', () => {
    expect(parsed(securitySchema, SECURITY)).toEqual({ ...SECURITY, aliases: [] });
  });

  it('accepts every optional field and trims text', () => {
    const input = { ...SECURITY, name: '  Synthetic One ', fullName: 'Synthetic One Ltd', sector: 'Synthetics', aliases: ['S1'] };
    expect(parsed(securitySchema, input)).toEqual({ ...input, name: 'Synthetic One' });
  });

  it.each<[string, object, string[]]>([
    ['an unknown field', { ...SECURITY, isin: 'X' }, [': Unrecognized key: "isin"']],
    ['a lower-case currency', { ...SECURITY, currency: 'hkd' }, ['currency: found "hkd", expected an ISO 4217 currency code such as HKD']],
    ['a bad ticker', { ...SECURITY, ticker: 'SMIC' }, ['ticker: found "SMIC", expected a ticker such as 00981.HK']],
    ['an empty name', { ...SECURITY, name: '   ' }, ['name: found an empty string, expected text']],
    ['a name that is a number', { ...SECURITY, name: 5 }, ['name: found 5, expected text']],
    ['an empty alias', { ...SECURITY, aliases: ['S1', ''] }, ['aliases.1: found an empty string, expected text']],
    ['an unknown market', { ...SECURITY, market: 'uk' }, ['market: found "uk", expected one of hk, cn, us, jp, kr, au, nz']],
    ['a missing exchange', { ...SECURITY, exchange: undefined }, ['exchange: found nothing, expected text']],
  ])('refuses %s', (_, input, expected) => {
    expect(issues(securitySchema, input)).toEqual(expected);
  });
});

describe('indexSchema', () => {
  it('accepts an index and defaults its aliases', () => {
    expect(parsed(indexSchema, { symbol: 'HSI', name: 'Hang Seng Index', market: 'hk' })).toEqual({
      symbol: 'HSI',
      name: 'Hang Seng Index',
      market: 'hk',
      aliases: [],
    });
  });

  it.each<[string, object, string[]]>([
    ['an unknown field', { symbol: 'HSI', name: 'Hang Seng Index', market: 'hk', constituents: 82 }, [': Unrecognized key: "constituents"']],
    ['a lower-case symbol', { symbol: 'hsi', name: 'Hang Seng Index', market: 'hk' }, ['symbol: found "hsi", expected an index symbol such as HSI']],
  ])('refuses %s', (_, input, expected) => {
    expect(issues(indexSchema, input)).toEqual(expected);
  });
});

const SNAPSHOT = { market: 'hk', date: '2025-10-24', source: 'Synthetic source' };

describe('snapshotSchema', () => {
  it('accepts a bare snapshot and defaults its lists', () => {
    expect(parsed(snapshotSchema, SNAPSHOT)).toEqual({ ...SNAPSHOT, indices: [], stocks: [], flows: [], flowTotals: [] });
  });

  it('turns every way of stating a figure into a value and a qualifier', () => {
    const input = {
      ...SNAPSHOT,
      turnover: 226_610_000_000,
      indices: [
        { symbol: 'HSI', close: 26160, change: 192 },
        { symbol: 'SYNP', close: { around: 5000 }, changePercent: { lessThan: -2 }, direction: 'down', note: 'Synthetic' },
      ],
      stocks: [
        { ticker: '00981.HK', close: 80, changePercent: { moreThan: 8 }, high52w: 93.5, low52w: { around: 40 }, peRatio: -3.2, previousClose: 74 },
        { ticker: 'SYN01.HK', change: 0 },
      ],
      flows: [
        { ticker: '03690.HK', direction: 'southbound', channel: 'Shenzhen', netInflow: 654_800_000 },
        { ticker: '00981.HK', direction: 'northbound', netInflow: { around: -570_700_000 } },
      ],
    };
    expect(parsed(snapshotSchema, input)).toEqual({
      ...SNAPSHOT,
      turnover: { value: 226_610_000_000, qualifier: 'exact' },
      indices: [
        { symbol: 'HSI', close: { value: 26160, qualifier: 'exact' }, change: { value: 192, qualifier: 'exact' } },
        {
          symbol: 'SYNP',
          close: { value: 5000, qualifier: 'around' },
          changePercent: { value: -2, qualifier: 'lessThan' },
          direction: 'down',
          note: 'Synthetic',
        },
      ],
      stocks: [
        {
          ticker: '00981.HK',
          close: { value: 80, qualifier: 'exact' },
          changePercent: { value: 8, qualifier: 'moreThan' },
          high52w: { value: 93.5, qualifier: 'exact' },
          low52w: { value: 40, qualifier: 'around' },
          peRatio: { value: -3.2, qualifier: 'exact' },
          previousClose: { value: 74, qualifier: 'exact' },
        },
        { ticker: 'SYN01.HK', change: { value: 0, qualifier: 'exact' } },
      ],
      flows: [
        { ticker: '03690.HK', direction: 'southbound', channel: 'Shenzhen', netInflow: { value: 654_800_000, qualifier: 'exact' } },
        { ticker: '00981.HK', direction: 'northbound', netInflow: { value: -570_700_000, qualifier: 'around' } },
      ],
      flowTotals: [],
    });
  });

  it.each<[string, object]>([
    ['a percent beside an approximate change', { indices: [{ symbol: 'HSI', close: 26160, change: { around: 192 }, changePercent: 0.74 }] }],
    ['a percent beside an approximate close', { indices: [{ symbol: 'HSI', close: { around: 26000 }, change: 192, changePercent: 0.74 }] }],
    ['a percent beside a close alone', { stocks: [{ ticker: '00981.HK', close: 80, changePercent: { moreThan: 8 } }] }],
    ['a percent beside a change alone', { stocks: [{ ticker: '00981.HK', change: 6, changePercent: 8 }] }],
    ['a negative change', { indices: [{ symbol: 'HSCEI', close: 9300, change: -63 }] }],
    ['a zero change', { indices: [{ symbol: 'HSI', change: 0 }] }],
    ['a very small price', { stocks: [{ ticker: '00981.HK', close: 0.001 }] }],
    ['a very large turnover', { turnover: 1e15 }],
    ['a negative bound on a change', { stocks: [{ ticker: '00981.HK', change: { lessThan: -5 } }] }],
    ['a negative net inflow', { flows: [{ ticker: '00981.HK', direction: 'southbound', netInflow: -1 }] }],
    ['a leap day', { date: '2024-02-29' }],
  ])('accepts %s', (_, parts) => {
    expect(issues(snapshotSchema, { ...SNAPSHOT, ...parts })).toEqual([]);
  });

  it.each<[string, object, string[]]>([
    ['unknown fields', { foo: 1, bar: 2 }, [': Unrecognized keys: "foo", "bar"']],
    ['an unknown field in a quote', { indices: [{ symbol: 'HSI', volume: 1 }] }, ['indices.0: Unrecognized key: "volume"']],
    ['an unknown field in a flow', { flows: [{ ticker: '00981.HK', direction: 'southbound', netInflow: 1, note: 'x' }] }, ['flows.0: Unrecognized key: "note"']],
    ['30 February', { date: '2025-02-30' }, ['date: found "2025-02-30", which is not a day of the calendar, expected a real date']],
    ['a date in another format', { date: '2025-1-5' }, [`date: found "2025-1-5", ${DATE}`]],
    ['a missing date', { date: undefined }, [`date: found nothing, ${DATE}`]],
    ['an unknown market', { market: 'uk' }, ['market: found "uk", expected one of hk, cn, us, jp, kr, au, nz']],
    ['an empty source', { source: '  ' }, ['source: found an empty string, expected text']],
    // Wrong types.
    ['a number as text', { source: 5 }, ['source: found 5, expected text']],
    ['text as a number', { turnover: '226610000000' }, [`turnover: found "226610000000", ${STATED}`]],
    ['null as a number', { turnover: null }, [`turnover: found null, ${STATED}`]],
    ['a list as a number', { turnover: [1] }, [`turnover: found a list, ${STATED}`]],
    ['a list that is not', { indices: { symbol: 'HSI' } }, ['indices: Invalid input: expected array, received object']],
    // Non-finite numbers.
    ['NaN', { turnover: NaN }, [`turnover: found NaN, ${STATED}`]],
    ['Infinity', { indices: [{ symbol: 'HSI', change: Infinity }] }, [`indices.0.change: found Infinity, ${STATED}`]],
    ['−Infinity', { stocks: [{ ticker: '00981.HK', peRatio: -Infinity }] }, [`stocks.0.peRatio: found -Infinity, ${STATED}`]],
    ['Infinity in a bound', { turnover: { around: Infinity } }, [`turnover: found an object, ${STATED}`]],
    // Prices and turnover are above zero, bounds included.
    ['a negative price', { stocks: [{ ticker: '00981.HK', close: -80 }] }, ['stocks.0.close: found -80, expected a number above zero']],
    ['a zero price', { indices: [{ symbol: 'HSI', close: 0 }] }, ['indices.0.close: found 0, expected a number above zero']],
    ['a negative previous close', { indices: [{ symbol: 'HSI', previousClose: -1 }] }, ['indices.0.previousClose: found -1, expected a number above zero']],
    ['a negative 52-week high', { stocks: [{ ticker: '00981.HK', high52w: -93.5 }] }, ['stocks.0.high52w: found -93.5, expected a number above zero']],
    ['a zero 52-week low bound', { stocks: [{ ticker: '00981.HK', low52w: { around: 0 } }] }, ['stocks.0.low52w.around: found 0, expected a number above zero']],
    ['a negative turnover', { turnover: -5 }, ['turnover: found -5, expected a number above zero']],
    ['a negative turnover bound', { turnover: { moreThan: -5 } }, ['turnover.moreThan: found -5, expected a number above zero']],
    // A figure is one number or one bound.
    ['two bounds at once', { turnover: { moreThan: 5, lessThan: 9 } }, [`turnover: found an object, ${STATED}`]],
    ['an unknown bound', { turnover: { over: 5 } }, [`turnover: found an object, ${STATED}`]],
    ['a bound of text', { turnover: { around: '5' } }, [`turnover: found an object, ${STATED}`]],
    // Enumerations and codes.
    ['an unknown direction', { stocks: [{ ticker: '00981.HK', direction: 'sideways' }] }, ['stocks.0.direction: found "sideways", expected "up", "down" or "flat"']],
    ['an unknown flow direction', { flows: [{ ticker: '00981.HK', direction: 'eastbound', netInflow: 1 }] }, ['flows.0.direction: found "eastbound", expected "southbound" or "northbound"']],
    ['a flow without its inflow', { flows: [{ ticker: '00981.HK', direction: 'southbound' }] }, [`flows.0.netInflow: found nothing, ${STATED}`]],
    ['a bad ticker', { stocks: [{ ticker: '981.hk' }] }, ['stocks.0.ticker: found "981.hk", expected a ticker such as 00981.HK']],
    ['a bad index symbol', { indices: [{ symbol: 'h' }] }, ['indices.0.symbol: found "h", expected an index symbol such as HSI']],
    ['an empty note', { indices: [{ symbol: 'HSI', note: '' }] }, ['indices.0.note: found an empty string, expected text']],
  ])('refuses %s', (_, parts, expected) => {
    expect(issues(snapshotSchema, { ...SNAPSHOT, ...parts })).toEqual(expected);
  });

  it('reports every problem at once', () => {
    expect(issues(snapshotSchema, { ...SNAPSHOT, date: '2025-02-30', turnover: -1, stocks: [{ ticker: '00981.HK', close: -80 }] })).toEqual([
      'date: found "2025-02-30", which is not a day of the calendar, expected a real date',
      'turnover: found -1, expected a number above zero',
      'stocks.0.close: found -80, expected a number above zero',
    ]);
  });
});

const REPORT = {
  title: 'SMIC Sees Strong Surge',
  description: 'Synthetic description',
  date: '2025-10-24',
  market: 'hk',
  published: '2025-10-24T18:30:00+08:00',
  authors: ['Synthetic Author'],
};

describe('reportSchema', () => {
  it('accepts a report and defaults its lists', () => {
    expect(parsed(reportSchema, REPORT)).toEqual({ ...REPORT, tickers: [], indices: [], tags: [], corrections: [], draft: false });
  });

  it('accepts front matter as YAML gives it, dates as Date objects', () => {
    const input = { ...REPORT, date: new Date(Date.UTC(2025, 9, 24)), published: new Date(Date.UTC(2025, 9, 24, 10, 30)) };
    expect(parsed(reportSchema, input)).toMatchObject({ date: '2025-10-24', published: '2025-10-24T10:30:00.000Z' });
  });

  it('accepts every list', () => {
    const input = {
      ...REPORT,
      tickers: ['00981.HK'],
      indices: ['HSI'],
      tags: ['southbound-flows', 'smic', 'q4'],
      corrections: [{ date: '2025-10-25T09:00:00+08:00', text: 'Synthetic correction' }],
    };
    expect(parsed(reportSchema, input)).toEqual({ ...input, draft: false });
  });

  it.each<[string, object, string[]]>([
    ['an unknown field', { drafted: true }, [': Unrecognized key: "drafted"']],
    ['no authors', { authors: [] }, ['authors: found an empty list, expected at least one author']],
    ['a time without its offset', { published: '2025-10-24T18:30:00' }, [`published: found "2025-10-24T18:30:00", ${ZONED}`]],
    ['30 February', { date: '2025-02-30' }, ['date: found "2025-02-30", which is not a day of the calendar, expected a real date']],
    [
      'tags not in lower case with hyphens',
      { tags: ['ok', 'Bad Tag', 'a--b', '-a', 'b-'] },
      [
        'tags.1: found "Bad Tag", expected a lower-case tag with hyphens such as southbound-flows',
        'tags.2: found "a--b", expected a lower-case tag with hyphens such as southbound-flows',
        'tags.3: found "-a", expected a lower-case tag with hyphens such as southbound-flows',
        'tags.4: found "b-", expected a lower-case tag with hyphens such as southbound-flows',
      ],
    ],
    ['a name where a ticker goes', { tickers: ['00981.HK', 'SMIC'] }, ['tickers.1: found "SMIC", expected a ticker such as 00981.HK']],
    [
      'a bad correction',
      { corrections: [{ date: '2025-10-25', text: '' }] },
      [`corrections.0.date: found "2025-10-25", ${ZONED}`, 'corrections.0.text: found an empty string, expected text'],
    ],
    ['an unknown field in a correction', { corrections: [{ date: '2025-10-25T09:00:00+08:00', text: 'x', by: 'y' }] }, ['corrections.0: Unrecognized key: "by"']],
  ])('refuses %s', (_, parts, expected) => {
    expect(issues(reportSchema, { ...REPORT, ...parts })).toEqual(expected);
  });
});

const CALENDAR = {
  id: 'hkex',
  name: 'Synthetic HKEX calendar',
  market: 'hk',
  source: 'Synthetic source',
  years: [2025, 2026],
  holidays: [{ date: '2025-12-25', name: 'Christmas Day' }],
};

describe('calendarSchema', () => {
  it('accepts a calendar, with no half days unless listed', () => {
    expect(parsed(calendarSchema, CALENDAR)).toEqual({ ...CALENDAR, halfDays: [] });
  });

  it('accepts a generated calendar with its generator and half days', () => {
    const generated = { ...CALENDAR, generator: { command: 'npm run calendars', libraries: [{ name: 'date-holidays', version: '3.37.0' }] }, halfDays: [{ date: '2025-12-24', name: 'Christmas Eve' }] };
    expect(parsed(calendarSchema, generated)).toEqual(generated);
  });

  it.each([1900, 2200])('accepts the year %s at the bound', (year) => {
    expect(issues(calendarSchema, { ...CALENDAR, years: [year] })).toEqual([]);
  });

  it.each<[string, object, string[]]>([
    ['no years', { years: [] }, ['years: Too small: expected array to have >=1 items']],
    ['a year before 1900', { years: [1899] }, ['years.0: Too small: expected number to be >=1900']],
    ['a year after 2200', { years: [2201] }, ['years.0: Too big: expected number to be <=2200']],
    ['a fractional year', { years: [2025.5] }, ['years.0: Invalid input: expected int, received number']],
    ['29 February 2025', { holidays: [{ date: '2025-02-29', name: 'x' }] }, ['holidays.0.date: found "2025-02-29", which is not a day of the calendar, expected a real date']],
    ['an unnamed holiday', { holidays: [{ date: '2025-12-25', name: '' }] }, ['holidays.0.name: found an empty string, expected text']],
    ['an unknown field in a holiday', { holidays: [{ date: '2025-12-25', name: 'x', observed: true }] }, ['holidays.0: Unrecognized key: "observed"']],
    ['an unknown field', { zone: 'Asia/Hong_Kong' }, [': Unrecognized key: "zone"']],
  ])('refuses %s', (_, parts, expected) => {
    expect(issues(calendarSchema, { ...CALENDAR, ...parts })).toEqual(expected);
  });
});
