/**
 * Every page in a real browser (Debian's Chromium through playwright-core), in light and dark schemes
 * at phone and desktop widths: axe-core finds no WCAG 2.2 A/AA or best-practice violation, the page
 * breaks no rule of its content security policy, logs no console error, and asks no host but the
 * site's own for anything (such requests are recorded and refused, so the check never leaves the
 * machine).
 */
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page as PlaywrightPage } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { serveStatic } from '../support/serve.ts';
import type { Page, Problem } from './site.ts';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

export const VIEWS = [
  { name: 'phone', scheme: 'light', viewport: { width: 390, height: 844 } },
  { name: 'phone', scheme: 'dark', viewport: { width: 390, height: 844 } },
  { name: 'desktop', scheme: 'light', viewport: { width: 1280, height: 900 } },
  { name: 'desktop', scheme: 'dark', viewport: { width: 1280, height: 900 } },
] as const;

/**
 * Two views that between them show each scheme and each width once: enough when no style depends
 * on both at once (`schemeAndWidthRules` finds none), as `npm test` runs the gate.
 */
export const COMPLEMENTARY_VIEWS = VIEWS.filter((v) => (v.name === 'phone') === (v.scheme === 'light'));

/**
 * The `@media` blocks of a stylesheet whose rules apply only for one colour scheme at one width: a
 * query naming both, or one nested in the other. Their preludes, outermost first.
 */
export function schemeAndWidthRules(css: string): string[] {
  const found: string[] = [];
  const open: string[] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  let prelude = '';
  for (const char of text) {
    if (char === '{') {
      const query = prelude.trim();
      open.push(query);
      const media = open.filter((q) => q.startsWith('@media'));
      const scheme = media.some((q) => q.includes('prefers-color-scheme'));
      const width = media.some((q) => /\b(?:min-|max-)?width\b/.test(q));
      if (query.startsWith('@media') && scheme && width) found.push(media.join(' → '));
      prelude = '';
    } else if (char === '}') {
      open.pop();
      prelude = '';
    } else if (char === ';') {
      prelude = '';
    } else {
      prelude += char;
    }
  }
  return found;
}

export interface BrowserReport {
  problems: Problem[];
  /** Page loads: pages × views. */
  loads: number;
  /** axe rules that passed on at least one load (evidence that axe ran). */
  rulesPassed: number;
}

/** The policy a page declares in its `<meta http-equiv="content-security-policy">`. */
export function declaredPolicy(html: string): string | undefined {
  const meta = html.match(/<meta\b[^>]*http-equiv="content-security-policy"[^>]*>/i)?.[0];
  return meta?.match(/\bcontent="([^"]*)"/i)?.[1];
}

/** The page declares a CSP whose `default-src` is exactly `'self'`. */
export function checkPolicy(page: Page): Problem[] {
  const policy = declaredPolicy(readFileSync(page.file, 'utf8'));
  if (!policy) return [{ where: page.path, message: 'no content security policy: expected <meta http-equiv="content-security-policy"> with default-src \'self\'' }];
  const defaultSrc = policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('default-src'));
  if (defaultSrc !== "default-src 'self'") return [{ where: page.path, message: `content security policy has ${defaultSrc ? `“${defaultSrc}”` : 'no default-src'}, expected “default-src 'self'”` }];
  return [];
}

/**
 * Counts the page's requests from before it is opened, so `settle` can wait until none has been in
 * flight for 300 ms: after the load event and after scrolling to the end, so what loads when it
 * comes into view (charts) has loaded and run.
 */
function trackRequests(tab: PlaywrightPage): { settle: () => Promise<void> } {
  let inFlight = 0;
  let last = Date.now();
  tab.on('request', () => ((inFlight += 1), (last = Date.now())));
  const ended = () => ((inFlight -= 1), (last = Date.now()));
  tab.on('requestfinished', ended);
  tab.on('requestfailed', ended);
  return {
    async settle() {
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && (inFlight > 0 || Date.now() - last < 300)) await tab.waitForTimeout(50);
    },
  };
}

async function checkView(context: BrowserContext, origin: string, page: Page, view: string): Promise<{ problems: Problem[]; passes: string[] }> {
  const problems: Problem[] = [];
  const where = `${page.path} (${view})`;
  const tab = await context.newPage();
  tab.on('console', (message) => {
    if (message.type() === 'error') problems.push({ where, message: `console error: ${message.text()}` });
  });
  tab.on('pageerror', (error) => problems.push({ where, message: `uncaught error: ${error.message}` }));
  await tab.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}${event.sample ? ` “${event.sample}”` : ''}`);
    });
  });
  const requests = trackRequests(tab);
  const response = await tab.goto(origin + page.path, { waitUntil: 'load' });
  const expected = page.kind === 'not-found' ? 404 : 200;
  if (response && response.status() !== expected && !(page.kind === 'not-found' && response.status() === 200)) {
    problems.push({ where, message: `answered ${response.status()}, expected ${expected}` });
  }
  await requests.settle();
  await tab.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await requests.settle();
  await tab.evaluate(() => window.scrollTo(0, 0));
  const axe = await new AxeBuilder({ page: tab }).withTags(AXE_TAGS).analyze();
  for (const violation of axe.violations) {
    const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(', ');
    const more = violation.nodes.length > 3 ? ` and ${violation.nodes.length - 3} more` : '';
    const detail = violation.nodes[0]?.failureSummary?.split('\n').slice(1).join(' ').trim();
    problems.push({ where, message: `axe ${violation.id} (${violation.impact}): ${violation.help} at ${targets}${more}${detail ? `: ${detail}` : ''}` });
  }
  await tab.close();
  return { problems, passes: axe.passes.map((rule) => rule.id) };
}

export type View = (typeof VIEWS)[number];

export async function checkInBrowser(root: string, pages: Page[], options: { browser?: Browser; views?: readonly View[] } = {}): Promise<BrowserReport> {
  const problems: Problem[] = pages.flatMap(checkPolicy);
  const site = await serveStatic(root);
  const origin = site.url;
  const browser = options.browser ?? (await launchChromium());
  const passes = new Set<string>();
  let loads = 0;
  try {
    for (const view of options.views ?? VIEWS) {
      const context = await browser.newContext({ viewport: view.viewport, colorScheme: view.scheme, deviceScaleFactor: 1 });
      // Anything asked of another host is recorded as a problem and refused.
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(`${origin}/`)) return route.continue();
        problems.push({ where: `${new URL(route.request().frame().url()).pathname} (${view.name}, ${view.scheme})`, message: `request to another host: ${url}` });
        return route.abort('blockedbyclient');
      });
      // Two tabs at a time: enough for two cores.
      const queue = [...pages];
      const worker = async () => {
        for (let page = queue.shift(); page; page = queue.shift()) {
          const result = await checkView(context, origin, page, `${view.name}, ${view.scheme}`);
          problems.push(...result.problems);
          result.passes.forEach((id) => passes.add(id));
          loads++;
        }
      };
      await Promise.all([worker(), worker()]);
      await context.close();
    }
  } finally {
    if (!options.browser) await browser.close();
    await site.close();
  }
  return { problems, loads, rulesPassed: passes.size };
}
