/**
 * What prose can name, and the figures each has.
 *
 * An entity is a security or an index from the registries, named in prose by its ticker
 * (00981.HK, also 0981.HK or 981.HK), symbol (HSI), name, full name or any alias, matched by the
 * one matcher that also links names (`nameMatcher` in src/lib/entities.ts); or the market as a
 * whole ("the market", "Hong Kong stocks"), which stands for the session's benchmark (its first
 * index) with the session's turnover and breadth. One in the session carries the session's
 * figures; one only in the registries is still a mention (so a number after "Tencent" is not
 * tied to the index named before it) but has nothing to check with.
 *
 * Each figure has a scope, which says what a number must be about to be compared with it:
 * the session's close and move, the previous close (stated, or implied by an exact close and
 * change), the intraday high and low, the 52-week range, valuation, flows and activity (turnover,
 * volume, breadth).
 */
import type { Direction } from '../../lib/change.ts';
import { nameMatcher } from '../../lib/entities.ts';
import { FigureError, resolveFigure } from '../../lib/figures.ts';
import { formatMoney, formatNumber, formatPercent, formatPrice, formatStated } from '../../lib/format.ts';
import type { QuoteView, SessionView } from '../../lib/session.ts';
import { exact, isExact, type Stated } from '../../lib/stated.ts';
import type { MarketIndex, Security } from '../../schemas/index.ts';
import type { NumberKind } from './numbers.ts';

/** percent: a percent figure; plain: points, a ratio; price: in the quote's currency; money: an amount at scale; count: shares, stocks. */
export type FigureKind = 'percent' | 'plain' | 'price' | 'money' | 'count';

/** What a figure is about; a number is compared only with figures of the scope its words give it. */
export type Scope = 'session' | 'previous' | 'intraday' | 'range52' | 'valuation' | 'flow' | 'flowTotal' | 'turnover' | 'volume' | 'breadth';

export interface EntityFigure {
  /** The `<Fig of>` field, or `southboundNetInflow` for a flow. */
  field: string;
  /** How a message names it: "close", "change", "52-week high". */
  label: string;
  stated: Stated;
  kind: FigureKind;
  scope: Scope;
  /** A change, whose sign prose usually leaves to a verb: compared by magnitude unless prose writes a sign. */
  signed: boolean;
  /** As a reader sees it (house style, plain spaces): "26,160", "0.7 %", "HKD 570.7 million". */
  text: string;
}

export interface ProseEntity {
  /** Ticker, index symbol, or `market`. */
  id: string;
  /** "Hang Seng Index (HSI)", "SMIC (00981.HK)", "the market (Hang Seng Index (HSI))". */
  label: string;
  kind: 'index' | 'stock' | 'market';
  /** False for a registry entry the session has no row for. */
  inSession: boolean;
  figures: EntityFigure[];
  direction?: Direction;
  /** The recorded move as a direction message cites it: "a change of +192 (+0.7 %)". */
  move?: string;
  names: string[];
}

export interface Mention {
  start: number;
  end: number;
  entity: ProseEntity;
  /** Written by name; false for a `<Fig>` or a generic reference. */
  named: boolean;
}

const LABELS: Record<string, string> = {
  close: 'close',
  change: 'change',
  changePercent: 'change',
  previousClose: 'previous close',
  high: 'intraday high',
  low: 'intraday low',
  highPercent: 'intraday high',
  lowPercent: 'intraday low',
  high52w: '52-week high',
  low52w: '52-week low',
  fromHigh: 'off 52-week high',
  peRatio: 'P/E',
  turnover: 'turnover',
  volume: 'volume',
  advancers: 'advancers',
  decliners: 'decliners',
  unchanged: 'unchanged',
};

const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const asStated = (value: Stated | number | undefined): Stated | undefined => (typeof value === 'number' ? exact(value) : value);

/** A session total of Stock Connect flows, as prose may state it: a net figure, a side, or both. */
export interface FlowTotalFigure {
  direction: 'southbound' | 'northbound';
  channel?: string;
  netInflow?: Stated;
  /** Stated, or the sign of the net figure. */
  side?: 'buyers' | 'sellers';
  text: string;
}

