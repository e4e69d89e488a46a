/**
 * The quality gate over a built site folder: each check returns its problems and its counts, so
 * `npm run verify` can print them and tests can run any one check on a deliberately broken site.
 */
import { checkInBrowser, VIEWS, type View } from './browser.ts';
import { checkHtml } from './html.ts';
import { checkLinks } from './links.ts';
import { checkSitemap, pagesOf, type Page, type Problem } from './site.ts';
import { checkOutput, checkSources } from './unsafe.ts';
import { checkWeights, weightTable } from './weight.ts';

export type { Page, Problem } from './site.ts';
export { pagesOf } from './site.ts';

export interface CheckOutcome {
  name: string;
  problems: Problem[];
  /** What was checked, e.g. "4 pages, 37 links". */
  summary: string;
}

export interface VerifyOptions {
  siteUrl: string;
  /** Source folders scanned for unsafe markup. */
  sources?: string[];
  /** Runs the checks in the browser (the slowest part); on by default. */
  browser?: boolean;
  /** The views each page is loaded in: all four (phone and desktop, light and dark) unless given. */
  views?: readonly View[];
  onCheck?: (outcome: CheckOutcome) => void;
}

export async function verifySite(root: string, options: VerifyOptions): Promise<{ outcomes: CheckOutcome[]; pages: Page[]; table: string }> {
  const outcomes: CheckOutcome[] = [];
  const record = (outcome: CheckOutcome) => {
    outcomes.push(outcome);
    options.onCheck?.(outcome);
  };
  const pages = pagesOf(root);
  const sitemap = checkSitemap(root, pages);
  record({
    name: 'pages',
    problems: pages.length === 0 ? [{ where: root, message: 'no page was built' }, ...sitemap.problems] : sitemap.problems,
    summary: `${pages.length} pages; sitemap lists ${sitemap.listed}`,
  });

  const html = await checkHtml(pages);
  record({ name: 'HTML validity (Nu checker, html-validate)', problems: html, summary: `${pages.length} pages` });

  const links = await checkLinks(root, pages, options.siteUrl);
  record({ name: 'links, assets and fragments', problems: links.problems, summary: `${links.checked} internal links checked, ${links.external} external links not fetched` });

  const unsafe = [...checkOutput(root), ...checkSources(options.sources ?? [])];
  record({ name: 'no set:html, inline handlers or javascript: URLs', problems: unsafe, summary: `output and ${options.sources?.join(', ') || 'no sources'}` });

  const weights = checkWeights(root, pages);
  const table = weightTable(weights.weights);
  record({ name: 'page weight', problems: weights.problems, summary: `${pages.length} pages weighed` });

  if (options.browser !== false) {
    const views = options.views ?? VIEWS;
    const browser = await checkInBrowser(root, pages, { views });
    const shown = views.length === VIEWS.length ? 'phone/desktop × light/dark' : views.map((v) => `${v.name} ${v.scheme}`).join(', ');
    record({
      name: 'browser: axe WCAG 2.2 AA + best practices, CSP, console, hosts',
      problems: browser.problems,
      summary: `${browser.loads} page loads (${pages.length} pages × ${shown}), ${browser.rulesPassed} axe rules passed`,
    });
  }
  return { outcomes, pages, table };
}

export function formatProblems(problems: Problem[], limit = 50): string {
  const lines = problems.slice(0, limit).map((p) => `  ${p.where}  ${p.message}`);
  if (problems.length > limit) lines.push(`  … and ${problems.length - limit} more`);
  return lines.join('\n');
}
