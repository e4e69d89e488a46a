/**
 * Prose against data, on the seed report and its real session: content/reports/2025-10-24-smic-rally.mdx,
 * content/markets/hk/2025-10-24.json and the registries, parsed with the schemas the build uses.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/check/index.ts';
import { copyContent, editFile, UNREAD_HISTORY } from '../support/site.ts';
import { analyseProse, checkProse, compareNumber, readNumbers, type MarkedSentence, type ProseNumber } from '../../src/check/prose.ts';
import { resolveFigure } from '../../src/lib/figures.ts';
import { buildSession } from '../../src/lib/session.ts';
import type { Stated } from '../../src/lib/stated.ts';
import { indexSchema, securitySchema, snapshotSchema } from '../../src/schemas/index.ts';

const content = fileURLToPath(new URL('../../content/', import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(content, path), 'utf8'));
const jsonFiles = (folder: string) => readdirSync(join(content, folder)).filter((name) => name.endsWith('.json'));

const securities = new Map(jsonFiles('securities').map((name) => {
  const security = securitySchema.parse(readJson(`securities/${name}`));
  return [security.ticker, security] as const;
}));
const indices = new Map(jsonFiles('indices').map((name) => {
  const index = indexSchema.parse(readJson(`indices/${name}`));
  return [index.symbol, index] as const;
}));
const session = buildSession(snapshotSchema.parse(readJson('markets/hk/2025-10-24.json')), { securities, indices });

const file = 'content/reports/2025-10-24-smic-rally.mdx';
const seed = readFileSync(join(content, 'reports/2025-10-24-smic-rally.mdx'), 'utf8');
const check = (text: string) => checkProse({ file, text, session, securities, indices });

/** Where `needle` is in `text` (its `nth` occurrence, from 0), as the check counts: line and column from 1. */
function placeOf(text: string, needle: string, nth = 0): { line: number; column: number } {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`"${needle}" not found`);
  }
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}


/** The seed report with a paragraph appended; `session` by default, or another fixture session. */
const withSentence = (sentence: string) => `${seed.trimEnd()}\n\n${sentence}\n`;
const problemsOf = (sentence: string, on = session) =>
  checkProse({ file, text: withSentence(sentence), session: on, securities, indices }).filter((p) => p.line >= placeOf(withSentence(sentence), sentence).line);

/** The seed's snapshot with the HSI falling 192 points (synthetic, for sentences about a falling market). */
const fallingSession = (() => {
  const raw = readJson('markets/hk/2025-10-24.json') as { indices: { symbol: string; change?: number; close?: number }[] };
  const copy = structuredClone(raw);
  copy.indices[0] = { ...copy.indices[0], close: 25776, change: -192 };
  return buildSession(snapshotSchema.parse(copy), { securities, indices });
})();

describe('checkProse on the seed report', () => {
  it('gives no problem: its one contradictory sentence is marked as checked by a person, and listed', () => {
    const analysis = analyseProse({ file, text: seed, session, securities, indices });
    expect(analysis.problems).toEqual([]);
    expect(analysis.marked.map((m) => [m.line, m.cleared.map((p) => p.field)])).toEqual([[placeOf(seed, '<Checked').line, ['01810.HK']]]);
  });

  it('warns about the same sentence without its mark, saying what clears it', () => {
    const unmarked = seed.replace(/<Checked reason="[^"]*">/, '').replace('</Checked>', '');
    const problems = checkProse({ file, text: unmarked, session, securities, indices });
    expect(problems.map((p) => [p.severity, p.field, p.line])).toEqual([['warning', '01810.HK', placeOf(unmarked, 'posted gains').line]]);
    expect(problems[0].message).toContain('<Checked reason=');
  });

  it('passes the seed with every <Fig> replaced by the text it renders (numbers typed in house style)', () => {
    const literal = seed.replace(/<Fig of="([^"]+)" \/>/g, (_, path: string) => resolveFigure(session, path).text);
    expect(literal).not.toContain('<Fig');
    expect(check(literal)).toEqual([]);
  });

  it('gives the same problems at the same places with Windows line endings', () => {
    const text = withSentence('The Hang Seng Index closed at 26,106.');
    const where = (problems: { line: number; column: number; message: string }[]) => problems.map((p) => [p.line, p.column, p.message]);
    expect(where(check(text))).toHaveLength(1);
    expect(where(check(text.replaceAll('\n', '\r\n')))).toEqual(where(check(text)));
  });

  it('warns about a mark that clears nothing, saying to remove it', () => {
    const problems = problemsOf('<Checked reason="fine">The HSI rose 192 points.</Checked>');
    expect(problems.map((p) => [p.severity, p.field])).toEqual([['warning', '<Checked>']]);
    expect(problems[0].message).toContain('remove the mark');
  });

  it('points at the line and column of a wrong figure inside a component body', () => {
    const needle = 'Asian technology stocks benefited';
    const text = seed.replace(needle, 'The Hang Seng Index closed at 26,106 as Asian technology stocks benefited');
    const problems = checkProse({ file, text, session, securities, indices });
    expect(problems.map((p) => ({ line: p.line, column: p.column, field: p.field }))).toEqual([{ ...placeOf(text, '26,106'), field: 'HSI' }]);
    expect(problems[0].message).toMatch(/^found 26,106 for Hang Seng Index \(HSI\), expected its close 26,160/);
  });
});

