/**
 * Prose against data, on the seed report and its real session: content/reports/2025-10-24-smic-rally.mdx,
 * content/markets/hk/2025-10-24.json and the registries, parsed with the schemas the build uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkProse, compareNumber, FIG_MARK, readNumbers, splitSentences, type ProseNumber } from '../../src/check/prose.ts';
import { formatProblem, type Problem, type Severity } from '../../src/check/problem.ts';
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

const XIAOMI_WARNING =
  'found "posted gains" and "slipped" for Xiaomi (01810.HK) in one sentence, expected one direction; the snapshot records no direction for it, and the sentence cannot be checked against it';

describe('checkProse on the seed report', () => {
  it('gives no error and exactly one warning: Xiaomi, whose source says both "posted gains" and "slipped"', () => {
    expect(check(seed)).toEqual<Problem[]>([
      { severity: 'warning', file, ...placeOf(seed, 'posted gains'), field: '01810.HK', message: XIAOMI_WARNING },
    ]);
  });

  it('gives the same when every <Fig> is replaced by the text it renders (literal numbers in house style)', () => {
    const literal = seed.replace(/<Fig of="([^"]+)" \/>/g, (_, path: string) => resolveFigure(session, path).text);
    expect(literal).not.toContain('<Fig');
    expect(literal).toContain('rose 192 points (0.7\u00a0%) to 26,160');
    expect(check(literal).map(formatProblem)).toEqual([
      `${file}:${placeOf(literal, 'posted gains').line}:${placeOf(literal, 'posted gains').column}  01810.HK  warning: ${XIAOMI_WARNING}`,
    ]);
  });

  it('gives the same problems, at the same places, with Windows line endings', () => {
    expect(check(seed.replaceAll('\n', '\r\n'))).toEqual(check(seed));
  });

  it('points into the whole file, front matter included, inside a component body', () => {
    const needle = 'Asian technology stocks benefited';
    const text = seed.replace(needle, 'The Hang Seng Index fell 26,106 points as Asian technology stocks benefited');
    const errors = check(text).filter((p) => p.severity === 'error');
    expect(errors).toEqual<Problem[]>([
      {
        severity: 'error',
        file,
        ...placeOf(text, 'fell'),
        field: 'HSI',
        message: 'found "fell" for Hang Seng Index (HSI), expected a word for a rise: the snapshot records a change of +192 (+0.7 %)',
      },
      {
        severity: 'error',
        file,
        ...placeOf(text, '26,106'),
        field: 'HSI',
        message: 'found 26,106 points for Hang Seng Index (HSI), expected one of its figures: close 26,160, change 192, change 0.7 %',
      },
    ]);
    // The first line of the first <Driver>, indented four spaces: "The Hang Seng Index " is 20 more.
    const driverLine = seed.slice(0, seed.indexOf(needle)).split('\n').length;
    expect(driverLine).toBeGreaterThan(40);
    expect(placeOf(text, 'fell')).toEqual({ line: driverLine, column: 25 });
  });
});

interface Expected {
  severity: Severity;
  field: string;
  /** The whole message, or the start of it when it ends with "…". */
  message: string;
  /** Text the problem points at, in the appended sentence (its `nth` occurrence there). */
  at: string;
  nth?: number;
}

const error = (field: string, at: string, message: string, nth?: number): Expected => ({ severity: 'error', field, at, message, nth });
const warning = (field: string, at: string, message: string, nth?: number): Expected => ({ severity: 'warning', field, at, message, nth });

const HSI_FIGURES = 'expected one of its figures: close 26,160, change 192, change 0.7 %';
const HSTECH_FIGURES = 'expected one of its figures: close 6,059, change 108, change 1.8 %';
const SMIC_FIGURES =
  'expected one of its figures: close HKD 80, change more than 8 %, 52-week high HKD 93.5, off 52-week high 14.44 %, P/E 144.22, southbound net inflow HKD 570.7 million';
const HSI_RISE = 'expected a word for a rise: the snapshot records a change of +192 (+0.7 %)';