/** The session's flow totals, where the snapshot states them. */
export function flowTotals(session: SessionView): FlowTotalFigure[] {
  return (session.flowTotals ?? []).map((total) => ({
    direction: total.direction,
    channel: total.channel,
    netInflow: total.netInflow,
    side: total.side ?? (total.netInflow && total.netInflow.qualifier === 'exact' && total.netInflow.value !== 0 ? (total.netInflow.value > 0 ? 'buyers' : 'sellers') : undefined),
    text: [
      `${total.direction}${total.channel ? ` (${total.channel})` : ''}`,
      total.netInflow ? `net ${plainSpaces(formatStated(total.netInflow, (v) => formatMoney(v, session.market.currency)))}` : '',
      total.side ? `net ${total.side}` : '',
    ].filter(Boolean).join(' '),
  }));
}

/** Every entity prose may name: the session's quotes first, then the rest of the registries, then the market. */
export function proseEntities(
  session: SessionView,
  securities: ReadonlyMap<string, Security>,
  indices: ReadonlyMap<string, MarketIndex>,
): ProseEntity[] {
  const entities: ProseEntity[] = [];
  const seen = new Set<string>();
  for (const view of [...session.indices, ...session.stocks]) {
    seen.add(view.id);
    const registered = view.kind === 'index' ? indices.get(view.id) : securities.get(view.id);
    const names = [view.id, view.name, view.fullName, ...(registered?.aliases ?? [])];
    entities.push(quoteEntity(session, view, names));
  }
  for (const index of indices.values()) {
    if (seen.has(index.symbol)) continue;
    entities.push({ id: index.symbol, label: `${index.name} (${index.symbol})`, kind: 'index', inSession: false, figures: [], names: unique([index.symbol, index.name, ...index.aliases]) });
  }
  for (const security of securities.values()) {
    if (seen.has(security.ticker)) continue;
    entities.push({
      id: security.ticker,
      label: `${security.name} (${security.ticker})`,
      kind: 'stock',
      inSession: false,
      figures: [],
      names: unique([security.ticker, security.name, security.fullName, ...security.aliases]),
    });
  }
  entities.push(marketEntity(session, entities.find((e) => e.kind === 'index' && e.inSession)));
  return entities;
}

/** The market as a whole: the benchmark's figures and direction, the session's turnover and breadth. */
function marketEntity(session: SessionView, benchmark: ProseEntity | undefined): ProseEntity {
  const figures: EntityFigure[] = (benchmark?.figures ?? []).filter((f) => f.scope === 'session' || f.scope === 'previous' || f.scope === 'intraday');
  if (session.turnover) {
    figures.push({ field: 'turnover', label: 'turnover', stated: session.turnover, kind: 'money', scope: 'turnover', signed: false, text: plainSpaces(resolveFigure(session, 'turnover').text) });
  }
  for (const total of flowTotals(session)) {
    if (!total.netInflow) continue;
    figures.push({
      field: `${total.direction}NetInflow`,
      label: `${total.direction} net flow${total.channel ? ` (${total.channel})` : ''}`,
      stated: total.netInflow,
      kind: 'money',
      scope: 'flowTotal',
      signed: true,
      text: plainSpaces(formatStated(total.netInflow, (v) => formatMoney(v, session.market.currency))),
    });
  }
  const breadth = session.breadth;
  for (const field of ['advancers', 'decliners', 'unchanged'] as const) {
    const stated = asStated(breadth?.[field]);
    if (stated) figures.push({ field, label: LABELS[field], stated, kind: 'count', scope: 'breadth', signed: false, text: formatStated(stated, (v) => formatNumber(v)) });
  }
  return {
    id: 'market',
    label: benchmark ? `the market (${benchmark.label})` : 'the market',
    kind: 'market',
    inSession: true,
    figures,
    direction: benchmark?.direction,
    move: benchmark?.move,
    names: [],
  };
}

