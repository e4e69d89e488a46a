/**
 * The author's loop at archive scale: `astro dev` over a synthetic archive (bench/synthetic.ts),
 * timed as an author lives it. Used by `npm run bench -- --dev`.
 *
 * - start: until the server prints its address, the "ready in" Astro logs, and until `/` answers;
 * - edit → visible: with the report open in Chromium, append a paragraph to it, change a session
 *   figure (turnover), rename a security in the registry; after each, wait until the browser shows
 *   the change (the dev server reloads the page, as it does for an author).
 *
 * Every wait has a timeout and fails with the server's log. The server gets SIGTERM (Vite closes and
 * exits, writing a CPU profile when asked for one) and must exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../scripts/support/browser.ts';

export interface DevTimes {
  /** Until the server printed its local address. */
  listeningSeconds: number;
  /** Astro's own "ready in N ms". */
  readySeconds?: number;
  /** Until `/` answered 200. */
  homeSeconds: number;
  /** Until the edited report's page first answered (before any edit). */
  firstReportSeconds: number;
  /** Edit → visible in a browser that has the report open (the dev server reloads it), by kind of edit. */
  editSeconds: { report: number; snapshot: number; registry: number };
  /** Each of the three saves of the report text; `editSeconds.report` is their median. */
  reportEditSeconds: number[];
  /** What Astro logged ("Re-optimizing dependencies", two "ready in"…), for the results. */
  restarts: number;
  /** The dev content check's own times as it logged them ("found no problems (N s)"), in order: at start, then after edits. */
  checkSeconds: number[];
  /** From the last edit until the background check next reported (a lower bound on its lag: it runs below the server's priority). */
  checkSettledSeconds: number;
}

