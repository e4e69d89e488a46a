/**
 * Page weight per kind of page: gzipped bytes of the HTML, of the stylesheets it links and of the
 * scripts it loads (with every module they import), against a budget per kind. JavaScript is allowed
 * only where there is something for it to do: a chart or a search.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, posix, relative } from 'node:path';
import type { Page, PageKind, Problem } from './site.ts';

export interface Budget {
  /** HTML plus CSS, gzipped bytes. */
  htmlCss: number;
  /** JS, gzipped bytes, on pages that may have scripts. */
  js: number;
}

const KB = 1024;

/**
 * The one JavaScript budget: everything a page can load (lazily loaded chunks included), gzipped.
 * A line chart with chart.js is about 53 KB; a page without a chart or a search loads none.
 */
export const JS_BUDGET = 70 * KB;

export const BUDGETS: Record<PageKind, Budget> = {
  home: { htmlCss: 30 * KB, js: JS_BUDGET },
  report: { htmlCss: 30 * KB, js: JS_BUDGET },
  archive: { htmlCss: 60 * KB, js: JS_BUDGET },
  ticker: { htmlCss: 40 * KB, js: JS_BUDGET },
  tag: { htmlCss: 40 * KB, js: JS_BUDGET },
  search: { htmlCss: 30 * KB, js: JS_BUDGET },
  'not-found': { htmlCss: 20 * KB, js: 0 },
  other: { htmlCss: 30 * KB, js: JS_BUDGET },
};

export interface PageWeight {
  page: Page;
  html: number;
  css: number;
  js: number;
  /** The script files it loads or can load later, as paths under the site root. */
  scripts: string[];
  /** Why the page may load scripts, or undefined when it may not. */
  needsJs?: string;
}

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();
const gzipped = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

/** What on a page justifies JavaScript: a chart (a canvas or an element marked as a chart) or a search. */
export function reasonForJs(page: Page, html: string): string | undefined {
  if (page.kind === 'search') return 'search page';
  if (/<canvas\b/i.test(html) || /\bdata-chart\b/i.test(html)) return 'chart';
  if (/<input\b[^>]*\btype="search"/i.test(html)) return 'search';
  return undefined;
}

function resolveAsset(root: string, page: Page, href: string, from = page.path): string | undefined {
  if (/^[a-z]+:/i.test(href) || href.startsWith('//')) return undefined;
  const path = posix.resolve(from.endsWith('/') ? from : posix.dirname(from), href.split(/[?#]/)[0]);
  const file = join(root, path);
  return isFile(file) ? file : undefined;
}

/** The local modules a script imports, statically or dynamically, by literal specifier. */
function importsOf(code: string): string[] {
  return [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'`](\.{1,2}\/[^"'`$]+|\/[^"'`$]+)["'`]/g)].map((m) => m[1]);
}

/** A script and every module it imports, each counted once. */
function scriptGraph(root: string, entry: string, seen: Set<string>): void {
  if (seen.has(entry)) return;
  seen.add(entry);
  for (const spec of importsOf(readFileSync(entry, 'utf8'))) {
    const file = spec.startsWith('/') ? join(root, spec) : join(dirname(entry), spec);
    if (isFile(file)) scriptGraph(root, file, seen);
  }
}

export function weighPage(root: string, page: Page): PageWeight {
  const html = readFileSync(page.file, 'utf8');
  const attr = (tag: string, name: string) => tag.match(new RegExp(`\\b${name}="([^"]*)"`, 'i'))?.[1];
  const stylesheets = new Set<string>();
  const scripts = new Set<string>();
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(tag, 'rel') ?? '';
    const file = resolveAsset(root, page, attr(tag, 'href') ?? '');
    if (!file) continue;
    if (/\bstylesheet\b/.test(rel)) stylesheets.add(file);
    if (/\bmodulepreload\b/.test(rel)) scriptGraph(root, file, scripts);
  }
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const file = resolveAsset(root, page, attr(tag, 'src') ?? '');
    if (file) scriptGraph(root, file, scripts);
  }
  // Inline scripts count as JavaScript too (their bytes are in the HTML already).
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]).join('');
  for (const spec of importsOf(inline)) {
    const file = resolveAsset(root, page, spec);
    if (file) scriptGraph(root, file, scripts);
  }
  const css = [...stylesheets].reduce((sum, file) => sum + gzipped(readFileSync(file)), 0);
  const js = [...scripts].reduce((sum, file) => sum + gzipped(readFileSync(file)), 0) + (inline.trim() ? gzipped(inline) : 0);
  return { page, html: gzipped(html), css, js, scripts: [...scripts].map((file) => posix.join('/', relative(root, file))).sort(), needsJs: reasonForJs(page, html) };
}

export function checkWeights(root: string, pages: Page[], budgets = BUDGETS): { problems: Problem[]; weights: PageWeight[] } {
  const weights = pages.map((page) => weighPage(root, page));
  const problems: Problem[] = [];
  for (const w of weights) {
    const budget = budgets[w.page.kind];
    if (w.html + w.css > budget.htmlCss) {
      problems.push({ where: w.page.path, message: `HTML+CSS is ${kb(w.html + w.css)} gzipped, over the ${w.page.kind} budget of ${kb(budget.htmlCss)}` });
    }
    if (w.js > 0 && !w.needsJs) {
      problems.push({ where: w.page.path, message: `loads ${kb(w.js)} of JavaScript gzipped but has no chart or search: a page without one ships no script` });
    } else if (w.js > budget.js) {
      problems.push({ where: w.page.path, message: `JavaScript is ${kb(w.js)} gzipped, over the ${w.page.kind} budget of ${kb(budget.js)}` });
    }
  }
  return { problems, weights };
}

export function kb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}

/** One row per kind of page: how many, and the heaviest of them against the budget. */
export function weightTable(weights: PageWeight[], budgets = BUDGETS): string {
  const rows = [['kind', 'pages', 'heaviest page', 'HTML', 'CSS', 'JS', 'HTML+CSS budget', 'JS budget']];
  const kinds = [...new Set(weights.map((w) => w.page.kind))];
  for (const kind of kinds) {
    const ofKind = weights.filter((w) => w.page.kind === kind);
    const heaviest = ofKind.reduce((a, b) => (b.html + b.css + b.js > a.html + a.css + a.js ? b : a));
    const maxJs = Math.max(...ofKind.map((w) => w.js));
    const jsBudget = ofKind.some((w) => w.needsJs) ? kb(budgets[kind].js) : 'none';
    rows.push([kind, String(ofKind.length), heaviest.page.path, kb(heaviest.html), kb(heaviest.css), kb(maxJs), kb(budgets[kind].htmlCss), jsBudget]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}
