/**
 * Daily price history as data vendors export it: one CSV file per security, a header line
 * `date,open,high,low,close,volume` and one line per trading day, oldest first. An optional `note`
 * column explains a day without prices (a suspension): such a day is written with its note and
 * empty price fields, so a gap in the history is always a stated one.
 *
 * Parsed with csv-parse; every problem keeps the line it is on, so the content check can point at
 * it. The same function feeds the site (the `prices` collection), so what the check accepts is what
 * the pages draw.
 */
import { parse } from 'csv-parse/sync';
import { tradingDayVerdict, type HolidayCalendar } from './calendar.ts';

export interface PriceBar {
  /** The trading day, YYYY-MM-DD. */
  date: string;
  open?: number;
  high?: number;
  low?: number;
  close?: number;
  volume?: number;
  /** Why the day has no prices, or anything else worth saying about it. */
  note?: string;
}

export interface PriceProblem {
  line: number;
  /** The column at fault (`close`), or empty for the whole line or file. */
  field: string;
  message: string;
}

export const PRICE_COLUMNS = ['date', 'open', 'high', 'low', 'close', 'volume'] as const;
const OPTIONAL_COLUMNS = ['note'] as const;
const PRICE_FIELDS = ['open', 'high', 'low', 'close'] as const;

/**
 * Parses and checks one price file. `calendar` is the security's trading calendar: with it, every
 * date must be a trading day and every trading day between the first and the last line must have a
 * line. Problems come back in file order; `bars` holds the lines that passed.
 */