const CASES: [string, Expected[]][] = [
  // The examples.
  ['The Hang Seng Index closed at 26,106.', [error('HSI', '26,106', `found 26,106 for Hang Seng Index (HSI), ${HSI_FIGURES}`)]],
  ['The Hang Seng Index fell 192 points.', [error('HSI', 'fell', `found "fell" for Hang Seng Index (HSI), ${HSI_RISE}`)]],
  ['The HSTI gained 108 points (2.9 %).', [error('HSTECH', '2.9', `found 2.9 % for Hang Seng TECH Index (HSTECH), ${HSTECH_FIGURES}`)]],
  ['The HSI rose 192 points (0.7 %) to 26,160, while the Hang Seng Tech Index (HSTI) gained 108 points (1.8 %) to 6,059.', []],
  // Each number goes to the nearest entity named before it: swapped, all six are wrong.
  [
    'The HSI rose 108 points (1.8 %) to 6,059, while the Hang Seng Tech Index (HSTI) gained 192 points (0.7 %) to 26,160.',
    [
      error('HSI', '108', `found 108 points for Hang Seng Index (HSI), ${HSI_FIGURES}`),
      error('HSI', '1.8', `found 1.8 % for Hang Seng Index (HSI), ${HSI_FIGURES}`),
      error('HSI', '6,059', `found 6,059 for Hang Seng Index (HSI), ${HSI_FIGURES}`),
      error('HSTECH', '192', `found 192 points for Hang Seng TECH Index (HSTECH), ${HSTECH_FIGURES}`),
      error('HSTECH', '0.7', `found 0.7 % for Hang Seng TECH Index (HSTECH), ${HSTECH_FIGURES}`),
      error('HSTECH', '26,160', `found 26,160 for Hang Seng TECH Index (HSTECH), ${HSTECH_FIGURES}`),
    ],
  ],
  // Precision as written: the source states 0.7 %, so "0.7" and never "0.8"; "0.74" claims digits
  // the source does not give.
  ['The Hang Seng Index rose 0.7 %.', []],
  ['The Hang Seng Index rose 0.74 %.', [error('HSI', '0.74', `found 0.74 % for Hang Seng Index (HSI), ${HSI_FIGURES}`)]],
  ['The Hang Seng Index rose 0.8 %.', [error('HSI', '0.8', `found 0.8 % for Hang Seng Index (HSI), ${HSI_FIGURES}`)]],
  ['The HSCEI closed at around 9,400, up about 0.7 %.', []],
  ['The HSCEI closed at 9,400.', [error('HSCEI', '9,400', 'found 9,400 for Hang Seng China Enterprises Index (HSCEI), expected one of its figures: close 9,363, change 63, change 0.7 %')]],
  ['The HSI held above the 26,000 level.', []],
  // SMIC's percent is { "moreThan": 8 }.
  ['SMIC rallied more than 8 %.', []],
  ['SMIC rallied 8.5 %.', []],
  ['SMIC rallied 7 %.', [error('00981.HK', '7', `found 7 % for SMIC (00981.HK), ${SMIC_FIGURES}`)]],
  ['SMIC rallied less than 8 %.', [error('00981.HK', '8', `found less than 8 % for SMIC (00981.HK), ${SMIC_FIGURES}`)]],
  ['SMIC rallied 15 %.', [warning('00981.HK', '15', 'found 15 % for SMIC (00981.HK), expected what the snapshot records, change more than 8 %; that bound allows 15 % but does not back it')]],
  ['SMIC rallied more than 9 %.', [warning('00981.HK', '9', 'found more than 9 % for SMIC (00981.HK), expected what the snapshot records, change more than 8 %; that bound allows more than 9 % but does not back it')]],
  ['SMIC fell 8 %.', [error('00981.HK', 'fell', 'found "fell" for SMIC (00981.HK), expected a word for a rise: the snapshot records a change of more than +8 %')]],
  // Prices, ratios and money at their scale.
  ["SMIC closed at HKD 80, some 14.4 % below its 52‑week high of HKD 93.5, and trades at 144.22 times earnings.", []],
  ["The HSI's 192-point gain took it to 26,160; SMIC closed at HKD80.", []],
  ["The HSI's 108-point drop took it to 26,160.", [error('HSI', '108', `found 108-point for Hang Seng Index (HSI), ${HSI_FIGURES}`), error('HSI', 'drop', `found "drop" for Hang Seng Index (HSI), ${HSI_RISE}`)]],
  ['SMIC closed at HKD 82.', [error('00981.HK', '82', `found HKD 82 for SMIC (00981.HK), ${SMIC_FIGURES}`)]],
  ['Southbound net inflows of HKD 654.8 million were recorded for Meituan‑W (03690.HK).', []],
  ['Meituan drew HKD 0.65 billion of southbound money.', []],
  ['Southbound net inflows of HKD 600 million were recorded for Meituan-W (03690.HK).', [error('03690.HK', '600', 'found HKD 600 million for Meituan-W (03690.HK), expected one of its figures: southbound net inflow HKD 654.8 million')]],
  ['Market turnover reached HKD 226.61 billion.', []],
  ['Market turnover reached HKD 230 billion.', [error('turnover', '230', 'found HKD 230 billion for market turnover, expected one of its figures: turnover HKD 226.61 billion')]],
  // Figures bound with <Fig> are never numbers, but name their entity.
  ['Shares closed at <Fig of="00981.HK.close" />, up 7 %.', [error('00981.HK', '7', `found 7 % for SMIC (00981.HK), ${SMIC_FIGURES}`)]],
  ['The benchmark closed at <Fig of="HSI.close" />, down <Fig of="HSI.changePercent" />.', [error('HSI', 'down', `found "down" for Hang Seng Index (HSI), ${HSI_RISE}`)]],
  // Component tags are not prose; the text between opening and closing tags is.
  ['<Driver title="HSI fell 2.9 %">The Hang Seng Index fell 192 points.</Driver>', [error('HSI', 'fell', `found "fell" for Hang Seng Index (HSI), ${HSI_RISE}`, 1)]],
  ['<StockCard ticker="00981.HK" />', []],
  // Not figures: dates, years, durations, counts, tickers; nor sentences that name no entity.
  ['The Hang Seng Index closed at 26,160 on October 24, 2025.', []],
  ['On 24 October 2025 the HSI rose 0.7 %.', []],
  ['On Oct. 24 the HSI rose 192 points, its best close since 2021, as 58 of its 82 constituents advanced.', []],
  ['Analysts counted 26,106 trades, a 2.9 % rise on 2024, and 192 points of interest in 3.5 hours.', []],
  ['Volumes rose 12 % to 3,400 while the dollar fell 2.9 %.', []],
  ['The HSI has gained 30 % this year.', []],
  ['SMIC did not fall, and analysts expect it could drop 5 %.', []],
  ['The HSI, which fell 1.2 % on Thursday, rebounded 0.7 % on Friday.', []],
  ['SMIC trades at 144.22 times earnings, about 3 times the sector average of 48.', []],
  ['SMIC traded 120 million shares, and 5 % of the index is chips.', []],
  ['The HSI has fallen 5 % from its October peak.', [warning('HSI', '5', 'found 5 % for Hang Seng Index (HSI), expected one of its figures, but the hk/2025-10-24 snapshot records none this could be (it has close 26,160, change 192, change 0.7 %); the number cannot be checked')]],
  // Ambiguity is a warning, never an error.
  ['Xiaomi slipped slightly.', [warning('01810.HK', 'slipped', 'found "slipped" for Xiaomi (01810.HK), expected a direction the hk/2025-10-24 snapshot records, but it records none; the word cannot be checked')]],
  ['The HSI rose early but fell back to close at 26,160.', [warning('HSI', 'rose', 'found "rose" and "fell" for Hang Seng Index (HSI) in one sentence, expected one direction; the snapshot records a change of +192 (+0.7 %), but the sentence cannot be checked against it')]],
  ['Rising 2.5 %, the HSI outpaced the HSTI.', [warning('prose', '2.5', 'found 2.5 % before the sentence says which of Hang Seng Index (HSI) and Hang Seng TECH Index (HSTECH) it is about, expected a figure of one of them; it matches none, so it cannot be tied to one entity and checked')]],
  ['Alibaba rose 3 %.', [warning('09988.HK', '3', 'found 3 % for Alibaba (09988.HK), expected one of its figures, but the hk/2025-10-24 snapshot records none for it; the number cannot be checked')]],
  ['Alibaba (09988.HK) and SMIC (00981.HK) both rallied.', []],
  ['Alibaba (09988.HK) and SMIC (00981.HK) both fell.', [error('09988.HK', 'fell', 'found "fell" for Alibaba (09988.HK), expected a word for a rise: the snapshot records the direction up'), error('00981.HK', 'fell', 'found "fell" for SMIC (00981.HK), expected a word for a rise: the snapshot records a change of more than +8 %')]],
];

