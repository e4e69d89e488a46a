/**
 * Charts as data: what each chart shows, worked out at build time from the session (or a price
 * history) and baked into the page, and the chart.js configuration drawn from it in the browser.
 *
 * A `ChartSpec` is plain JSON: the figures, the words the tooltips and the fallback table show (all
 * formatted here with the house style, so a chart says "+0.7 %" exactly as the table does), and the
 * market's tone of each bar. Colours are not in it: the browser reads them from the page's CSS
 * (light or dark scheme) and hands them to `chartConfig`.
 */
import { directionOf } from './change.ts';
import { formatSessionDate, formatShortDate } from './dates.ts';
import { statedDecimals, formatMoney, formatPercent, formatPrice, formatStated, NBSP } from './format.ts';
import { toneOf, type MarketConvention, type Tone } from './market.ts';
import type { PriceBar } from './prices.ts';
import type { QuoteView, SessionView } from './session.ts';
import { isExact } from './stated.ts';

/** How the value axis writes its ticks: "0.5 %", "400". */
export interface TickFormat {
  suffix?: string;
  /** Fraction digits of a tick; left out, a tick shows its own digits. */
  decimals?: number;
}

/** The fallback table: the chart's data, row by row, as a reader would copy it. */
export interface ChartTable {
  head: [string, string];
  rows: [string, string][];
}

interface ChartBase {
  title: string;
  table: ChartTable;
  /** What the chart leaves out and why, shown under it. */
  notes: string[];
  /** The height the chart is drawn at (a class of the figure). */
  size: 'short' | 'medium' | 'tall' | 'spark' | 'range';
}

export interface BarChartSpec extends ChartBase {
  kind: 'bar';
  /** Bars run left to right (one row per item) instead of bottom to top. */
  horizontal: boolean;
  labels: string[];
  /** Tooltip titles: the full name of each item. */
  names: string[];
  values: number[];
  tones: Tone[];
  /** Tooltip text of each bar, as the table writes it. */
  texts: string[];
  categoryTitle: string;
  valueTitle: string;
  ticks: TickFormat;
}

export interface LineChartSpec extends ChartBase {
  kind: 'line';
  /** Short date under the axis: "24 Oct". */
  labels: string[];
  /** Tooltip title of each point: "24 Oct 2025". */
  names: string[];
  /** null where the day has no close (a suspension with a note): the line breaks there. */
  values: (number | null)[];
  texts: string[];
  /** The tone of the move from the first close to the last. */
  tone: Tone;
  /** A sparkline: no axes, no points, a small box. */
  compact: boolean;
  categoryTitle: string;
  valueTitle: string;
  ticks: TickFormat;
}

export interface RangeChartSpec extends ChartBase {
  kind: 'range';
  low: number;
  high: number;
  close: number;
  texts: { range: string; close: string };
  valueTitle: string;
  ticks: TickFormat;
}

export type ChartSpec = BarChartSpec | LineChartSpec | RangeChartSpec;

/** Percent change of each index of the session; only exact percents are drawn. */
export function indexMovesChart(session: SessionView, only?: readonly string[]): BarChartSpec | undefined {
  const quotes = only ? only.map((id) => session.indices.find((q) => q.id === id) ?? unknown(id, 'index', session)) : session.indices;
  const drawn = quotes.filter((q) => isExact(q.changePercent));
  const notes = quotes
    .filter((q) => q.changePercent && !isExact(q.changePercent))
    .map((q) => `${q.name} is not drawn: its change is stated as ${formatStated(q.changePercent!, (v) => formatPercent(Math.abs(v), { decimals: statedDecimals(q.changePercent!) }))}.`);
  if (drawn.length === 0) return undefined;
  const texts = drawn.map((q) => formatPercent(q.changePercent!.value, { decimals: statedDecimals(q.changePercent!), signed: true }));
  return {
    kind: 'bar',
    horizontal: false,
    title: `Index moves, ${formatSessionDate(session.date)}`,
    labels: drawn.map((q) => q.id),
    names: drawn.map((q) => `${q.name} (${q.id})`),
    values: drawn.map((q) => q.changePercent!.value),
    tones: drawn.map((q) => toneOf(directionOf(q.changePercent!.value), q.market)),
    texts,
    categoryTitle: 'Index',
    valueTitle: 'Change (%)',
    ticks: { suffix: `${NBSP}%` },
    table: { head: ['Index', 'Change'], rows: drawn.map((q, i) => [`${q.name} (${q.id})`, texts[i]]) },
    notes,
    size: 'medium',
  };
}

