import { describe, expect, it } from 'vitest';
import { agrees, quoteInconsistencies } from '../../src/check/consistency.ts';
import { snapshotSchema } from '../../src/schemas/index.ts';

/** A quote as the schema hands it over (bounds turned into { value, qualifier }). */
const index = (quote: Record<string, unknown>) =>
  snapshotSchema.parse({ market: 'hk', date: '2025-10-24', source: 'Synthetic test data', indices: [{ symbol: 'SYNIDX', ...quote }] }).indices[0];
const stock = (quote: Record<string, unknown>) =>
  snapshotSchema.parse({ market: 'hk', date: '2025-10-24', source: 'Synthetic test data', stocks: [{ ticker: 'SYN01.HK', ...quote }] }).stocks[0];

describe('agrees', () => {
  it.each([
    [0.7, 0.7394, 1, true],
    [0.74, 0.7394, 2, true],
    [0.7, 0.7394, 2, false],
    [0.8, 0.7394, 1, false],
    [0.75, 0.745, 2, true],
    [192, 192.4, 0, true],
    [192, 192.6, 0, false],
    [-1.8, -1.84, 1, true],
  ])('%s written to %s places vs %s → %s', (stated, actual, decimals, expected) => {
    expect(agrees(stated, actual, decimals)).toBe(expected);
  });
});

describe('quoteInconsistencies', () => {
  it('accepts the seed-like figures that agree', () => {
    expect(quoteInconsistencies(index({ close: 26160, change: 192 }))).toEqual([]);
    expect(quoteInconsistencies(stock({ close: 80, changePercent: { moreThan: 8 }, high52w: 93.5 }))).toEqual([]);
    expect(quoteInconsistencies(stock({ close: 80, previousClose: 74, changePercent: { moreThan: 8 } }))).toEqual([]);
  });

  it.each([
    [
      'a change that is not close − previous close',
      index({ close: 26160, change: 192, previousClose: 25900 }),
      [{ field: 'change', message: 'found change 192, expected close − previous close = 26,160 − 25,900 = 260' }],
    ],
    [
      'a percent that disagrees with points and close',
      index({ close: 26160, change: 192, changePercent: 2.9 }),
      [{ field: 'changePercent', message: 'found changePercent 2.9 %, expected 0.7 % from change 192 and close 26,160' }],
    ],
    [
      'a percent that agrees but is derived anyway',
      index({ close: 26160, change: 192, changePercent: 0.7 }),
      [{ field: 'changePercent', message: 'found changePercent 0.7, which change 192 and close 26,160 already give (0.7 %); remove it, the page computes it' }],
    ],
    [
      'a percent from close and previous close',
      stock({ close: 80, previousClose: 74, changePercent: 9.5 }),
      [{ field: 'changePercent', message: 'found changePercent 9.5 %, expected 8.1 % from close 80 and previous close 74' }],
    ],
    [
      'a bound an exact move breaks',
      stock({ close: 80, previousClose: 76, changePercent: { moreThan: 8 } }),
      [{ field: 'changePercent', message: 'found more than 8 %, but close 80 and previous close 76 give 5.3 %' }],
    ],
    [
      'a close above its 52-week high',
      stock({ close: 95, high52w: 93.5 }),
      [{ field: 'close', message: 'found close 95 above the 52-week high 93.5, expected low ≤ close ≤ high' }],
    ],
    [
      'a close below its 52-week low',
      stock({ close: 30, low52w: 40, high52w: 93.5 }),
      [{ field: 'close', message: 'found close 30 below the 52-week low 40, expected low ≤ close ≤ high' }],
    ],
    [
      'a direction against the sign of the change',
      index({ close: 26160, change: 192, direction: 'down' }),
      [{ field: 'direction', message: 'found direction "down", but change 192 makes the move up' }],
    ],
    [
      'a direction against a bound that settles it',
      stock({ close: 80, changePercent: { moreThan: 8 }, direction: 'down' }),
      [{ field: 'direction', message: 'found direction "down", but changePercent more than 8 % makes the move up' }],
    ],
  ])('finds %s', (_, quote, expected) => {
    expect(quoteInconsistencies(quote)).toEqual(expected);
  });

  it('judges agreement at the precision written in the file, trailing zeros included', () => {
    const quote = index({ close: 26160, change: 192, changePercent: 0.7 });
    // Written "0.70": two places, and 0.74 rounds to 0.74, not 0.70.
    expect(quoteInconsistencies(quote, (field) => (field === 'changePercent' ? '0.70' : undefined))).toEqual([
      { field: 'changePercent', message: 'found changePercent 0.7 %, expected 0.74 % from change 192 and close 26,160' },
    ]);
  });
});
