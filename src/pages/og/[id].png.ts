/** The share image of each report, drawn at build time with Inter from node_modules (no network, no browser). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cacheRoot } from '../../check/paths.ts';
import { getReports, getSession, type Report } from '../../data/index.ts';
import { formatSessionDate } from '../../lib/dates.ts';
import { headlineFigures, ogImageLayout, type OgLayout } from '../../lib/og.ts';
import { createOgRenderer, shaperVersion, type OgFonts } from '../../lib/og-render.ts';

export const getStaticPaths = (async () => (await getReports()).map((report) => ({ params: { id: report.id }, props: { report } }))) satisfies GetStaticPaths;

// Resolved from the project root: the page runs from a bundled chunk, whose own location says nothing.
const root = process.cwd();
const require = createRequire(join(root, 'package.json'));
const fonts: OgFonts = {
  400: require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
  600: require.resolve('@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf'),
  700: require.resolve('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'),
};
const renderer = createOgRenderer(fonts);

/**
 * What else decides the pixels besides the layout: the fonts, the drawing code and the libraries it
 * draws with. Any change to one of them changes every cache key, so no image drawn the old way is reused.
 */
const RENDERER = (() => {
  const hash = createHash('sha256');
  hash.update(`resvg ${require('@resvg/resvg-js/package.json').version}, ${shaperVersion()}\n`);
  for (const file of [...Object.values(fonts), join(root, 'src/lib/og-render.ts'), join(root, 'src/lib/og-raster.ts')]) hash.update(readFileSync(file));
  return hash.digest('hex');
})();

export const GET: APIRoute = async ({ props }) => {
  const { report } = props as { report: Report };
  const session = await getSession(report.data.market, report.data.date);
  const layout = ogImageLayout({
    title: report.data.title,
    kicker: `${session.market.name} · ${formatSessionDate(report.data.date)}`,
    figures: headlineFigures(session, report.data.tickers, report.data.indices),
  });
  return new Response(new Uint8Array(render(layout)), { headers: { 'content-type': 'image/png' } });
};

/**
 * Drawing costs about 2 ms an image; an image whose layout (and so whose pixels) did not change
 * since the last build is still taken from the cache folder, which costs a file read.
 */
function render(layout: OgLayout): Uint8Array {
  const key = createHash('sha256').update(`${RENDERER}\n${JSON.stringify(layout)}`).digest('hex');
  const cached = join(cacheRoot(), 'og', `${key}.png`);
  if (existsSync(cached)) return readFileSync(cached);
  const png = renderer.render(layout);
  mkdirSync(dirname(cached), { recursive: true });
  writeFileSync(cached, png);
  return png;
}
