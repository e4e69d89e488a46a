/**
 * Figures of one quote that must agree with each other: change = close − previous close, a stated
 * percent against the points and close it would derive from (at the precision written), the close
 * inside its 52-week range, a stated bound against an exact figure, a stated direction against the
 * sign of the move.
 */
import { percentChange, settledDirection } from '../lib/change.ts';
import { decimalsOf, formatNumber } from '../lib/format.ts';
import type { Stated } from '../lib/stated.ts';
import type { IndexQuote, StockQuote } from '../schemas/index.ts';

export interface Inconsistency {
  /** The field at fault, relative to the quote. */
  field: 'change' | 'changePercent' | 'close' | 'direction';
  message: string;
}

/**
 * `written` gives the figure as typed in the file ("0.70"), so "at the precision written" counts
 * its trailing zeros; without it the number's own digits are used.
 */
export function quoteInconsistencies(
  quote: IndexQuote | StockQuote,
  written: (field: string) => string | undefined = () => undefined,
): Inconsistency[] {
  const found: Inconsistency[] = [];
  const exact = (figure: Stated | undefined) => (figure?.qualifier === 'exact' ? figure.value : undefined);
  const close = exact(quote.close);
  const change = exact(quote.change);
  const previous = exact(quote.previousClose);
  const decimals = (field: string, value: number) => writtenDecimals(written(field)) ?? decimalsOf(value);

  if (close !== undefined && change !== undefined && previous !== undefined) {
    const expected = close - previous;
    if (!agrees(change, expected, decimals('change', change))) {
      found.push({
        field: 'change',
        message: `found change ${formatNumber(change)}, expected close − previous close = ${formatNumber(close)} − ${formatNumber(previous)} = ${formatNumber(round(expected, 6))}`,
      });
    }
  }

  // The percent these figures imply, and how it was derived.
  const derived =
    change !== undefined && close !== undefined && close - change > 0
      ? { value: percentChange(change, close), from: `change ${formatNumber(change)} and close ${formatNumber(close)}` }
      : close !== undefined && previous !== undefined && previous > 0
        ? { value: ((close - previous) / previous) * 100, from: `close ${formatNumber(close)} and previous close ${formatNumber(previous)}` }
        : undefined;
  const percent = quote.changePercent;
  if (percent && derived) {
    const places = decimals('changePercent', percent.value);
    const shown = `${formatNumber(round(derived.value, Math.max(places, 1)), Math.max(places, 1))} %`;
    if (percent.qualifier === 'exact') {
      found.push(
        agrees(percent.value, derived.value, places)
          ? { field: 'changePercent', message: `found changePercent ${percent.value}, which ${derived.from} already give (${shown}); remove it, the page computes it` }
          : { field: 'changePercent', message: `found changePercent ${percent.value} %, expected ${shown} from ${derived.from}` },
      );
    } else if (!boundHolds(percent, derived.value)) {
      found.push({ field: 'changePercent', message: `found ${boundWords(percent)} %, but ${derived.from} give ${shown}` });
    }
  }

  if ('high52w' in quote && close !== undefined) {
    const high = exact(quote.high52w);
    const low = exact(quote.low52w);
    if (high !== undefined && close > high) found.push({ field: 'close', message: `found close ${formatNumber(close)} above the 52-week high ${formatNumber(high)}, expected low ≤ close ≤ high` });
    if (low !== undefined && close < low) found.push({ field: 'close', message: `found close ${formatNumber(close)} below the 52-week low ${formatNumber(low)}, expected low ≤ close ≤ high` });
  }

  if (quote.direction) {
    const settled = settledDirection([quote.change, percent, derived && { value: derived.value, qualifier: 'exact' }]);
    if (settled && settled !== quote.direction) {
      const by = quote.change ? `change ${describeFigure(quote.change)}` : percent ? `changePercent ${describeFigure(percent)} %` : derived?.from;
      found.push({ field: 'direction', message: `found direction "${quote.direction}", but ${by} make${quote.change || percent ? 's' : ''} the move ${settled}` });
    }
  }
  return found;
}

/** Whether `stated`, written to `decimals` places, is `actual` rounded to those places. */
export function agrees(stated: number, actual: number, decimals: number): boolean {
  return Math.abs(stated - actual) <= 0.5 * 10 ** -decimals + 1e-9;
}

function boundHolds(bound: Stated, actual: number): boolean {
  if (bound.qualifier === 'moreThan') return actual > bound.value;
  if (bound.qualifier === 'lessThan') return actual < bound.value;
  // "around 0.7 %": within one unit of the last digit written.
  return Math.abs(actual - bound.value) <= 10 ** -decimalsOf(bound.value);
}

function describeFigure(figure: Stated): string {
  return figure.qualifier === 'exact' ? formatNumber(figure.value) : boundWords(figure);
}

function boundWords(bound: Stated): string {
  return `${bound.qualifier === 'moreThan' ? 'more than' : bound.qualifier === 'lessThan' ? 'less than' : 'around'} ${bound.value}`;
}

function writtenDecimals(literal: string | undefined): number | undefined {
  if (!literal || !/^-?\d+(\.\d+)?$/.test(literal)) return undefined;
  const dot = literal.indexOf('.');
  return dot === -1 ? 0 : literal.length - dot - 1;
}

function round(value: number, decimals: number): number {
  return Math.round(value * 10 ** decimals) / 10 ** decimals;
}
