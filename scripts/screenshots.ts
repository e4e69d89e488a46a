/**
 * Screenshots of the built site for a person to look at: each page at phone and desktop widths,
 * light and dark. `npm run screenshots` after `npm run build`; PNGs land in `test-results/screenshots/`.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { serveStatic } from './support/serve.ts';

const pages = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['/', '/reports/2025-10-24-smic-rally/', '/archive/', '/no-such-page/'];
const viewports = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
];
const out = 'test-results/screenshots';

/** Charts are drawn when scrolled into view: scroll through the page and wait until each is drawn. */
async function drawCharts(page: Page): Promise<void> {
  const charts = page.locator('figure[data-chart]');
  for (let i = 0; i < (await charts.count()); i++) await charts.nth(i).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.querySelectorAll('figure[data-chart]')].every((f) => f.classList.contains('is-drawn')), null, { timeout: 10_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}
await mkdir(`${out}/parts`, { recursive: true });
const site = await serveStatic('dist');
const browser = await launchChromium();
for (const scheme of ['light', 'dark'] as const) {
  for (const viewport of viewports) {
    // Reduced motion: charts are drawn at once, not caught mid-animation.
    const page = await browser.newPage({ viewport, colorScheme: scheme, deviceScaleFactor: 1, reducedMotion: 'reduce' });
    for (const path of pages) {
      await page.goto(site.url + path);
      await drawCharts(page);
      const name = path.replace(/\/+$/, '').replace(/^\//, '').replace(/\//g, '_') || 'home';
      await page.screenshot({ path: `${out}/${name}-${viewport.name}-${scheme}.png`, fullPage: true });
      // Long pages are also cut into screen-high parts, which can be read at full size.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let top = 0, part = 1; top < height; top += viewport.height, part++) {
        const clip = { x: 0, y: top, width: viewport.width, height: Math.min(viewport.height, height - top) };
        await page.screenshot({ path: `${out}/parts/${name}-${viewport.name}-${scheme}-${part}.png`, fullPage: true, clip });
      }
    }
    await page.close();
  }
}
await browser.close();
await site.close();
console.log(`Screenshots in ${out}/`);
