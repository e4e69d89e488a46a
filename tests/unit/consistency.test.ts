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

  it('keeps a stated percent beside the points and close it agrees with (no longer refused as redundant)', () => {
    expect(quoteInconsistencies(index({ close: 26160, change: 192, changePercent: 0.7 }))).toEqual([]);
    expect(quoteInconsistencies(index({ close: 26160, change: 192, changePercent: 0.74 }))).toEqual([]);
    expect(quoteInconsistencies(stock({ close: 80, change: -0.22, changePercent: -0.27 }), (f) => ({ close: '80.00' })[f])).toEqual([]);
  });

  it('allows for the rounding of every written figure: a wire’s rounded close and change agree with the previous close', () => {
    // True 26,160.4 − 25,968.8 = 191.6: printed 26,160, 25,969 and 192.
    expect(quoteInconsistencies(index({ close: 26160, change: 192, previousClose: 25969 }))).toEqual([]);
  });

  it.each([
    [
      'a change that is not close − previous close',
      index({ close: 26160, change: 192, previousClose: 25900 }),
      [{ field: 'change', message: 'found change 192, close 26,160 and previous close 25,900, which disagree: close 26,160 and previous close 25,900 give a change of 259 to 261; no single typing slip explains it, check each figure against the source' }],
    ],
    [
      'a change with a stray digit beside the percent and close it should agree with',
      index({ close: 26160, change: 1192, changePercent: 0.7 }),
      [{ field: 'change', message: 'found change 1,192, close 26,160 and percent change 0.7 %, which disagree: close 26,160 and percent change 0.7 % give a change of 169 to 195; a change of 192 agrees with 26,160 and 0.7 %: the stated 1,192 has a digit typed twice' }],
    ],
    [
      'a close with a stray digit',
      index({ close: 216160, change: 192, changePercent: 0.7 }),
      [{ field: 'close', message: 'found close 216,160, change 192 and percent change 0.7 %, which disagree: change 192 and percent change 0.7 % give a close of 25,725 to 29,808; a close of 26,160 agrees with 192 and 0.7 %: the stated 216,160 has a stray digit' }],
    ],
    [
      'a percent with swapped digits',
      stock({ close: 80, change: -0.22, changePercent: -0.72 }),
      [{ field: 'changePercent', message: 'found percent change −0.72 %, change −0.22 and close 80, which disagree: change −0.22 and close 80 give a percent change of −0.28 % to −0.27 %; a percent change of −0.27 % agrees with −0.22 and 80: the stated −0.72 % has two digits swapped' }],
    ],
    [
      'a misplaced decimal point in a close against its 52-week high',
      stock({ close: 800, changePercent: { moreThan: 8 }, high52w: 93.5 }),
      [{ field: 'close', message: 'found close 800 and 52-week high 93.5, which disagree: a close of 800 is above the 52-week high of 93.5, expected low ≤ close ≤ high; one typing slip explains it, in either of 2 figures: a close of 80.0 (the stated 800 has a missing decimal point) or a 52-week high of 935 (the stated 93.5 has a misplaced decimal point); check them against the source' }],
    ],
    [
      'figures one slip in either of two would explain',
      index({ close: 26160, change: 1.92, changePercent: 0.7 }),
      [{ field: 'change', message: 'found change 1.92, close 26,160 and percent change 0.7 %, which disagree: close 26,160 and percent change 0.7 % give a change of 168.94 to 194.74; one typing slip explains it, in either of 2 figures: a change of 192 (the stated 1.92 has a misplaced decimal point) or a close of 261.60 (the stated 26,160 has a missing decimal point); check them against the source' }],
    ],
    [
      'a change larger than the close (no previous close above zero)',
      index({ close: 100, change: 150 }),
      [{ field: 'change', message: 'found change 150 and close 100, which disagree: a change of 150 and a close of 100 put the previous close at −50, expected a previous close above zero; a change of 15.0 agrees with 100: the stated 150 has a missing decimal point' }],
    ],
    [
      'a percent from close and previous close beyond their rounding',
      stock({ close: 80, previousClose: 74, changePercent: 12.5 }),
      [{ field: 'close', message: 'found close 80, previous close 74 and percent change 12.5 %, which disagree: previous close 74 and percent change 12.5 % give a close of 83 to 84; no single typing slip explains it, check each figure against the source' }],
    ],
    [
      'a bound an exact move breaks',
      stock({ close: 80, previousClose: 76, changePercent: { moreThan: 8 } }),
      [{ field: 'changePercent', message: 'found more than 8 %, but close 80 and previous close 76 give 3.92 % to 6.62 %' }],
    ],
    [
      'a bounded fall written as a negative bound',
      stock({ close: 80, changePercent: { moreThan: -2 } }),
      [{ field: 'changePercent', message: 'found { "moreThan": -2 }, which reads as a fall of less than 2 % or any rise; write a bounded move as its size and give its direction: { "lessThan": 2 } with "direction": "down"' }],
    ],
    [
      'a fall of more than 2 % written with a negative upper bound',
      index({ changePercent: { lessThan: -2 } }),
      [{ field: 'changePercent', message: 'found { "lessThan": -2 }, which reads as a fall of more than 2 %; write a bounded move as its size and give its direction: { "moreThan": 2 } with "direction": "down"' }],
    ],
    [
      'a bounded fall the exact figures break',
      stock({ close: 80, previousClose: 80.5, changePercent: { moreThan: 2 }, direction: 'down' }),
      [{ field: 'changePercent', message: 'found more than 2 % (a fall), but close 80 and previous close 80.5 give −1.30 % to 0.06 %' }],
    ],
    [
      'a close above its 52-week high',
      stock({ close: 95, high52w: 93.5 }),
      [{ field: 'close', message: 'found close 95 and 52-week high 93.5, which disagree: a close of 95 is above the 52-week high of 93.5, expected low ≤ close ≤ high; one typing slip explains it, in either of 2 figures: a close of 9.5 (the stated 95 has a missing decimal point) or a 52-week high of 935 (the stated 93.5 has a misplaced decimal point); check them against the source' }],
    ],
    [
      'a close above the intraday high',
      stock({ close: 80, high: 79.5, low: 76 }),
      [{ field: 'high', message: 'found close 80 and intraday high 79.5, which disagree: a close of 80 is above the intraday high of 79.5, expected low ≤ close ≤ high; an intraday high of 795 agrees with 80 and 76: the stated 79.5 has a misplaced decimal point' }],
    ],
    [
      'a direction against the sign of the change',
      index({ close: 26160, change: 192, direction: 'down' }),
      [{ field: 'direction', message: 'found direction "down", but change 192 makes the move up' }],
    ],
    [
      'an index move beyond ±5 % without a note',
      index({ close: 26160, change: 1592 }),
      [{ field: 'change', message: 'found a move of 6.48 %, beyond the ±5 % an index moves in an ordinary session, expected figures that agree with the source; if the source states this move, add a "note" to the entry saying why (it is shown with the figures)' }],
    ],
    [
      'a stock move beyond ±30 % without a note',
      stock({ close: 80, changePercent: { moreThan: 35 } }),
      [{ field: 'changePercent', message: 'found a move of 35 %, beyond the ±30 % a single stock moves in an ordinary session, expected figures that agree with the source; if the source states this move, add a "note" to the entry saying why (it is shown with the figures)' }],
    ],
  ])('finds %s', (_, quote, expected) => {
    expect(quoteInconsistencies(quote)).toEqual(expected);
  });

  it('accepts a large move the entry explains in a note, and a bounded fall written as its size', () => {
    expect(quoteInconsistencies(stock({ close: 80, changePercent: { moreThan: 35 }, note: 'The stock resumed trading after a takeover offer.' }))).toEqual([]);
    expect(quoteInconsistencies(stock({ close: 80, previousClose: 83, changePercent: { moreThan: 2 }, direction: 'down' }))).toEqual([]);
  });

  it('judges agreement at the precision written in the file, trailing zeros included', () => {
    const quote = index({ close: 26160, change: 192, changePercent: 0.7 });
    // Written "0.70": two places, and 0.74 rounds to 0.74, not 0.70.
    expect(quoteInconsistencies(quote, (field) => (field === 'changePercent' ? '0.70' : undefined))).toEqual([
      { field: 'changePercent', message: 'found percent change 0.70 %, change 192 and close 26,160, which disagree: change 192 and close 26,160 give a percent change of 0.74 %; a percent change of 0.7 % agrees with 192 and 26,160: the stated 0.70 % has a stray digit' },
    ]);
  });
});
