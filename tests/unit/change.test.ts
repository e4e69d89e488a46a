import { describe, expect, it } from 'vitest';
import { directionOf, percentChange, percentFromHigh, rangePosition, type Direction } from '../../src/lib/change.ts';

describe('percentChange', () => {
  // Worked by hand: change / (close − change) × 100.
  it.each<[number, number, number, number]>([
    [192, 26160, 0.7394, 4], // 192 / 25,968
    [108, 6059, 1.8148, 4], // 108 / 5,951
    [63, 9363, 0.6774, 4], // 63 / 9,300
    [-63, 9300, -0.67286, 5], // −63 / 9,363
    [0, 100, 0, 10],
    [50, 100, 100, 10], // doubled from 50
    [-50, 50, -50, 10], // halved from 100
    [-99, 1, -99, 10], // from 100 to 1
    [1, 2, 100, 10],
    [-0.35, 12.5, -2.7237, 4], // −0.35 / 12.85 = −7 / 257
    [1e12, 2e12, 100, 10],
    [0.01, 1e9, 1e-9, 15],
  ])('percentChange(%s, %s) ≈ %s', (change, close, expected, digits) => {
    expect(percentChange(change, close)).toBeCloseTo(expected, digits);
  });

  it.each<[number, number, string]>([
    [100, 100, 'previous close 0 (close 100 − change 100) is not above zero'],
    [150, 100, 'previous close -50 (close 100 − change 150) is not above zero'],
    [0, 0, 'previous close 0 (close 0 − change 0) is not above zero'],
    [NaN, 100, 'previous close NaN (close 100 − change NaN) is not above zero'],
    [1, NaN, 'previous close NaN (close NaN − change 1) is not above zero'],
    [Infinity, Infinity, 'previous close NaN'],
  ])('percentChange(%s, %s) throws a RangeError: %s', (change, close, message) => {
    expect(() => percentChange(change, close)).toThrow(RangeError);
    expect(() => percentChange(change, close)).toThrow(message);
  });
});

describe('directionOf', () => {
  it.each<[number, Direction]>([
    [192, 'up'],
    [1e-9, 'up'],
    [Number.MIN_VALUE, 'up'],
    [Infinity, 'up'],
    [-63, 'down'],
    [-1e-9, 'down'],
    [-Infinity, 'down'],
    [0, 'flat'],
    [-0, 'flat'],
  ])('directionOf(%s) → %s', (change, expected) => {
    expect(directionOf(change)).toBe(expected);
  });
});

describe('percentFromHigh', () => {
  it.each<[number, number, number]>([
    [80, 93.5, -14.4385], // −13.5 / 93.5
    [93.5, 93.5, 0],
    [40, 80, -50],
    [0, 50, -100],
    [100, 80, 25], // a close above the stated high
    [12.5, 20, -37.5],
  ])('percentFromHigh(%s, %s) ≈ %s', (close, high, expected) => {
    expect(percentFromHigh(close, high)).toBeCloseTo(expected, 4);
  });

  it.each<[number, string]>([
    [0, '52-week high 0 is not above zero'],
    [-1, '52-week high -1 is not above zero'],
    [NaN, '52-week high NaN is not above zero'],
  ])('throws a RangeError for a high of %s', (high, message) => {
    expect(() => percentFromHigh(80, high)).toThrow(RangeError);
    expect(() => percentFromHigh(80, high)).toThrow(message);
  });
});

describe('rangePosition', () => {
  it.each<[number, number, number, number | undefined]>([
    [80, 60, 100, 0.5],
    [70, 60, 100, 0.25],
    [60, 60, 100, 0],
    [100, 60, 100, 1],
    [12.5, 10, 20, 0.25],
    // Outside the range, clamped.
    [50, 60, 100, 0],
    [120, 60, 100, 1],
    // An empty or inverted range has no position.
    [80, 80, 80, undefined],
    [80, 100, 60, undefined],
    [1, NaN, 2, undefined],
    [1, 0, NaN, undefined],
  ])('rangePosition(%s, %s, %s) → %s', (close, low, high, expected) => {
    const position = rangePosition(close, low, high);
    if (expected === undefined) expect(position).toBeUndefined();
    else expect(position).toBeCloseTo(expected, 10);
  });

  it('places 80 between 60 and 93.5 at 20 / 33.5', () => {
    expect(rangePosition(80, 60, 93.5)).toBeCloseTo(0.597015, 6);
  });
});
