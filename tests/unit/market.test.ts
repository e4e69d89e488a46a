import { describe, expect, it } from 'vitest';
import type { Direction } from '../../src/lib/change.ts';
import { MARKETS, arrowOf, directionWords, marketConvention, toneOf, type MarketConvention, type Tone } from '../../src/lib/market.ts';

/** A market where a rise is red, as in mainland China. */
const RED_RISE: MarketConvention = { ...MARKETS.hk, id: 'syn', name: 'Synthetic', riseColour: 'red' };

describe('MARKETS', () => {
  it('knows Hong Kong’s conventions', () => {
    expect(MARKETS.hk).toEqual({
      id: 'hk',
      name: 'Hong Kong',
      exchange: 'HKEX',
      zone: 'Asia/Hong_Kong',
      zoneAbbreviation: 'HKT',
      currency: 'HKD',
      riseColour: 'green',
      calendar: 'hkex',
      close: '16:10',
    });
  });

  it('keys every market by its own id', () => {
    for (const [key, market] of Object.entries(MARKETS)) expect(market.id).toBe(key);
  });
});

describe('marketConvention', () => {
  it('returns the market for a known id', () => {
    expect(marketConvention('hk')).toBe(MARKETS.hk);
  });

  it.each(['cn', 'HK', '', ' hk', 'toString', 'constructor', '__proto__', 'hasOwnProperty'])(
    'throws a RangeError for %j',
    (id) => {
      expect(() => marketConvention(id)).toThrow(RangeError);
      expect(() => marketConvention(id)).toThrow(`unknown market "${id}": expected one of hk`);
    },
  );
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
