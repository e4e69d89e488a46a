/**
 * `npm run budget` (after `npm run build`): the JavaScript each page can load, gzipped, against the
 * budget of the quality gate (scripts/verify/weight.ts, the one budget). Lists every page with
 * scripts and fails when one is over.
 */
import { pagesOf } from './verify/site.ts';
import { BUDGETS, kb, weighPage } from './verify/weight.ts';

const dist = process.argv[2] ?? 'dist';
const pages = pagesOf(dist);
let over = 0;
let withScripts = 0;
for (const page of pages) {
  const weight = weighPage(dist, page);
  if (weight.scripts.length === 0) continue;
  withScripts++;
  const budget = BUDGETS[page.kind].js;
  if (weight.js > budget) over++;
  console.log(`${page.path}: ${kb(weight.js)} gzipped of ${kb(budget)} (${weight.js > budget ? 'OVER BUDGET' : 'ok'})`);
  for (const script of weight.scripts) console.log(`  ${script}`);
}
console.log(`${pages.length} pages, ${withScripts} with scripts, ${over} over the budget.`);
process.exit(over > 0 ? 1 : 0);
