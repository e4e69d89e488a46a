/**
 * An instrument across sessions, as its page shows it: one row per session snapshot that quotes it
 * (close, change, percent, in the colours of the instrument's own market), and a line of the stated
 * closes when at least two sessions state one exactly. A bound or an approximate close ("around
 * 26,000") is in the table but not on the line, and a note under the chart says so.
 */
import { formatShortDate } from './dates.ts';
import { formatNumber, formatPrice, formatStated } from './format.ts';
import { toneOf } from './market.ts';
import { directionOf } from './change.ts';
import { quoteMoves, type MoveView } from './moves.ts';
import type { QuoteView, SessionView } from './session.ts';
import { isExact } from './stated.ts';
import type { LineChartSpec } from './charts.ts';

export interface HistoryRow {
  session: SessionView;
  quote: QuoteView;
  /** The close as the table writes it: "HKD 80", "26,160", "around 26,000"; undefined when not stated. */
  close?: string;
  points?: MoveView;
  percent?: MoveView;
}

/** Every session quoting the instrument, newest first (sessions arrive newest first). */
export function instrumentHistory(sessions: readonly SessionView[], kind: 'index' | 'stock', id: string): HistoryRow[] {
  return sessions.flatMap((session) => {
    const quote = (kind === 'index' ? session.indices : session.stocks).find((q) => q.id === id);
    if (!quote) return [];
    const close = quote.close && formatStated(quote.close, (v, d) => closeText(quote, v, d));
    return [{ session, quote, close, ...quoteMoves(quote) }];
  });
}

function closeText(quote: QuoteView, value: number, decimals?: number): string {
  return quote.currency ? formatPrice(value, quote.currency, decimals) : formatNumber(value, decimals);
}

/** The stated closes, oldest first, as a line; undefined with fewer than two exact closes. */
export function closesChart(rows: readonly HistoryRow[], entity: { id: string; name: string }): LineChartSpec | undefined {
  const oldestFirst = [...rows].reverse();
  const drawn = oldestFirst.filter((row) => isExact(row.quote.close));
  if (drawn.length < 2) return undefined;
  const quote = drawn[0].quote;
  const unit = quote.currency ?? 'points';
  const values = drawn.map((row) => row.quote.close!.value);
  const texts = drawn.map((row) => closeText(row.quote, row.quote.close!.value));
  const span = `${formatShortDate(drawn[0].session.date)} to ${formatShortDate(drawn[drawn.length - 1].session.date)}`;
  const left = oldestFirst.length - drawn.length;
  return {
    kind: 'line',
    title: `${entity.name} (${entity.id}), close in each reported session, ${span}`,
    labels: drawn.map((row) => formatShortDate(row.session.date).replace(/ \d{4}$/, '')),
    names: drawn.map((row) => formatShortDate(row.session.date)),
    values,
    texts,
    tone: toneOf(directionOf(values[values.length - 1] - values[0]), quote.market),
    compact: false,
    categoryTitle: 'Session',
    valueTitle: quote.currency ? `Close (${quote.currency})` : 'Close (points)',
    ticks: {},
    table: { head: ['Session', `Close (${unit})`], rows: drawn.map((row, i) => [formatShortDate(row.session.date), texts[i]]) },
    notes: left > 0 ? [`${left === 1 ? 'One session states' : `${left} sessions state`} no exact close (only a bound, an approximation or none) and ${left === 1 ? 'is' : 'are'} not drawn; the table below lists every session.`] : [],
    size: 'medium',
  };
}
