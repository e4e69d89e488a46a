/**
 * One figure of a session by its path, formatted as prose shows it. `<Fig of="HSI.change"/>` in a
 * report goes through here, so a number in a sentence is the number in the data, never typed twice.
 *
 * A path is an entity and a field: `HSI.close`, `00981.HK.changePercent`, or a session field:
 * `turnover`, `breadth.advancers` (`decliners`, `unchanged`), and a Stock Connect total by direction
 * and, where the source names one, channel: `southbound.netInflow`, `northbound.Shanghai.netInflow`,
 * `southbound.side` ("net buyers" / "net sellers").
 *
 * Stated figures print with the digits written ("80.00"); computed ones with the house precision.
 */
import type { QuoteView, SessionView } from './session.ts';
import { formatMoney, formatNumber, formatPercent, formatPrice, formatSigned, formatStated, statedDecimals } from './format.ts';
import { magnitude, type Stated } from './stated.ts';

export const QUOTE_FIELDS = [
  'close',
  'change',
  'changePercent',
  'previousClose',
  'high',
  'low',
  'high52w',
  'low52w',
  'fromHigh',
  'peRatio',
  'turnover',
  'volume',
  'southboundNetInflow',
] as const;
export type QuoteField = (typeof QUOTE_FIELDS)[number];
export const BREADTH_FIELDS = ['advancers', 'decliners', 'unchanged'] as const;
export const FLOW_DIRECTIONS = ['southbound', 'northbound'] as const;
export const FLOW_CHANNELS = ['Shanghai', 'Shenzhen'] as const;
/** Every session-wide path: turnover, breadth and Stock Connect totals. */
export const SESSION_FIELDS = [
  'turnover',
  ...BREADTH_FIELDS.map((field) => `breadth.${field}`),
  ...FLOW_DIRECTIONS.flatMap((direction) =>
    [direction, ...FLOW_CHANNELS.map((channel) => `${direction}.${channel}`)].flatMap((total) => [`${total}.netInflow`, `${total}.side`]),
  ),
] as readonly string[];

export interface FigureOptions {
  /** Show the sign of a change (+192); prose normally lets a direction word carry it (rose 192). */
  signed?: boolean;
}

export interface ResolvedFigure {
  path: string;
  /** The formatted text a reader sees. */
  text: string;
  /** The machine-readable value, for `<data value>`; undefined for a bound or approximation. */
  value?: number;
}

export class FigureError extends Error {}

export function resolveFigure(session: SessionView, path: string, options: FigureOptions = {}): ResolvedFigure {
  if (SESSION_FIELDS.includes(path)) return sessionFigure(session, path, options);
  const dot = path.lastIndexOf('.');
  const entityId = path.slice(0, dot);
  const field = path.slice(dot + 1);
  if (dot < 1 || !(QUOTE_FIELDS as readonly string[]).includes(field)) {
    throw new FigureError(
      `"${path}" is not a figure path: expected ENTITY.FIELD with FIELD one of ${QUOTE_FIELDS.join(', ')}, or a session figure: turnover, breadth.advancers, southbound.netInflow (see the README for all)`,
    );
  }
  const quote = [...session.indices, ...session.stocks].find((q) => q.id === entityId);
  if (!quote) {
    const known = [...session.indices, ...session.stocks].map((q) => q.id).join(', ');
    throw new FigureError(`"${path}": ${entityId} is not in the ${session.market.id}/${session.date} snapshot (it has ${known})`);
  }
  return quoteFigure(quote, field as QuoteField, path, options);
}

