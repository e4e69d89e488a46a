/**
 * Charts in a real browser (Debian's Chromium through playwright-core) on the built site: each chart
 * is fetched only when it comes into view and draws; nothing errs in the console; without
 * JavaScript the tables show; the colours follow the scheme; and the charts look as the committed
 * baselines say, compared by structure (see `signature`; `UPDATE_BASELINES=1` rewrites them after a
 * deliberate change).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/support/browser.ts';
import { serveStatic, type StaticSite } from '../../scripts/support/serve.ts';
import { copyContent, editFile, runBuild, seedSite, TMP } from '../support/site.ts';
import { addPricedSecurity } from '../support/synthetic.ts';

const REPORT = '/reports/2025-10-24-smic-rally/';
const BASELINES = 'tests/e2e/baselines/charts.json';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/**
 * How a chart is compared with its baseline, in a way that holds across Chromium builds: by its
 * structure, not its pixels. A chart's signature is its size and how many pixels it paints in each
 * colour that covers over 0.5 % of it (background, bars in each tone, grid, text). Measured on the
 * seed's charts: Chromium with text rasterised differently (no hinting, no subpixel positioning)
 * differs from the baseline in 1.9 % of pixels (pixelmatch, threshold 0.2, anti-aliasing ignored),
 * more than a bar 17 % shorter (1.5 %) or a bar in the other tone (1.6 %), so no pixel tolerance
 * tells them apart; the colour counts change by at most 0.6 % for the text, by 5 to 26 % for the
 * bar. Allowed: 2 px of size, 3 % of each colour's count, no new colour.
 */
const SIZE_SLACK = 2;
const COUNT_SLACK = 0.03;
const MAJOR_COLOUR = 0.005;

interface Signature {
  width: number;
  height: number;
  /** `r,g,b` → pixels of that colour. */
  colours: Record<string, number>;
}

function signature(image: PNG): Signature {
  const counts = new Map<string, number>();
  for (let i = 0; i < image.data.length; i += 4) {
    const key = `${image.data[i]},${image.data[i + 1]},${image.data[i + 2]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const major = [...counts].filter(([, n]) => n > image.width * image.height * MAJOR_COLOUR).sort(([a], [b]) => a.localeCompare(b));
  return { width: image.width, height: image.height, colours: Object.fromEntries(major) };
}

/** How a signature differs from its baseline beyond the slack; empty when it looks the same. */
function differences(found: Signature, baseline: Signature): string[] {
  const out: string[] = [];
  if (Math.abs(found.width - baseline.width) > SIZE_SLACK || Math.abs(found.height - baseline.height) > SIZE_SLACK) {
    out.push(`size ${found.width}×${found.height}, baseline ${baseline.width}×${baseline.height}`);
  }
  const scale = (found.width * found.height) / (baseline.width * baseline.height);
  for (const [colour, count] of Object.entries(baseline.colours)) {
    const now = found.colours[colour] ?? 0;
    if (Math.abs(now - count * scale) > count * COUNT_SLACK) out.push(`rgb(${colour}): ${now} pixels, baseline ${count}`);
  }
  for (const colour of Object.keys(found.colours)) if (!(colour in baseline.colours)) out.push(`rgb(${colour}): ${found.colours[colour]} pixels, not in the baseline`);
  return out;
}

let browser: Browser;
let seed: StaticSite;
let synthetic: StaticSite;
const folders: string[] = [];

/** The seed content plus a synthetic security with a price file, a 52-week range and a price chart. */
function syntheticContent(): string {
  const content = copyContent('e2e-synthetic');
  addPricedSecurity(content);
  editFile(join(content, 'markets/hk/2025-10-24.json'), (t) => t.replace('"stocks": [', '"stocks": [\n    { "ticker": "SYN01.HK", "close": 66.68, "high52w": 70, "low52w": 40 },'));
  editFile(join(content, 'reports/2025-10-24-smic-rally.mdx'), (t) => t.replace('<StockCard ticker="00981.HK" />', '<StockCard ticker="SYN01.HK" />\n\n<PriceChart ticker="SYN01.HK" from="2025-08-25" />\n\n<StockCard ticker="00981.HK" />'));
  return content;
}

async function build(name: string, content: string): Promise<StaticSite> {
  const outDir = join(TMP, name);
  rmSync(outDir, { recursive: true, force: true });
  folders.push(outDir, `${outDir}.cache`, `${outDir}.sites`);
  const result = await runBuild({ outDir, content });
  expect(result.code, result.output).toBe(0);
  return serveStatic(outDir);
}

beforeAll(async () => {
  const content = syntheticContent();
  folders.push(join(content, '..'));
  [seed, synthetic] = await Promise.all([seedSite().then(serveStatic), build('e2e-synthetic-site', content)]);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await seed?.close();
  await synthetic?.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A page that records console errors, failed requests and the scripts it fetched. */
async function open(site: StaticSite, path: string, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  const scripts: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('requestfailed', (request) => errors.push(`failed: ${request.url()}`));
  page.on('request', (request) => request.resourceType() === 'script' && scripts.push(new URL(request.url()).pathname));
  await page.goto(site.url + path);
  return { page, errors, scripts, close: () => context.close() };
}

/** Scrolls each chart into view and waits until every one is drawn. */
async function drawAll(page: Page): Promise<number> {
  const charts = page.locator('figure[data-chart]');
  const count = await charts.count();
  for (let i = 0; i < count; i++) {
    await charts.nth(i).scrollIntoViewIfNeeded();
    await expect.poll(() => charts.nth(i).getAttribute('class'), { timeout: 10_000 }).toContain('is-drawn');
  }
  return count;
}

/** Painted pixels of a chart's canvas and the colours used most. */
function canvasPixels(page: Page, id: string) {
  return page.locator(`#${id} canvas`).evaluate((canvas: HTMLCanvasElement) => {
    const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    const counts = new Map<string, number>();
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) continue;
      painted++;
      const key = `rgb(${data[i]}, ${data[i + 1]}, ${data[i + 2]})`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return { painted, total: width * height, colours: [...counts].filter(([, n]) => n > 50).map(([c]) => c) };
  });
}

