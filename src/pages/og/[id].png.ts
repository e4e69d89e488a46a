/**
 * The share image of each report, drawn with Inter from node_modules (no network, no browser).
 * `npm run build` draws these files in a second process (scripts/build-worker.ts) while Astro
 * builds the pages and asks Astro for none of them (`CLOSING_BELL_SHARE_IMAGES=separate`);
 * `astro dev` and a plain `astro build` draw them here, with the same code and cache.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { cacheRoot } from '../../config/paths.ts';
import { getReports, getSession, type Report } from '../../data/index.ts';
import { shareImageInput, shareImageRenderer } from '../../share/images.ts';

export const getStaticPaths = (async () =>
  process.env.CLOSING_BELL_SHARE_IMAGES === 'separate' ? [] : (await getReports()).map((report) => ({ params: { id: report.id }, props: { report } }))) satisfies GetStaticPaths;

let render: ReturnType<typeof shareImageRenderer> | undefined;

export const GET: APIRoute = async ({ props }) => {
  const { report } = props as { report: Report };
  const session = await getSession(report.data.market, report.data.date);
  render ??= shareImageRenderer(process.cwd(), cacheRoot());
  return new Response(new Uint8Array(render(shareImageInput(report.data, session))), { headers: { 'content-type': 'image/png' } });
};
