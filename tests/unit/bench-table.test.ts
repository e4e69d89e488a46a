import { describe, expect, it } from 'vitest';
import { judgeTargets, median, resultsMarkdown, resultsTable, type SizeResult } from '../../bench/table.ts';

const GB = 1024 ** 3;
const row = (reports: number, overrides: Partial<SizeResult> = {}): SizeResult => ({
  reports,
  buildSeconds: 20,
  peakRssBytes: 0.9 * GB,
  outputBytes: reports * 10 * 1024,
  rebuildSeconds: 6,
  checkSeconds: 1.5,
  baselineSeconds: 25,
  baselinePeakRssBytes: 1.5 * GB,
  runs: 2,
  ...overrides,
});

describe('median', () => {
  it.each([
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])('of %j is %d', (values, expected) => expect(median(values)).toBe(expected));
  it('refuses no values', () => expect(() => median([])).toThrow(RangeError));
});

describe('resultsTable', () => {
  it('shows each size with time per report, memory, output per report and the ratio to the baseline', () => {
    const table = resultsTable([row(1000, { buildSeconds: 12.34, baselineSeconds: 24.68, outputBytes: 1000 * 8.8 * 1024, buildCpuSeconds: 30, baselineCpuSeconds: 40 })]);
    const [header, rule, line] = table.split('\n');
    expect(header).toMatch(/^\| reports \| +build \| ms\/report \|/);
    expect(rule).toMatch(/^\|-+:\|/);
    expect(line.split('|').map((c) => c.trim()).filter(Boolean)).toEqual(['1000', '12.3 s', '12', '0.90 GB', '8.8 KB', '6.0 s', '1.5 s', '24.7 s', '1.50 GB', '0.50×', '0.75× (30 s ÷ 40 s)']);
  });

  it('shows no CPU ratio when CPU time was not measured', () => {
    expect(resultsTable([row(250)]).split('\n')[2]).toMatch(/\| +– \|$/);
  });

  it('lines up the columns of every row', () => {
    const lines = resultsTable([row(250, { buildSeconds: 9 }), row(4000, { buildSeconds: 123.4 })]).split('\n');
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });
});

describe('judgeTargets', () => {
  it('judges each target at 4000 reports and the growth from 1000', () => {
    const targets = judgeTargets([row(1000, { buildSeconds: 10 }), row(4000, { buildSeconds: 45, baselineSeconds: 50, peakRssBytes: 1.3 * GB, rebuildSeconds: 9.9, checkSeconds: 5 })]);
    expect(targets.map((t) => [t.measured, t.met])).toEqual([
      ['0.90×', true],
      ['1.30 GB', false],
      ['4.50×', false],
      ['9.9 s', true],
      ['5.0 s', false],
      ['45.0 s', false],
    ]);
  });

  it('leaves a target unjudged when its size was not measured (--quick)', () => {
    expect(judgeTargets([row(250)]).every((t) => t.met === undefined && t.measured === undefined)).toBe(true);
  });
});

describe('resultsMarkdown', () => {
  it('names the machine, the versions, the load and the command', () => {
    const text = resultsMarkdown([row(250)], {
      date: '2026-11-25 13:00 UTC',
      cpu: 'Test CPU',
      cores: 2,
      memoryBytes: 24 * GB,
      loadStart: 3.5,
      loadEnd: 4.25,
      node: 'v24.21.0',
      versions: { astro: '7.3.5' },
      commit: 'abc1234',
      command: 'npm run bench -- --quick',
    });
    expect(text).toContain('`npm run bench -- --quick` on 2026-11-25 13:00 UTC, commit abc1234.');
    expect(text).toContain('Test CPU, 2 cores, 24 GB RAM; load average 3.50 at the start, 4.25 at the end');
    expect(text).toContain('Node v24.21.0; astro 7.3.5.');
    expect(text).toContain('| Peak memory, 4000 reports');
    expect(text).toContain('medians of 2 runs');
  });
});
