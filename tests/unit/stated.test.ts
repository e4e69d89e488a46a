import { describe, expect, it } from 'vitest';
import { QUALIFIER_WORDS, exact, isExact, magnitude, qualify, type Stated } from '../../src/lib/stated.ts';

describe('exact', () => {
  it.each([0, -63, 26160, 0.7394, 1e21])('exact(%s) is an exact figure of that value', (value) => {
    expect(exact(value)).toEqual({ value, qualifier: 'exact' });
  });

  it('returns a fresh object each time', () => {
    expect(exact(1)).not.toBe(exact(1));
  });
});

describe('isExact', () => {
  it.each<[Stated | undefined, boolean]>([
    [{ value: 192, qualifier: 'exact' }, true],
    [{ value: 0, qualifier: 'exact' }, true],
    [{ value: -63, qualifier: 'exact' }, true],
    [{ value: 8, qualifier: 'moreThan' }, false],
    [{ value: 2, qualifier: 'lessThan' }, false],
    [{ value: 26000, qualifier: 'around' }, false],
    [undefined, false],
  ])('isExact(%o) → %s', (figure, expected) => {
    expect(isExact(figure)).toBe(expected);
  });
});

describe('QUALIFIER_WORDS', () => {
  it('has words for every qualifier and none for an exact figure', () => {
    expect(QUALIFIER_WORDS).toEqual({ exact: '', moreThan: 'more than', lessThan: 'less than', around: 'around' });
  });
});

describe('qualify', () => {
  it.each<[Stated, string, string]>([
    [{ value: 8, qualifier: 'moreThan' }, '8 %', 'more than 8 %'],
    [{ value: 2, qualifier: 'lessThan' }, '2 %', 'less than 2 %'],
    [{ value: 26000, qualifier: 'around' }, '26,000', 'around 26,000'],
    [{ value: 26160, qualifier: 'exact' }, '26,160', '26,160'],
    // The text is used as given, whatever the value.
    [{ value: 8, qualifier: 'moreThan' }, 'eight', 'more than eight'],
    [{ value: 0, qualifier: 'exact' }, '', ''],
  ])('qualify(%o, %j) → %j', (figure, text, expected) => {
    expect(qualify(figure, text)).toBe(expected);
  });
});

describe('magnitude', () => {
  it.each<[Stated, Stated]>([
    // Without its sign, a negative bound swaps its words: below −2 is a fall of more than 2.
    [{ value: -2, qualifier: 'lessThan' }, { value: 2, qualifier: 'moreThan' }],
    [{ value: -2, qualifier: 'moreThan' }, { value: 2, qualifier: 'lessThan' }],
    [{ value: -3.5, qualifier: 'around' }, { value: 3.5, qualifier: 'around' }],
    [{ value: -63, qualifier: 'exact' }, { value: 63, qualifier: 'exact' }],
    // A figure that is not negative is its own size.
    [{ value: 8, qualifier: 'moreThan' }, { value: 8, qualifier: 'moreThan' }],
    [{ value: 8, qualifier: 'lessThan' }, { value: 8, qualifier: 'lessThan' }],
    [{ value: 0, qualifier: 'lessThan' }, { value: 0, qualifier: 'lessThan' }],
    [{ value: 192, qualifier: 'exact' }, { value: 192, qualifier: 'exact' }],
  ])('magnitude(%o) → %o', (figure, expected) => {
    expect(magnitude(figure)).toEqual(expected);
  });

  it('does not change the figure it is given', () => {
    const figure: Stated = { value: -2, qualifier: 'lessThan' };
    magnitude(figure);
    expect(figure).toEqual({ value: -2, qualifier: 'lessThan' });
  });
});
