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
    expect(line.split('|').map((c) => c.trim()).filter(Boolean)).toEqual(['1000', '12.3 s', '12', '0.90 GB', '8.8 KB', '6.0 s', '1.5 s', '24.7 s', '1.50 GB', '0.50×', '0.75× (30 s ÷ 40 s)', '–', '–', '–', '–']);
  });

  it('shows the .md baseline beside the MDX one when measured', () => {
    const line = resultsTable([row(4000, { buildSeconds: 30, mdSeconds: 20, mdPeakRssBytes: 0.8 * GB, buildCpuSeconds: 45, mdCpuSeconds: 30 })]).split('\n')[2];
    expect(line.split('|').map((c) => c.trim()).filter(Boolean).slice(-4)).toEqual(['20.0 s', '0.80 GB', '1.50×', '1.50× (45 s ÷ 30 s)']);
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
  it('judges each target at 4000 reports, the growth from 1000, and 20,000 when measured', () => {
    const targets = judgeTargets([
      row(1000, { buildSeconds: 10 }),
      row(4000, { buildSeconds: 45, baselineSeconds: 50, mdSeconds: 40, buildCpuSeconds: 60, mdCpuSeconds: 66, peakRssBytes: 1.3 * GB, rebuildSeconds: 7.9, checkSeconds: 2 }),
      row(20000, { buildSeconds: 240, peakRssBytes: 0.95 * GB }),
    ]);
    expect(targets.map((t) => [t.name, t.measured, t.met])).toEqual([
      ['Full build, 4000 reports, vs plain Astro over the same text as `.md`', '1.13×', false],
      ['Full build CPU, 4000 reports, vs plain Astro over `.md`', '0.91×', true],
      ['Full build, 4000 reports, vs plain Astro + MDX', '0.90×', true],
      ['Peak memory, 4000 reports', '1.30 GB', false],
      ['Build time growth, 1000 → 4000 reports', '4.50×', false],
      ['Rebuild after editing one report of 4000', '7.9 s', true],
      ['`npm run check`, 4000 reports', '2.0 s', false],
      ['Build time growth, 4000 → 20,000 reports (--archive)', '5.33×', true],
      ['Peak memory, 20,000 reports (--archive)', '0.95 GB', true],
    ]);
  });

  it('leaves the .md and 20,000 targets unjudged when they were not measured', () => {
    const targets = judgeTargets([row(1000), row(4000)]);
    expect(targets.filter((t) => t.met === undefined).map((t) => t.name)).toEqual([
      'Full build, 4000 reports, vs plain Astro over the same text as `.md`',
      'Full build CPU, 4000 reports, vs plain Astro over `.md`',
      'Build time growth, 4000 → 20,000 reports (--archive)',
      'Peak memory, 20,000 reports (--archive)',
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
