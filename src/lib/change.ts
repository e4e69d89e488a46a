/**
 * Arithmetic on a session's figures. A derived figure is computed here and only here; pages and
 * components never re-derive it.
 */
export type Direction = 'up' | 'down' | 'flat';

/** Percent change from a points change and the close it ended at: 192 to 26,160 → 0.739… %. */
export function percentChange(change: number, close: number): number {
  const previousClose = close - change;
  if (!(previousClose > 0)) throw new RangeError(`previous close ${previousClose} (close ${close} − change ${change}) is not above zero`);
  return (change / previousClose) * 100;
}

/** The sign of a change as a word. */
export function directionOf(change: number): Direction {
  if (change > 0) return 'up';
  if (change < 0) return 'down';
  return 'flat';
}

/**
 * The direction the first figure that settles it gives: an exact or approximate change, or a bound
 * that excludes zero. A bound on a move is its size: "more than 8 %" is a rise, unless the entry's
 * `direction` says "down" (a fall of more than 8 %); "less than 8 %" settles nothing.
 */
export function settledDirection(figures: readonly ({ value: number; qualifier: string } | undefined)[], stated?: Direction): Direction | undefined {
  for (const figure of figures) {
    if (!figure) continue;
    if (figure.qualifier === 'exact' || figure.qualifier === 'around') return directionOf(figure.value);
    if (figure.qualifier === 'moreThan' && figure.value >= 0) return stated === 'down' ? 'down' : 'up';
    if (figure.qualifier === 'lessThan' && figure.value <= 0) return 'down';
  }
  return undefined;
}

/** How far the close is from the 52-week high, in percent (negative below it): 80 vs 93.5 → −14.44… */
export function percentFromHigh(close: number, high: number): number {
  if (!(high > 0)) throw new RangeError(`52-week high ${high} is not above zero`);
  return ((close - high) / high) * 100;
}

/** Where the close sits in the 52-week range, 0 at the low and 1 at the high; undefined for an empty range. */
export function rangePosition(close: number, low: number, high: number): number | undefined {
  if (!(high > low)) return undefined;
  return Math.min(1, Math.max(0, (close - low) / (high - low)));
}