/** A CSS colour as the canvas reports it: `#0d6b36` → `rgb(13, 107, 54)`. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

describe('the seed report in Chromium', () => {
  it('fetches the chart code only when a chart comes into view, then draws every chart without errors', async () => {
    const { page, errors, scripts, close } = await open(seed, REPORT, { viewport: PHONE });
    await page.waitForLoadState('networkidle');
    expect(scripts.filter((s) => s.includes('draw'))).toEqual([]);
    expect(await page.locator('figure.is-drawn').count()).toBe(0);
    const ids = await page.locator('figure[data-chart]').evaluateAll((figures) => figures.map((f) => f.id));
    expect(ids).toEqual(['chart-index-moves', 'chart-flows-southbound']);
    expect(await drawAll(page)).toBe(2);
    expect(scripts.filter((s) => s.includes('draw'))).toHaveLength(1);
    for (const id of ids) {
      const { painted, total } = await canvasPixels(page, id);
      expect(painted / total, id).toBeGreaterThan(0.05);
    }
    expect(scripts.every((s) => s.startsWith('/_astro/'))).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it('keeps each table for screen readers once its chart is drawn, and the canvas out of their way', async () => {
    const { page, close } = await open(seed, REPORT);
    await drawAll(page);
    for (const name of [/^Index moves/, /^Southbound net inflows/]) {
      const table = page.getByRole('table', { name });
      await expect.poll(() => table.count()).toBe(1);
      // Its box on screen is clipped to a pixel.
      expect((await table.locator('xpath=..').boundingBox())!.height).toBeLessThanOrEqual(1);
    }
    expect(await page.locator('figure[data-chart] canvas[aria-hidden="true"]').count()).toBe(2);
    await close();
  });

  it('shows the tables and no empty chart boxes without JavaScript', async () => {
    const { page, scripts, close } = await open(seed, REPORT, { javaScriptEnabled: false });
    for (const name of [/^Index moves/, /^Southbound net inflows/]) {
      const table = page.getByRole('table', { name });
      expect(await table.isVisible()).toBe(true);
      expect((await table.boundingBox())!.height).toBeGreaterThan(60);
    }
    expect(await page.locator('.chart-canvas').evaluateAll((boxes) => boxes.map((b) => getComputedStyle(b).display))).toEqual(['none', 'none']);
    expect(scripts.filter((s) => s.includes('draw'))).toEqual([]);
    await close();
  });

  it('draws in the market’s rise colour of the scheme, and follows a change of scheme', async () => {
    const { page, close } = await open(seed, REPORT, { colorScheme: 'light' });
    await drawAll(page);
    const green = async () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--green').trim());
    const light = await green();
    expect((await canvasPixels(page, 'chart-index-moves')).colours).toContain(rgb(light));
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await green();
    expect(dark).not.toBe(light);
    await expect.poll(async () => (await canvasPixels(page, 'chart-index-moves')).colours.includes(rgb(dark))).toBe(true);
    expect((await canvasPixels(page, 'chart-index-moves')).colours).not.toContain(rgb(light));
    await close();
  });

  it('shows a tooltip on a bar', async () => {
    const { page, close } = await open(seed, REPORT);
    await drawAll(page);
    const canvas = page.locator('#chart-index-moves canvas');
    const before = await canvas.screenshot();
    const box = (await canvas.boundingBox())!;
    // The middle bar (HSTECH, the tallest) at half its height.
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.55);
    await expect.poll(async () => Buffer.compare(before, await canvas.screenshot()) !== 0).toBe(true);
    await close();
  });

  /** A chart's screenshot as Chromium paints it in `browser` (the shared one unless given). */
  async function chartShot(id: string, viewport: { width: number; height: number }, scheme: 'light' | 'dark', inBrowser = browser, html?: (text: string) => string) {
    const context = await inBrowser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1, reducedMotion: 'reduce' });
    const page = await context.newPage();
    if (html) {
      await page.route(`**${REPORT}`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: html(await response.text()) });
      });
    }
    await page.goto(seed.url + REPORT);
    await drawAll(page);
    const shot = PNG.sync.read(await page.locator(`#${id}`).screenshot({ animations: 'disabled' }));
    await context.close();
    return shot;
  }

  const baselines = (): Record<string, Signature> => JSON.parse(readFileSync(BASELINES, 'utf8'));

  describe.each([
    ['desktop', 'light', DESKTOP],
    ['desktop', 'dark', DESKTOP],
    ['phone', 'light', PHONE],
    ['phone', 'dark', PHONE],
  ] as const)('looks as the baseline on %s, %s', (device, scheme, viewport) => {
    it.each(['chart-index-moves', 'chart-flows-southbound'])('%s', async (id) => {
      const shot = await chartShot(id, viewport, scheme);
      const name = `${id}-${device}-${scheme}`;
      // The screenshot, to look at (and after a deliberate change, before committing the new baseline).
      mkdirSync(join(TMP, 'charts'), { recursive: true });
      writeFileSync(join(TMP, 'charts', `${name}.png`), PNG.sync.write(shot));
      if (process.env.UPDATE_BASELINES === '1') {
        const all = existsSync(BASELINES) ? baselines() : {};
        all[name] = signature(shot);
        writeFileSync(BASELINES, `${JSON.stringify(Object.fromEntries(Object.entries(all).sort()), null, 1)}\n`);
      }
      const baseline = baselines()[name];
      expect(baseline, `no baseline for ${name}: run with UPDATE_BASELINES=1, look at tests/.tmp/charts/${name}.png, commit`).toBeDefined();
      expect(differences(signature(shot), baseline)).toEqual([]);
    });
  });

  it('the comparison holds when text is rasterised differently, and catches a shorter or recoloured bar', async () => {
    const otherText = await launchChromium(['--font-render-hinting=none', '--disable-font-subpixel-positioning', '--disable-lcd-text']);
    try {
      for (const [id, viewport, device] of [['chart-index-moves', DESKTOP, 'desktop'], ['chart-flows-southbound', PHONE, 'phone']] as const) {
        const baseline = baselines()[`${id}-${device}-light`];
        expect(differences(signature(await chartShot(id, viewport, 'light', otherText)), baseline), `${id}, text rasterised differently`).toEqual([]);
        // One bar 15 % shorter: the figure's spec edited on its way to the browser.
        const shorter = await chartShot(id, viewport, 'light', browser, (html) =>
          html.replace(/(id="(?:chart-index-moves|chart-flows-southbound)"[^>]*data-chart="[^"]*?&quot;values&quot;:\[)([\d.]+)/g, (_, before, value) => `${before}${Number(value) * 0.85}`),
        );
        expect(differences(signature(shorter), baseline), `${id}, a shorter bar`).not.toEqual([]);
      }
      const recoloured = await chartShot('chart-index-moves', DESKTOP, 'light', browser, (html) => html.replace('&quot;tones&quot;:[&quot;green&quot;', '&quot;tones&quot;:[&quot;red&quot;'));
      expect(differences(signature(recoloured), baselines()['chart-index-moves-desktop-light']), 'a recoloured bar').not.toEqual([]);
    } finally {
      await otherText.close();
    }
  });
});

