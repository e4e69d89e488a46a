/**
 * The content check: every file parsed with the schemas the build uses, then the rules that span
 * files (references, trading days, figure paths in reports). It collects every problem instead of
 * stopping at the first, and runs before the build (see `integration.ts`) and as `npm run check`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { z } from 'astro/zod';
import {
  calendarSchema,
  indexSchema,
  reportSchema,
  securitySchema,
  snapshotSchema,
  type Calendar,
  type MarketIndex,
  type ReportMeta,
  type Security,
  type Snapshot,
} from '../schemas/index.ts';
import { tradingDayVerdict } from '../lib/calendar.ts';
import { zonedDay } from '../lib/dates.ts';
import { FigureError, resolveFigure } from '../lib/figures.ts';
import { marketConvention } from '../lib/market.ts';
import { buildSession, type SessionView } from '../lib/session.ts';
import { MDX_COMPONENTS } from './components.ts';
import { fieldName, type Problem } from './problem.ts';
import { decodeText, lineIndex, parseFrontmatterSource, parseJsonSource, splitFrontmatter, type ParsedSource } from './sources.ts';

export interface CheckOptions {
  /** The content folder, e.g. `content`. */
  root: string;
  /** The moment the check runs; a report published after it is refused. Passed in so tests never read the clock. */
  now: Date;
  /** Paths in messages are relative to this folder (the project root). */
  cwd?: string;
}

interface Loaded<T> {
  file: string;
  /** The id the site gives the entry: the file name without extension, relative to its folder. */
  id: string;
  data: T;
  source: ParsedSource;
  text: string;
}

export function checkContent(options: CheckOptions): Problem[] {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, options.root);
  const problems: Problem[] = [];
  const display = (absolute: string) => relative(cwd, absolute);

  const load = <S extends z.ZodType>(folder: string, pattern: RegExp, schema: S, kind: 'json' | 'mdx') => {
    const loaded: Loaded<z.output<S>>[] = [];
    for (const absolute of listFiles(join(root, folder), pattern)) {
      const file = display(absolute);
      const decoded = decodeText(file, readFileSync(absolute));
      if (!decoded.ok) {
        problems.push(...decoded.problems);
        continue;
      }
      const parsed = kind === 'json' ? parseJsonSource(file, decoded.text) : parseFrontmatterSource(file, decoded.text);
      if (!parsed.ok) {
        problems.push(...parsed.problems);
        continue;
      }
      const result = schema.safeParse(parsed.source.data, { reportInput: true });
      if (!result.success) {
        problems.push(...result.error.issues.map((issue) => schemaProblem(parsed.source, issue, schema)));
        if (kind === 'mdx') checkReportBody(file, decoded.text, undefined, problems);
        continue;
      }
      const id = relative(join(root, folder), absolute).replace(/\.(json|mdx)$/, '');
      loaded.push({ file, id, data: result.data, source: parsed.source, text: decoded.text });
    }
    return loaded;
  };

  const securities = load('securities', /\.json$/, securitySchema, 'json');
  const indices = load('indices', /\.json$/, indexSchema, 'json');
  const calendars = load('calendars', /\.json$/, calendarSchema, 'json');
  const snapshots = load('markets', /\.json$/, snapshotSchema, 'json');
  // Snapshot files that exist but failed their checks: reports on them are not told it is missing.
  const brokenSessions = new Set(
    listFiles(join(root, 'markets'), /\.json$/)
      .map((absolute) => relative(join(root, 'markets'), absolute).replace(/\.json$/, ''))
      .filter((id) => !snapshots.some((s) => s.id === id)),
  );
  const reports = load('reports', /\.mdx$/, reportSchema, 'mdx');

  const error = (entry: Loaded<unknown>, path: PropertyKey[], message: string) =>
    problems.push({ severity: 'error', file: entry.file, ...entry.source.locate(path), field: fieldName(path), message });

  // Registries: the file name is the id, so it must agree with the id inside.
  const securityById = registry(securities, (s: Security) => s.ticker, 'ticker', error);
  const indexById = registry(indices, (i: MarketIndex) => i.symbol, 'symbol', error);
  const calendarById = registry(calendars, (c: Calendar) => c.id, 'id', error);

  const sessions = new Map<string, SessionView>();
  for (const snapshot of snapshots) {
    checkSnapshot(snapshot, securityById, indexById, error);
    try {
      sessions.set(snapshot.id, buildSession(snapshot.data, { securities: securityById, indices: indexById }));
    } catch {
      // Its unknown tickers or symbols are reported above; reports on it are checked without figures.
      brokenSessions.add(snapshot.id);
    }
  }

  for (const report of reports) {
    checkReport(report, { securityById, indexById, calendarById, sessions, brokenSessions, now: options.now }, error);
    checkReportBody(report.file, report.text, sessions.get(`${report.data.market}/${report.data.date}`), problems);
  }
  return problems;
}

