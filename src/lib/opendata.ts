/**
 * A session snapshot as open data. The JSON file is the snapshot as its author wrote it, to the
 * character ("80.00" stays 80.00, a bound stays `{ "moreThan": 8 }`, nothing is added), so it reads
 * back into the same figures; the CSV is one row per figure, with its qualifier and unit, and each
 * value with the digits written, for spreadsheets.
 */
import { stringify } from 'csv-stringify/sync';
import type { Snapshot } from '../schemas/index.ts';
import type { Qualifier, Stated } from './stated.ts';

type AuthoredFigure = number | { moreThan: number } | { lessThan: number } | { around: number };

/** `{ value: 8, qualifier: 'moreThan' }` → `{ "moreThan": 8 }`; an exact figure is a plain number. */
export function authoredFigure(figure: Stated): AuthoredFigure {
  switch (figure.qualifier) {
    case 'exact':
      return figure.value;
    case 'moreThan':
      return { moreThan: figure.value };
    case 'lessThan':
      return { lessThan: figure.value };
    case 'around':
      return { around: figure.value };
  }
}

/** Drops undefined fields and writes stated figures back in their authored form. */
function authored(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    out[key] = isStated(value) ? authoredFigure(value) : value;
  }
  return out;
}

function isStated(value: unknown): value is Stated {
  return typeof value === 'object' && value !== null && 'qualifier' in value && 'value' in value;
}

/**
 * The published JSON: the snapshot file's own text (already checked by the content check), ending
 * with one line break. JSON numbers cannot hold "80.00", so the file is passed on, never re-written.
 */
export function snapshotJsonText(written: string): string {
  return `${written.replace(/\s+$/, '')}\n`;
}

/** The snapshot as data in the authored format, without the fields the author did not write. */
export function snapshotJson(snapshot: Snapshot): Record<string, unknown> {
  return authored({
    market: snapshot.market,
    date: snapshot.date,
    source: snapshot.source,
    turnover: snapshot.turnover,
    breadth: snapshot.breadth,
    indices: snapshot.indices.length ? snapshot.indices.map(authored) : undefined,
    stocks: snapshot.stocks.length ? snapshot.stocks.map(authored) : undefined,
    flows: snapshot.flows.length ? snapshot.flows.map(authored) : undefined,
    flowTotals: snapshot.flowTotals?.length ? snapshot.flowTotals.map(authored) : undefined,
  });
}

export const CSV_COLUMNS = ['date', 'market', 'kind', 'id', 'name', 'field', 'value', 'qualifier', 'unit', 'direction', 'channel'] as const;
export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number>;

const QUALIFIER_TEXT: Record<Qualifier, string> = { exact: 'exact', moreThan: 'more than', lessThan: 'less than', around: 'around' };
const STOCK_UNITS: Record<string, 'currency' | 'percent' | 'ratio' | 'shares'> = {
  close: 'currency',
  change: 'currency',
  changePercent: 'percent',
  previousClose: 'currency',
  high: 'currency',
  low: 'currency',
  high52w: 'currency',
  low52w: 'currency',
  peRatio: 'ratio',
  turnover: 'currency',
  volume: 'shares',
};
const INDEX_UNITS: Record<string, 'points' | 'percent'> = {
  close: 'points',
  change: 'points',
  changePercent: 'percent',
  previousClose: 'points',
  high: 'points',
  low: 'points',
};

export interface CsvNames {
  /** Display name of a ticker or index symbol. */
  name(id: string): string;
  /** Currency a security is quoted in. */
  currency(ticker: string): string;
  /** The market's currency, for turnover and flows. */
  marketCurrency: string;
  /** The market an instrument belongs to (a regional index quoted in a Hong Kong session is `jp`); the session's market by default. */
  market?(id: string): string;
}

/** One row per figure the snapshot states, in the snapshot's order. */
export function snapshotRows(snapshot: Snapshot, names: CsvNames): CsvRow[] {
  const rows: CsvRow[] = [];
  const row = (fields: Partial<CsvRow>): CsvRow => {
    const full = Object.fromEntries(CSV_COLUMNS.map((column) => [column, ''])) as CsvRow;
    const id = typeof fields.id === 'string' && fields.id && fields.kind !== 'flow' ? fields.id : undefined;
    return { ...full, date: snapshot.date, market: (id && names.market?.(id)) || snapshot.market, ...fields };
  };
  const figure = (value: Stated) => ({ value: writtenValue(value), qualifier: QUALIFIER_TEXT[value.qualifier] });
  if (snapshot.turnover) {
    rows.push(row({ kind: 'session', field: 'turnover', unit: names.marketCurrency, ...figure(snapshot.turnover) }));
  }
  for (const quote of snapshot.indices) {
    for (const [field, unit] of Object.entries(INDEX_UNITS)) {
      const value = quote[field as keyof typeof quote];
      if (isStated(value)) rows.push(row({ kind: 'index', id: quote.symbol, name: names.name(quote.symbol), field, unit, ...figure(value) }));
    }
    if (quote.direction) rows.push(row({ kind: 'index', id: quote.symbol, name: names.name(quote.symbol), field: 'direction', direction: quote.direction }));
  }
  for (const quote of snapshot.stocks) {
    const currency = names.currency(quote.ticker);
    for (const [field, unit] of Object.entries(STOCK_UNITS)) {
      const value = quote[field as keyof typeof quote];
      if (isStated(value)) {
        rows.push(row({ kind: 'stock', id: quote.ticker, name: names.name(quote.ticker), field, unit: unit === 'currency' ? currency : unit, ...figure(value) }));
      }
    }
    if (quote.direction) rows.push(row({ kind: 'stock', id: quote.ticker, name: names.name(quote.ticker), field: 'direction', direction: quote.direction }));
  }
  if (snapshot.breadth) {
    for (const field of ['advancers', 'decliners', 'unchanged'] as const) {
      const count = snapshot.breadth[field];
      if (count !== undefined) rows.push(row({ kind: 'session', field, unit: 'stocks', value: count, qualifier: 'exact' }));
    }
  }
  for (const total of snapshot.flowTotals ?? []) {
    const where = { kind: 'flow total', direction: total.direction, channel: total.channel ?? '' };
    if (total.netInflow) rows.push(row({ ...where, field: 'netInflow', unit: names.marketCurrency, ...figure(total.netInflow) }));
    if (total.side) rows.push(row({ ...where, field: 'side', value: total.side }));
  }
  for (const flow of snapshot.flows) {
    rows.push(row({
      kind: 'flow',
      id: flow.ticker,
      name: names.name(flow.ticker),
      field: 'netInflow',
      unit: names.marketCurrency,
      direction: flow.direction,
      channel: flow.channel ?? '',
      ...figure(flow.netInflow),
    }));
  }
  return rows;
}

/** A value with the digits its author wrote: 80.00 stays "80.00". */
function writtenValue(figure: Stated): string | number {
  return figure.decimals === undefined ? figure.value : figure.value.toFixed(figure.decimals);
}

/** The rows as CSV (RFC 4180, header first, CRLF line ends). */
export function snapshotCsv(snapshot: Snapshot, names: CsvNames): string {
  return stringify(snapshotRows(snapshot, names), { header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows' });
}
