/**
 * `npm run budget` (after `npm run build`): the JavaScript each page can load, gzipped, against
 * the budget (70 kB). Lists every page with scripts and fails when one is over.
 */
import { readdirSync } from 'node:fs';
import { pageScripts, SCRIPT_BUDGET_BYTES } from '../src/check/budget.ts';

const dist = process.argv[2] ?? 'dist';
const pages = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).sort();
let over = 0;
for (const page of pages) {
  const { files, gzipBytes } = pageScripts(dist, page);
  if (files.length === 0) continue;
  const verdict = gzipBytes > SCRIPT_BUDGET_BYTES ? 'OVER BUDGET' : 'ok';
  if (gzipBytes > SCRIPT_BUDGET_BYTES) over++;
  console.log(`${page}: ${(gzipBytes / 1000).toFixed(1)} kB gzipped of ${SCRIPT_BUDGET_BYTES / 1000} kB (${verdict})`);
  for (const f of files) console.log(`  ${f.path}  ${(f.bytes / 1000).toFixed(1)} kB, ${(f.gzipBytes / 1000).toFixed(1)} kB gzipped`);
}
const withScripts = pages.filter((p) => pageScripts(dist, p).files.length > 0).length;
console.log(`${pages.length} pages, ${withScripts} with scripts, ${over} over the budget.`);
process.exit(over > 0 ? 1 : 0);