describe('checkProse on a sentence appended to the seed', () => {
  it.each(CASES)('%s', (sentence, expected) => {
    const text = `${seed.trimEnd()}\n\n${sentence}\n`;
    const start = placeOf(text, sentence);
    const added = check(text).filter((p) => p.line >= start.line);
    const want = expected.map((e) => {
      const inSentence = placeOf(sentence, e.at, e.nth);
      return { severity: e.severity, file, line: start.line, column: inSentence.column, field: e.field, message: e.message };
    });
    expect(added.sort((a, b) => a.column - b.column)).toEqual(want.sort((a, b) => a.column - b.column));
    // Nothing else in the report moved or changed.
    expect(check(text).filter((p) => p.line < start.line)).toEqual(check(seed));
  });
});

/** Wire-style sentences a desk might write about this session, every figure right. */
const WIRE_COPY = `---
title: Wire copy
---

Hong Kong stocks closed higher on Friday, with the Hang Seng Index up 0.7 % at 26,160.

The Hang Seng Index added 192 points, or 0.7 %, to finish at 26,160. Tech shares led the gains, with the Hang Seng Tech Index jumping 1.8 %.

SMIC soared more than 8 % to HKD 80, its biggest gain in a month. SMIC, China's largest chipmaker, rallied more than 8 %.

Southbound investors bought a net HKD 570.7 million of SMIC shares. Meituan drew HKD 654.8 million in southbound inflows, while SMIC drew HKD 570.7 million.

The HSI rose 0.7 % on turnover of HKD 226.61 billion. The HSI's 0.7 % gain was its biggest in two weeks.

SMIC shares, which hit a record HKD 93.5 earlier this month, closed at HKD 80, some 14.4 % below that high.

HSI +0.7 %, HSTECH +1.8 %, HSCEI +0.7 %.

The HSI, which fell 1.2 % on Thursday, rebounded 0.7 % on Friday. The Hang Seng Index has gained 30 % this year, while SMIC has more than doubled.

The HSCEI advanced 63 points, or 0.7 %, to 9,363, its highest close since 2021.

SMIC has a P/E of 144.22, about 3 times the sector average of 48.

SMIC's shares rose 8 per cent to HK$80.

SMIC's market value is about HKD 640 billion. Xiaomi shares were little changed, and Meituan‑W edged lower.
`;

