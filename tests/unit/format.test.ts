import { describe, expect, it, vi } from 'vitest';
import {
  documentTitle,
  MAX_TITLE,
  MINUS,
  NBSP,
  decimalsOf,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPrice,
  formatSigned,
  formatStated,
} from '../../src/lib/format.ts';
import type { Stated } from '../../src/lib/stated.ts';

/** Writes the expected strings readably: `_` is a no-break space, `−` is already U+2212. */
const t = (text: string) => text.replaceAll('_', '\u00a0');

describe('constants', () => {
  it('uses a no-break space and the typographic minus', () => {
    expect(NBSP).toBe('\u00a0');
    expect(MINUS).toBe('\u2212');
    expect(MINUS).not.toBe('-');
  });
});

const NOT_FINITE = [NaN, Infinity, -Infinity];

describe('formatNumber', () => {
  it.each<[number, number | undefined, string]>([
    [26160, undefined, '26,160'],
    [0, undefined, '0'],
    [93.5, undefined, '93.5'],
    [144.22, undefined, '144.22'],
    [-63, undefined, '−63'],
    [-1234.5, undefined, '−1,234.5'],
    [1234567.891, undefined, '1,234,567.891'],
    // Left out, up to 4 decimals, rounded half away from zero.
    [0.12345, undefined, '0.1235'],
    [0.00005, undefined, '0.0001'],
    [0.00004, undefined, '0'],
    [999.99995, undefined, '1,000'],
    [1e-7, undefined, '0'],
    [1e21, undefined, '1,000,000,000,000,000,000,000'],
    [Number.MAX_SAFE_INTEGER, undefined, '9,007,199,254,740,991'],
    // Fixed decimals pad and round at .5 away from zero (not to even).
    [2.5, 0, '3'],
    [3.5, 0, '4'],
    [-2.5, 0, '−3'],
    [26160.5, 0, '26,161'],
    [0.25, 1, '0.3'],
    [0.75, 1, '0.8'],
    [-0.75, 1, '−0.8'],
    // 1.005 is stored as 1.00499…, but is rounded as the decimal it was written as.
    [1.005, 2, '1.01'],
    [93.5, 2, '93.50'],
    [26160, 1, '26,160.0'],
    [0.7394, 1, '0.7'],
  ])('formatNumber(%s, %s) → %s', (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected);
  });

  it('writes negatives with U+2212, never a hyphen', () => {
    const text = formatNumber(-1234567.5);
    expect(text).toBe(`${MINUS}1,234,567.5`);
    expect(text).not.toContain('-');
  });

  // Zero has no sign, also when a negative rounds to zero or is −0.
  it.each<[number, number | undefined, string]>([
    [-0, undefined, '0'],
    [-0.00001, undefined, '0'],
    [-0.04, 1, '0.0'],
    [-0.4, 0, '0'],
  ])('formatNumber(%s, %s) → %s with no sign', (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected);
  });

  it.each(NOT_FINITE)('throws a RangeError for %s', (value) => {
    expect(() => formatNumber(value)).toThrow(RangeError);
    expect(() => formatNumber(value)).toThrow(`cannot format ${value}: expected a finite number`);
  });
});

describe('formatSigned', () => {
  it.each<[number, number | undefined, string]>([
    [192, undefined, '+192'],
    [-63, undefined, '−63'],
    [0, undefined, '0'],
    [-0, undefined, '0'],
    [0, 2, '0.00'],
    [1.8, 1, '+1.8'],
    [-1.75, 1, '−1.8'],
    [1234.5, undefined, '+1,234.5'],
    [-1e12, undefined, '−1,000,000,000,000'],
    [192.456, 1, '+192.5'],
    // Rounds to zero: no sign, whichever side it came from.
    [0.4, 0, '0'],
    [-0.4, 0, '0'],
    [0.00004, undefined, '0'],
    [-0.00004, undefined, '0'],
    // Rounds away from zero: keeps its sign.
    [0.5, 0, '+1'],
    [-0.5, 0, '−1'],
    [-0.00005, undefined, '−0.0001'],
    [Number.MIN_VALUE, undefined, '0'],
  ])('formatSigned(%s, %s) → %s', (value, decimals, expected) => {
    expect(formatSigned(value, decimals)).toBe(expected);
  });

  it.each(NOT_FINITE)('throws a RangeError for %s', (value) => {
    expect(() => formatSigned(value)).toThrow(RangeError);
  });
});

