/**
 * Share images as files: the renderer with the project's fonts (src/lib/og-render.ts) behind a
 * cache folder keyed by each image's layout and everything else that decides its pixels. The
 * `/og/<id>.png` route uses it under `astro dev` and a plain `astro build`; `npm run build` draws the
 * images with it in a process of its own while Astro builds the pages (scripts/build-worker.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { formatSessionDate } from '../lib/dates.ts';
import { headlineFigures, ogImageLayout, type OgImageInput, type OgLayout } from '../lib/og.ts';
import { createOgRenderer, shaperVersion, type OgFonts } from '../lib/og-render.ts';
import type { SessionView } from '../lib/session.ts';

/** What a report's share image shows: its title, market and session date, and headline figures. */
export function shareImageInput(report: { title: string; date: string; tickers: readonly string[]; indices: readonly string[] }, session: SessionView): OgImageInput {
  return {
    title: report.title,
    kicker: `${session.market.name} · ${formatSessionDate(report.date)}`,
    figures: headlineFigures(session, report.tickers, report.indices),
  };
}

/** Draws share images, from `cacheDir` when an image with the same layout was drawn before. */
export function shareImageRenderer(projectRoot: string, cacheDir: string): (input: OgImageInput) => Uint8Array {
  // Resolved from the project root: the route runs from a bundled chunk, whose own location says nothing.
  const require = createRequire(join(projectRoot, 'package.json'));
  const fonts: OgFonts = {
    400: require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
    600: require.resolve('@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf'),
    700: require.resolve('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'),
  };
  const renderer = createOgRenderer(fonts);
  // What else decides the pixels besides the layout: the fonts, the drawing code and the libraries it
  // draws with. Any change to one of them changes every cache key, so no image drawn the old way is reused.
  const hash = createHash('sha256');
  hash.update(`resvg ${require('@resvg/resvg-js/package.json').version}, ${shaperVersion()}\n`);
  for (const file of [...Object.values(fonts), join(projectRoot, 'src/lib/og-render.ts'), join(projectRoot, 'src/lib/og-raster.ts')]) hash.update(readFileSync(file));
  const rendererKey = hash.digest('hex');

  return (input) => {
    const layout: OgLayout = ogImageLayout(input);
    const key = createHash('sha256').update(`${rendererKey}\n${JSON.stringify(layout)}`).digest('hex');
    const cached = join(cacheDir, 'og', `${key}.png`);
    if (existsSync(cached)) return readFileSync(cached);
    const png = renderer.render(layout);
    mkdirSync(dirname(cached), { recursive: true });
    writeFileSync(cached, png);
    return png;
  };
}