describe('checkProse on wire-style copy about the same session', () => {
  it('gives no error; it warns only where the snapshot cannot settle the claim', () => {
    expect(check(WIRE_COPY).map((p) => `${p.severity} ${p.line}:${p.column} ${p.field} ${p.message.split(', expected')[0]}`)).toEqual([
      `warning ${placeOf(WIRE_COPY, '640').line}:${placeOf(WIRE_COPY, '640').column} 00981.HK found about HKD 640 billion for SMIC (00981.HK)`,
      `warning ${placeOf(WIRE_COPY, 'edged lower').line}:${placeOf(WIRE_COPY, 'edged lower').column} 03690.HK found "edged lower" for Meituan-W (03690.HK)`,
    ]);
  });
});

describe('checkProse with an entity the registries know but the session does not quote', () => {
  const tencent = securitySchema.parse({ ticker: '00700.HK', name: 'Tencent', exchange: 'HKEX', market: 'hk', currency: 'HKD' });
  const withTencent = new Map([...securities, [tencent.ticker, tencent]]);

  it('ties the numbers after its name to it, warns that they cannot be checked, and keeps them from the index before it', () => {
    const sentence = 'The HSI rose 0.7 %, and Tencent (00700.HK) rose 2.9 %.';
    const text = `${seed.trimEnd()}\n\n${sentence}\n`;
    const column = (needle: string) => sentence.indexOf(needle) + 1;
    const added = checkProse({ file, text, session, securities: withTencent, indices }).filter((p) => p.line > placeOf(seed, 'infrastructure').line);
    expect(added.map((p) => `${p.severity} ${p.column} ${p.field} ${p.message}`)).toEqual([
      `warning ${column('rose 2.9')} 00700.HK found "rose" for Tencent (00700.HK), which the hk/2025-10-24 snapshot does not include; the direction cannot be checked`,
      `warning ${column('2.9')} 00700.HK found 2.9 % for Tencent (00700.HK), which the hk/2025-10-24 snapshot does not include; the number cannot be checked`,
    ]);
    // Without Tencent in the registries, 2.9 % is read as the HSI's.
    expect(check(text).filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([`found 2.9 % for Hang Seng Index (HSI), ${HSI_FIGURES}`]);
  });
});

const shown = (text: string) => text.replaceAll(FIG_MARK, '<Fig>').replace(/[\s\u00a0]+/g, ' ').trim();

describe('splitSentences', () => {
  it.each<[string, string[]]>([
    ['U.S. President Donald Trump met Xi. The HSI rose 0.7 % to 26,160.', ['U.S. President Donald Trump met Xi.', 'The HSI rose 0.7 % to 26,160.']],
    ['Relations with the U.S. The HSI rose.', ['Relations with the U.S.', 'The HSI rose.']],
    ['SMIC (00981.HK) rose 8.5 % to HKD 80.5. It closed at 80. Was it high? Yes!', ['SMIC (00981.HK) rose 8.5 % to HKD 80.5.', 'It closed at 80.', 'Was it high?', 'Yes!']],
    ['Mr. Lee of Acme Inc. said so, e.g. in Oct. 24 remarks.', ['Mr. Lee of Acme Inc. said so, e.g. in Oct. 24 remarks.']],
    ['## Market Context\n\n- **Lead:** First item. Second sentence\n  continues here.\n- Second item\n1. Third item', ['Market Context', 'Lead: First item.', 'Second sentence continues here.', 'Second item', 'Third item']],
    ['<IndexTable />\n\n<Drivers title="Drivers">\n  <Driver title="Title here">\n    Body text. More text.\n  </Driver>\n</Drivers>', ['Body text.', 'More text.']],
    ['Rose <Fig of="HSI.change" /> points. <Fig of="HSI.close" /> was the close.', ['Rose <Fig> points.', '<Fig> was the close.']],
    ['Read [the filing](https://example.com/a.pdf) and `code 12`.\n\n```\nHSI 26,106\n```\n\n{/* note 26,106 */}', ['Read the filing and .']],
  ])('%j', (body, expected) => {
    expect(splitSentences(body).map((s) => shown(s.text))).toEqual(expected);
  });

  it('keeps offsets: each sentence is the body at its offsets, and a <Fig> is found where it is written', () => {
    const body = 'Intro.\n\n- The HSI rose <Fig of="HSI.change" /> points.';
    const [first, second] = splitSentences(body);
    expect(body.slice(first.start, first.end)).toBe('Intro.');
    expect(body.slice(second.start, second.end)).toBe('The HSI rose <Fig of="HSI.change" /> points.');
    expect(second.figs).toEqual([{ start: body.indexOf('<Fig'), end: body.indexOf(' points'), path: 'HSI.change' }]);
  });
});

describe('readNumbers', () => {
  it.each<[string, string[], string[]]>([
    ['rose 192 points (0.7 %) to 26,160', ['192 points', '0.7 %', '26,160'], []],
    ['more than 8 % and at least HKD 654.8 million, around 26,000', ['more than 8 %', 'at least HKD 654.8 million', 'around 26,000'], []],
    ['On Friday, October 24, 2025 and 24 October 2025', [], ['24 date', '2025 date', '24 date', '2025 date']],
    ['its 52‑week high, a 3-month low, the 3rd day, at 16:10, Q3, 5G, 00700.HK, 2025/26', [], ['52 duration', '3 duration', '3 ordinal', '16 time', '5 identifier', '00700 identifier', '2025 range']],
    ['rose 8–9 %, 58 of its 82 constituents, top 10, 5 basis points', [], ['8 range', '9 range', '58 count', '82 count', '10 label', '5 points-or-basis']],
    ['30 % this year, 5 % of the index, could drop 5 %', [], ['30 period', '5 share', '5 forecast']],
  ])('%s', (text, numbers, skipped) => {
    const read = readNumbers(text);
    expect(read.numbers.map((n) => n.raw)).toEqual(numbers);
    expect(read.skipped.map((s) => `${s.raw} ${s.reason}`)).toEqual(skipped);
  });

  it('reads value, precision, scale and sign', () => {
    const [money, signed] = readNumbers('HKD 654.8 million and −1.80 %').numbers;
    expect(money).toMatchObject({ value: 654_800_000, decimals: 1, scale: 1e6, kind: 'money', currency: true, signed: false });
    expect(signed).toMatchObject({ value: -1.8, decimals: 2, kind: 'percent', signed: true });
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
