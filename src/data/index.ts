/**
 * The only module besides the content config that reads collections. Pages ask it for reports and
 * their sessions; it looks each thing up once per build and hands back plain views.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { contentRoot, isRegularFile } from '../config/paths.ts';
import { buildSession, type Registries, type SessionView } from '../lib/session.ts';
import { isListed, lastUpdate, publicationState } from '../lib/publication.ts';
import { buildTime } from '../config/paths.ts';
import { readContentHistory, type ContentHistory } from '../sources/history.ts';
import { relatedFinder, type Relatable } from '../lib/related.ts';
import { absoluteUrl, paths, url } from '../lib/url.ts';
import { lastModified, retractionItem, type FeedReport } from '../lib/feed.ts';
import type { Retraction } from '../schemas/retractions.ts';
import { newsArticle } from '../lib/jsonld.ts';
import type { CsvNames } from '../lib/opendata.ts';
import { marketConvention } from '../lib/market.ts';
import { zonedIso } from '../lib/dates.ts';
import type { MarketIndex, Security, Snapshot } from '../schemas/index.ts';
import type { PriceHistory } from '../lib/prices.ts';
import { compileReportFile, type BodyNode } from '../markdown/report-body.ts';
import { registryEntities } from '../markdown/entity-links.ts';
import { entityMatcher, type Segment } from '../lib/entities.ts';
import { dataDigest } from '../lib/digest.ts';
import { jsonLiterals, withWrittenDecimals } from '../lib/written.ts';

export type Report = CollectionEntry<'reports'>;

/** The last bodies compiled, by report id with the text they came from (the dev server asks on every request). */
const compiledBodies = new Map<string, { text: string; nodes: BodyNode[] }>();
/**
 * What prose mentions link to, made once per evaluation of this module, like its other lookups: the
 * dev server evaluates the module again after any change to the data store, a renamed security or
 * index included (looked at: the link's title follows the rename).
 */
let linkMentions: ((text: string) => Segment[]) | undefined;

/**
 * A report's body, compiled from its file when its page renders (src/markdown/report-body.ts):
 * the data store keeps front matter only (src/loaders/reports.ts). Mentions of registered
 * securities and indices become links, as the entry's digest and the page's cache key assume.
 */
export function reportBody(report: Report): BodyNode[] {
  if (!report.filePath) throw new Error(`${report.id}: the report has no file to compile its body from`);
  const text = readFileSync(report.filePath, 'utf8');
  const kept = compiledBodies.get(report.id);
  if (kept?.text === text) return kept.nodes;
  linkMentions ??= entityMatcher(registryEntities(contentRoot(), import.meta.env.BASE_URL));
  const { nodes } = compileReportFile(text, report.filePath, linkMentions);
  compiledBodies.delete(report.id);
  compiledBodies.set(report.id, { text, nodes });
  // A build renders pages one after another: a few recent bodies are all that is ever asked again.
  if (compiledBodies.size > 64) compiledBodies.delete(compiledBodies.keys().next().value!);
  return nodes;
}

let registries: Promise<Registries> | undefined;
let snapshotsById: Promise<Map<string, CollectionEntry<'snapshots'>>> | undefined;
const sessions = new Map<string, Promise<SessionView>>();

/** The snapshot file's text as its author wrote it. */
function writtenText(id: string): string {
  return readFileSync(`${contentRoot()}/markets/${id}.json`, 'utf8');
}

/**
 * Every session snapshot by id (`hk/2025-10-24`), read once, each stated figure carrying the
 * decimals written in the file (JSON numbers drop "80.00" to 80; see src/lib/written.ts).
 */
function loadSnapshots(): Promise<Map<string, CollectionEntry<'snapshots'>>> {
  snapshotsById ??= getCollection('snapshots').then(
    (entries) => new Map(entries.map((entry) => [entry.id, { ...entry, data: withWrittenDecimals(entry.data, jsonLiterals(writtenText(entry.id))) }])),
  );
  return snapshotsById;
}

/** A snapshot's file as its author wrote it: the open-data JSON. */
export function snapshotText(snapshot: Snapshot): string {
  return writtenText(`${snapshot.market}/${snapshot.date}`);
}

