/**
 * A figure as a source states it. Sources are uneven: one gives 26,160, another "more than 8 %",
 * another "around 26,000". Keeping the qualifier beside the value lets every page say exactly what
 * is known and no more.
 */
export type Qualifier = 'exact' | 'moreThan' | 'lessThan' | 'around';

export interface Stated {
  value: number;
  qualifier: Qualifier;
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

/** Applies `text` to a stated figure: `qualify({value: 8, qualifier: 'moreThan'}, '8 %')` → "more than 8 %". */
export function qualify(figure: Stated, text: string): string {
  const words = QUALIFIER_WORDS[figure.qualifier];
  return words ? `${words} ${text}` : text;
}
