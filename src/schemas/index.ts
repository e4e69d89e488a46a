/**
 * The content model: every field an author can write, its type and its rules.
 *
 * These schemas are the only place a field is defined. `src/content.config.ts` hands them to Astro's
 * content layer, and the content check (`src/check/`) runs the same schemas over the raw files so it
 * can report every problem at once with a line and column. Types elsewhere derive from here.
 */
import { z } from 'astro/zod';
import { isValid } from 'date-fns/isValid';
import type { Stated } from '../lib/stated.ts';
import { MARKET_LIST } from '../lib/market.ts';

/** Market ids the product knows the conventions of (data/markets.json, read by `src/lib/market.ts`). */
export const MARKET_IDS = MARKET_LIST.map((market) => market.id) as [string, ...string[]];
export const marketId = z.enum(MARKET_IDS, {
  error: (issue) => `found ${describe(issue.input)}, expected one of ${MARKET_IDS.join(", ")}`,
});

/**
 * A calendar date written `YYYY-MM-DD`. YAML front matter read by Astro arrives as a `Date`
 * (already checked as text by the content check), so it is turned back into its ISO day.
 */
export const isoDate = z.preprocess(
  (value) => (value instanceof Date && isValid(value) ? value.toISOString().slice(0, 10) : value),
  z
    .string({ error: (issue) => `found ${describe(issue.input)}, expected a date written YYYY-MM-DD` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: (issue) => `found ${describe(issue.input)}, expected a date written YYYY-MM-DD` })
    .refine(isRealDay, { error: (issue) => `found ${describe(issue.input)}, which is not a day of the calendar, expected a real date` }),
);