describe('price history, 52-week range and sparkline in Chromium (synthetic data)', () => {
  it('draws the price chart, the range chart and the sparkline without errors', async () => {
    const { page, errors, close } = await open(synthetic, REPORT);
    expect(await drawAll(page)).toBe(5);
    for (const id of ['stock-syn01-hk-range', 'stock-syn01-hk-sparkline', 'chart-price-syn01-hk-2025-08-25-2025-10-24']) {
      const { painted } = await canvasPixels(page, id);
      expect(painted, id).toBeGreaterThan(100);
    }
    // The seed's SMIC card has a high and no low: no range chart for it.
    expect(await page.locator('#stock-00981-hk-range').count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });

  it('without JavaScript, the price chart is a table of its days, the suspension with its note', async () => {
    const { page, close } = await open(synthetic, REPORT, { javaScriptEnabled: false });
    const table = page.getByRole('table', { name: /^Synthetic Holdings 01 \(SYN01\.HK\), daily close/ });
    expect(await table.isVisible()).toBe(true);
    expect(await table.locator('tbody tr').count()).toBe(43);
    const suspension = table.locator('tbody tr', { has: page.getByRole('rowheader', { name: '1 Sep 2025', exact: true }) });
    expect(await suspension.innerText()).toContain('no close: Synthetic suspension: no trading');
    await close();
  });
});
