/**
 * `npm run lighthouse` (after `npm run build`): Lighthouse's four scores for the home page and the
 * first report, on phone (Lighthouse's default, throttled) and desktop settings, against `dist/`
 * served locally in Debian's Chromium. Not part of `npm test`: its performance score moves with the
 * machine's load. `npm run lighthouse -- /archive/` scores other pages.
 */
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import lighthouse, { desktopConfig } from 'lighthouse';
import { launchChromium } from './support/browser.ts';
import { serveStatic } from './support/serve.ts';

const root = process.env.CLOSING_BELL_OUT_DIR ?? 'dist';
const firstReport = readdirSync(`${root}/reports`).sort()[0];
const paths = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['/', `/reports/${firstReport}/`];

/** A free local port for Chromium's debugging protocol, which Lighthouse drives. */
const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const address = probe.address();
    probe.close(() => resolve(typeof address === 'object' && address ? address.port : 9222));
  });
});

const site = await serveStatic(root);
const browser = await launchChromium([`--remote-debugging-port=${port}`]);
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const rows: string[][] = [['page', 'settings', ...categories]];
let below = 0;
try {
  for (const path of paths) {
    for (const [settings, config] of [['phone', undefined], ['desktop', desktopConfig]] as const) {
      const result = await lighthouse(site.url + path, { port, output: 'json', logLevel: 'error', onlyCategories: categories }, config);
      if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
      const scores = categories.map((id) => Math.round((result.lhr.categories[id]?.score ?? 0) * 100));
      below += scores.filter((score) => score < 100).length;
      rows.push([path, settings, ...scores.map(String)]);
      for (const id of categories) {
        for (const ref of result.lhr.categories[id]?.auditRefs ?? []) {
          const audit = result.lhr.audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 1) console.log(`  ${path} (${settings}) ${id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
        }
      }
    }
  }
} finally {
  await browser.close();
  await site.close();
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
console.log([line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n'));
console.log(below === 0 ? 'Every score is 100.' : `${below} scores below 100 (target 100; performance varies with the machine's load).`);