function loadRegistries(): Promise<Registries> {
  registries ??= Promise.all([getCollection('securities'), getCollection('indices')]).then(([securities, indices]) => ({
    securities: new Map(securities.map((entry) => [entry.data.ticker, entry.data])),
    indices: new Map(indices.map((entry) => [entry.data.symbol, entry.data])),
  }));
  return registries;
}

/**
 * Every report readers may see, newest session first (then latest published first within a
 * session). `npm run dev` also shows drafts and scheduled reports; a build leaves them out.
 */
export async function getReports(): Promise<Report[]> {
  const now = buildTime();
  const reports = await getCollection('reports', (report) => isListed(publicationState(report.data, now), import.meta.env.CLOSING_BELL_SHOW_UNPUBLISHED === true));
  return reports.sort(
    (a, b) => b.data.date.localeCompare(a.data.date) || Date.parse(b.data.published) - Date.parse(a.data.published),
  );
}

/** The session a report is about, as its components show it. */
export function getSession(market: string, date: string): Promise<SessionView> {
  const id = `${market}/${date}`;
  let session = sessions.get(id);
  if (!session) {
    session = (async () => {
      const snapshot = (await loadSnapshots()).get(id);
      if (!snapshot) throw new Error(`No session snapshot content/markets/${id}.json`);
      return buildSession(snapshot.data, await loadRegistries());
    })();
    sessions.set(id, session);
  }
  return session;
}

let prices: Promise<Map<string, PriceHistory>> | undefined;

/** Every security's price history, by ticker (securities without a price file have none). */
export function getPriceHistories(): Promise<ReadonlyMap<string, PriceHistory>> {
  // Most securities have no price file, and often none has: Astro warns about an empty collection,
  // so it is only read when there is something in it.
  const folder = `${contentRoot()}/prices`;
  if (!existsSync(folder) || !readdirSync(folder).some((name) => name.endsWith('.csv'))) return Promise.resolve(new Map());
  prices ??= Promise.all([getCollection('prices'), loadRegistries()]).then(([entries, { securities }]) => {
    const histories = new Map<string, PriceHistory>();
    for (const { data } of entries) {
      const security = securities.get(data.ticker);
      // The content check refuses a price file for an unknown security; be as strict here.
      if (!security) throw new Error(`content/prices/${data.ticker}.csv: no security ${data.ticker} in content/securities/`);
      histories.set(data.ticker, { security: { id: security.ticker, name: security.name, currency: security.currency }, bars: data.bars });
    }
    return histories;
  });
  return prices;
}

export function reportUrl(report: Report): string {
  return url(paths.report(report.id));
}

let reportsOnce: Promise<Report[]> | undefined;
let snapshotsOnce: Promise<Snapshot[]> | undefined;

/** `getReports()`, looked up once per build for the pages that index reports by what they are about. */
function allReports(): Promise<Report[]> {
  reportsOnce ??= getReports();
  return reportsOnce;
}

/** Every security in the registry, by ticker. */
export async function getSecurities(): Promise<Security[]> {
  return [...(await loadRegistries()).securities.values()].sort((a, b) => a.ticker.localeCompare(b.ticker));
}

/** Every index in the registry, by symbol. */
export async function getIndices(): Promise<MarketIndex[]> {
  return [...(await loadRegistries()).indices.values()].sort((a, b) => a.symbol.localeCompare(b.symbol));
}

/** Every session snapshot as its author wrote it (after validation), newest first. */
export function getSnapshots(): Promise<Snapshot[]> {
  snapshotsOnce ??= loadSnapshots().then((entries) =>
    [...entries.values()].map((entry) => entry.data).sort((a, b) => b.date.localeCompare(a.date) || a.market.localeCompare(b.market)),
  );
  return snapshotsOnce;
}

/** Every session as pages show it, newest first. */
export async function getSessions(): Promise<SessionView[]> {
  return Promise.all((await getSnapshots()).map((snapshot) => getSession(snapshot.market, snapshot.date)));
}

/** Reports about a security (listed in their `tickers`), newest first. */
export async function reportsMentioning(ticker: string): Promise<Report[]> {
  return (await allReports()).filter((report) => report.data.tickers.includes(ticker));
}