function isRealDay(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An instant with its zone offset, e.g. `2025-10-24T18:30:00+08:00`. */
export const zonedDateTime = z.preprocess(
  (value) => (value instanceof Date && isValid(value) ? value.toISOString() : value),
  z.iso.datetime({
    offset: true,
    error: (issue) => `found ${describe(issue.input)}, expected a date and time with its zone offset such as 2025-10-24T18:30:00+08:00`,
  }),
);

const finite = z.number({ error: (issue) => `found ${describe(issue.input)}, expected a finite number` });

/**
 * A figure as its source states it: a plain number is exact; `{ "moreThan": 8 }`,
 * `{ "lessThan": 2 }` and `{ "around": 26000 }` record a bound or an approximation, so the page
 * can say "more than 8 %" instead of inventing a precision the source never gave.
 */
function stated(options: { positive?: boolean } = {}) {
  const number = options.positive
    ? finite.refine((value) => value > 0, { error: (issue) => `found ${describe(issue.input)}, expected a number above zero` })
    : finite;
  const wrong = (issue: { input: unknown }) =>
    `found ${describe(issue.input)}, expected a number or one of { "moreThan": n }, { "lessThan": n }, { "around": n }`;
  return z
    .union(
      [
        number,
        z.strictObject({ moreThan: number }),
        z.strictObject({ lessThan: number }),
        z.strictObject({ around: number }),
      ],
      { error: wrong },
    )
    .transform((input): Stated => {
      if (typeof input === 'number') return { value: input, qualifier: 'exact' };
      if ('moreThan' in input) return { value: input.moreThan, qualifier: 'moreThan' };
      if ('lessThan' in input) return { value: input.lessThan, qualifier: 'lessThan' };
      return { value: input.around, qualifier: 'around' };
    });
}

const nonEmpty = z.string({ error: (issue) => `found ${describe(issue.input)}, expected text` }).trim().min(1, 'found an empty string, expected text');

/** `00981.HK`, `7203.T`: the exchange code, a dot, the exchange suffix (see `tickerSuffixes` in data/markets.json). */
export const tickerCode = z
  .string({ error: (issue) => `found ${describe(issue.input)}, expected a ticker such as 00981.HK` })
  .regex(/^[0-9A-Z]{1,6}\.[A-Z]{1,2}$/, { error: (issue) => `found ${describe(issue.input)}, expected a ticker such as 00981.HK` });

export const indexSymbol = z
  .string({ error: (issue) => `found ${describe(issue.input)}, expected an index symbol such as HSI` })
  .regex(/^[A-Z0-9]{2,12}$/, { error: (issue) => `found ${describe(issue.input)}, expected an index symbol such as HSI` });

export const securitySchema = z.strictObject({
  ticker: tickerCode,
  name: nonEmpty,
  fullName: nonEmpty.optional(),
  exchange: nonEmpty,
  market: marketId,
  currency: z.string().regex(/^[A-Z]{3}$/, { error: (issue) => `found ${describe(issue.input)}, expected an ISO 4217 currency code such as HKD` }),
  sector: nonEmpty.optional(),
  aliases: z.array(nonEmpty).default([]),
  /** Shares in one board lot, as the exchange's list of securities gives it. */
  boardLot: z.number({ error: (issue) => `found ${describe(issue.input)}, expected a whole number of shares` }).int().positive().optional(),
});

export const indexSchema = z.strictObject({
  symbol: indexSymbol,
  name: nonEmpty,
  market: marketId,
  aliases: z.array(nonEmpty).default([]),
});

export const direction = z.enum(['up', 'down', 'flat'], {
  error: (issue) => `found ${describe(issue.input)}, expected "up", "down" or "flat"`,
});

const indexQuote = z.strictObject({
  symbol: indexSymbol,
  close: stated({ positive: true }).optional(),
  /** Points change on the previous close. */
  change: stated().optional(),
  /** Percent change, as the source states it; kept and cross-checked beside points and close. */
  changePercent: stated().optional(),
  previousClose: stated({ positive: true }).optional(),
  /** The session's intraday high and low. */
  high: stated({ positive: true }).optional(),
  low: stated({ positive: true }).optional(),
  direction: direction.optional(),
  note: nonEmpty.optional(),
});

const stockQuote = z.strictObject({
  ticker: tickerCode,
  close: stated({ positive: true }).optional(),
  change: stated().optional(),
  changePercent: stated().optional(),
  previousClose: stated({ positive: true }).optional(),
  high: stated({ positive: true }).optional(),
  low: stated({ positive: true }).optional(),
  high52w: stated({ positive: true }).optional(),
  low52w: stated({ positive: true }).optional(),
  peRatio: stated().optional(),
  /** The stock's turnover in its currency, and the shares traded. */
  turnover: stated({ positive: true }).optional(),
  volume: stated({ positive: true }).optional(),
  direction: direction.optional(),
  note: nonEmpty.optional(),
});

const flow = z.strictObject({
  ticker: tickerCode,
  direction: z.enum(['southbound', 'northbound'], {
    error: (issue) => `found ${describe(issue.input)}, expected "southbound" or "northbound"`,
  }),
  /** The Stock Connect link the flow went through, when the source names it (Shanghai, Shenzhen). */
  channel: nonEmpty.optional(),
  /** Net buying in the market's currency; negative for a net outflow. */
  netInflow: stated(),
});

const count = z
  .number({ error: (issue) => `found ${describe(issue.input)}, expected a whole number` })
  .int({ error: (issue) => `found ${describe(issue.input)}, expected a whole number` })
  .nonnegative({ error: (issue) => `found ${describe(issue.input)}, expected a whole number, zero or more` });

/** How many stocks rose, fell and did not move: each optional, as sources often give two of three. */
const breadth = z.strictObject({
  advancers: count.optional(),
  decliners: count.optional(),
  unchanged: count.optional(),
});

/**
 * A session total of Stock Connect flows: the net figure, or only its side ("net sellers") when the
 * source gives no figure.
 */
const flowTotal = z.strictObject({
  direction: z.enum(['southbound', 'northbound'], {
    error: (issue) => `found ${describe(issue.input)}, expected "southbound" or "northbound"`,
  }),
  channel: z.enum(['Shanghai', 'Shenzhen'], { error: (issue) => `found ${describe(issue.input)}, expected "Shanghai" or "Shenzhen"` }).optional(),
  netInflow: stated().optional(),
  side: z.enum(['buyers', 'sellers'], { error: (issue) => `found ${describe(issue.input)}, expected "buyers" or "sellers"` }).optional(),
});

export const snapshotSchema = z
  .strictObject({
    market: marketId,
    date: isoDate,
    /** Where the figures come from, shown under the session's data. */
    source: nonEmpty,
    /** Market turnover in the market's currency. */
    turnover: stated({ positive: true }).optional(),
    indices: z.array(indexQuote).default([]),
    stocks: z.array(stockQuote).default([]),
    flows: z.array(flow).default([]),
    breadth: breadth.optional(),
    flowTotals: z.array(flowTotal).default([]),
  });
// How the figures of a quote must agree with each other (change = close − previous close, a percent
// beside the points it derives from …) is checked in src/check/consistency.ts, which sees the figures
// as written.

const correction = z.strictObject({
  date: zonedDateTime,
  text: nonEmpty,
});

export const reportSchema = z.strictObject({
  title: nonEmpty,
  description: nonEmpty,
  /** The trading session the report is about; with `market` it names the snapshot. */
  date: isoDate,
  market: marketId,
  /** When the report was published, with its zone offset. */
  published: zonedDateTime,
  authors: z.array(nonEmpty).min(1, 'found an empty list, expected at least one author'),
  tickers: z.array(tickerCode).default([]),
  indices: z.array(indexSymbol).default([]),
  tags: z
    .array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: (issue) => `found ${describe(issue.input)}, expected a lower-case tag with hyphens such as southbound-flows` }))
    .default([]),
  corrections: z.array(correction).default([]),
  /** Shown by `npm run dev` only, never built. */
  draft: z.boolean({ error: (issue) => `found ${describe(issue.input)}, expected true or false` }).default(false),
});

