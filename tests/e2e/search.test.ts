/**
 * Search as a reader uses it, in Chromium over the built site: instant search finds the seed report
 * by company, topic and ticker code; without JavaScript the form still leads to a list of reports.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/support/browser.ts';
import { serveStatic, type StaticSite } from '../../scripts/support/serve.ts';
import { seedSite } from '../support/site.ts';

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  site = await serveStatic(await seedSite());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

it.each(['SMIC', 'semiconductor', '00981'])('searching "%s" finds the seed report', async (query) => {
  const page = await browser.newPage();
  try {
    await page.goto(`${site.url}/search/`);
    await page.locator('.pagefind-ui__search-input').fill(query);
    const result = page.locator('.pagefind-ui__result-link', { hasText: 'SMIC Sees Strong Surge Amid Broader Asian Tech Rally' });
    await result.first().waitFor({ timeout: 10_000 });
    expect(await result.first().getAttribute('href')).toBe('/reports/2025-10-24-smic-rally/');
  } finally {
    await page.close();
  }
});

it('a query in the address is searched at once', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(`${site.url}/search/?q=Meituan`);
    await page.locator('.pagefind-ui__result-link', { hasText: 'SMIC Sees Strong Surge' }).first().waitFor({ timeout: 10_000 });
    expect(await page.locator('#search-form').isHidden()).toBe(true);
  } finally {
    await page.close();
  }
});

it('without JavaScript the form leads to every report with its stocks and tags', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}/search/`);
    await page.locator('#q').fill('SMIC');
    await page.locator('#search-form button[type=submit]').click();
    await page.waitForURL(/\/search\/\?q=SMIC$/);
    const list = page.locator('.search-all');
    await expect(list.getByRole('link', { name: 'SMIC Sees Strong Surge Amid Broader Asian Tech Rally' }).getAttribute('href')).resolves.toBe('/reports/2025-10-24-smic-rally/');
    expect(await list.innerText()).toMatch(/SMIC 00981\.HK[\s\S]*semiconductors/);
  } finally {
    await context.close();
  }
});
