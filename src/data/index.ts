/**
 * The only module besides the content config that reads collections. Pages ask it for reports and
 * their sessions; it looks each thing up once per build and hands back plain views.
 */
import { createHash } from 'node:crypto';
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildSession, type Registries, type SessionView } from '../lib/session.ts';

export type Report = CollectionEntry<'reports'>;

let registries: Promise<Registries> | undefined;
let snapshotsById: Promise<Map<string, CollectionEntry<'snapshots'>>> | undefined;
let sharedDigest: Promise<string> | undefined;
const sessions = new Map<string, Promise<SessionView>>();

/** Every session snapshot by id (`hk/2025-10-24`), read once. */
function loadSnapshots(): Promise<Map<string, CollectionEntry<'snapshots'>>> {
  snapshotsById ??= getCollection('snapshots').then((entries) => new Map(entries.map((entry) => [entry.id, entry])));
  return snapshotsById;
}

function loadRegistries(): Promise<Registries> {
  registries ??= Promise.all([getCollection('securities'), getCollection('indices')]).then(([securities, indices]) => ({
    securities: new Map(securities.map((entry) => [entry.data.ticker, entry.data])),
    indices: new Map(indices.map((entry) => [entry.data.symbol, entry.data])),
  }));
  return registries;
}

/** Every report, newest session first (then latest published first within a session). */
export async function getReports(): Promise<Report[]> {
  const reports = await getCollection('reports');
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

export function reportUrl(report: Report): string {
  return `/reports/${report.id}/`;
}

/**
 * What a report's page is made of besides the site's code: the report, its session's snapshot and
 * the registries and calendars every page may name. The build reuses the page from the last build
 * while this key and the code are unchanged (`experimental.incrementalBuild`), so editing one report
 * re-renders one page.
 */
export async function reportCacheKey(report: Report): Promise<string> {
  sharedDigest ??= Promise.all([getCollection('securities'), getCollection('indices'), getCollection('calendars')]).then((collections) =>
    digestOf(collections.flat().map((entry) => `${entry.collection}/${entry.id}:${entry.digest ?? JSON.stringify(entry.data)}`)),
  );
  const snapshot = (await loadSnapshots()).get(`${report.data.market}/${report.data.date}`);
  return digestOf([`report:${report.digest ?? JSON.stringify(report.data)}`, `snapshot:${snapshot?.digest ?? JSON.stringify(snapshot?.data ?? null)}`, await sharedDigest]);
}

function digestOf(parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
}
