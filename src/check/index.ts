/**
 * The content check: every file parsed with the schemas the build uses, then the rules that span
 * files (references, trading days, figure paths in reports). It collects every problem instead of
 * stopping at the first, and runs before the build (see `integration.ts`) and as `npm run check`.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { z } from 'astro/zod';
import {
  calendarSchema,
  indexSchema,
  reportSchema,
  securitySchema,
  snapshotSchema,
  type Calendar,
  type IndexQuote,
  type MarketIndex,
  type StockQuote,
  type ReportMeta,
  type Security,
  type Snapshot,
} from '../schemas/index.ts';
import { retractionsSchema, type Retraction } from '../schemas/retractions.ts';
import { calendarProblems, tradingDayVerdict } from '../lib/calendar.ts';
import { zonedDay, zonedInstant } from '../lib/dates.ts';
import { closeOn, marketConvention, type MarketConvention } from '../lib/market.ts';
import { buildSession, type SessionView } from '../lib/session.ts';
import { parsePriceCsv, type PriceBar } from '../lib/prices.ts';
import { componentProblems } from './components.ts';
import { parseReportBody, type ParsedReportBody } from './body/parse.ts';
import { continuityInconsistency, quoteInconsistencies } from './consistency.ts';
import { previousTradingDay } from '../lib/previous-session.ts';
import { decimalsWritten, withWrittenDecimals } from '../lib/written.ts';
import { checkCodeDigest, resultKey, textsDigest, type CheckCache } from './results-cache.ts';
import { dataDigest } from '../lib/digest.ts';
import { analyseProse, bodyBlocks, proseEntities, type MarkedSentence, type ProseEntity } from './prose.ts';
import { hasCorrectionAfter, proseChanges, snapshotChanges } from './corrections.ts';
import { readContentHistory, type ContentHistory } from '../sources/history.ts';
import { boundProblem, excerpt, fieldName, type Problem } from '../config/problem.ts';
import { isDirectory, isRegularFile, scanContent } from '../config/paths.ts';
import { decodeText, lineIndex, parseFrontmatterSource, parseJsonSource, splitFrontmatter, type ParsedSource } from '../sources/files.ts';

export interface CheckOptions {
  /** The content folder, e.g. `content`. */
  root: string;
  /** The moment the check runs: sessions after it are refused, reports published after it are scheduled. Passed in so tests never read the clock. */
  now: Date;
  /** Paths in messages are relative to this folder (the project root). */
  cwd?: string;
  /** The content's git history; read from git when not given. */
  history?: ContentHistory;
  /**
   * Running in CI (default: `CI=true` in the environment), where a shallow clone is an error: the
   * published-figure guard cannot run without history, and CI must not let an edit through unseen.
   */
  ci?: boolean;
  /** Called with each report that parsed and the session it is about, for work that needs both (share images). */
  onReport?: (report: { id: string; data: z.output<typeof reportSchema> }, session: SessionView | undefined) => void;
  /** Called with each sentence an author marked `<Checked reason="…">`, and the problems the mark cleared. */
  onMarked?: (marked: MarkedSentence) => void;
  /** Each report's body and prose results by digest (results-cache.ts): an unchanged report is not parsed or read again. */
  cache?: CheckCache;
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

  // Every file under the content folder, without following links: what is read, and what is
  // refused (links, odd names, names equal but for case, files too large) with its path.
  const scanned = scanContent(root);
  if (!isDirectory(root)) {
    // Without this, a mistyped CLOSING_BELL_CONTENT would build an empty site and publish it over the real one.
    problems.push({ severity: 'error', file: display(root) || '.', line: 1, column: 1, field: '', message: 'found no content folder here, expected the folder holding reports/, markets/ and the registries (CLOSING_BELL_CONTENT, default content)' });
  }
  for (const refused of scanned.refused) {
    problems.push({ severity: 'error', file: display(join(root, refused.path)), line: 1, column: 1, field: '', message: refused.message });
  }
  const filesIn = (folder: string) => scanned.files.get(folder) ?? [];

  const load = <S extends z.ZodType>(folder: string, schema: S, kind: 'json' | 'mdx') => {
    const loaded: Loaded<z.output<S>>[] = [];
    for (const absolute of filesIn(folder)) {
      const file = display(absolute);
      const decoded = decodeText(file, readFileSync(absolute));
      if (!decoded.ok) {
        problems.push(...decoded.problems);
        continue;
      }
      const parsed = kind === 'json' ? parseJsonSource(file, decoded.text) : parseFrontmatterSource(file, decoded.text, options.cache?.frontmatter);
      if (!parsed.ok) {
        problems.push(...parsed.problems);
        continue;
      }
      const result = schema.safeParse(parsed.source.data, { reportInput: true });
      // A TODO left in a text field; where the schema refuses the field itself ("found "TODO",
      // expected a number"), its own message says it better.
      const refusedFields = new Set(result.success ? [] : result.error.issues.map((issue) => fieldName(issue.path)));
      problems.push(...(parsed.source.todos ?? []).filter((todo) => !refusedFields.has(todo.field)));
      if (!result.success) {
        problems.push(...result.error.issues.map((issue) => schemaProblem(parsed.source, issue, schema)));
        if (kind === 'mdx') checkReportBody(file, decoded.text, undefined, problems);
        continue;
      }
      if (kind === 'mdx') emptyBody(file, decoded.text, problems);
      const id = relative(join(root, folder), absolute).replace(/\.(json|mdx)$/, '');
      loaded.push({ file, id, data: result.data, source: parsed.source, text: decoded.text });
    }
    return loaded;
  };

  const securities = load('securities', securitySchema, 'json');
  const indices = load('indices', indexSchema, 'json');
  const calendars = load('calendars', calendarSchema, 'json');
  const snapshots = load('markets', snapshotSchema, 'json');
  const reports = load('reports', reportSchema, 'mdx');
  const [retractionFile] = load('retractions.json', retractionsSchema, 'json');
  // Files that exist but failed their own checks: what refers to them is not also told they are
  // missing, so one broken file gives its own messages and no echoes elsewhere.
  const failed = (folder: string, loaded: { id: string }[]) => {
    const ids = new Set(loaded.map((entry) => entry.id));
    return new Set(
      filesIn(folder)
        .map((absolute) => relative(join(root, folder), absolute).replace(/\.json$/, ''))
        .filter((id) => !ids.has(id)),
    );
  };
  const brokenSessions = failed('markets', snapshots);
  const broken = { securities: failed('securities', securities), indices: failed('indices', indices), calendars: failed('calendars', calendars) };

  const problem = (severity: Problem['severity']) => (entry: Loaded<unknown>, path: PropertyKey[], message: string) =>
    problems.push({ severity, file: entry.file, ...entry.source.locate(path), field: fieldName(path), message });
  const error = problem('error');
  const warning = problem('warning');
  const retractions = retractionFile ? checkRetractions(retractionFile, reports, error) : new Map<string, Retraction>();

  // Registries: the file name is the id, so it must agree with the id inside.
  const securityById = registry(securities, (s: Security) => s.ticker, 'ticker', error);
  const indexById = registry(indices, (i: MarketIndex) => i.symbol, 'symbol', error);
  const calendarById = registry(calendars, (c: Calendar) => c.id, 'id', error);
  for (const calendar of calendars) {
    for (const found of calendarProblems(calendar.data)) error(calendar, found.path, found.message);
  }

  const sessions = new Map<string, SessionView>();
  for (const snapshot of snapshots) {
    checkSnapshot(snapshot, securityById, indexById, broken, error);
    try {
      const written = withWrittenDecimals(snapshot.data, (path) => snapshot.source.literal?.(path));
      sessions.set(snapshot.id, buildSession(written, { securities: securityById, indices: indexById }));
    } catch (e) {
      // Its unknown tickers or symbols are reported above; reports on it are checked without figures.
      brokenSessions.add(snapshot.id);
      // A session the site cannot build that nothing above refused would pass the check and crash
      // the build: say what the figures make impossible, at the quote when it can be found.
      if (!problems.some((p) => p.severity === 'error' && p.file === snapshot.file)) unbuildableSession(snapshot, e, error);
    }
  }

  checkContinuity(snapshots, calendarById, error);
  const priceDigests = new Map<string, string>();
  const prices = checkPrices(filesIn('prices'), display, securityById, calendarById, snapshots, problems, priceDigests);

  // What prose can name in a session, made once for all the reports on it.
  const entitiesBySession = new Map<SessionView, ProseEntity[]>();
  // Today in each market's zone, worked out once: the same for every report.
  const todayByZone = new Map<string, string>();
  const today = (zone: string) => {
    let day = todayByZone.get(zone);
    if (day === undefined) todayByZone.set(zone, (day = zonedDay(options.now.toISOString(), zone)));
    return day;
  };
  const context: ReportContext = { securityById, indexById, calendarById, sessions, brokenSessions, broken, now: options.now, today };
  const parsedBodies = new Map<string, ParsedReportBody>();
  // What a report's body and prose results depend on besides its own text (results-cache.ts).
  const cache = options.cache;
  const snapshotTextById = new Map(snapshots.map((snapshot) => [snapshot.id, snapshot.text]));
  const keyParts = cache && {
    code: checkCodeDigest(),
    registries: textsDigest([...securities, ...indices].map((entry) => [entry.file, entry.text])),
    priceTickers: [...prices.keys()].sort().join(','),
    priceDigests,
  };
  for (const report of reports) {
    checkReport(report, context, error, warning);
    const sessionId = `${report.data.market}/${report.data.date}`;
    const session = sessions.get(sessionId);
    options.onReport?.({ id: report.id, data: report.data }, session);
    const key =
      keyParts &&
      resultKey([
        keyParts.code,
        report.file,
        report.text,
        snapshotTextById.get(sessionId) ?? '',
        session ? 'session' : 'no session',
        keyParts.registries,
        keyParts.priceTickers,
        ...[...keyParts.priceDigests].filter(([ticker]) => report.text.includes(ticker)).flat(),
      ]);
    const cached = key && cache ? cache.get(key) : undefined;
    if (cached) {
      problems.push(...cached.problems);
      for (const marked of cached.marked) options.onMarked?.(marked);
      continue;
    }
    const found: Problem[] = [];
    const marks: MarkedSentence[] = [];
    // The body's one parse: the body check and the prose check both read this tree.
    const body = checkReportBody(report.file, report.text, session, found, prices);
    if (body) parsedBodies.set(report.id, body);
    // Prose against data: every number and direction word in a sentence that names a security or an index.
    if (session) {
      let entities = entitiesBySession.get(session);
      if (!entities) entitiesBySession.set(session, (entities = proseEntities(session, securityById, indexById)));
      const prose = analyseProse({ file: report.file, text: report.text, session, securities: securityById, indices: indexById, entities, tree: body?.tree, firstLine: body?.firstLine });
      found.push(...prose.problems);
      marks.push(...prose.marked);
    }
    problems.push(...found);
    for (const marked of marks) options.onMarked?.(marked);
    if (key && cache) cache.set(key, { problems: found, marked: marks });
  }

  const history = options.history ?? readContentHistory(root);
  const ci = options.ci ?? process.env.CI === 'true';
  if (history.unavailable && history.shallow && ci) {
    problems.push({ severity: 'error', file: display(root), line: 1, column: 1, field: '', message: `found a shallow clone in CI, expected full history: published figures cannot be compared with their first version without it; run \`git fetch --unshallow\` before the check (actions/checkout: fetch-depth: 0)` });
  } else if (history.unavailable) {
    problems.push({ severity: 'warning', file: display(root), line: 1, column: 1, field: '', message: `no git history (${history.unavailable}): published figures cannot be compared with their first version, and pages show no "updated" time` });
  } else {
    checkPublishedFigures(reports, snapshots, history, error, parsedBodies);
    checkRemovedReports(reports, retractions, history, root, display, problems);
  }
  return problems.map(boundProblem);
}

