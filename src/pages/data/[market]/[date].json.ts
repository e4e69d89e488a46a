/** Each session snapshot as JSON, as its author wrote it, at /data/<market>/<date>.json. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSnapshots, snapshotCacheKey, snapshotText } from '../../../data/index.ts';
import { snapshotJsonText } from '../../../lib/opendata.ts';
import type { Snapshot } from '../../../schemas/index.ts';

export const getStaticPaths = (async () =>
  Promise.all(
    (await getSnapshots()).map(async (snapshot) => ({ params: { market: snapshot.market, date: snapshot.date }, props: { snapshot }, cacheKey: await snapshotCacheKey(snapshot) })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { snapshot } = props as { snapshot: Snapshot };
  return new Response(snapshotJsonText(snapshotText(snapshot)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
