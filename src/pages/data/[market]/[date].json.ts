/** Each session snapshot as JSON, in the form authors write it, at /data/<market>/<date>.json. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSnapshots, snapshotCacheKey } from '../../../data/index.ts';
import { snapshotJson } from '../../../lib/opendata.ts';
import type { Snapshot } from '../../../schemas/index.ts';

export const getStaticPaths = (async () =>
  Promise.all(
    (await getSnapshots()).map(async (snapshot) => ({ params: { market: snapshot.market, date: snapshot.date }, props: { snapshot }, cacheKey: await snapshotCacheKey(snapshot) })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { snapshot } = props as { snapshot: Snapshot };
  return new Response(`${JSON.stringify(snapshotJson(snapshot), null, 2)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