/**
 * Retractions (content/retractions.json): each names a report that is no longer there, once. The
 * report's own file must be gone: its address now shows the notice.
 */
function checkRetractions(file: Loaded<{ retractions: Retraction[] }>, reports: Loaded<ReportMeta>[], error: ErrorAt): Map<string, Retraction> {
  const byId = new Map<string, Retraction>();
  const reportIds = new Set(reports.map((report) => report.id));
  file.data.retractions.forEach((retraction, i) => {
    if (reportIds.has(retraction.id)) error(file, ['retractions', i, 'id'], `found "${retraction.id}", a report that is still in content/reports/, expected a retracted report's file deleted (its address shows the notice instead)`);
    else if (byId.has(retraction.id)) error(file, ['retractions', i, 'id'], `found "${retraction.id}" a second time, expected one retraction per report`);
    if (Date.parse(retraction.date) <= Date.parse(retraction.published)) error(file, ['retractions', i, 'date'], `found ${retraction.date}, expected a time after the report was published (${retraction.published})`);
    byId.set(retraction.id, retraction);
  });
  return byId;
}

/**
 * A published report never vanishes silently: one that git shows on the published branch but that
 * is gone from the content needs a retraction entry. (An emptied one is refused as empty; the way
 * to withdraw it is the same.) A report that was only ever a draft may go without one.
 */
