/** The share image of each report, rendered at build time from SVG with resvg and Inter (no network). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cacheRoot } from '../../check/paths.ts';
import { Resvg } from '@resvg/resvg-js';
import { getReports, getSession, type Report } from '../../data/index.ts';
import { formatSessionDate } from '../../lib/dates.ts';
import { headlineFigures, ogImageSvg } from '../../lib/og.ts';

export const getStaticPaths = (async () => (await getReports()).map((report) => ({ params: { id: report.id }, props: { report } }))) satisfies GetStaticPaths;

// Resolved from the project root: the page runs from a bundled chunk, whose own location says nothing.
const require = createRequire(join(process.cwd(), 'package.json'));
const fontFiles = ['400Regular/Inter_400Regular.ttf', '600SemiBold/Inter_600SemiBold.ttf', '700Bold/Inter_700Bold.ttf'].map((file) =>
  require.resolve(`@expo-google-fonts/inter/${file}`),
);

/** What else decides the pixels besides the SVG: the renderer and the fonts. */
const RENDERER = ['resvg', require('@resvg/resvg-js/package.json').version, ...fontFiles.map((file) => file.split('/').pop())].join(' ');

export const GET: APIRoute = async ({ props }) => {
  const { report } = props as { report: Report };
  const session = await getSession(report.data.market, report.data.date);
  const svg = ogImageSvg({
    title: report.data.title,
    kicker: `${session.market.name} · ${formatSessionDate(report.data.date)}`,
    figures: headlineFigures(session, report.data.tickers, report.data.indices),
  });
  return new Response(new Uint8Array(render(svg)), { headers: { 'content-type': 'image/png' } });
};

/**
 * Rasterising costs about 20 ms an image, most of a build's time per report: an image whose SVG
 * (and so whose pixels) did not change since the last build is taken from the cache folder instead.
 */
function render(svg: string): Uint8Array {
  const key = createHash('sha256').update(`${RENDERER}\n${svg}`).digest('hex');
  const cached = join(cacheRoot(), 'og', `${key}.png`);
  if (existsSync(cached)) return readFileSync(cached);
  const png = new Resvg(svg, { font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'Inter' } }).render().asPng();
  mkdirSync(dirname(cached), { recursive: true });
  writeFileSync(cached, png);
  return png;
}
