/**
 * Screenshots of the built site for a person to look at: each page at phone and desktop widths,
 * light and dark. `npm run screenshots` after `npm run build`; PNGs land in `test-results/screenshots/`.
 */
import { mkdir } from 'node:fs/promises';
import { launchChromium } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/serve.ts';

const pages = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['/', '/reports/2025-10-24-smic-rally/', '/archive/', '/no-such-page/'];
const viewports = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
];
const out = 'test-results/screenshots';
await mkdir(`${out}/parts`, { recursive: true });
const site = await serveStatic('dist');
const browser = await launchChromium();
for (const scheme of ['light', 'dark'] as const) {
  for (const viewport of viewports) {
    const page = await browser.newPage({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
    for (const path of pages) {
      await page.goto(site.url + path);
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