function checkRemovedReports(reports: Loaded<ReportMeta>[], retractions: Map<string, Retraction>, history: ContentHistory, root: string, display: (absolute: string) => string, problems: Problem[]): void {
  const present = new Set(reports.map((report) => `reports/${report.id}.mdx`));
  const gone = [...history.files.entries()].filter(([path]) => /^reports\/.+\.mdx$/.test(path) && !present.has(path) && !isRegularFile(join(root, path)));
  const unexplained = gone.filter(([path]) => !retractions.has(path.slice('reports/'.length, -'.mdx'.length)));
  const texts = history.readAt(unexplained.map(([path, file]) => ({ commit: file.first.commit, path })));
  for (const [path, file] of unexplained) {
    const first = texts.get(`${file.first.commit}:${path}`);
    const front = first === undefined ? undefined : splitFrontmatter(first)?.frontmatter;
    if (front !== undefined && /^draft:\s*true\s*$/m.test(front)) continue;
    const id = path.slice('reports/'.length, -'.mdx'.length);
    const title = front === undefined ? undefined : /^title:\s*(.+)$/m.exec(front)?.[1];
    problems.push({
      severity: 'error',
      file: display(join(root, path)),
      line: 1,
      column: 1,
      field: '',
      message: `found the published report ${id}${title ? ` (${excerpt(title.trim(), 60)})` : ''} removed (first published in commit ${file.first.commit.slice(0, 7)}, ${file.first.date}), expected a retraction for it in content/retractions.json: { "id": "${id}", "title", "published", "date", "reason" }; see "Retracting a report" in the README`,
    });
  }
}