export function parsePriceCsv(text: string, calendar?: HolidayCalendar): { bars: PriceBar[]; problems: PriceProblem[] } {
  const problems: PriceProblem[] = [];
  const problem = (line: number, field: string, message: string) => problems.push({ line, field, message });
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { info: true, skip_empty_lines: true, trim: true, relax_column_count: true, bom: false }) as unknown as typeof records;
  } catch (error) {
    const e = error as { lines?: number; message: string };
    problem(e.lines ?? 1, '', `invalid CSV: ${e.message.replace(/^[^:]*:\s*/, '')}`);
    return { bars: [], problems };
  }
  if (records.length === 0) {
    problem(1, '', `found an empty file, expected a header line ${PRICE_COLUMNS.join(',')} and one line per trading day`);
    return { bars: [], problems };
  }

  const [{ record: header }, ...rows] = records;
  const columns = header.map((name) => name.toLowerCase());
  const expected = `expected the header ${PRICE_COLUMNS.join(',')} (and optionally ,note)`;
  const known = columns.length >= PRICE_COLUMNS.length && PRICE_COLUMNS.every((name, i) => columns[i] === name);
  const extra = columns.slice(PRICE_COLUMNS.length);
  if (!known || extra.some((name, i) => name !== OPTIONAL_COLUMNS[i])) {
    // Only the start of the line, escaped: the file is untrusted and may hold anything at all.
    const line = header.join(',').replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    problem(1, '', `found the header ${line.length > 60 ? `${line.slice(0, 60)}…` : line}, ${expected}`);
    return { bars: [], problems };
  }
  if (rows.length === 0) problem(1, '', 'found a header and no prices, expected one line per trading day');

  const bars: PriceBar[] = [];
  let previous: { date: string; line: number } | undefined;
  for (const { record, info } of rows) {
    const line = info.lines;
    if (record.length !== columns.length && !(record.length === PRICE_COLUMNS.length && columns.length > PRICE_COLUMNS.length)) {
      problem(line, '', `found ${record.length} fields, expected ${columns.length} (${columns.join(',')})`);
      continue;
    }
    const cell = (name: string) => record[columns.indexOf(name)] ?? '';
    const date = cell('date');
    const note = cell('note') || undefined;
    const before = problems.length;

    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      problem(line, 'date', `found ${JSON.stringify(date)}, expected a date written YYYY-MM-DD`);
      continue;
    }
    if (!isRealDay(date)) {
      problem(line, 'date', `found ${date}, which is not a day of the calendar, expected a real date`);
      continue;
    }
    if (previous && date <= previous.date) {
      problem(line, 'date', date === previous.date
        ? `found ${date} a second time (also on line ${previous.line}), expected each day once`
        : `found ${date} after ${previous.date} (line ${previous.line}), expected dates in ascending order, oldest first`);
      continue;
    }
    if (calendar) {
      const verdict = tradingDayVerdict(date, calendar);
      if (!verdict.trading) problem(line, 'date', `found ${date}, expected a trading day: ${verdict.reason}`);
      else if (previous) {
        const missing = tradingDaysBetween(previous.date, date, calendar);
        if (missing.length > 0) {
          const listed = missing.length > 3 ? `${missing.slice(0, 3).join(', ')} and ${missing.length - 3} more` : missing.join(', ');
          problem(line, 'date', `found ${date} right after ${previous.date}, expected a line for each trading day in between (${listed}); for a day without trading, write its date, empty prices and a note`);
        }
      }
    }
    previous = { date, line };

    const bar: PriceBar = { date, ...(note ? { note } : {}) };
    const prices = [...PRICE_FIELDS, 'volume'] as const;
    const empty = prices.filter((name) => cell(name) === '');
    if (empty.length === prices.length) {
      if (!note) problem(line, 'close', `found no prices for ${date}, expected open, high, low, close and volume, or a note saying why there was no trading`);
    } else if (empty.length > 0) {
      problem(line, empty[0], `found no ${empty[0]} for ${date}, expected all of open, high, low, close and volume (or none, with a note)`);
    } else {
      for (const name of PRICE_FIELDS) {
        const value = decimal(cell(name));
        if (value === undefined || !(value > 0)) problem(line, name, `found ${JSON.stringify(cell(name))}, expected a price above zero written as a plain number such as 80.15`);
        else bar[name] = value;
      }
      const volume = decimal(cell('volume'));
      if (volume === undefined || !Number.isInteger(volume) || volume < 0) {
        problem(line, 'volume', `found ${JSON.stringify(cell('volume'))}, expected a whole number of shares, zero or more`);
      } else bar.volume = volume;
      if (problems.length === before) {
        const { open, high, low, close } = bar as Required<PriceBar>;
        if (high < Math.max(open, close, low)) problem(line, 'high', `found a high of ${high} below the day's ${high < open ? `open ${open}` : high < close ? `close ${close}` : `low ${low}`}, expected the high to be the day's highest price`);
        else if (low > Math.min(open, close)) problem(line, 'low', `found a low of ${low} above the day's ${low > open ? `open ${open}` : `close ${close}`}, expected the low to be the day's lowest price`);
      }
    }
    if (problems.length === before) bars.push(bar);
  }
  return { bars, problems };
}

/** A plain decimal number: no thousands separators, no currency, no exponent. */
function decimal(text: string): number | undefined {
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}

function isRealDay(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The trading days strictly between two days (both in the calendar's years). */
export function tradingDaysBetween(from: string, to: string, calendar: HolidayCalendar): string[] {
  const days: string[] = [];
  const date = new Date(`${from}T00:00:00Z`);
  for (;;) {
    date.setUTCDate(date.getUTCDate() + 1);
    const day = date.toISOString().slice(0, 10);
    if (day >= to) return days;
    if (tradingDayVerdict(day, calendar).trading) days.push(day);
  }
}

/** The lines from `from` to `to`, both included (either may be left out). */
export function priceRange(bars: readonly PriceBar[], from?: string, to?: string): PriceBar[] {
  return bars.filter((bar) => (!from || bar.date >= from) && (!to || bar.date <= to));
}

/** A security's price file as pages use it. */
export interface PriceHistory {
  security: { id: string; name: string; currency: string };
  bars: PriceBar[];
}
