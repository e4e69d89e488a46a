import { describe, expect, it } from 'vitest';
import { fieldName, formatGithub, formatProblem, formatReport, type Problem } from '../../src/config/problem.ts';

const problem = (overrides: Partial<Problem> = {}): Problem => ({
  severity: 'error',
  file: 'content/markets/hk/2025-10-24.json',
  line: 7,
  column: 24,
  field: 'indices[0].close',
  message: 'found "26,160", expected a number',
  ...overrides,
});

describe('fieldName', () => {
  it.each([
    [['stocks', 0, 'close'], 'stocks[0].close'],
    [['turnover'], 'turnover'],
    [['indices', 2], 'indices[2]'],
    [[], ''],
  ])('%j → %s', (path, expected) => expect(fieldName(path)).toBe(expected));
});

describe('formatProblem', () => {
  it('puts place, field and message in columns an editor can follow', () => {
    expect(formatProblem(problem())).toBe('content/markets/hk/2025-10-24.json:7:24  indices[0].close  found "26,160", expected a number');
  });
  it('marks warnings and leaves out an empty field', () => {
    expect(formatProblem(problem({ severity: 'warning', field: '' }))).toBe('content/markets/hk/2025-10-24.json:7:24  warning: found "26,160", expected a number');
  });
});

describe('formatReport', () => {
  it('sorts by file, line and column and counts errors and warnings', () => {
    const report = formatReport([problem({ line: 9 }), problem({ file: 'content/a.json', severity: 'warning' }), problem({ line: 7, column: 3 })]);
    expect(report.split('\n')).toEqual([
      'content/a.json:7:24  indices[0].close  warning: found "26,160", expected a number',
      'content/markets/hk/2025-10-24.json:7:3  indices[0].close  found "26,160", expected a number',
      'content/markets/hk/2025-10-24.json:9:24  indices[0].close  found "26,160", expected a number',
      '2 errors, 1 warning',
    ]);
  });
});

describe('formatGithub', () => {
  it('writes a workflow command GitHub annotates on the line', () => {
    expect(formatGithub(problem())).toBe(
      '::error file=content/markets/hk/2025-10-24.json,line=7,col=24,title=indices[0].close::found "26,160", expected a number',
    );
  });
  it('escapes %, newlines, and : and , inside properties, as GitHub documents', () => {
    expect(formatGithub(problem({ severity: 'warning', file: 'a,b:c.json', field: 'x', message: '0.7 %\nnext' }))).toBe(
      '::warning file=a%2Cb%3Ac.json,line=7,col=24,title=x::0.7 %25%0Anext',
    );
  });
  it('leaves the title out when no field is at fault', () => {
    expect(formatGithub(problem({ field: '' }))).toBe('::error file=content/markets/hk/2025-10-24.json,line=7,col=24::found "26,160", expected a number');
  });
});
