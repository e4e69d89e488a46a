/**
 * The session as a page shows it: each snapshot row joined to its registry entry (names,
 * currency) and completed with the figures derived from it. Built once per page and handed to every
 * component, so no component looks anything up or computes anything.
 */
import type { Breadth, Flow, FlowTotal, IndexQuote, MarketIndex, Security, Snapshot, StockQuote } from '../schemas/index.ts';
import { percentChange, percentFromHigh, rangePosition, settledDirection, type Direction } from './change.ts';
import { marketConvention, type MarketConvention } from './market.ts';
import { isExact, type Stated } from './stated.ts';
import { PERCENT_DECIMALS } from './format.ts';

export interface QuoteView {
  kind: 'index' | 'stock';
  /** The market the instrument belongs to (its registry's `market`): its colours, zone and close. */
  market: MarketConvention;
  /** Ticker (00981.HK) or index symbol (HSI). */
  id: string;
  name: string;
  fullName?: string;
  /** Currency of prices; undefined for an index, which is quoted in points. */
  currency?: string;
  close?: Stated;
  change?: Stated;
  /**
   * Stated by the source (kept beside change and close, and cross-checked by the content check), or
   * computed from an exact change and close (`percentDerived`, with the house precision in `decimals`).
   */
  changePercent?: Stated;
  percentDerived: boolean;
  direction?: Direction;
  previousClose?: Stated;
  /** Intraday high and low. */
  high?: Stated;
  low?: Stated;
  high52w?: Stated;
  low52w?: Stated;
  /** Percent from the 52-week high, computed when close and high are exact. */
  fromHighPercent?: number;
  /** 0 (low) to 1 (high), computed when close, low and high are exact. */
  rangePosition?: number;
  peRatio?: Stated;
  /** A stock's turnover in its currency, and shares traded. */
  turnover?: Stated;
  volume?: Stated;
  southboundNetInflow?: Stated;
  note?: string;
}

export interface FlowView {
  id: string;
  name: string;
  direction: Flow['direction'];
  channel?: string;
  netInflow: Stated;
}

export interface SessionView {
  market: MarketConvention;
  date: string;
  source: string;
  turnover?: Stated;
  /** Advancers, decliners and unchanged, as far as the source gives them. */
  breadth?: Breadth;
  /** Session totals of Stock Connect flows: a net figure, or only the side ("net sellers"). */
  flowTotals?: FlowTotal[];
  indices: QuoteView[];
  stocks: QuoteView[];
  flows: FlowView[];
}

export interface Registries {
  securities: ReadonlyMap<string, Security>;
  indices: ReadonlyMap<string, MarketIndex>;
}

export function buildSession(snapshot: Snapshot, registries: Registries): SessionView {
  const market = marketConvention(snapshot.market);
  const security = (ticker: string, where: string) => {
    const found = registries.securities.get(ticker);
    if (!found) throw new RangeError(`${where}: unknown ticker ${ticker}; add content/securities/${ticker}.json`);
    return found;
  };
  const southbound = (ticker: string) =>
    snapshot.flows.find((f) => f.ticker === ticker && f.direction === 'southbound')?.netInflow;
  // A security the session only records a flow for still gets a view, so its card and figures work.
  const quoted = new Set(snapshot.stocks.map((quote) => quote.ticker));
  const flowOnly = [...new Set(snapshot.flows.map((f) => f.ticker))].filter((ticker) => !quoted.has(ticker));
  const stocks = [
    ...snapshot.stocks.map((quote, i) => stockView(quote, security(quote.ticker, `stocks[${i}]`), southbound(quote.ticker))),
    ...flowOnly.map((ticker) => stockView({ ticker }, security(ticker, 'flows'), southbound(ticker))),
  ];
  const indices = snapshot.indices.map((quote, i) => {
    const found = registries.indices.get(quote.symbol);
    if (!found) throw new RangeError(`indices[${i}]: unknown index ${quote.symbol}; add content/indices/${quote.symbol}.json`);
    return indexView(quote, found);
  });
  const flows = snapshot.flows.map((flow, i) => ({
    id: flow.ticker,
    name: security(flow.ticker, `flows[${i}]`).name,
    direction: flow.direction,
    channel: flow.channel,
    netInflow: flow.netInflow,
  }));
  return {
    market,
    date: snapshot.date,
    source: snapshot.source,
    turnover: snapshot.turnover,
    breadth: snapshot.breadth,
    flowTotals: snapshot.flowTotals ?? [],
    indices,
    stocks,
    flows,
  };
}

function moves(quote: IndexQuote | StockQuote) {
  // Computed only where the source states no percent, and only from figures that leave a previous
  // close above zero (the content check refuses the others with their line).
  const derived = !quote.changePercent && isExact(quote.change) && isExact(quote.close) && quote.close.value - quote.change.value > 0;
  const changePercent: Stated | undefined = derived
    ? { value: percentChange(quote.change!.value, quote.close!.value), qualifier: 'exact', decimals: PERCENT_DECIMALS }
    : quote.changePercent;
  return { changePercent, percentDerived: derived, direction: directionFrom(quote, changePercent) };
}

/** The sign of the move from the first figure that settles it; a stated direction otherwise. */
function directionFrom(quote: IndexQuote | StockQuote, changePercent: Stated | undefined): Direction | undefined {
  return settledDirection([quote.change, changePercent], quote.direction) ?? quote.direction;
}

function indexView(quote: IndexQuote, index: MarketIndex): QuoteView {
  return {
    kind: 'index',
    market: marketConvention(index.market),
    id: index.symbol,
    name: index.name,
    close: quote.close,
    change: quote.change,
    previousClose: quote.previousClose,
    high: quote.high,
    low: quote.low,
    note: quote.note,
    ...moves(quote),
  };
}

function stockView(quote: StockQuote, security: Security, southboundNetInflow: Stated | undefined): QuoteView {
  const close = isExact(quote.close) ? quote.close.value : undefined;
  const high = isExact(quote.high52w) ? quote.high52w.value : undefined;
  const fromHigh = close !== undefined && high !== undefined ? percentFromHigh(close, high) : undefined;
  const low = isExact(quote.low52w) ? quote.low52w.value : undefined;
  return {
    kind: 'stock',
    market: marketConvention(security.market),
    id: security.ticker,
    name: security.name,
    fullName: security.fullName,
    currency: security.currency,
    close: quote.close,
    change: quote.change,
    previousClose: quote.previousClose,
    high52w: quote.high52w,
    low52w: quote.low52w,
    // A high so near zero that the distance overflows (80 against 5e-324) gives no percentage: the
    // content check reports the figures themselves.
    fromHighPercent: fromHigh !== undefined && Number.isFinite(fromHigh) ? fromHigh : undefined,
    rangePosition: close !== undefined && high !== undefined && low !== undefined ? rangePosition(close, low, high) : undefined,
    high: quote.high,
    low: quote.low,
    peRatio: quote.peRatio,
    turnover: quote.turnover,
    volume: quote.volume,
    southboundNetInflow,
    note: quote.note,
    ...moves(quote),
  };
}