type ErrorAt = (entry: Loaded<unknown>, path: PropertyKey[], message: string) => void;

function registry<T>(entries: Loaded<T>[], idOf: (data: T) => string, field: string, error: ErrorAt): Map<string, T> {
  const byId = new Map<string, T>();
  for (const entry of entries) {
    const id = idOf(entry.data);
    if (id !== entry.id) {
      error(entry, [field], `found ${field} "${id}" in a file named ${entry.id}.json, expected the file to be named ${id}.json`);
    } else {
      byId.set(id, entry.data);
    }
  }
  return byId;
}

function checkSnapshot(
  snapshot: Loaded<Snapshot>,
  securities: Map<string, Security>,
  indices: Map<string, MarketIndex>,
  error: ErrorAt,
): void {
  const { data } = snapshot;
  const expectedId = `${data.market}/${data.date}`;
  if (snapshot.id !== expectedId) {
    error(snapshot, ['date'], `found market "${data.market}" and date ${data.date} in ${snapshot.file}, expected the file at markets/${expectedId}.json`);
  }
  const seen = new Set<string>();
  data.indices.forEach((quote, i) => {
    if (!indices.has(quote.symbol)) error(snapshot, ['indices', i, 'symbol'], `found unknown index "${quote.symbol}", expected one of ${[...indices.keys()].join(', ')} (or add content/indices/${quote.symbol}.json)`);
    if (seen.has(quote.symbol)) error(snapshot, ['indices', i, 'symbol'], `found "${quote.symbol}" a second time, expected each index once per session`);
    seen.add(quote.symbol);
  });
  seen.clear();
  data.stocks.forEach((quote, i) => {
    if (!securities.has(quote.ticker)) error(snapshot, ['stocks', i, 'ticker'], `found unknown ticker "${quote.ticker}", expected a security in content/securities/ (add content/securities/${quote.ticker}.json)`);
    if (seen.has(quote.ticker)) error(snapshot, ['stocks', i, 'ticker'], `found "${quote.ticker}" a second time, expected each stock once per session`);
    seen.add(quote.ticker);
  });
  seen.clear();
  data.flows.forEach((flow, i) => {
    if (!securities.has(flow.ticker)) error(snapshot, ['flows', i, 'ticker'], `found unknown ticker "${flow.ticker}", expected a security in content/securities/ (add content/securities/${flow.ticker}.json)`);
    const key = `${flow.ticker} ${flow.direction}`;
    if (seen.has(key)) error(snapshot, ['flows', i, 'ticker'], `found a second ${flow.direction} flow for "${flow.ticker}", expected one per stock and direction`);
    seen.add(key);
  });
}

interface ReportContext {
  securityById: Map<string, Security>;
  indexById: Map<string, MarketIndex>;
  calendarById: Map<string, Calendar>;
  sessions: Map<string, SessionView>;
  brokenSessions: Set<string>;
  now: Date;
}

function checkReport(report: Loaded<ReportMeta>, context: ReportContext, error: ErrorAt): void {
  const { data } = report;
  const market = marketConvention(data.market);
  const sessionId = `${data.market}/${data.date}`;
  if (!context.sessions.has(sessionId) && !context.brokenSessions.has(sessionId)) {
    error(report, ['date'], `found no session snapshot for market "${data.market}" on ${data.date}, expected content/markets/${sessionId}.json`);
  }
  const calendar = context.calendarById.get(market.calendar);
  if (!calendar) {
    error(report, ['market'], `found no trading calendar for market "${data.market}", expected content/calendars/${market.calendar}.json`);
  } else {
    const verdict = tradingDayVerdict(data.date, calendar);
    if (!verdict.trading) error(report, ['date'], `found ${data.date}, expected a ${market.exchange} trading day: ${verdict.reason}`);
  }
  const publishedDay = zonedDay(data.published, market.zone);
  if (publishedDay < data.date) {
    error(report, ['published'], `found ${data.published} (${publishedDay} in ${market.zoneAbbreviation}), expected a time on or after the session date ${data.date}`);
  }
  if (new Date(data.published).getTime() > context.now.getTime()) {
    error(report, ['published'], `found ${data.published}, which is in the future, expected a time before now (${context.now.toISOString()})`);
  }
  data.corrections.forEach((correction, i) => {
    if (Date.parse(correction.date) <= Date.parse(data.published)) {
      error(report, ['corrections', i, 'date'], `found ${correction.date}, expected a time after the report was published (${data.published})`);
    }
  });
  data.tickers.forEach((ticker, i) => {
    if (!context.securityById.has(ticker)) error(report, ['tickers', i], `found unknown ticker "${ticker}", expected a security in content/securities/`);
  });
  data.indices.forEach((symbol, i) => {
    if (!context.indexById.has(symbol)) error(report, ['indices', i], `found unknown index "${symbol}", expected one of ${[...context.indexById.keys()].join(', ')}`);
  });
}