/**
 * The sentences of issue 14's "What we saw", each right against its data and with its error
 * planted: the error names the figure the sentence could have meant.
 */
const ISSUE: [string, string | undefined, 'falling'?][] = [
  ['The tech index rose as much as 2.6 % intraday before closing 1.8 % higher.', undefined],
  ['The tech index rose as much as 2.6 % intraday before closing 2.6 % higher.', 'expected its change 1.8 %'],
  ['The Hang Seng Tech Index rose 2.6 % at one point before closing 1.8 % higher.', undefined],
  ['The Hang Seng Tech Index was up 2.2 % in afternoon trade and closed 1.8 % higher.', undefined],
  ['Chip output rose 12.1 % in the first half, and SMIC rose more than 8 %.', undefined],
  ['SMIC is more than 10 % below its July peak.', undefined],
  ['The US put a 50 % tariff on steel imports, and SMIC rose more than 8 %.', undefined],
  ['The US put a 50 % tariff on steel imports, and SMIC rose 5 %.', 'expected its change more than 8 %'],
  ['SMIC rose more than 8 % on turnover of HKD 9.6 billion.', undefined],
  ['Market turnover reached HKD 226.61 billion.', undefined],
  ['Market turnover reached HKD 262.61 billion.', 'found HKD 262.61 billion for market turnover, expected HKD 226.61 billion'],
  ['Gains in a drug maker lifted sentiment even as the wider market fell.', undefined, 'falling'],
  ['Gains in a drug maker lifted sentiment even as the wider market fell.', 'the snapshot records a change of +192'],
  ['SMIC rallied while the broader market declined.', undefined, 'falling'],
  ['The Hang Seng advanced 192 points.', undefined],
  ['The Hang Seng Index rose on Friday. The benchmark advanced 1,192 points.', 'expected its change 192'],
  ['The Hang Seng advanced 1,192 points.', 'expected its change 192'],
  ['The Hang Seng Index closed at around 26,000.', undefined],
  ['The Hang Seng Index closed at around 25,000.', 'expected its close 26,160'],
  ['The Hang Seng Index rose to 26,160 from a previous close of 25,968.', undefined],
  ['The Hang Seng Index rose to 26,160 from a previous close of 25,986.', 'expected its previous close 25,968'],
];

describe('the sentences of issue 14, in a copy of the seed report', () => {
  it.each(ISSUE)('%s', (sentence, wanted, data) => {
    const problems = problemsOf(sentence, data === 'falling' ? fallingSession : session);
    if (!wanted) expect(problems).toEqual([]);
    else expect(problems.filter((p) => p.severity === 'error').map((p) => p.message).join('\n')).toContain(wanted);
  });
});

