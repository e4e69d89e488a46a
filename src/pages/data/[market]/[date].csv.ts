/** Each session snapshot as CSV, one row per figure, at /data/<market>/<date>.csv. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { csvNames, getSnapshots, snapshotCacheKey } from '../../../data/index.ts';
import { snapshotCsv } from '../../../lib/opendata.ts';
import type { Snapshot } from '../../../schemas/index.ts';

export const getStaticPaths = (async () =>
  Promise.all(
    (await getSnapshots()).map(async (snapshot) => ({ params: { market: snapshot.market, date: snapshot.date }, props: { snapshot }, cacheKey: await snapshotCacheKey(snapshot) })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { snapshot } = props as { snapshot: Snapshot };
  return new Response(snapshotCsv(snapshot, await csvNames(snapshot)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