/** Where a snapshot the check found no fault in still cannot become a session (src/lib/session.ts). */
function unbuildableSession(snapshot: Loaded<Snapshot>, cause: unknown, error: ErrorAt): void {
  const exact = (figure: unknown) => {
    const stated = figure as { qualifier?: string; value?: unknown } | undefined;
    return typeof figure === 'number' ? figure : stated?.qualifier === 'exact' && typeof stated.value === 'number' ? stated.value : undefined;
  };
  let found = false;
  for (const list of ['indices', 'stocks'] as const) {
    (snapshot.data[list] as (IndexQuote | StockQuote)[]).forEach((quote, i) => {
      const close = exact((quote as { close?: unknown }).close);
      const change = exact((quote as { change?: unknown }).change);
      if (close !== undefined && change !== undefined && !(close - change > 0)) {
        found = true;
        error(snapshot, [list, i, 'change'], `found change ${change} with close ${close}, which makes the previous close ${close - change}, expected a previous close above zero`);
      }
    });
  }
  if (!found) error(snapshot, [], `found figures the site cannot show (${excerpt(cause instanceof Error ? cause.message : String(cause), 120)}), expected figures that agree with each other`);
}

/** A report with nothing under its front matter: it would publish as a headline over an empty page. */
function emptyBody(file: string, text: string, problems: Problem[]): void {
  const parts = splitFrontmatter(text);
  if (!parts || parts.body.trim() !== '') return;
  const place = lineIndex(text)(parts.bodyOffset);
  problems.push({ severity: 'error', file, ...place, field: 'body', message: 'found an empty report body, expected the report\'s text under the front matter (to withdraw a published report, see "Retracting a report" in the README)' });
}

type ErrorAt = (entry: Loaded<unknown>, path: PropertyKey[], message: string) => void;

/**
 * A published report's figures, in its snapshot or its prose, may change only with a correction
 * dated after publication. "Published" is the version of the report first committed on main.
 */