/** Net Stock Connect flows by stock, largest first, in millions (or billions) of the market's currency. */
export function flowChart(session: SessionView, direction: 'southbound' | 'northbound' = 'southbound'): BarChartSpec | undefined {
  const flows = session.flows.filter((f) => f.direction === direction);
  const drawn = flows.filter((f) => isExact(f.netInflow)).sort((a, b) => b.netInflow.value - a.netInflow.value);
  if (drawn.length === 0) return undefined;
  const currency = session.market.currency;
  const largest = Math.max(...drawn.map((f) => Math.abs(f.netInflow.value)));
  const scale = largest >= 1e9 ? { factor: 1e9, word: 'billion' } : { factor: 1e6, word: 'million' };
  const label = direction === 'southbound' ? 'Southbound' : 'Northbound';
  const texts = drawn.map((f) => formatMoney(f.netInflow.value, currency));
  const notes = flows
    .filter((f) => !isExact(f.netInflow))
    .map((f) => `${f.name} is not drawn: its net inflow is stated as ${formatStated(f.netInflow, (v) => formatMoney(v, currency))}.`);
  return {
    kind: 'bar',
    horizontal: true,
    title: `${label} net inflows by stock, ${formatSessionDate(session.date)}`,
    labels: drawn.map((f) => f.name),
    names: drawn.map((f) => `${f.name} (${f.id})${f.channel ? `, ${f.channel} link` : ''}`),
    values: drawn.map((f) => f.netInflow.value / scale.factor),
    tones: drawn.map((f) => toneOf(directionOf(f.netInflow.value), session.market)),
    texts,
    categoryTitle: 'Stock',
    valueTitle: `Net inflow (${currency} ${scale.word})`,
    ticks: {},
    table: { head: ['Stock', 'Net inflow'], rows: drawn.map((f, i) => [`${f.name} (${f.id})`, texts[i]]) },
    notes,
    size: drawn.length <= 3 ? 'short' : drawn.length <= 8 ? 'medium' : 'tall',
  };
}

/**
 * Where the close sits between the 52-week low and high. Only when all three are exact: a range
 * with a missing bound is not drawn, and no bound is ever assumed.
 */
export function rangeChart(quote: QuoteView, market: MarketConvention): RangeChartSpec | undefined {
  if (!isExact(quote.low52w) || !isExact(quote.high52w) || !isExact(quote.close) || quote.rangePosition === undefined) return undefined;
  const currency = quote.currency ?? market.currency;
  const price = (v: number) => formatPrice(v, currency);
  const [low, high, close] = [quote.low52w.value, quote.high52w.value, quote.close.value];
  const where = `${formatPercent(quote.rangePosition * 100, { decimals: 0 })} of the way from low to high`;
  return {
    kind: 'range',
    title: `${quote.name}: the close in its 52-week range`,
    low,
    high,
    close,
    texts: { range: `52-week range: ${price(low)} to ${price(high)}`, close: `Close: ${price(close)}, ${where}` },
    valueTitle: `Price (${currency})`,
    ticks: {},
    table: { head: ['Figure', 'Price'], rows: [['52-week low', price(low)], ['Close', price(close)], ['52-week high', price(high)]] },
    notes: [],
    size: 'range',
  };
}

export interface PricedSecurity {
  id: string;
  name: string;
  currency: string;
}

/** Daily closes from `from` to `to` (both included) as a line; a day without a close breaks the line. */
export function priceChart(
  bars: readonly PriceBar[],
  security: PricedSecurity,
  market: MarketConvention,
  options: { from?: string; to?: string; compact?: boolean; title?: string } = {},
): LineChartSpec | undefined {
  const shown = bars.filter((bar) => (!options.from || bar.date >= options.from) && (!options.to || bar.date <= options.to));
  const closes = shown.filter((bar) => bar.close !== undefined);
  if (closes.length < 2) return undefined;
  const [first, last] = [closes[0].close!, closes[closes.length - 1].close!];
  const price = (v: number) => formatPrice(v, security.currency);
  const texts = shown.map((bar) => (bar.close !== undefined ? price(bar.close) : `no close${bar.note ? `: ${bar.note}` : ''}`));
  const span = `${formatShortDate(shown[0].date)} to ${formatShortDate(shown[shown.length - 1].date)}`;
  return {
    kind: 'line',
    title: options.title ?? `${security.name} (${security.id}), daily close, ${span}`,
    labels: shown.map((bar) => formatShortDate(bar.date).replace(/ \d{4}$/, '')),
    names: shown.map((bar) => formatShortDate(bar.date)),
    values: shown.map((bar) => bar.close ?? null),
    texts,
    tone: toneOf(directionOf(last - first), market),
    compact: options.compact ?? false,
    categoryTitle: 'Trading day',
    valueTitle: `Close (${security.currency})`,
    ticks: {},
    table: { head: ['Date', `Close (${security.currency})`], rows: shown.map((bar, i) => [formatShortDate(bar.date), texts[i]]) },
    notes: [],
    size: options.compact ? 'spark' : 'medium',
  };
}

/** The last `sessions` trading days up to the session's date, as a sparkline for a stock card. */
export function sparkline(bars: readonly PriceBar[], security: PricedSecurity, market: MarketConvention, until: string, sessions = 22): LineChartSpec | undefined {
  const upTo = bars.filter((bar) => bar.date <= until).slice(-sessions);
  if (upTo.length < 2) return undefined;
  return priceChart(upTo, security, market, {
    compact: true,
    title: `${security.name}, daily close over the last ${upTo.length} sessions to ${formatShortDate(upTo[upTo.length - 1].date)}`,
  });
}

function unknown(id: string, kind: string, session: SessionView): never {
  throw new RangeError(`${id} is not an ${kind} of the ${session.market.id}/${session.date} snapshot`);
}
