/**
 * A rebuild with the last build's cache kept reuses the report pages whose data did not change
 * (Astro's incremental build, keyed by `reportPage` in src/data) and re-renders every page that shows
 * something that changed: an author who fixes a word, a figure or a title sees it on the next build,
 * on every page that shows it, never a stale page.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblems } from '../../scripts/verify/index.ts';
import { compareBuilds } from '../../scripts/verify/reproducible.ts';
import { editFile, runBuild, TMP } from '../support/site.ts';
import { SYNTHETIC_PRICES, writeSyntheticArchive } from '../support/synthetic.ts';

const root = join(TMP, 'incremental');
const content = join(root, 'content');
const outDir = join(root, 'dist');
const cacheDir = join(root, 'cache');
let reports: string[] = [];
const outputs: string[] = [];
let editedClose = 0;
/** The page that charts SYN99.HK, as the rebuild after its price edit left it. */
let chartingPage = '';

const page = (slug: string) => readFileSync(join(outDir, 'reports', slug, 'index.html'), 'utf8');
const restored = (output: string, slug: string) => new RegExp(`/reports/${slug}/index\\.html \\(restored\\)`).test(output);

async function build(): Promise<string> {
  const result = await runBuild({ content, outDir, cacheDir });
  expect(result.code, result.output).toBe(0);
  outputs.push(result.output);
  return result.output;
}

beforeAll(async () => {
  rmSync(root, { recursive: true, force: true });
  // Five sessions from 2025-09-25, one synthetic report each; all share a tag, so each lists the others as related.
  ({ reports } = writeSyntheticArchive(content, { reports: 5, from: '2025-09-25' }));
  // The second report charts a priced security in its body (not in its front matter), one the
  // archive's sessions do not quote.
  writeFileSync(join(content, 'securities/SYN99.HK.json'), JSON.stringify({ ticker: 'SYN99.HK', name: 'Synthetic Holdings 99', exchange: 'HKEX', market: 'hk', currency: 'HKD' }));
  mkdirSync(join(content, 'prices'), { recursive: true });
  writeFileSync(join(content, 'prices/SYN99.HK.csv'), SYNTHETIC_PRICES);
  editFile(join(content, 'reports', `${reports[1]}.mdx`), (t) => `${t.trimEnd()}\n\n<PriceChart ticker="SYN99.HK" from="2025-08-25" />\n`);
  await build();
  // 1. Words of one report change, and a close in the price file another report charts.
  editFile(join(content, 'reports', `${reports[0]}.mdx`), (t) => `${t.trimEnd()}\n\nA sentence added after publication.\n`);
  editFile(join(content, 'prices/SYN99.HK.csv'), (t) => t.replace('2025-09-08,61.7,62.1,61,61.08,', '2025-09-08,61.7,62.1,61,61.23,'));
  await build();
  chartingPage = page(reports[1]);
  // 2. A figure of another report's session, and a third report's title, change.
  // The last session's index close and change move together (the next session, if any, would
  // state the old close as its previous close), in the direction the change already had.
  editFile(join(content, 'markets/hk', `${reports[4].slice(0, 10)}.json`), (t) =>
    t.replace(/"close": (\d+),\n(\s+)"change": (-?\d+)/, (_, close, space, change) => {
      const step = Number(change) >= 0 ? 7 : -7;
      editedClose = Number(close) + step;
      return `"close": ${editedClose},\n${space}"change": ${Number(change) + step}`;
    }),
  );
  editFile(join(content, 'reports', `${reports[2]}.mdx`), (t) => t.replace(/^title: .*$/m, 'title: A Retitled Synthetic Wrap'));
  await build();
}, 180_000);

describe('a rebuild after editing one report’s text and a charted price', () => {
  it('shows the new text', () => {
    expect(page(reports[0])).toContain('A sentence added after publication.');
  });

  it('shows the new close on the page that charts it', () => {
    expect(chartingPage).toContain('61.23');
    expect(chartingPage).not.toContain('61.08');
  });

  it('re-renders those pages only and restores the others from the cache', () => {
    expect(reports.map((slug) => restored(outputs[1], slug))).toEqual([false, false, true, true, true]);
  });
});

describe('a rebuild after a session figure and a title change', () => {
  it('shows the changed figure on its report’s page and in the session’s open data', () => {
    expect(page(reports[4])).toMatch(new RegExp(`<data class="fig" value="${editedClose}"[^>]*>${editedClose.toLocaleString('en-US')}</data>`));
    const day = reports[4].slice(0, 10);
    expect(readFileSync(join(outDir, `data/hk/${day}.json`), 'utf8')).toContain(String(editedClose));
    expect(readFileSync(join(outDir, `data/hk/${day}.csv`), 'utf8')).toContain(String(editedClose));
    expect(outputs[2]).not.toMatch(new RegExp(`/data/hk/${day}\\.json \\(restored\\)`));
    expect(outputs[2]).toMatch(new RegExp(`/data/hk/${reports[3].slice(0, 10)}\\.json \\(restored\\)`));
  });

  it('shows the new title on the report and wherever it is listed as related', () => {
    expect(page(reports[2])).toContain('<h1>A Retitled Synthetic Wrap</h1>');
    for (const slug of [reports[0], reports[3], reports[4]]) expect(page(slug), slug).toContain('A Retitled Synthetic Wrap');
    expect(reports.map((slug) => restored(outputs[2], slug))).toEqual([false, false, false, false, false]);
  });
});

it('reuses pages in a rebuild with nothing changed', async () => {
  const output = await build();
  expect(reports.map((slug) => restored(output, slug))).toEqual([true, true, true, true, true]);
  expect(page(reports[0])).toContain('A sentence added after publication.');
}, 120_000);

describe('a rebuild after cache entries are lost and a report changes', () => {
  const clean = join(root, 'clean');
  let output = '';
  let before = '';
  beforeAll(async () => {
    before = page(reports[1]);
    // Entries go missing (a cache restored in part, a disk cleaned): a cached page and every share image.
    rmSync(join(cacheDir, 'dist', 'reports', reports[1], 'index.html'));
    for (const image of readdirSync(join(cacheDir, 'og'))) rmSync(join(cacheDir, 'og', image));
    editFile(join(content, 'reports', `${reports[3]}.mdx`), (t) => `${t.trimEnd()}\n\nA line added while the cache was damaged.\n`);
    // The rebuild and a build from an empty cache, side by side (their folders differ).
    const [rebuilt, fresh] = await Promise.all([build(), runBuild({ content, outDir: clean, cacheDir: join(root, 'clean-cache') })]);
    output = rebuilt;
    expect(fresh.code, fresh.output).toBe(0);
  }, 300_000);

  it('rebuilds the page whose cache entry is gone, as it was', () => {
    expect(restored(output, reports[1])).toBe(false);
    expect(page(reports[1])).toBe(before);
  });

  it('shows the change', () => {
    expect(page(reports[3])).toContain('A line added while the cache was damaged.');
  });

  it('publishes the same site, file by file, as a build from an empty cache', () => {
    const same = compareBuilds(outDir, clean);
    expect(same.files).toBeGreaterThan(10);
    expect(formatProblems(same.problems)).toBe('');
  });
});