function checkPublishedFigures(reports: Loaded<ReportMeta>[], snapshots: Loaded<Snapshot>[], history: ContentHistory, error: ErrorAt, parsedBodies: ReadonlyMap<string, ParsedReportBody>): void {
  const snapshotById = new Map<string, Loaded<Snapshot>>();
  for (const snapshot of snapshots) if (!snapshotById.has(snapshot.id)) snapshotById.set(snapshot.id, snapshot);
  const published = reports.flatMap((report) => {
    const first = history.files.get(`reports/${report.id}.mdx`)?.first;
    if (!first || hasCorrectionAfter(report.data.corrections, report.data.published)) return [];
    const snapshotPath = `markets/${report.data.market}/${report.data.date}.json`;
    return [{ report, first, snapshotPath, snapshot: snapshotById.get(`${report.data.market}/${report.data.date}`) }];
  });
  const texts = history.readAt(published.flatMap(({ report, first, snapshotPath }) => [
    { commit: first.commit, path: `reports/${report.id}.mdx` },
    { commit: first.commit, path: snapshotPath },
  ]));
  const since = (first: { commit: string; date: string }) => `since it was published (commit ${first.commit.slice(0, 7)}, ${first.date})`;
  const explain = 'expected a corrections entry in the report, dated after publication, that says what changed and why';
  for (const { report, first, snapshotPath, snapshot } of published) {
    const oldSnapshot = texts.get(`${first.commit}:${snapshotPath}`);
    if (snapshot && oldSnapshot !== undefined) {
      let before: unknown;
      try {
        before = JSON.parse(oldSnapshot);
      } catch {
        before = undefined;
      }
      for (const change of snapshotChanges(before, snapshot.source.data)) {
        // A figure of the source added later (the percent beside points and close) changes no number a
        // reader saw: the cross-check holds it to the published figures, so it needs no correction.
        if (change.before === undefined) continue;
        const what = change.after === undefined ? `removed ${change.label} ${change.before}` : `changed ${change.label} from ${change.before} to ${change.after}`;
        error(snapshot, change.path, `found ${what} ${since(first)} in report ${report.file}, ${explain}`);
      }
    }
    const oldReport = texts.get(`${first.commit}:reports/${report.id}.mdx`);
    const oldBody = oldReport === undefined ? undefined : splitFrontmatter(oldReport)?.body;
    const body = splitFrontmatter(report.text);
    // A body unchanged since publication states the same numbers: neither version need be parsed.
    if (oldBody === undefined || !body || oldBody === body.body) continue;
    // Both versions read as prose from a tree: the current one from the check's one parse, the published one parsed here.
    const parsed = parsedBodies.get(report.id);
    const { added, removed } = proseChanges(bodyBlocks(oldBody), bodyBlocks(body.body, parsed?.tree, parsed?.firstLine));
    if (added.length === 0 && removed.length === 0) continue;
    const at = added[0] ? lineIndex(report.text)(body.bodyOffset + added[0].offset) : { line: body.bodyOffset ? lineIndex(report.text)(body.bodyOffset).line : 1, column: 1 };
    const list = (numbers: string[]) => numbers.join(', ');
    const found = [added.length ? `${list(added.map((n) => n.text))} in the prose` : '', removed.length ? `${list(removed)} no longer in it` : ''].filter(Boolean).join(' and ');
    error({ ...report, source: { ...report.source, locate: () => at } }, ['prose'], `found ${found} ${since(first)}, ${explain}`);
  }
}

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

interface Broken {
  securities: Set<string>;
  indices: Set<string>;
  calendars: Set<string>;
}