function quoteEntity(session: SessionView, view: QuoteView, names: (string | undefined)[]): ProseEntity {
  const figures: EntityFigure[] = [];
  const currency = view.currency;
  const price: FigureKind = currency ? 'price' : 'plain';
  const fallback = (stated: Stated, kind: FigureKind) =>
    formatStated(stated, (v) => (kind === 'percent' ? formatPercent(v, { decimals: 2 }) : kind === 'price' && currency ? formatPrice(v, currency) : kind === 'money' ? formatMoney(v, currency ?? session.market.currency) : formatNumber(v)));
  const add = (field: string, stated: Stated | undefined, kind: FigureKind, scope: Scope, signed: boolean) => {
    if (!stated) return;
    let text: string;
    try {
      text = resolveFigure(session, `${view.id}.${field}`).text;
    } catch (e) {
      if (!(e instanceof FigureError)) throw e;
      text = fallback(stated, kind);
    }
    figures.push({ field, label: LABELS[field] ?? field, stated, kind, scope, signed, text: plainSpaces(text) });
  };
  const extra = view;
  add('close', view.close, price, 'session', false);
  add('change', view.change, price, 'session', true);
  add('changePercent', view.changePercent, 'percent', 'session', true);
  // The previous close, as stated, or as an exact close and change imply it.
  const previous = view.previousClose ?? (isExact(view.close) && isExact(view.change) ? exact(round(view.close.value - view.change.value)) : undefined);
  add('previousClose', previous, price, 'previous', false);
  add('high', extra.high, price, 'intraday', false);
  add('low', extra.low, price, 'intraday', false);
  // An intraday move in percent, where the previous close is known exactly.
  if (isExact(previous) && previous.value !== 0) {
    for (const field of ['high', 'low'] as const) {
      const level = extra[field];
      if (isExact(level)) add(`${field}Percent`, exact(((level.value - previous.value) / previous.value) * 100), 'percent', 'intraday', true);
    }
  }
  add('high52w', view.high52w, price, 'range52', false);
  add('low52w', view.low52w, price, 'range52', false);
  if (view.fromHighPercent !== undefined) add('fromHigh', { value: view.fromHighPercent, qualifier: 'exact' }, 'percent', 'range52', true);
  add('peRatio', view.peRatio, 'plain', 'valuation', false);
  add('turnover', extra.turnover, 'money', 'turnover', false);
  add('volume', extra.volume, 'count', 'volume', false);
  for (const flow of session.flows.filter((f) => f.id === view.id)) {
    figures.push({
      field: `${flow.direction}NetInflow`,
      label: `${flow.direction} net inflow`,
      stated: flow.netInflow,
      kind: 'money',
      scope: 'flow',
      signed: true,
      text: plainSpaces(formatStated(flow.netInflow, (v) => formatMoney(v, currency ?? session.market.currency))),
    });
  }
  return {
    id: view.id,
    label: `${view.name} (${view.id})`,
    kind: view.kind,
    inSession: true,
    figures,
    direction: view.direction,
    move: recordedMove(session, view),
    names: unique(names),
  };
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

function recordedMove(session: SessionView, view: QuoteView): string | undefined {
  const signed = (field: string) => {
    try {
      return plainSpaces(resolveFigure(session, `${view.id}.${field}`, { signed: true }).text);
    } catch {
      return undefined;
    }
  };
  const points = view.change ? signed('change') : undefined;
  const percent = view.changePercent ? signed('changePercent') : undefined;
  if (points && percent) return `a change of ${points} (${percent})`;
  if (points ?? percent) return `a change of ${points ?? percent}`;
  return view.direction ? `the direction ${view.direction}` : undefined;
}

/** Which figures a number of this kind may be. */
export function figuresFor(entity: ProseEntity, kind: NumberKind, scaled: boolean, currency: boolean): EntityFigure[] {
  const kinds: FigureKind[] =
    kind === 'percent' ? ['percent'] : scaled ? ['money', 'count'] : currency ? ['price', 'money'] : ['plain', 'price', 'money', 'count'];
  return entity.figures.filter((f) => kinds.includes(f.kind));
}

function unique(names: (string | undefined)[]): string[] {
  return [...new Set(names.filter((n): n is string => !!n && n.trim() !== ''))];
}

const finders = new WeakMap<ProseEntity[], (text: string) => Mention[]>();

/** The entities a sentence names, in order, without overlaps (the longest name wins). */
export function findMentions(text: string, entities: ProseEntity[]): Mention[] {
  let find = finders.get(entities);
  if (!find) {
    const match = nameMatcher(entities.filter((e) => e.names.length > 0).map((entity) => ({ names: entity.names, item: entity })));
    find = (t) => match(t).map(({ start, end, item }) => ({ start, end, entity: item, named: true }));
    finders.set(entities, find);
  }
  return find(text);
}
