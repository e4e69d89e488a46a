import { describe, expect, it } from 'vitest';
import type { Direction } from '../../src/lib/change.ts';
import { MARKETS, MARKET_LIST, arrowOf, closeOn, directionWords, groupByMarket, knownIndex, marketConvention, marketOfTicker, toneOf, type MarketConvention, type Tone } from '../../src/lib/market.ts';

/** A market where a rise is red, as in mainland China. */
const RED_RISE: MarketConvention = { ...MARKETS.hk, id: 'syn', name: 'Synthetic', riseColour: 'red' };

describe('MARKETS', () => {
  it('knows Hong Kong’s conventions', () => {
    expect(MARKETS.hk).toMatchObject({
      id: 'hk',
      name: 'Hong Kong',
      exchange: 'HKEX',
      zone: 'Asia/Hong_Kong',
      zoneAbbreviation: 'HKT',
      currency: 'HKD',
      riseColour: 'green',
      calendar: 'hkex',
      close: '16:10',
      halfDayClose: '12:10',
    });
  });

  it.each<[string, string, string, 'green' | 'red', string]>([
    ['hk', 'Asia/Hong_Kong', 'HKD', 'green', 'hkex'],
    ['cn', 'Asia/Shanghai', 'CNY', 'red', 'sse'],
    ['us', 'America/New_York', 'USD', 'green', 'nyse'],
    ['jp', 'Asia/Tokyo', 'JPY', 'red', 'jpx'],
    ['kr', 'Asia/Seoul', 'KRW', 'red', 'krx'],
    ['au', 'Australia/Sydney', 'AUD', 'green', 'asx'],
    ['nz', 'Pacific/Auckland', 'NZD', 'green', 'nzx'],
  ])('defines %s: zone %s, %s, a rise in %s, calendar %s, each convention sourced', (id, zone, currency, rise, calendar) => {
    const market = marketConvention(id);
    expect(market).toMatchObject({ zone, currency, riseColour: rise, calendar });
    expect(market.close).toMatch(/^\d{2}:\d{2}$/);
    expect(market.sources.hours.length).toBeGreaterThan(20);
    expect(market.sources.colours.length).toBeGreaterThan(20);
    // A zone the platform knows, so times are shown in it.
    expect(() => new Intl.DateTimeFormat('en', { timeZone: market.zone })).not.toThrow();
  });

  it('gives each ticker suffix to one market only', () => {
    const suffixes = MARKET_LIST.flatMap((m) => m.tickerSuffixes);
    expect(new Set(suffixes).size).toBe(suffixes.length);
    expect(marketOfTicker('00700.HK')?.id).toBe('hk');
    expect(marketOfTicker('600519.SS')?.id).toBe('cn');
    expect(marketOfTicker('7203.T')?.id).toBe('jp');
    expect(marketOfTicker('005930.KS')?.id).toBe('kr');
    expect(marketOfTicker('BHP.AX')?.id).toBe('au');
    expect(marketOfTicker('SYN.XX')).toBeUndefined();
  });

  it('keys every market by its own id', () => {
    for (const [key, market] of Object.entries(MARKETS)) expect(market.id).toBe(key);
  });
});

describe('marketConvention', () => {
  it('returns the market for a known id', () => {
    expect(marketConvention('hk')).toBe(MARKETS.hk);
  });

  it.each(['xx', 'HK', '', ' hk', 'toString', 'constructor', '__proto__', 'hasOwnProperty'])(
    'throws a RangeError for %j',
    (id) => {
      expect(() => marketConvention(id)).toThrow(RangeError);
      expect(() => marketConvention(id)).toThrow(`unknown market "${id}": expected one of hk, cn, us, jp, kr, au, nz`);
    },
  );
});

describe('closeOn', () => {
  const halfDays = [{ date: '2025-12-24' }];
  it.each<[string, string, string]>([
    ['hk', '2025-12-24', '12:10'],
    ['hk', '2025-12-23', '16:10'],
    ['us', '2025-12-24', '13:00'],
    // A market without half days keeps its close even on a day listed as one.
    ['cn', '2025-12-24', '15:00'],
  ])('%s on %s closes at %s', (id, day, time) => expect(closeOn(marketConvention(id), day, halfDays)).toBe(time));
});

describe('groupByMarket', () => {
  const item = (id: string, market: string) => ({ id, market: marketConvention(market) });
  it('puts the home market first under its name, then other markets under their region, in quoted order', () => {
    const groups = groupByMarket([item('N225', 'jp'), item('HSI', 'hk'), item('DJI', 'us'), item('KS11', 'kr'), item('HSTECH', 'hk')], MARKETS.hk);
    expect(groups.map((g) => [g.label, g.home, g.items.map((i) => i.id)])).toEqual([
      ['Hong Kong', true, ['HSI', 'HSTECH']],
      ['Asia-Pacific', false, ['N225', 'KS11']],
      ['Americas', false, ['DJI']],
    ]);
  });
  it('gives no empty home group when only other markets are quoted', () => {
    expect(groupByMarket([item('N225', 'jp')], MARKETS.hk).map((g) => g.label)).toEqual(['Asia-Pacific']);
  });
});

describe('toneOf', () => {
  it.each<[Direction | undefined, MarketConvention, Tone]>([
    ['up', MARKETS.hk, 'green'],
    ['down', MARKETS.hk, 'red'],
    ['flat', MARKETS.hk, 'neutral'],
    [undefined, MARKETS.hk, 'neutral'],
    ['up', RED_RISE, 'red'],
    ['down', RED_RISE, 'green'],
    ['flat', RED_RISE, 'neutral'],
    [undefined, RED_RISE, 'neutral'],
  ])('%s on a %o market → %s', (direction, market, expected) => {
    expect(toneOf(direction, market)).toBe(expected);
  });
});

describe('arrowOf', () => {
  it.each<[Direction | undefined, string]>([
    ['up', '▲'],
    ['down', '▼'],
    ['flat', ''],
    [undefined, ''],
  ])('%s → %j', (direction, expected) => {
    expect(arrowOf(direction)).toBe(expected);
  });
});

describe('directionWords', () => {
  it.each<[Direction | undefined, string]>([
    ['up', 'up'],
    ['down', 'down'],
    ['flat', 'unchanged'],
    [undefined, 'direction not stated'],
  ])('%s → %j', (direction, expected) => {
    expect(directionWords(direction)).toBe(expected);
  });
});

describe('knownIndex', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['HSI', 'hk', 'Hang Seng Index'],
    ['N225', 'jp', 'Nikkei 225'],
    ['KS11', 'kr', 'KOSPI Composite Index'],
    ['AXJO', 'au', 'S&P/ASX 200'],
    ['NZ50', 'nz', 'S&P/NZX 50 Index'],
    ['SSEC', 'cn', 'SSE Composite Index'],
    ['SYNX', undefined, undefined],
  ])('%s → %s', (symbol, market, name) => {
    const known = knownIndex(symbol);
    expect(known?.market.id).toBe(market);
    expect(known?.name).toBe(name);
  });

  it('lists each symbol under one market only', () => {
    const symbols = MARKET_LIST.flatMap((m) => m.indices.map((i) => i.symbol));
    expect(new Set(symbols).size).toBe(symbols.length);
  });
});