export interface DevOptions {
  root: string;
  astro: string;
  env: NodeJS.ProcessEnv;
  /** The content folder, which the edits change. */
  content: string;
  /** The report to edit, by slug; its session's snapshot and its lead security are edited too. */
  slug: string;
  log: string;
  /** Node flags before astro's script (`--cpu-prof` is refused in NODE_OPTIONS). */
  nodeArgs?: string[];
  timeoutSeconds?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureDevLoop(options: DevOptions): Promise<DevTimes> {
  const timeout = (options.timeoutSeconds ?? 300) * 1000;
  const started = performance.now();
  const seconds = (from = started) => (performance.now() - from) / 1000;
  let log = '';
  const server: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), options.astro, 'dev', '--port', '0', '--host', '127.0.0.1', '--ignore-lock'], {
    cwd: options.root,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Written as it comes, so a slow start can be watched (tail -f).
  writeFileSync(options.log, '');
  const take = (chunk: Buffer) => {
    log += chunk;
    appendFileSync(options.log, chunk);
  };
  server.stdout!.on('data', take);
  server.stderr!.on('data', take);
  const exited = new Promise<number | null>((resolve) => server.on('close', (code) => resolve(code)));

  const waitFor = async <T>(what: string, ready: () => Promise<T | undefined> | T | undefined): Promise<T> => {
    const from = performance.now();
    while (performance.now() - from < timeout) {
      if (server.exitCode !== null) throw new Error(`the dev server stopped (exit ${server.exitCode}) while waiting for ${what}; log: ${options.log}\n${log.slice(-4000)}`);
      const value = await ready();
      if (value !== undefined) return value;
      await sleep(50);
    }
    throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}; log: ${options.log}\n${log.slice(-4000)}`);
  };
  const page = async (url: string) => {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeout) }).catch(() => undefined);
    return response?.ok ? await response.text() : undefined;
  };

  let browser: Browser | undefined;
  try {
    const origin = await waitFor('the server to print its address', () => /Local\s+(http:\/\/[^\s/]+)/.exec(log)?.[1]);
    const listeningSeconds = seconds();
    await waitFor(`${origin}/ to answer`, () => page(`${origin}/`));
    const homeSeconds = seconds();
    const reportUrl = `${origin}/reports/${options.slug}/`;
    const before = await waitFor(`${reportUrl} to answer`, () => page(reportUrl));
    const firstReportSeconds = seconds();

    // The author's view: the report open in a browser, which the dev server reloads after an edit.
    browser = await launchChromium();
    const tab = await browser.newPage();
    await tab.goto(reportUrl, { waitUntil: 'load', timeout });
    const visible = async (what: string, edit: () => void, marker: string) => {
      if (before.includes(marker)) throw new Error(`${reportUrl} shows "${marker}" before the ${what} edit`);
      const from = performance.now();
      edit();
      // Survives the reload: Playwright runs the function again in each new document.
      await tab.waitForFunction((text) => document.body?.textContent?.includes(text) === true, marker, { polling: 20, timeout }).catch((e: Error) => {
        throw new Error(`the ${what} edit ("${marker}") did not appear in the browser on ${reportUrl}: ${e.message}; log: ${options.log}\n${log.slice(-4000)}`);
      });
      return seconds(from);
    };

    const reportFile = join(options.content, 'reports', `${options.slug}.mdx`);
    const originalReport = readFileSync(reportFile, 'utf8');
    // Three saves of the report, a second apart (one alone is at the mercy of a reload already on its
    // way, or of the start's content check still running): the median is the figure.
    const reportEdits: number[] = [];
    for (const n of [1, 2, 3]) {
      const marker = `A synthetic paragraph added by the benchmark, save ${n}.`;
      reportEdits.push(await visible('report', () => writeFileSync(reportFile, `${readFileSync(reportFile, 'utf8').trimEnd()}\n\n${marker}\n`), marker));
      await sleep(1000);
    }
    const report = [...reportEdits].sort((a, b) => a - b)[1];

    const front = readFileSync(reportFile, 'utf8');
    const date = /^date: (\S+)$/m.exec(front)![1];
    const market = /^market: (\S+)$/m.exec(front)![1];
    const snapshotFile = join(options.content, 'markets', market, `${date}.json`);
    const originalSnapshot = readFileSync(snapshotFile, 'utf8');
    const snapshotJson = JSON.parse(originalSnapshot) as { turnover: number };
    // "HKD 246.82 billion" on the page: a figure the synthetic generator never writes (it rounds to 0.01 bn).
    const snapshot = await visible('snapshot', () => writeFileSync(snapshotFile, JSON.stringify({ ...snapshotJson, turnover: 246_823_000_000 }, null, 2)), '246.82');

    const lead = /^tickers:\n\s+- (\S+)$/m.exec(front)![1];
    const securityFile = join(options.content, 'securities', `${lead}.json`);
    const originalSecurity = readFileSync(securityFile, 'utf8');
    const security = JSON.parse(originalSecurity) as { name: string };
    const renamed = `${security.name} Renamed`;
    const lastEdit = performance.now();
    const logBefore = log.length;
    const registry = await visible('registry', () => writeFileSync(securityFile, JSON.stringify({ ...security, name: renamed }, null, 2)), renamed);
    // The check's next report after the last edit (a check already running then reports first,
    // and another follows it for the edit: this is a lower bound on the check's lag).
    const reported = /content check found no problems|content check stopped|\d+ errors?, \d+ warnings?/g;
    await waitFor('the content check to report after the last edit', () => ((log.slice(logBefore).match(reported) ?? []).length >= 1 ? true : undefined));
    const checkSettledSeconds = seconds(lastEdit);

    // The edits are undone, and the server left to write its data store, so that the next start
    // meets an archive its store already holds: what an author's usual restart is.
    const storeFile = join(options.root, '.astro', 'data-store.json');
    const undone = Date.now();
    const logAtUndoStart = log.length;
    writeFileSync(reportFile, originalReport);
    writeFileSync(snapshotFile, originalSnapshot);
    writeFileSync(securityFile, originalSecurity);
    await waitFor('the undone edits on the report page', async () => {
      const html = await page(reportUrl);
      return html !== undefined && !html.includes(renamed) && !html.includes('A synthetic paragraph added by the benchmark') ? true : undefined;
    });
    // The store is written half a second after its last change (Astro's debounce); the content
    // check keeps its results for the undone archive once it has reported on it.
    await waitFor('the data store to be written after the undo', () => (statSync(storeFile, { throwIfNoEntry: false })?.mtimeMs ?? 0) > undone ? true : undefined);
    await waitFor('the content check to report after the undo', () => ((log.slice(logAtUndoStart).match(reported) ?? []).length >= 1 ? true : undefined));
    await sleep(1500);

    const ready = [...log.matchAll(/ready in (\d+) ms/g)].map((m) => Number(m[1]));
    return {
      listeningSeconds,
      readySeconds: ready.length > 0 ? ready[0] / 1000 : undefined,
      homeSeconds,
      firstReportSeconds,
      editSeconds: { report, snapshot, registry },
      reportEditSeconds: reportEdits,
      restarts: (log.match(/Re-optimizing dependencies|server restarted/gi) ?? []).length,
      checkSettledSeconds,
      checkSeconds: [...log.matchAll(/content check found no problems \(([\d.]+) s\)/g)].map((m) => Number(m[1])),
    };
  } finally {
    await browser?.close();
    server.kill('SIGTERM');
    const code = await Promise.race([exited, sleep(15_000).then(() => 'timeout' as const)]);
    if (code === 'timeout') {
      server.kill('SIGKILL');
      // eslint-disable-next-line no-unsafe-finally
      throw new Error(`the dev server did not stop within 15 s of SIGTERM; log: ${options.log}`);
    }
  }
}