/** Reports about an index (listed in their `indices`), newest first. */
export async function reportsAboutIndex(symbol: string): Promise<Report[]> {
  return (await allReports()).filter((report) => report.data.indices.includes(symbol));
}

/** Reports with a tag, newest first. */
export async function reportsTagged(tag: string): Promise<Report[]> {
  return (await allReports()).filter((report) => report.data.tags.includes(tag));
}

/** Every tag in use with its number of reports, most used first, then A–Z. */
export async function getTags(): Promise<{ tag: string; count: number }[]> {
  const counts = new Map<string, number>();
  for (const report of await allReports()) for (const tag of report.data.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** Reports that share securities or tags with this one, best first. */
const relatable = (r: Report) => ({ id: r.id, date: r.data.date, tickers: r.data.tickers, tags: r.data.tags, indices: r.data.indices, report: r });
const finders = new Map<number, Promise<(report: Relatable) => ReturnType<typeof relatable>[]>>();

/** The related-reports index over every listed report, built once per build and limit. */
function relatedFinderOnce(limit: number) {
  let finder = finders.get(limit);
  if (!finder) {
    finder = allReports().then((reports) => relatedFinder(reports.map(relatable), limit));
    finders.set(limit, finder);
  }
  return finder;
}

export async function relatedTo(report: Report, limit = 5): Promise<Report[]> {
  const finder = await relatedFinderOnce(limit);
  return finder(relatable(report)).map((r) => r.report);
}

/** The registry entries of the securities and indices a report is about, in its front matter's order. */
export async function subjectsOf(report: Report): Promise<{ securities: Security[]; indices: MarketIndex[] }> {
  const { securities, indices } = await loadRegistries();
  return {
    securities: report.data.tickers.flatMap((ticker) => securities.get(ticker) ?? []),
    indices: report.data.indices.flatMap((symbol) => indices.get(symbol) ?? []),
  };
}

/** A report as feeds carry it, with absolute addresses on `site`. */
export async function feedReport(report: Report, site: URL): Promise<FeedReport> {
  const { securities } = await subjectsOf(report);
  return {
    title: report.data.title,
    description: report.data.description,
    published: report.data.published,
    corrections: report.data.corrections,
    updated: getLastUpdate(report),
    authors: report.data.authors,
    tags: report.data.tags,
    subjects: securities.map((security) => security.name),
    url: absoluteUrl(paths.report(report.id), site),
    image: absoluteUrl(paths.ogImage(report.id), site),
  };
}

/** Retracted reports (content/retractions.json), newest retraction first. */
export async function getRetractions(): Promise<Retraction[]> {
  // Most archives retract nothing and have no such file; asking Astro for the empty collection
  // would print a warning on every page that lists retractions.
  if (!isRegularFile(join(contentRoot(), 'retractions.json'))) return [];
  const entries = await getCollection('retractions');
  return entries.map((entry) => entry.data).sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
}

/** A retraction as a feed item, at the report's old address (where its notice now is). */
export function retractionFeedItem(retraction: Retraction, site: URL): FeedReport {
  return retractionItem(retraction, absoluteUrl(paths.report(retraction.id), site));
}

/** Names and currencies for the open-data CSV of a snapshot. */
export async function csvNames(snapshot: Snapshot): Promise<CsvNames> {
  const { securities, indices } = await loadRegistries();
  const market = marketConvention(snapshot.market);
  return {
    name: (id) => securities.get(id)?.name ?? indices.get(id)?.name ?? id,
    currency: (ticker) => securities.get(ticker)?.currency ?? market.currency,
    marketCurrency: market.currency,
    market: (id) => securities.get(id)?.market ?? indices.get(id)?.market ?? market.id,
  };
}

/** The reports written on a session, newest first. */
export async function reportsOnSession(market: string, date: string): Promise<Report[]> {
  return (await allReports()).filter((report) => report.data.market === market && report.data.date === date);
}

/** Everything the report page adds for discovery: its head metadata, its subjects and its related reports. */
export async function reportDiscovery(report: Report, site: URL) {
  const { securities, indices } = await subjectsOf(report);
  const { market, date } = report.data;
  // Front matter arrives as UTC; structured data gives the time as the market's readers read it.
  const published = zonedIso(report.data.published, marketConvention(market).zone);
  const article = newsArticle({
    headline: report.data.title,
    description: report.data.description,
    url: absoluteUrl(paths.report(report.id), site),
    image: absoluteUrl(paths.ogImage(report.id), site),
    published,
    corrections: report.data.corrections,
    updated: getLastUpdate(report),
    authors: report.data.authors,
    tags: report.data.tags,
    securities: securities.map((s) => ({ ...s, url: absoluteUrl(paths.ticker(s.ticker), site) })),
    indices: indices.map((i) => ({ name: i.name, url: absoluteUrl(paths.index(i.symbol), site) })),
    dataset: absoluteUrl(paths.dataset(market, date), site),
  });
  return {
    head: {
      type: 'article' as const,
      image: url(paths.ogImage(report.id)),
      imageAlt: `${report.data.title}: headline figures of the session`,
      jsonLd: [article],
      published,
      modified: lastModified({ ...report.data, updated: getLastUpdate(report) }),
    },
    securities,
    indices,
    related: await relatedTo(report),
  };
}

let history: ContentHistory | undefined;

/**
 * When a report or its session snapshot was last changed after the report was first committed, from
 * git (one pass over the whole archive per build); undefined when it never was, or without history.
 */
export function getLastUpdate(report: Report): string | undefined {
  history ??= readContentHistory(contentRoot());
  const files = history.files;
  return lastUpdate(files.get(`reports/${report.id}.mdx`), files.get(`markets/${report.data.market}/${report.data.date}.json`));
}

const sessionDigests = new WeakMap<SessionView, string>();
function sessionDigest(session: SessionView): string {
  let digest = sessionDigests.get(session);
  if (digest === undefined) sessionDigests.set(session, (digest = dataDigest(session)));
  return digest;
}

/**
 * Everything a report page shows besides the site's code, looked up once, and its digest as the
 * page's cache key: a rebuild (`experimental.incrementalBuild`) reuses last build's page while the
 * key and the page's code are unchanged. The key covers what the page reads and nothing else, so
 * editing one report re-renders that page and the pages that list it as related, not the archive.
 */
export async function reportPage(report: Report, site: URL) {
  const session = await getSession(report.data.market, report.data.date);
  const histories = await getPriceHistories();
  // The histories its cards and charts may draw: every priced security its front matter lists or
  // its text names (`<PriceChart ticker="00981.HK">` names it). Read from the text, not the compiled
  // body, so that the key of a page a rebuild keeps costs no compilation; a ticker named only in
  // prose widens the key, never narrows it.
  const text = report.filePath ? readFileSync(report.filePath, 'utf8') : '';
  const prices = new Map([...histories].filter(([ticker]) => report.data.tickers.includes(ticker) || text.includes(ticker)));
  const discovery = await reportDiscovery(report, site);
  const updated = getLastUpdate(report);
  const cacheKey = dataDigest({
    report: [report.id, report.digest, report.data],
    // A session is shared by all its reports: digested once.
    session: sessionDigest(session),
    prices,
    updated,
    // Related reports appear by their front matter (title, date, description), not their text.
    discovery: { ...discovery, related: discovery.related.map((r) => [r.id, r.data]) },
  });
  return { props: { report, session, prices, discovery, updated }, cacheKey };
}

let registriesDigest: Promise<string> | undefined;

/**
 * The cache key of a session's open-data files (`/data/<market>/<date>.{json,csv}`): the snapshot
 * and the registries that name and price its figures. With the session's reports, that of its page.
 */
export async function snapshotCacheKey(snapshot: Snapshot, reports?: readonly Report[]): Promise<string> {
  registriesDigest ??= loadRegistries().then((r) => dataDigest(r));
  // The written text too: "80" → "80.00" changes the files but not the parsed numbers.
  return dataDigest({ snapshot, text: snapshotText(snapshot), registries: await registriesDigest, reports: reports?.map((r) => [r.id, r.data]) });
}

