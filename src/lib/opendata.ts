/**
 * A session snapshot as open data. The JSON file is the snapshot in the very form authors write it
 * (a bound stays `{ "moreThan": 8 }`), so it reads back into the same figures; the CSV is one row
 * per figure, with its qualifier and unit, for spreadsheets.
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

/** The snapshot as published JSON: the authored format documented in the README. */
export function snapshotJson(snapshot: Snapshot): Record<string, unknown> {
  return authored({
    market: snapshot.market,
    date: snapshot.date,
    source: snapshot.source,
    turnover: snapshot.turnover,
    indices: snapshot.indices.map(authored),
    stocks: snapshot.stocks.map(authored),
    flows: snapshot.flows.map(authored),
  });
}

export const CSV_COLUMNS = ['date', 'market', 'kind', 'id', 'name', 'field', 'value', 'qualifier', 'unit', 'direction', 'channel'] as const;
export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number>;

const QUALIFIER_TEXT: Record<Qualifier, string> = { exact: 'exact', moreThan: 'more than', lessThan: 'less than', around: 'around' };
const STOCK_UNITS: Record<string, 'currency' | 'percent' | 'ratio'> = {
  close: 'currency',
  change: 'currency',
  previousClose: 'currency',
  high52w: 'currency',
  low52w: 'currency',
  changePercent: 'percent',
  peRatio: 'ratio',
};
const INDEX_UNITS: Record<string, 'points' | 'percent'> = { close: 'points', change: 'points', previousClose: 'points', changePercent: 'percent' };

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
  const figure = (value: Stated) => ({ value: value.value, qualifier: QUALIFIER_TEXT[value.qualifier] });
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

/** The rows as CSV (RFC 4180, header first, CRLF line ends). */
export function snapshotCsv(snapshot: Snapshot, names: CsvNames): string {
  return stringify(snapshotRows(snapshot, names), { header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows' });
}
