/**
 * A rebuild reuses the report pages whose data did not change (Astro's incremental build, keyed by
 * `reportCacheKey`), and re-renders every page whose report, session snapshot or registries changed:
 * an author who fixes a figure sees it on the next build, never a stale page.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { editFile, runBuild, TMP } from '../support/site.ts';
import { writeSyntheticArchive } from '../support/synthetic.ts';

const root = join(TMP, 'incremental');
const content = join(root, 'content');
const outDir = join(root, 'dist');
const cacheDir = join(root, 'cache');
let reports: string[] = [];
let rebuildOutput = '';

const page = (slug: string) => readFileSync(join(outDir, 'reports', slug, 'index.html'), 'utf8');

beforeAll(async () => {
  rmSync(root, { recursive: true, force: true });
  // Four sessions from 2025-09-25, one report each.
  ({ reports } = writeSyntheticArchive(content, { reports: 4, from: '2025-09-25' }));
  const first = await runBuild({ content, outDir, cacheDir });
  expect(first.code, first.output).toBe(0);

  // The first report's words, the second report's session figures, and a registry name all change.
  editFile(join(content, 'reports', `${reports[0]}.mdx`), (t) => `${t.trimEnd()} A sentence added after publication.\n`);
  editFile(join(content, 'markets/hk', `${reports[1].slice(0, 10)}.json`), (t) => t.replace(/"close": (\d+),\n(\s+)"change"/, '"close": 12345,\n$2"change"'));
  const second = await runBuild({ content, outDir, cacheDir });
  expect(second.code, second.output).toBe(0);
  rebuildOutput = second.output;
});

it('shows an edited report\'s new text after a rebuild', () => {
  expect(page(reports[0])).toContain('A sentence added after publication.');
});

it('shows a changed session figure on its report\'s page after a rebuild', () => {
  expect(page(reports[1])).toMatch(/<data class="fig" value="12345"[^>]*>12,345<\/data>/);
});

it('reuses the pages whose data did not change', () => {
  const reused = (slug: string) => new RegExp(`/reports/${slug}/index\\.html.*\\((cached|restored)\\)`).test(rebuildOutput);
  expect([reused(reports[0]), reused(reports[1]), reused(reports[2]), reused(reports[3])]).toEqual([false, false, true, true]);
  expect(page(reports[2])).toContain(`Synthetic wrap 1 for ${reports[2].slice(0, 10)}`);
});