function checkSnapshot(
  snapshot: Loaded<Snapshot>,
  securities: Map<string, Security>,
  indices: Map<string, MarketIndex>,
  broken: Broken,
  error: ErrorAt,
): void {
  const knownSecurity = (ticker: string) => securities.has(ticker) || broken.securities.has(ticker);
  const { data } = snapshot;
  const expectedId = `${data.market}/${data.date}`;
  if (snapshot.id !== expectedId) {
    error(snapshot, ['date'], `found market "${data.market}" and date ${data.date} in ${snapshot.file}, expected the file at markets/${expectedId}.json`);
  }
  const seen = new Set<string>();
  const consistency = (list: 'indices' | 'stocks', i: number, quote: IndexQuote | StockQuote) => {
    for (const problem of quoteInconsistencies(quote, (field) => snapshot.source.literal?.([list, i, field]))) {
      error(snapshot, [list, i, problem.field], problem.message);
    }
  };
  data.indices.forEach((quote, i) => consistency('indices', i, quote));
  data.stocks.forEach((quote, i) => consistency('stocks', i, quote));
  data.indices.forEach((quote, i) => {
    if (!indices.has(quote.symbol) && !broken.indices.has(quote.symbol)) error(snapshot, ['indices', i, 'symbol'], `found unknown index "${quote.symbol}", expected one of ${[...indices.keys()].join(', ')} (or add content/indices/${quote.symbol}.json)`);
    if (seen.has(quote.symbol)) error(snapshot, ['indices', i, 'symbol'], `found "${quote.symbol}" a second time, expected each index once per session`);
    seen.add(quote.symbol);
  });
  seen.clear();
  data.stocks.forEach((quote, i) => {
    if (!knownSecurity(quote.ticker)) error(snapshot, ['stocks', i, 'ticker'], `found unknown ticker "${quote.ticker}", expected a security in content/securities/ (add content/securities/${quote.ticker}.json)`);
    if (seen.has(quote.ticker)) error(snapshot, ['stocks', i, 'ticker'], `found "${quote.ticker}" a second time, expected each stock once per session`);
    seen.add(quote.ticker);
  });
  seen.clear();
  data.flowTotals.forEach((total, i) => {
    const key = `${total.direction} ${total.channel ?? ''}`;
    const named = `${total.direction}${total.channel ? ` (${total.channel})` : ''} total`;
    if (seen.has(key)) error(snapshot, ['flowTotals', i, 'direction'], `found a second ${named}, expected one per direction and channel`);
    seen.add(key);
    if (!total.netInflow && !total.side) {
      error(snapshot, ['flowTotals', i], `found a ${named} with neither "netInflow" nor "side", expected the net figure, or "side": "buyers" or "sellers" when the source gives no figure`);
    }
    const figure = total.netInflow;
    if (total.side && figure && figure.qualifier !== 'lessThan' && figure.qualifier !== 'moreThan' && figure.value !== 0 && (figure.value < 0) !== (total.side === 'sellers')) {
      error(snapshot, ['flowTotals', i, 'side'], `found "side": "${total.side}" beside a net inflow of ${figure.value}, expected ${figure.value < 0 ? '"sellers" for a net outflow' : '"buyers" for a net inflow'}`);
    }
  });
  if (data.breadth && Object.keys(data.breadth).length === 0) {
    error(snapshot, ['breadth'], 'found an empty breadth, expected at least one of "advancers", "decliners", "unchanged" (or no breadth)');
  }
  seen.clear();
  data.flows.forEach((flow, i) => {
    if (!knownSecurity(flow.ticker)) error(snapshot, ['flows', i, 'ticker'], `found unknown ticker "${flow.ticker}", expected a security in content/securities/ (add content/securities/${flow.ticker}.json)`);
    const key = `${flow.ticker} ${flow.direction}`;
    if (seen.has(key)) error(snapshot, ['flows', i, 'ticker'], `found a second ${flow.direction} flow for "${flow.ticker}", expected one per stock and direction`);
    seen.add(key);
  });
}

/**
 * Where a market has snapshots of two sessions in a row, each instrument's previous close (stated,
 * or close − change) must agree with the close the earlier snapshot states.
 */
function checkContinuity(snapshots: Loaded<Snapshot>[], calendars: Map<string, Calendar>, error: ErrorAt): void {
  const byId = new Map(snapshots.map((snapshot) => [`${snapshot.data.market}/${snapshot.data.date}`, snapshot]));
  for (const later of snapshots) {
    const calendar = calendars.get(marketConvention(later.data.market).calendar);
    const before = calendar && previousTradingDay(later.data.date, calendar);
    const earlier = before && byId.get(`${later.data.market}/${before}`);
    if (!earlier) continue;
    const check = (list: 'indices' | 'stocks', i: number, quote: IndexQuote | StockQuote, earlierQuote: IndexQuote | StockQuote | undefined) => {
      if (!earlierQuote?.close) return;
      const decimals = writtenDecimalsAt(earlier, [list, earlier.data[list].indexOf(earlierQuote as never), 'close']);
      const problem = continuityInconsistency(quote, { ...earlierQuote.close, decimals }, (field) => later.source.literal?.([list, i, field]));
      if (problem) error(later, [list, i, problem.field], `${problem.message.replace('the session before', `${earlier.file} (${before})`)}`);
    };
    later.data.indices.forEach((quote, i) => check('indices', i, quote, earlier.data.indices.find((q) => q.symbol === quote.symbol)));
    later.data.stocks.forEach((quote, i) => check('stocks', i, quote, earlier.data.stocks.find((q) => q.ticker === quote.ticker)));
  }
}

function writtenDecimalsAt(entry: Loaded<unknown>, path: PropertyKey[]): number | undefined {
  return decimalsWritten(entry.source.literal?.(path));
}

interface ReportContext {
  securityById: Map<string, Security>;
  indexById: Map<string, MarketIndex>;
  calendarById: Map<string, Calendar>;
  sessions: Map<string, SessionView>;
  brokenSessions: Set<string>;
  broken: Broken;
  now: Date;
  /** The calendar day `now` falls on in a zone. */
  today: (zone: string) => string;
}

