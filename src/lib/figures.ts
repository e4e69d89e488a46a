/**
 * One figure of a session by its path, formatted as prose shows it. `<Fig of="HSI.change"/>` in a
 * report goes through here, so a number in a sentence is the number in the data, never typed twice.
 *
 * A path is an entity and a field: `HSI.close`, `00981.HK.changePercent`, or a session field such
 * as `turnover`.
 */
import type { QuoteView, SessionView } from './session.ts';
import { decimalsOf, formatMoney, formatNumber, formatPercent, formatPrice, formatSigned, formatStated } from './format.ts';
import { magnitude, type Stated } from './stated.ts';

export const QUOTE_FIELDS = [
  'close',
  'change',
  'changePercent',
  'previousClose',
  'high52w',
  'low52w',
  'fromHigh',
  'peRatio',
  'southboundNetInflow',
] as const;
export type QuoteField = (typeof QUOTE_FIELDS)[number];
export const SESSION_FIELDS = ['turnover'] as const;

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
  if ((SESSION_FIELDS as readonly string[]).includes(path)) {
    const turnover = session.turnover;
    if (!turnover) throw new FigureError(`"${path}": the ${session.market.id}/${session.date} snapshot states no turnover`);
    return figure(path, turnover, (v) => formatMoney(v, session.market.currency));
  }
  const dot = path.lastIndexOf('.');
  const entityId = path.slice(0, dot);
  const field = path.slice(dot + 1);
  if (dot < 1 || !(QUOTE_FIELDS as readonly string[]).includes(field)) {
    throw new FigureError(
      `"${path}" is not a figure path: expected ENTITY.FIELD with FIELD one of ${QUOTE_FIELDS.join(', ')}, or ${SESSION_FIELDS.join(', ')}`,
    );
  }
  const quote = [...session.indices, ...session.stocks].find((q) => q.id === entityId);
  if (!quote) {
    const known = [...session.indices, ...session.stocks].map((q) => q.id).join(', ');
    throw new FigureError(`"${path}": ${entityId} is not in the ${session.market.id}/${session.date} snapshot (it has ${known})`);
  }
  return quoteFigure(quote, field as QuoteField, path, options);
}

function quoteFigure(quote: QuoteView, field: QuoteField, path: string, options: FigureOptions): ResolvedFigure {
  const missing = () => new FigureError(`"${path}": the snapshot states no ${field} for ${quote.id}`);
  const price = (v: number) => (quote.currency ? formatPrice(v, quote.currency) : formatNumber(v));
  const change = (v: number) => (options.signed ? formatSigned(v) : formatNumber(Math.abs(v)));
  switch (field) {
    case 'fromHigh': {
      if (quote.fromHighPercent === undefined) throw missing();
      return { path, text: formatPercent(Math.abs(quote.fromHighPercent), { decimals: 1 }), value: round(quote.fromHighPercent, 1) };
    }
    case 'changePercent': {
      const stated = quote.changePercent ?? throwing(missing);
      const decimals = quote.percentDerived ? 1 : decimalsOf(stated.value);
      return figure(path, stated, (v) => formatPercent(options.signed ? v : Math.abs(v), { decimals, signed: options.signed }), decimals, !options.signed);
    }
    case 'change':
      return figure(path, quote.change ?? throwing(missing), change, undefined, !options.signed);
    case 'close':
    case 'previousClose':
    case 'high52w':
    case 'low52w':
      return figure(path, quote[field] ?? throwing(missing), price);
    case 'peRatio':
      return figure(path, quote.peRatio ?? throwing(missing), (v) => formatNumber(v));
    case 'southboundNetInflow':
      return figure(path, quote.southboundNetInflow ?? throwing(missing), (v) => formatMoney(v, quote.currency ?? ''));
  }
}

function figure(path: string, stated: Stated, format: (v: number) => string, decimals?: number, unsigned = false): ResolvedFigure {
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
