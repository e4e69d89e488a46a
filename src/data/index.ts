/**
 * The only module besides the content config that reads collections. Pages ask it for reports and
 * their sessions; it looks each thing up once per build and hands back plain views.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildSession, type Registries, type SessionView } from '../lib/session.ts';
import { isListed, publicationState } from '../lib/publication.ts';
import { buildTime, contentRoot } from '../check/paths.ts';
import { readContentHistory, type ContentHistory } from '../check/history.ts';
import { lastUpdate } from '../lib/publication.ts';

export type Report = CollectionEntry<'reports'>;

let registries: Promise<Registries> | undefined;
const sessions = new Map<string, Promise<SessionView>>();

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
      const snapshots = await getCollection('snapshots', (entry) => entry.id === id);
      if (snapshots.length === 0) throw new Error(`No session snapshot content/markets/${id}.json`);
      return buildSession(snapshots[0].data, await loadRegistries());
    })();
    sessions.set(id, session);
  }
  return session;
}

export function reportUrl(report: Report): string {
  return `/reports/${report.id}/`;
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
