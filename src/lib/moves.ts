/**
 * A move as tables and cards show it. An exact move carries its sign (+192, +0.7 %); a bound or an
 * approximation keeps its words and drops the sign ("more than 8 %"), since the arrow beside it
 * already says which way, and "more than +8 %" reads badly.
 */
import type { Direction } from './change.ts';
import { formatNumber, formatPercent, formatSigned, PERCENT_DECIMALS, statedDecimals } from './format.ts';
import { arrowOf, directionWords, toneOf, type MarketConvention, type Tone } from './market.ts';
import type { QuoteView } from './session.ts';
import { magnitude, qualify, type Stated } from './stated.ts';

export interface MoveView {
  /** What is printed: "+192", "more than 8 %". */
  text: string;
  arrow: string;
  tone: Tone;
  /** What a screen reader hears before the figure: "up", "down", "unchanged". */
  words: string;
}

export function moveView(
  figure: Stated,
  unit: 'points' | 'percent',
  direction: Direction | undefined,
  market: MarketConvention,
): MoveView {
  const exact = figure.qualifier === 'exact';
  // Printed with the digits written (a computed percent carries the house precision, two decimals).
  const decimals = statedDecimals(figure);
  const text =
    unit === 'percent'
      ? exact
        ? formatPercent(figure.value, { decimals, signed: true })
        : qualify(magnitude(figure), formatPercent(Math.abs(figure.value), { decimals }))
      : exact
        ? formatSigned(figure.value, decimals)
        : qualify(magnitude(figure), formatNumber(Math.abs(figure.value), decimals));
  return { text, arrow: arrowOf(direction), tone: toneOf(direction, market), words: directionWords(direction) };
}

/** The points and percent moves of a quote, whichever the session states or derives, in the colours of the quote's own market. */
export function quoteMoves(quote: QuoteView): { points?: MoveView; percent?: MoveView } {
  const { market } = quote;
  return {
    points: quote.change && moveView(quote.change, 'points', quote.direction, market),
    // A computed percent without its precision (a view made by hand) gets the house precision.
    percent:
      quote.changePercent &&
      moveView(quote.percentDerived && quote.changePercent.decimals === undefined ? { ...quote.changePercent, decimals: PERCENT_DECIMALS } : quote.changePercent, 'percent', quote.direction, market),
  };
}

/** A move the source gives as a direction only ("rose"), for a cell that has no figure: "▲ up". */
export function directionMove(direction: Direction, market: MarketConvention): MoveView {
  return { text: directionWords(direction), arrow: arrowOf(direction), tone: toneOf(direction, market), words: '' };
}
