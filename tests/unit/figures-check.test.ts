/**
 * The content check on misprinted figures, in-process, on a copy of content/ with one edit: it
 * stops at the file and line, names the figures that disagree and the likely culprit.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/check/index.ts';
import { TMP } from '../support/site.ts';

const NOW = new Date('2025-11-01T00:00:00Z');
const SNAPSHOT = 'content/markets/hk/2025-10-24.json';
let root: string;

beforeEach(() => {
  mkdirSync(TMP, { recursive: true });
  root = mkdtempSync(join(TMP, 'figures-'));
  cpSync('content', join(root, 'content'), { recursive: true });
});

const edit = (path: string, change: (text: string) => string) => {
  const before = readFileSync(join(root, path), 'utf8');
  const after = change(before);
  expect(after, 'the edit applies').not.toBe(before);
  writeFileSync(join(root, path), after);
};
const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
const errors = () => checkContent({ root: 'content', cwd: root, now: NOW }).filter((p) => p.severity === 'error');
/** The 1-based line of the first occurrence of `text` in a file of the copy. */
const lineOf = (path: string, text: string) => readFileSync(join(root, path), 'utf8').split('\n').findIndex((line) => line.includes(text)) + 1;

describe('misprints in the seed snapshot', () => {
  it('passes as published: the stated percents agree with points and close', () => {
    expect(errors()).toEqual([]);
  });

  it('stops at the HSI line and names 192 when the change is typed 1192 beside the stated 0.7 %', () => {
    edit(SNAPSHOT, (t) => t.replace('"close": 26160, "change": 192', '"close": 26160, "change": 1192'));
    expect(errors()).toEqual([
      expect.objectContaining({
        file: SNAPSHOT,
        line: lineOf(SNAPSHOT, '"change": 1192'),
        field: 'indices[0].change',
        message: expect.stringContaining('a change of 192 agrees with 26,160 and 0.7 %: the stated 1,192 has a digit typed twice'),
      }),
    ]);
  });

  it('names the close when a stray digit is typed into it', () => {
    edit(SNAPSHOT, (t) => t.replace('"close": 26160', '"close": 216160'));
    expect(errors()).toEqual([
      expect.objectContaining({
        file: SNAPSHOT,
        line: lineOf(SNAPSHOT, '"close": 216160'),
        field: 'indices[0].close',
        message: expect.stringContaining('a close of 26,160 agrees with 192 and 0.7 %: the stated 216,160 has a stray digit'),
      }),
    ]);
  });

  it('names a misplaced decimal point in a stock’s close against its 52-week high', () => {
    edit(SNAPSHOT, (t) => t.replace('"close": 80,', '"close": 800,'));
    const [problem, ...others] = errors();
    expect(others).toEqual([]);
    expect(problem).toMatchObject({ file: SNAPSHOT, line: lineOf(SNAPSHOT, '"close": 800'), field: 'stocks[0].close' });
    expect(problem.message).toContain('a close of 80.0 (the stated 800 has a missing decimal point)');
  });

  it('refuses a change larger than the close with its line, before anything renders', () => {
    edit(SNAPSHOT, (t) => t.replace('{ "symbol": "HSCEI", "close": 9363, "change": 63, "changePercent": 0.7 }', '{ "symbol": "HSCEI", "close": 100, "change": 150 }'));
    // (The report's <Fig of="HSCEI.changePercent"> is refused too: the snapshot no longer states it.)
    expect(errors().filter((p) => p.file === SNAPSHOT)).toEqual([
      expect.objectContaining({ file: SNAPSHOT, line: lineOf(SNAPSHOT, '"close": 100'), field: 'indices[2].change', message: expect.stringContaining('put the previous close at −50, expected a previous close above zero') }),
    ]);
  });

  it('refuses a bounded fall written as a negative bound, with the form to write', () => {
    edit(SNAPSHOT, (t) => t.replace('"changePercent": { "moreThan": 8 }', '"changePercent": { "moreThan": -2 }'));
    expect(errors()).toEqual([
      expect.objectContaining({ field: 'stocks[0].changePercent', message: expect.stringContaining('{ "lessThan": 2 } with "direction": "down"') }),
    ]);
  });

  it('judges a percent at the precision written: "0.70" is two places', () => {
    edit(SNAPSHOT, (t) => t.replace('"change": 192, "changePercent": 0.7', '"change": 192, "changePercent": 0.70'));
    expect(errors()).toEqual([expect.objectContaining({ field: 'indices[0].changePercent', message: expect.stringContaining('give a percent change of 0.74 %') })]);
  });

  it('refuses a move beyond ±5 % for an index unless a note explains it', () => {
    edit(SNAPSHOT, (t) => t.replace('{ "symbol": "HSCEI", "close": 9363, "change": 63, "changePercent": 0.7 }', '{ "symbol": "HSCEI", "close": 9363, "change": 663 }'));
    expect(errors()).toEqual([expect.objectContaining({ field: 'indices[2].change', message: expect.stringContaining('beyond the ±5 %') })]);
    edit(SNAPSHOT, (t) => t.replace('"change": 663 }', '"change": 663, "note": "Synthetic: a rebalancing day." }'));
    expect(errors()).toEqual([]);
  });

  it('checks flow totals: a figure or a side, and a side that agrees with the figure', () => {
    edit(SNAPSHOT, (t) => t.replace('"turnover": 226610000000,', '"turnover": 226610000000,\n  "flowTotals": [{ "direction": "southbound" }, { "direction": "northbound", "netInflow": -1200000000, "side": "buyers" }],'));
    expect(errors().map((p) => [p.field, p.message.slice(0, 40)])).toEqual([
      ['flowTotals[0]', 'found a southbound total with neither "n'],
      ['flowTotals[1].side', 'found "side": "buyers" beside a net infl'],
    ]);
  });
});

describe('continuity across sessions', () => {
  const next = (hsi: string) =>
    write(
      'content/markets/hk/2025-10-27.json',
      `{\n  "market": "hk",\n  "date": "2025-10-27",\n  "source": "Synthetic test data",\n  "indices": [\n    ${hsi}\n  ]\n}\n`,
    );

  it('accepts a previous close that agrees with the earlier session’s close', () => {
    next('{ "symbol": "HSI", "close": 26433, "change": 273 }');
    expect(errors()).toEqual([]);
  });

  it('refuses a previous close that does not, on the later snapshot’s line', () => {
    next('{ "symbol": "HSI", "close": 26433, "previousClose": 26106 }');
    expect(errors()).toEqual([
      expect.objectContaining({
        file: 'content/markets/hk/2025-10-27.json',
        line: 6,
        field: 'indices[0].previousClose',
        message: 'found a previous close of 26,106, but content/markets/hk/2025-10-24.json (2025-10-24) states a close of 26,160, expected the two to agree',
      }),
    ]);
  });

  it('leaves alone sessions that do not follow each other', () => {
    write('content/markets/hk/2025-10-29.json', '{ "market": "hk", "date": "2025-10-29", "source": "Synthetic test data", "indices": [{ "symbol": "HSI", "close": 26000, "previousClose": 25000 }] }\n');
    expect(errors()).toEqual([]);
  });
});