const calendarDay = z.strictObject({ date: isoDate, name: nonEmpty });

export const calendarSchema = z.strictObject({
  id: nonEmpty,
  name: nonEmpty,
  market: marketId,
  source: nonEmpty,
  /** How the file was made (`npm run calendars`) and from which libraries, at which versions. */
  generator: z
    .strictObject({
      command: nonEmpty,
      libraries: z.array(z.strictObject({ name: nonEmpty, version: nonEmpty })).min(1),
      overrides: nonEmpty.optional(),
    })
    .optional(),
  /** The years the holiday list covers; a date outside them cannot be checked and is refused. */
  years: z.array(z.number().int().min(1900).max(2200)).min(1),
  /** Weekdays the exchange is closed; weekends are closed without being listed. */
  holidays: z.array(calendarDay),
  /** Trading days that end early, at the market's `halfDayClose`. */
  halfDays: z.array(calendarDay).default([]),
});

/**
 * A security's price file as the `prices` collection stores it, after `parsePriceCsv` (which checks
 * each line with its line number) has read it.
 */
export const priceHistorySchema = z.strictObject({
  ticker: tickerCode,
  bars: z.array(
    z.strictObject({
      date: isoDate,
      open: z.number().positive().optional(),
      high: z.number().positive().optional(),
      low: z.number().positive().optional(),
      close: z.number().positive().optional(),
      volume: z.number().int().nonnegative().optional(),
      note: nonEmpty.optional(),
    }),
  ),
});

export type Security = z.output<typeof securitySchema>;
export type MarketIndex = z.output<typeof indexSchema>;
export type Snapshot = z.output<typeof snapshotSchema>;
export type IndexQuote = Snapshot['indices'][number];
export type StockQuote = Snapshot['stocks'][number];
export type Flow = Snapshot['flows'][number];
export type FlowTotal = Snapshot['flowTotals'][number];
export type Breadth = NonNullable<Snapshot['breadth']>;
export type ReportMeta = z.output<typeof reportSchema>;
export type Calendar = z.output<typeof calendarSchema>;

/** A short, quoted rendering of a value for an error message. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (value instanceof Date) return isValid(value) ? value.toISOString() : 'an invalid date';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