describe('formatPercent', () => {
  it.each<[number, { decimals?: number; signed?: boolean }, string]>([
    // Two decimals by default: the house precision of a computed percent change.
    [0.7394, {}, '0.74_%'],
    [0.745, {}, '0.75_%'],
    [0.005, {}, '0.01_%'],
    [0.7394, { decimals: 1 }, '0.7_%'],
    [8, { decimals: 0 }, '8_%'],
    [100, {}, '100.00_%'],
    [1234.567, {}, '1,234.57_%'],
    [-1.8, {}, '−1.80_%'],
    [-0.004, {}, '0.00_%'],
    [0, {}, '0.00_%'],
    [1.8, { signed: true, decimals: 1 }, '+1.8_%'],
    [-1.8, { signed: true }, '−1.80_%'],
    [-0.005, { signed: true }, '−0.01_%'],
    [0, { signed: true }, '0.00_%'],
    [0.004, { signed: true }, '0.00_%'],
    [-0.004, { signed: true }, '0.00_%'],
    [-1.25, { decimals: 2, signed: true }, '−1.25_%'],
    [0.7394, { decimals: 0, signed: true }, '+1_%'],
  ])('formatPercent(%s, %o) → %s', (value, options, expected) => {
    expect(formatPercent(value, options)).toBe(t(expected));
  });

  it('keeps the number and its % sign together with a no-break space', () => {
    expect(formatPercent(0.7, { decimals: 1 })).toBe('0.7\u00a0%');
    expect(formatPercent(0.7)).not.toContain(' ');
  });

  it.each(NOT_FINITE)('throws a RangeError for %s, signed or not', (value) => {
    expect(() => formatPercent(value)).toThrow(RangeError);
    expect(() => formatPercent(value, { signed: true })).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it.each<[number, string, { signed?: boolean }, string]>([
    [226_610_000_000, 'HKD', {}, 'HKD_226.61_billion'],
    [654_800_000, 'HKD', {}, 'HKD_654.8_million'],
    [570_700_000, 'HKD', {}, 'HKD_570.7_million'],
    [80, 'HKD', {}, 'HKD_80'],
    [2_500_000_000, 'USD', {}, 'USD_2.5_billion'],
    [0, 'HKD', {}, 'HKD_0'],
    [0, 'HKD', { signed: true }, 'HKD_0'],
    [-570_700_000, 'HKD', {}, 'HKD_−570.7_million'],
    [-570_700_000, 'HKD', { signed: true }, 'HKD_−570.7_million'],
    [654_800_000, 'HKD', { signed: true }, 'HKD_+654.8_million'],
    [654_800_000, 'HKD', { signed: false }, 'HKD_654.8_million'],
    // Scale boundaries.
    [999_999, 'HKD', {}, 'HKD_999,999'],
    [1_000_000, 'HKD', {}, 'HKD_1_million'],
    [999_990_000, 'HKD', {}, 'HKD_999.99_million'],
    [999_994_999, 'HKD', {}, 'HKD_999.99_million'],
    [1_000_000_000, 'HKD', {}, 'HKD_1_billion'],
    [1_000_000_000_000, 'HKD', {}, 'HKD_1_trillion'],
    [-1_000_000_000_000, 'HKD', {}, 'HKD_−1_trillion'],
    [1.5e15, 'HKD', {}, 'HKD_1,500_trillion'],
    // Rounding carries into the next scale: a reader says "1 billion", never "1,000 million".
    [999_995_000, 'HKD', {}, 'HKD_1_billion'],
    [-999_999_999, 'HKD', {}, 'HKD_−1_billion'],
    [999_995_000_000, 'HKD', {}, 'HKD_1_trillion'],
    [999_999.99995, 'HKD', {}, 'HKD_1_million'],
    // Two decimals at a scale, rounded half away from zero; up to four below a million.
    [1_234_567, 'HKD', {}, 'HKD_1.23_million'],
    [1_235_000, 'HKD', {}, 'HKD_1.24_million'],
    [12.34567, 'HKD', {}, 'HKD_12.3457'],
    [0.5, 'HKD', {}, 'HKD_0.5'],
    // Rounds to zero: no sign.
    [-0.00001, 'HKD', {}, 'HKD_0'],
    [0.00001, 'HKD', { signed: true }, 'HKD_0'],
    [-0, 'HKD', { signed: true }, 'HKD_0'],
  ])('formatMoney(%s, %s, %o) → %s', (value, currency, options, expected) => {
    expect(formatMoney(value, currency, options)).toBe(t(expected));
  });

  it('matches the house example exactly', () => {
    expect(formatMoney(226_610_000_000, 'HKD')).toBe('HKD\u00a0226.61\u00a0billion');
  });

  it.each(NOT_FINITE)('throws a RangeError for %s', (value) => {
    expect(() => formatMoney(value, 'HKD')).toThrow(RangeError);
  });
});

describe('formatPrice', () => {
  it.each<[number, string, string]>([
    [93.5, 'HKD', 'HKD_93.5'],
    [80, 'HKD', 'HKD_80'],
    [1234.5, 'USD', 'USD_1,234.5'],
    [0.0123, 'HKD', 'HKD_0.0123'],
    [0.00004, 'HKD', 'HKD_0'],
    [1_234_567, 'HKD', 'HKD_1,234,567'],
  ])('formatPrice(%s, %s) → %s', (value, currency, expected) => {
    expect(formatPrice(value, currency)).toBe(t(expected));
  });

  it.each(NOT_FINITE)('throws a RangeError for %s', (value) => {
    expect(() => formatPrice(value, 'HKD')).toThrow(RangeError);
  });
});

describe('formatStated', () => {
  const percent0 = (v: number) => formatPercent(v, { decimals: 0 });
  it.each<[Stated, (v: number) => string, string]>([
    [{ value: 8, qualifier: 'moreThan' }, percent0, 'more than 8_%'],
    [{ value: 2, qualifier: 'lessThan' }, percent0, 'less than 2_%'],
    [{ value: 26000, qualifier: 'around' }, (v) => formatNumber(v), 'around 26,000'],
    [{ value: 26160, qualifier: 'exact' }, (v) => formatNumber(v), '26,160'],
    [{ value: 0, qualifier: 'exact' }, (v) => formatSigned(v), '0'],
    [{ value: 226_610_000_000, qualifier: 'around' }, (v) => formatMoney(v, 'HKD'), 'around HKD_226.61_billion'],
  ])('formatStated(%o) → %s', (figure, format, expected) => {
    expect(formatStated(figure, format)).toBe(t(expected));
  });

  it('formats the figure’s own value, once', () => {
    const format = vi.fn((v: number) => `<${v}>`);
    expect(formatStated({ value: 8, qualifier: 'moreThan' }, format)).toBe('more than <8>');
    expect(format).toHaveBeenCalledTimes(1);
    expect(format).toHaveBeenCalledWith(8, undefined);
  });

  it('hands the format the decimals the figure was written with, so "80.00" prints as written', () => {
    expect(formatStated({ value: 80, qualifier: 'exact', decimals: 2 }, (v, d) => formatPrice(v, 'HKD', d))).toBe(t('HKD_80.00'));
    expect(formatStated({ value: 93.5, qualifier: 'lessThan', decimals: 2 }, (v, d) => formatNumber(v, d))).toBe('less than 93.50');
  });

  it('lets the format function’s RangeError through for a non-finite value', () => {
    expect(() => formatStated({ value: NaN, qualifier: 'around' }, (v) => formatNumber(v))).toThrow(RangeError);
  });
});

describe('decimalsOf', () => {
  it.each<[number, number]>([
    [8, 0],
    [0, 0],
    [0.75, 2],
    [93.5, 1],
    [144.22, 2],
    [-0.5, 1],
    [-12.125, 3],
    [123456789.123, 3],
    [0.000001, 6],
    // Binary floating point: the digits JavaScript writes the number with.
    [0.1 + 0.2, 17],
    // Large numbers are written with an exponent and have no decimals.
    [1e21, 0],
    [1.5e21, 0],
    // Below 1e-6 JavaScript writes an exponent too; the decimals are still there.
    [1e-7, 7],
    [1.5e-7, 8],
    [-2.25e-9, 11],
  ])('decimalsOf(%s) → %s', (value, expected) => {
    expect(decimalsOf(value)).toBe(expected);
  });

  it('gives formatNumber the digits needed to show the value as written', () => {
    for (const value of [0.75, 144.22, 1.5e-7]) {
      expect(Number(formatNumber(value, decimalsOf(value)).replaceAll(',', ''))).toBe(value);
    }
  });
});

describe('documentTitle', () => {
  it('names the page and the site', () => {
    expect(documentTitle('SMIC Sees Strong Surge Amid Broader Asian Tech Rally', 'Closing Bell')).toBe('SMIC Sees Strong Surge Amid Broader Asian Tech Rally · Closing Bell');
    expect(documentTitle('Closing Bell', 'Closing Bell')).toBe('Closing Bell');
  });

  it('cuts a long title to the limit, ending in an ellipsis', () => {
    const title = documentTitle('Retracted: Hang Seng Tech Slides as Chipmakers Give Back a Week of Gains Before the Long Weekend', 'Closing Bell');
    expect([...title]).toHaveLength(MAX_TITLE);
    expect(title).toBe('Retracted: Hang Seng Tech Slides as Chipmakers Give Ba… · Closing Bell');
  });

  it('keeps a title exactly at the limit whole, and counts characters, not UTF-16 units', () => {
    const room = MAX_TITLE - ' · Closing Bell'.length;
    expect(documentTitle('x'.repeat(room), 'Closing Bell')).toBe(`${'x'.repeat(room)} · Closing Bell`);
    expect([...documentTitle('📈'.repeat(room + 5), 'Closing Bell')]).toHaveLength(MAX_TITLE);
  });
});
