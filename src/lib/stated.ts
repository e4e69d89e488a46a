/**
 * A figure as a source states it. Sources are uneven: one gives 26,160, another "more than 8 %",
 * another "around 26,000". Keeping the qualifier beside the value lets every page say exactly what
 * is known and no more.
 */
export type Qualifier = 'exact' | 'moreThan' | 'lessThan' | 'around';

export interface Stated {
  value: number;
  qualifier: Qualifier;
  /**
   * The fraction digits the source wrote ("80.00" → 2), read from the file's text; JSON numbers
   * lose them (80.00 parses as 80). Pages print a stated figure with exactly these digits.
   */
  decimals?: number;
}

export function exact(value: number): Stated {
  return { value, qualifier: 'exact' };
}

export function isExact(figure: Stated | undefined): figure is Stated {
  return figure?.qualifier === 'exact';
}

/** The words placed before a figure: "more than 8 %", "around 26,000". */
export const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  moreThan: 'more than',
  lessThan: 'less than',
  around: 'around',
};

/**
 * A figure as a size, its sign dropped, for a table or sentence that lets an arrow or a verb carry
 * the sign: a fall stated as "less than −2 %" is a fall of more than 2 %, so a negative bound swaps
 * its words.
 */
export function magnitude(figure: Stated): Stated {
  if (!(figure.value < 0)) return figure;
  const swapped: Record<Qualifier, Qualifier> = { exact: 'exact', around: 'around', moreThan: 'lessThan', lessThan: 'moreThan' };
  return { ...figure, value: -figure.value, qualifier: swapped[figure.qualifier] };
}

/** Applies `text` to a stated figure: `qualify({value: 8, qualifier: 'moreThan'}, '8 %')` → "more than 8 %". */
export function qualify(figure: Stated, text: string): string {
  const words = QUALIFIER_WORDS[figure.qualifier];
  return words ? `${words} ${text}` : text;
}