describe('readNumbers', () => {
  it('reads approximate words with their side', () => {
    const [nearly, over] = readNumbers('nearly 10 % and just over 8 %').numbers;
    expect(nearly).toMatchObject({ qualifier: 'around', side: 'below', value: 10 });
    expect(over).toMatchObject({ qualifier: 'moreThan', side: 'above', value: 8 });
  });
});

describe('compareNumber', () => {
  const number = (text: string): ProseNumber => readNumbers(text).numbers[0];
  const exact = (value: number): Stated => ({ value, qualifier: 'exact' });
  it.each<[string, Stated, boolean, string]>([
    ['0.7 %', exact(0.7394), true, 'implied'],
    ['0.74 %', exact(0.7394), true, 'implied'],
    ['0.8 %', exact(0.7394), true, 'contradicted'],
    ['1.8 %', exact(-1.8), true, 'implied'],
    ['+1.8 %', exact(-1.8), true, 'contradicted'],
    ['−1.8 %', exact(-1.8), true, 'implied'],
    ['26,160', exact(26160), false, 'implied'],
    ['26,106', exact(26160), false, 'contradicted'],
    ['around 26,000', exact(26160), false, 'implied'],
    ['around 25,000', exact(26160), false, 'contradicted'],
    ['nearly 10 %', exact(9.9), true, 'implied'],
    ['nearly 10 %', exact(8.8), true, 'contradicted'],
    ['nearly 10 %', exact(10.2), true, 'contradicted'],
    ['just over 8 %', exact(8.3), true, 'implied'],
    ['just over 8 %', exact(9), true, 'contradicted'],
    ['25,480.35', { value: 25480, qualifier: 'exact', decimals: 0 }, false, 'consistent'],
    ['25,480', { value: 25480, qualifier: 'exact', decimals: 0 }, false, 'implied'],
    ['25,481', { value: 25480, qualifier: 'exact', decimals: 0 }, false, 'contradicted'],
    ['25,479', { value: 25480, qualifier: 'exact', decimals: 0 }, false, 'contradicted'],
    ['HKD 80', { value: 80, qualifier: 'exact', decimals: 2 }, false, 'implied'],
    ['HKD 80.01', { value: 80, qualifier: 'exact', decimals: 2 }, false, 'contradicted'],
    ['more than 8 %', { value: 8, qualifier: 'moreThan' }, true, 'implied'],
    ['more than 7 %', { value: 8, qualifier: 'moreThan' }, true, 'implied'],
    ['8.5 %', { value: 8, qualifier: 'moreThan' }, true, 'consistent'],
    ['8 %', { value: 8, qualifier: 'moreThan' }, true, 'consistent'],
    ['9.5 %', { value: 8, qualifier: 'moreThan' }, true, 'unsupported'],
    ['more than 9 %', { value: 8, qualifier: 'moreThan' }, true, 'unsupported'],
    ['7.4 %', { value: 8, qualifier: 'moreThan' }, true, 'contradicted'],
    ['less than 8 %', { value: 8, qualifier: 'moreThan' }, true, 'contradicted'],
    ['HKD 654.8 million', exact(654_800_000), true, 'implied'],
    ['HKD 0.65 billion', exact(654_800_000), true, 'implied'],
    ['HKD 655 million', exact(654_800_000), true, 'implied'],
    ['HKD 654 million', exact(654_800_000), true, 'contradicted'],
  ])('%s against %j', (text, stated, signed, verdict) => {
    expect(compareNumber(number(text), stated, signed)).toBe(verdict);
  });
});

/**
 * Figures the data model is gaining (intraday high and low, a stock's turnover, breadth, Stock
 * Connect totals), on a synthetic copy of the seed session that states them: checked where stated,
 * counted as unchecked where not.
 */
