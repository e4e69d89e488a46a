/**
 * `npm run dev`: a content problem introduced while the server runs shows in the browser's error
 * overlay, with the file, line and field.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/support/browser.ts';
import { authorEnvironment, copyContent } from '../support/site.ts';

let server: ChildProcess;
let origin = '';
let browser: Browser;
let content: string;
let log = '';

beforeAll(async () => {
  content = copyContent('dev');
  // Port 0: the system picks a free port; the server's own address is read back from what it prints.
  server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', '0', '--host', '127.0.0.1', '--ignore-lock'], {
    env: { ...authorEnvironment(), CLOSING_BELL_CONTENT: content, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk) => (log += chunk));
  server.stderr?.on('data', (chunk) => (log += chunk));
  origin = await waitFor('the dev server to print its address', () => /Local\s+(http:\/\/[^\s/]+)/.exec(log)?.[1]);
  // Ready once the report answers: the server prints its address a moment before routes are served.
  await waitFor(`${origin} to serve the report`, async () => {
    const response = await fetch(`${origin}/reports/2025-10-24-smic-rally/`).catch(() => undefined);
    return response?.ok || undefined;
  });
  browser = await launchChromium();
});

/** Polls `ready` until it gives a value; past the timeout, fails with the server's log. */
async function waitFor<T>(what: string, ready: () => T | undefined | Promise<T | undefined>, timeout = 90_000): Promise<T> {
  for (const started = Date.now(); Date.now() - started < timeout; await new Promise((r) => setTimeout(r, 200))) {
    if (server.exitCode !== null) throw new Error(`the dev server stopped (exit ${server.exitCode}) while waiting for ${what}:\n${log}`);
    const value = await ready();
    if (value !== undefined) return value;
  }
  throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}:\n${log}`);
}

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

/**
 * The overlay's text, or null without one. Build tests running at the same time rewrite the
 * project's `.astro/content-modules.mjs`, which the dev server then reloads the page for; the
 * question is asked again on the reloaded page (the server re-sends its overlay on connect).
 */
async function overlayText(page: import('playwright-core').Page): Promise<string | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await page.evaluate(() => {
        const overlay = document.querySelector('vite-error-overlay');
        return overlay?.shadowRoot?.querySelector('#message-content, .message, #message')?.textContent ?? (overlay ? overlay.shadowRoot?.textContent ?? '' : null);
      });
    } catch (error) {
      if (attempt === 3 || !String(error).includes('Execution context was destroyed')) throw error;
      await page.waitForLoadState('load');
    }
  }
}

it('shows a content error in the overlay as the author saves, naming file, line and field', async () => {
  expect(log).toContain('watching for file changes');
  const page = await browser.newPage();
  await page.goto(`${origin}/reports/2025-10-24-smic-rally/`);
  // The server may reload the page once as it settles (see overlayText); read the title once it has.
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.title().catch(() => ''), { timeout: 15_000, message: log }).toContain('SMIC Sees Strong Surge');
  expect(await overlayText(page)).toBeNull();

  const snapshot = join(content, 'markets/hk/2025-10-24.json');
  writeFileSync(snapshot, readFileSync(snapshot, 'utf8').replace('"close": 26160', '"close": "26,160"'));
  await page.waitForFunction(() => document.querySelector('vite-error-overlay') !== null, undefined, { timeout: 15_000 });
  // The check runs beside the server: the content layer's own message may show first, and the
  // check's list replaces it when the check is done.
  await expect
    .poll(() => overlayText(page), { timeout: 15_000, message: log })
    .toContain('2025-10-24.json:7:24  indices[0].close  found "26,160", expected a number');
  await page.close();
});
