/**
 * The only module besides the content config that reads collections. Pages ask it for reports and
 * their sessions; it looks each thing up once per build and hands back plain views.
 */
import { existsSync, readdirSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import { contentRoot } from '../check/paths.ts';
import { buildSession, type Registries, type SessionView } from '../lib/session.ts';
import type { PriceHistory } from '../lib/prices.ts';

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
      const snapshots = await getCollection('snapshots', (entry) => entry.id === id);
      if (snapshots.length === 0) throw new Error(`No session snapshot content/markets/${id}.json`);
      return buildSession(snapshots[0].data, await loadRegistries());
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
  return `/reports/${report.id}/`;
}