describe('checkProse against intraday, turnover, breadth and flow-total figures', () => {
  const exact = (value: number): Stated => ({ value, qualifier: 'exact' });
  const rich = {
    ...session,
    indices: session.indices.map((q) => (q.id === 'HSTECH' ? { ...q, high: exact(6108), low: exact(5960) } : q)),
    stocks: session.stocks.map((q) => (q.id === '00981.HK' ? { ...q, turnover: exact(9_600_000_000) } : q)),
    breadth: { advancers: exact(1012), decliners: exact(688), unchanged: exact(310) },
    flowTotals: [{ direction: 'southbound', netInflow: exact(5_210_000_000) }],
  } as unknown as typeof session;
  const on = (sentence: string) => problemsOf(sentence, rich);
  const errors = (sentence: string) => on(sentence).filter((p) => p.severity === 'error').map((p) => p.message);

  it.each<[string, string | undefined]>([
    // HSTECH: previous close 5,951, high 6,108 (+2.64 %), low 5,960.
    ['The Hang Seng Tech Index rose as much as 2.6 % intraday before closing 1.8 % higher.', undefined],
    ['The Hang Seng Tech Index rose as much as 3.6 % intraday before closing 1.8 % higher.', 'expected its intraday high 2.64'],
    ['The Hang Seng Tech Index touched 6,108 before closing at 6,059.', undefined],
    ['The Hang Seng Tech Index touched 6,180 before closing at 6,059.', 'expected its intraday high 6,108'],
    ['SMIC rose more than 8 % on turnover of HKD 9.6 billion.', undefined],
    ['SMIC rose more than 8 % on turnover of HKD 6.9 billion.', 'expected its turnover HKD 9.6 billion'],
    ['Advancers outnumbered decliners 1,012 to 688.', undefined],
    ['Advancers outnumbered decliners 1,102 to 688.', 'found 1,102 advancers, expected the snapshot'],
    ['Some 1,012 stocks rose, while 688 fell and 310 were unchanged.', undefined],
    ['Some 1,012 stocks rose, while 886 fell.', 'found 886 decliners'],
    ['Southbound investors bought a net HKD 5.21 billion of Hong Kong stocks.', undefined],
    ['Southbound investors bought a net HKD 2.51 billion of Hong Kong stocks.', 'for market southbound net flow, expected HKD 5.21 billion'],
    ['Southbound investors were net buyers of Hong Kong shares.', undefined],
    ['Southbound investors were net sellers of Hong Kong shares.', 'expected net buyers'],
  ])('%s', (sentence, wanted) => {
    if (!wanted) expect(on(sentence)).toEqual([]);
    else expect(errors(sentence).join('\n')).toContain(wanted);
  });

  it('counts them as unchecked, never reported, where the snapshot does not state them', () => {
    for (const sentence of ['Advancers outnumbered decliners 1,102 to 688.', 'The Hang Seng Tech Index touched 6,180 before closing at 6,059.', 'Southbound investors were net sellers of Hong Kong shares.']) {
      const text = withSentence(sentence);
      const analysis = analyseProse({ file, text, session, securities, indices });
      expect(analysis.problems).toEqual([]);
      expect(analysis.unchecked.length).toBeGreaterThan(0);
    }
  });
});

describe('the prose check inside checkContent, on the tree the body check parses', () => {
  const NOW = new Date('2025-11-01T00:00:00Z');
  let copy: string;
  beforeAll(() => {
    copy = copyContent('prose-check');
  });
  afterAll(() => rmSync(dirname(copy), { recursive: true, force: true }));

  it('reports a wrong figure at its line and column, lists the seed mark, and passes the seed', () => {
    const report = join(copy, 'reports/2025-10-24-smic-rally.mdx');
    const marked: MarkedSentence[] = [];
    const check = () => checkContent({ root: copy, now: NOW, history: UNREAD_HISTORY, onMarked: (m) => marked.push(m) });
    expect(check().filter((p) => p.field !== '' && /prose|HSI|<Checked>|01810/.test(p.field))).toEqual([]);
    expect(marked).toHaveLength(1);
    const text = seed.replace('## Conclusion\n', '## Conclusion\n\nThe Hang Seng advanced 1,192 points.\n');
    editFile(report, () => text);
    const errors = check().filter((p) => p.field === 'HSI');
    expect(errors.map((p) => [p.line, p.column])).toEqual([[placeOf(text, '1,192').line, placeOf(text, '1,192').column]]);
    expect(errors[0].message).toContain('expected its change 192');
  });
});
