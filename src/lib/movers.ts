/**
 * The rows of a movers table (`<MoversTable />`): every stock of the session with a figure, sorted
 * when the site is built. A figure stated as a bound sorts by its bound ("more than 8 %" as 8); a
 * stock without the figure sorted on goes last, in the snapshot's order.
 */
import type { QuoteView } from './session.ts';

export const MOVER_SORTS = ['percent', 'change', 'turnover', 'close', 'name'] as const;
export type MoverSort = (typeof MOVER_SORTS)[number];

/** The signed size of a move, a fall negative even when written as a size with "direction": "down". */
function signedMove(quote: QuoteView, field: 'changePercent' | 'change'): number | undefined {
  const figure = quote[field];
  if (!figure) return undefined;
  return quote.direction === 'down' && figure.value > 0 && figure.qualifier !== 'exact' ? -figure.value : figure.value;
}

const KEYS: Record<Exclude<MoverSort, 'name'>, (quote: QuoteView) => number | undefined> = {
  percent: (quote) => signedMove(quote, 'changePercent'),
  change: (quote) => signedMove(quote, 'change'),
  turnover: (quote) => quote.turnover?.value,
  close: (quote) => quote.close?.value,
};

/**
 * Stocks in table order: largest first (the biggest rise at the top for `percent` and `change`),
 * or A–Z by name. `ascending` turns a figure sort around (the biggest fall first).
 */
export function sortMovers(quotes: readonly QuoteView[], sort: MoverSort = 'percent', ascending = false): QuoteView[] {
  const stated = quotes.filter((quote) => quote.close || quote.change || quote.changePercent || quote.turnover || quote.direction);
  if (sort === 'name') return [...stated].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const key = KEYS[sort];
  const known = stated.filter((quote) => key(quote) !== undefined);
  const unknown = stated.filter((quote) => key(quote) === undefined);
  known.sort((a, b) => (ascending ? key(a)! - key(b)! : key(b)! - key(a)!));
  return [...known, ...unknown];
}