function checkReport(report: Loaded<ReportMeta>, context: ReportContext, error: ErrorAt, warning: ErrorAt): void {
  const { data } = report;
  const market = marketConvention(data.market);
  const sessionId = `${data.market}/${data.date}`;
  if (!context.sessions.has(sessionId) && !context.brokenSessions.has(sessionId)) {
    error(report, ['date'], `found no session snapshot for market "${data.market}" on ${data.date}, expected content/markets/${sessionId}.json`);
  }
  const calendar = context.calendarById.get(market.calendar);
  if (!calendar && !context.broken.calendars.has(market.calendar)) {
    error(report, ['market'], `found no trading calendar for market "${data.market}", expected content/calendars/${market.calendar}.json`);
  }
  const verdict = calendar && tradingDayVerdict(data.date, calendar);
  if (verdict && !verdict.trading) error(report, ['date'], `found ${data.date}, expected a ${market.exchange} trading day: ${verdict.reason}`);
  const today = context.today(market.zone);
  if (data.date > today) {
    error(report, ['date'], `found ${data.date}, a session that has not happened yet, expected a day on or before today (${today} in ${market.zoneAbbreviation})`);
  }
  // Not before the session's close: a wrap published at 15:00 would state figures that did not exist yet.
  // On a half day the market closes early; an instrument of another market (a regional index)
  // has its figures only after its own market's close.
  const close = latestClose(data.market, data.date, context.sessions.get(sessionId), context.calendarById);
  if (Date.parse(data.published) < close.instant.getTime()) {
    error(report, ['published'], `found ${data.published}, expected a time after ${close.what} (${data.date} ${close.time} ${close.market.zoneAbbreviation})`);
  }
  if (!data.draft && Date.parse(data.published) > context.now.getTime()) {
    warning(report, ['published'], `scheduled: published ${data.published} is after this build (${context.now.toISOString()}), so the report is left out until a build runs after that time`);
  }
  data.corrections.forEach((correction, i) => {
    if (Date.parse(correction.date) <= Date.parse(data.published)) {
      error(report, ['corrections', i, 'date'], `found ${correction.date}, expected a time after the report was published (${data.published})`);
    }
  });
  data.tickers.forEach((ticker, i) => {
    if (!context.securityById.has(ticker) && !context.broken.securities.has(ticker)) error(report, ['tickers', i], `found unknown ticker "${ticker}", expected a security in content/securities/`);
  });
  data.indices.forEach((symbol, i) => {
    if (!context.indexById.has(symbol) && !context.broken.indices.has(symbol)) error(report, ['indices', i], `found unknown index "${symbol}", expected one of ${[...context.indexById.keys()].join(', ')}`);
  });
}

/**
 * The last close among the markets a session quotes: its own market's (early on a half day) and
 * that of each instrument from another market, each in its own zone.
 */
function latestClose(marketId: string, date: string, session: SessionView | undefined, calendars: Map<string, Calendar>) {
  const closeOf = (market: MarketConvention) => {
    const time = closeOn(market, date, calendars.get(market.calendar)?.halfDays);
    return { market, time, instant: zonedInstant(date, time, market.zone), halfDay: time !== market.close };
  };
  const home = closeOf(marketConvention(marketId));
  let latest = { ...home, what: home.halfDay ? `the ${home.market.exchange} half-day close` : "the session's close" };
  const others = new Map<string, MarketConvention>();
  for (const quote of [...(session?.indices ?? []), ...(session?.stocks ?? [])]) {
    if (quote.market.id !== home.market.id) others.set(quote.market.id, quote.market);
  }
  for (const market of others.values()) {
    const close = closeOf(market);
    if (close.instant > latest.instant) latest = { ...close, what: `the ${market.name} close (the session quotes ${market.name} instruments)` };
  }
  return latest;
}

/**
 * Price files, `prices/<ticker>.csv`: each line checked against the security's trading calendar
 * (see `parsePriceCsv`), and each close a session snapshot also states must be the same number.
 * Returns the histories that passed, by ticker, for the checks of `<PriceChart>`.
 */
