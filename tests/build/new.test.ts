/**
 * `npm run new`: scaffolds a snapshot and a report for a trading day, refuses a closed day, never
 * overwrites, and what it writes fails the check until every TODO is replaced, then passes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/check/index.ts';
import { copyContent } from '../support/site.ts';

function runNew(content: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/new.ts', ...args], { env: { ...process.env, CLOSING_BELL_CONTENT: content }, encoding: 'utf8' });
  return { code: result.status, output: result.stdout + result.stderr };
}

const NOW = new Date('2025-11-01T00:00:00Z');

describe('npm run new', () => {
  it('writes a snapshot and a report with every field stubbed, which the check refuses until filled in', () => {
    const content = copyContent('new');
    const { code, output } = runNew(content, '--market', 'hk', '--date', '2025-10-27', '--title', 'Tech Stocks Rebound');
    expect(code, output).toBe(0);
    const snapshot = join(content, 'markets/hk/2025-10-27.json');
    const report = join(content, 'reports/2025-10-27-tech-stocks-rebound.mdx');
    expect(output).toContain(`created  ${snapshot}`);
    expect(output).toContain(`created  ${report}`);

    const problems = checkContent({ root: relative('.', content), now: NOW });
    const reportProblems = problems.filter((p) => p.file.endsWith('2025-10-27-tech-stocks-rebound.mdx'));
    expect(reportProblems.filter((p) => p.field === 'TODO').map((p) => p.line)).toEqual([3, 8, 10, 12, 14, 17, 28, 29, 34, 39]);
    const snapshotProblems = problems.filter((p) => p.file.endsWith('2025-10-27.json'));
    expect(snapshotProblems.map((p) => p.field)).toEqual(
      expect.arrayContaining(['turnover', 'indices[0].close', 'indices[0].change', 'stocks[0].close', 'flows[0].netInflow']),
    );
    expect(snapshotProblems.every((p) => p.message.startsWith('found "TODO'))).toBe(true);

    // An author fills in every TODO (with synthetic figures: this is a test, continuing the seed
    // session's closes: HSI 26,160 and SMIC HKD 80 on 2025-10-24) and the check passes.
    const filled = JSON.parse(readFileSync(snapshot, 'utf8'));
    expect(Object.keys(filled)).toEqual(['market', 'date', 'source', 'turnover', 'indices', 'stocks', 'flows']);
    Object.assign(filled, {
      source: 'Synthetic figures for a test',
      turnover: 100000000000,
      indices: [{ symbol: 'HSI', close: 26161, change: 1 }],
      stocks: [{ ticker: '00981.HK', close: 81, change: 1, high52w: 93.5, low52w: 50, peRatio: 1 }],
      flows: [{ ticker: '00981.HK', direction: 'southbound', netInflow: 1 }],
    });
    writeFileSync(snapshot, JSON.stringify(filled, null, 2));
    writeFileSync(
      report,
      readFileSync(report, 'utf8')
        .replace(/TODO: the opening paragraph[^\n]*/, 'The index rose <Fig of="HSI.change" /> points to <Fig of="HSI.close" />.')
        .replace('TODO one or two sentences that sum up the session', 'A synthetic session for a test.')
        .replace('TODO your name', 'Test Desk')
        .replace('  - TODO.HK', '  - 00981.HK')
        .replace('indices:\n  - TODO', 'indices:\n  - HSI')
        .replace('tags:\n  - TODO', 'tags:\n  - synthetic')
        .replace(/TODO: ?/g, ''),
    );
    const left = checkContent({ root: relative('.', content), now: NOW }).filter((p) => !p.file.endsWith('2025-10-24-smic-rally.mdx'));
    expect(left.map((p) => `${p.file} ${p.severity} ${p.field} ${p.message}`)).toEqual([]);
  });

  it.each([
    ['a weekend', '2025-10-25', /found 2025-10-25, expected a HKEX trading day: 2025-10-25 is a weekend/],
    ['a holiday', '2025-12-25', /2025-12-25 is a hkex holiday \(Christmas Day\)/],
    ['an impossible date', '2025-02-30', /--date: found "2025-02-30", which is not a day of the calendar, expected a real date/],
    ['a year the calendar does not cover', '2031-01-06', /the hkex calendar covers 2000–2030 only; content\/calendars\/hkex\.json is made by `npm run calendars`/],
  ])('refuses %s and writes nothing', (_, date, message) => {
    const content = copyContent('new-closed');
    const { code, output } = runNew(content, '--date', date, '--title', 'Closed');
    expect(code).toBe(1);
    expect(output).toMatch(message);
    expect(existsSync(join(content, `markets/hk/${date}.json`))).toBe(false);
    expect(existsSync(join(content, `reports/${date}-closed.mdx`))).toBe(false);
  });

  it('never overwrites: keeps an existing snapshot, and refuses an existing report', () => {
    const content = copyContent('new-exists');
    const snapshot = join(content, 'markets/hk/2025-10-24.json');
    const before = readFileSync(snapshot, 'utf8');
    const first = runNew(content, '--date', '2025-10-24', '--title', 'Second Look');
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain(`kept     ${snapshot}`);
    expect(readFileSync(snapshot, 'utf8')).toBe(before);
    const report = join(content, 'reports/2025-10-24-second-look.mdx');
    writeFileSync(report, 'an author’s draft');
    const second = runNew(content, '--date', '2025-10-24', '--title', 'Second Look');
    expect(second.code).toBe(1);
    expect(second.output).toContain('already exists; nothing was written');
    expect(readFileSync(report, 'utf8')).toBe('an author’s draft');
  });
});