/** Component tags in the report's body: only the product's components, with figures that exist. */
function checkReportBody(file: string, text: string, session: SessionView | undefined, problems: Problem[]): void {
  const parts = splitFrontmatter(text);
  if (!parts) return;
  const at = lineIndex(text);
  // A scaffold's placeholders, once per line, front matter included.
  const todoLines = new Set<number>();
  for (const match of text.matchAll(/\bTODO\b/g)) {
    const place = at(match.index ?? 0);
    if (todoLines.has(place.line)) continue;
    todoLines.add(place.line);
    problems.push({ severity: 'error', file, ...place, field: 'TODO', message: 'found a TODO placeholder, expected the report\'s own text or figure' });
  }
  const tag = /<([A-Z][A-Za-z0-9]*)\b([^>]*)>/g;
  for (const match of parts.body.matchAll(tag)) {
    const [, name, attributes] = match;
    const place = at(parts.bodyOffset + (match.index ?? 0));
    const problem = (field: string, message: string) => problems.push({ severity: 'error', file, ...place, field, message });
    if (!(MDX_COMPONENTS as readonly string[]).includes(name)) {
      problem(`<${name}>`, `found unknown component <${name}>, expected one of ${MDX_COMPONENTS.map((c) => `<${c}>`).join(', ')}`);
      continue;
    }
    if (!session) continue;
    const attribute = (key: string) => new RegExp(`\\b${key}\\s*=\\s*"([^"]*)"`).exec(attributes)?.[1];
    if (name === 'Fig') {
      const path = attribute('of');
      if (path === undefined) {
        problem('<Fig>', 'found <Fig> without of="…", expected the figure\'s path such as of="HSI.close"');
        continue;
      }
      try {
        resolveFigure(session, path);
      } catch (e) {
        if (!(e instanceof FigureError)) throw e;
        problem('<Fig of>', `found ${e.message}`);
      }
    }
    if (name === 'StockCard') {
      const ticker = attribute('ticker');
      if (!ticker || !session.stocks.some((s) => s.id === ticker)) {
        problem('<StockCard ticker>', `found ticker ${JSON.stringify(ticker ?? '')}, expected a stock of the ${session.market.id}/${session.date} snapshot: ${session.stocks.map((s) => s.id).join(', ')}`);
      }
    }
  }
}

function schemaProblem(source: ParsedSource, issue: z.core.$ZodIssue, schema: z.ZodType): Problem {
  const path = [...issue.path];
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    const known = fieldsAt(schema, issue.path);
    path.push(issue.keys[0]);
    message = `found unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}, expected ${known.length > 0 ? `one of ${known.join(', ')}` : 'only the fields the README lists'}`;
  } else if (typeof issue.input === 'number' && !Number.isFinite(issue.input)) {
    // JSON reads 1e400 as Infinity; say what the author wrote.
    message = `found ${source.literal?.(path) ?? issue.input}, which is too large to be a number, expected a finite number`;
  } else if (issue.code === 'invalid_type' && issue.input === undefined) {
    message = `found nothing, expected ${issue.expected === 'string' ? 'text' : `a ${issue.expected}`} (the field is required)`;
  }
  return { severity: 'error', file: source.file, ...source.locate(path), field: fieldName(path), message };
}

/** The field names an object schema allows at `path`, for "did you mean" messages. */
function fieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let def = (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
  const unwrap = () => {
    while (def.innerType || def.in) def = (def.innerType ?? def.in)!._zod.def;
  };
  unwrap();
  for (const key of path) {
    if (def.type === 'array' && typeof key === 'number' && def.element) def = def.element._zod.def;
    else if (def.type === 'object' && def.shape && typeof key === 'string' && def.shape[key]) def = def.shape[key]._zod.def;
    else return [];
    unwrap();
  }
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

interface SchemaDef {
  type: string;
  shape?: Record<string, { _zod: { def: SchemaDef } }>;
  element?: { _zod: { def: SchemaDef } };
  innerType?: { _zod: { def: SchemaDef } };
  in?: { _zod: { def: SchemaDef } };
}

function listFiles(folder: string, pattern: RegExp): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) return listFiles(path, pattern);
      return pattern.test(name) ? [path] : [];
    });
}