function sessionFigure(session: SessionView, path: string, options: FigureOptions): ResolvedFigure {
  const where = `the ${session.market.id}/${session.date} snapshot`;
  const currency = session.market.currency;
  if (path === 'turnover') {
    if (!session.turnover) throw new FigureError(`"${path}": ${where} states no turnover`);
    return figure(path, session.turnover, (v) => formatMoney(v, currency));
  }
  const [head, ...rest] = path.split('.');
  if (head === 'breadth') {
    const count = session.breadth?.[rest[0] as (typeof BREADTH_FIELDS)[number]];
    if (count === undefined) throw new FigureError(`"${path}": ${where} states no ${rest[0]} in its breadth`);
    return { path, text: formatNumber(count), value: count };
  }
  const channel = rest.length === 2 ? rest[0] : undefined;
  const field = rest[rest.length - 1];
  const total = (session.flowTotals ?? []).find((t) => t.direction === head && t.channel === channel);
  const named = `${head}${channel ? ` (${channel})` : ''} total`;
  if (!total) throw new FigureError(`"${path}": ${where} states no ${named} in its flowTotals`);
  if (field === 'side') {
    const side = total.side ?? (total.netInflow && total.netInflow.qualifier !== 'lessThan' ? (total.netInflow.value < 0 ? 'sellers' : total.netInflow.value > 0 ? 'buyers' : undefined) : undefined);
    if (!side) throw new FigureError(`"${path}": ${where} gives no side for the ${named}`);
    return { path, text: `net ${side}` };
  }
  if (!total.netInflow) throw new FigureError(`"${path}": ${where} gives the ${named} as net ${total.side} without a figure; use ${head}${channel ? `.${channel}` : ''}.side`);
  return figure(path, total.netInflow, (v) => formatMoney(options.signed ? v : Math.abs(v), currency, { signed: options.signed }), undefined, !options.signed);
}

function quoteFigure(quote: QuoteView, field: QuoteField, path: string, options: FigureOptions): ResolvedFigure {
  const missing = () => new FigureError(`"${path}": the snapshot states no ${field} for ${quote.id}`);
  const price = (v: number, d?: number) => (quote.currency ? formatPrice(v, quote.currency, d) : formatNumber(v, d));
  const change = (v: number, d?: number) => (options.signed ? formatSigned(v, d) : formatNumber(Math.abs(v), d));
  switch (field) {
    case 'fromHigh': {
      if (quote.fromHighPercent === undefined) throw missing();
      return { path, text: formatPercent(Math.abs(quote.fromHighPercent)), value: round(quote.fromHighPercent, 2) };
    }
    case 'changePercent': {
      const stated = quote.changePercent ?? throwing(missing);
      const decimals = statedDecimals(stated);
      return figure(path, stated, (v) => formatPercent(options.signed ? v : Math.abs(v), { decimals, signed: options.signed }), decimals, !options.signed);
    }
    case 'change':
      return figure(path, quote.change ?? throwing(missing), change, undefined, !options.signed);
    case 'close':
    case 'previousClose':
    case 'high':
    case 'low':
    case 'high52w':
    case 'low52w':
      return figure(path, quote[field] ?? throwing(missing), price);
    case 'peRatio':
      return figure(path, quote.peRatio ?? throwing(missing), (v, d) => formatNumber(v, d));
    case 'turnover':
      return figure(path, quote.turnover ?? throwing(missing), (v) => formatMoney(v, quote.currency ?? ''));
    case 'volume':
      return figure(path, quote.volume ?? throwing(missing), (v, d) => `${formatNumber(v, d)} shares`);
    case 'southboundNetInflow':
      return figure(path, quote.southboundNetInflow ?? throwing(missing), (v) => formatMoney(v, quote.currency ?? ''));
  }
}

function figure(path: string, stated: Stated, format: (v: number, decimals: number | undefined) => string, decimals?: number, unsigned = false): ResolvedFigure {
  return {
    path,
    // Without its sign a negative bound swaps its words: "less than −2 %" is a fall of more than 2 %.
    text: formatStated(unsigned ? magnitude(stated) : stated, format),
    value: stated.qualifier === 'exact' ? (decimals === undefined ? stated.value : round(stated.value, decimals)) : undefined,
  };
}

function throwing(error: () => Error): never {
  throw error();
}

function round(value: number, decimals: number): number {
  // Half away from zero, as Intl rounds the text: −0.25 is −0.3, beside "0.3 %".
  const factor = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
}
