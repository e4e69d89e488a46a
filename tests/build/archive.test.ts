/**
 * A synthetic archive of several reports over two months, built by the real build: the home page
 * leads with the newest and lists the rest, the archive groups by month, and every report has its
 * page. (The seed content holds one report; these are made up, named as such, and live in tests.)
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { runBuild, TMP } from '../support/site.ts';
import { writeSyntheticArchive } from '../support/synthetic.ts';

const root = join(TMP, 'synthetic-archive');
const outDir = join(root, 'dist');
let reports: string[] = [];

const text = (path: string) => readFileSync(join(outDir, path), 'utf8').replace(/<[^>]+>/g, ' ').replace(/[\s\u00a0]+/g, ' ');

beforeAll(async () => {
  rmSync(root, { recursive: true, force: true });
  // From 2025-09-25: four trading days in September, then 2 and 3 October around the 1 October holiday.
  ({ reports } = writeSyntheticArchive(join(root, 'content'), { reports: 6, from: '2025-09-25' }));
  const result = await runBuild({ content: join(root, 'content'), outDir });
  expect(result.code, result.output).toBe(0);
});

it('skips the National Day holiday when dating the synthetic sessions', () => {
  expect(reports.map((r) => r.slice(0, 10))).toEqual(['2025-09-25', '2025-09-26', '2025-09-29', '2025-09-30', '2025-10-02', '2025-10-03']);
});

it('builds a page for every report', () => {
  for (const slug of reports) expect(text(`reports/${slug}/index.html`)).toContain(`Synthetic wrap 1 for ${slug.slice(0, 10)}`);
});

it('home leads with the newest report and lists the others newest first', () => {
  const home = readFileSync(join(outDir, 'index.html'), 'utf8');
  expect(home).toMatch(/class="lead-title"><a href="\/reports\/2025-10-03-synthetic-wrap-1\/">/);
  const recent = [...home.slice(home.indexOf('Recent reports')).matchAll(/href="\/reports\/([^/]+)\/"/g)].map((m) => m[1]);
  expect(recent).toEqual(['2025-10-02-synthetic-wrap-1', '2025-09-30-synthetic-wrap-1', '2025-09-29-synthetic-wrap-1', '2025-09-26-synthetic-wrap-1', '2025-09-25-synthetic-wrap-1']);
});

it('the archive groups reports by month, newest month first', () => {
  expect(text('archive/index.html')).toMatch(/October 2025 2 reports .*September 2025 4 reports/);
});