function checkPrices(
  files: string[],
  display: (absolute: string) => string,
  securities: Map<string, Security>,
  calendars: Map<string, Calendar>,
  snapshots: Loaded<Snapshot>[],
  problems: Problem[],
  /** Filled with the digest of each price file read, by ticker: part of the cache key of the reports that name it. */
  digests: Map<string, string>,
): Map<string, PriceBar[]> {
  const histories = new Map<string, PriceBar[]>();
  // Each snapshot's first quote of each ticker, in snapshot order: a price file is compared with these only.
  const quotesByTicker = new Map<string, { snapshot: Loaded<Snapshot>; quote: StockQuote }[]>();
  for (const snapshot of snapshots) {
    const seen = new Set<string>();
    for (const quote of snapshot.data.stocks) {
      if (seen.has(quote.ticker)) continue;
      seen.add(quote.ticker);
      let list = quotesByTicker.get(quote.ticker);
      if (!list) quotesByTicker.set(quote.ticker, (list = []));
      list.push({ snapshot, quote });
    }
  }
  for (const absolute of files) {
    const file = display(absolute);
    const ticker = absolute.split('/').pop()!.replace(/\.csv$/, '');
    const at = (line: number, field: string, message: string) => problems.push({ severity: 'error', file, line, column: 1, field, message });
    const security = securities.get(ticker);
    if (!security) {
      at(1, '', `found prices for "${ticker}", which is not a security in content/securities/; expected the file named for a ticker there, such as 00981.HK.csv`);
      continue;
    }
    const bytes = readFileSync(absolute);
    digests.set(ticker, dataDigest(bytes.toString('utf8')));
    const decoded = decodeText(file, bytes);
    if (!decoded.ok) {
      problems.push(...decoded.problems);
      continue;
    }
    const calendar = calendars.get(marketConvention(security.market).calendar);
    const { bars, problems: found } = parsePriceCsv(decoded.text, calendar);
    for (const p of found) at(p.line, p.field, p.message);
    if (found.length > 0) continue;
    // The line of each day, for pointing at a close that disagrees with a snapshot.
    const lineOf = new Map(decoded.text.split(/\r?\n/).map((line, i) => [line.split(',')[0].trim(), i + 1] as const));
    const barByDate = new Map<string, PriceBar>();
    for (const bar of bars) if (!barByDate.has(bar.date)) barByDate.set(bar.date, bar);
    for (const { snapshot, quote } of quotesByTicker.get(ticker) ?? []) {
      const bar = barByDate.get(snapshot.data.date);
      if (!quote?.close || bar?.close === undefined) continue;
      const stated = quote.close;
      const agrees =
        stated.qualifier === 'exact' ? bar.close === stated.value
        : stated.qualifier === 'moreThan' ? bar.close > stated.value
        : stated.qualifier === 'lessThan' ? bar.close < stated.value
        : true;
      if (!agrees) {
        at(lineOf.get(bar.date) ?? 1, 'close', `found a close of ${bar.close} on ${bar.date}, expected what ${snapshot.file} states for ${ticker}: ${stated.qualifier === 'exact' ? stated.value : `${stated.qualifier} ${stated.value}`}`);
      }
    }
    histories.set(ticker, bars);
  }
  return histories;
}

/**
 * The report's body, from the one tree the compiler also builds (`parseReportBody`): what the
 * compiler refuses (JavaScript, unknown components and attributes, wrong values), then each
 * component's props against the session (figures that exist, stocks in the snapshot).
 */
function checkReportBody(file: string, text: string, session: SessionView | undefined, problems: Problem[], prices = new Map<string, PriceBar[]>()): ParsedReportBody | undefined {
  const parts = splitFrontmatter(text);
  if (!parts) return undefined;
  const at = lineIndex(text);
  // A scaffold's placeholders, once per line, front matter included: a text scan, since front matter is no MDX.
  const todoLines = new Set<number>();
  for (const match of text.matchAll(/\bTODO\b/g)) {
    const place = at(match.index ?? 0);
    if (todoLines.has(place.line)) continue;
    todoLines.add(place.line);
    problems.push({ severity: 'error', file, ...place, field: 'TODO', message: 'found a TODO placeholder, expected the report\'s own text or figure' });
  }
  const firstLine = parts.bodyLine;
  const body = parseReportBody(parts.body, firstLine);
  for (const refused of body.refusals) {
    problems.push({ severity: 'error', file, line: refused.line ?? firstLine, column: refused.column ?? 1, field: refused.field, message: refused.message });
  }
  if (!session) return body;
  for (const use of body.components) {
    const start = use.node.position?.start;
    for (const found of componentProblems(use, session, prices)) {
      problems.push({ severity: 'error', file, line: start?.line ?? firstLine, column: start?.column ?? 1, field: found.field, message: found.message });
    }
  }
  return body;
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

