/**
 * Bad input is refused, naming the file, the line and the field, what was found and what was
 * expected. Each case is a copy of the real content with one thing broken, given to the content
 * check in-process (`checkContent`, what every build runs first): a table of cases that runs in
 * seconds. A handful of real builds then show what only a build can: the check's problems stop
 * `npm run build`, the last good site stays byte for byte, and an error Astro raises while
 * rendering names its file.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/check/index.ts';
import { formatProblem, formatReport } from '../../src/config/problem.ts';
import { copyContent, editFile, runBuild, TEST_NOW, TMP } from '../support/site.ts';
import { addPricedSecurity, SYNTHETIC_PRICES } from '../support/synthetic.ts';

/** A real build each: allow more than vitest's default on a loaded two-core machine. */
const BUILD_TIMEOUT = 180_000;
const SNAPSHOT = 'markets/hk/2025-10-24.json';
const REPORT = 'reports/2025-10-24-smic-rally.mdx';

interface Case {
  name: string;
  /** Breaks a copy of content/ in place. */
  breakIt: (content: string) => void;
  file: string;
  /** `line:column` or `line:` where the column is not the point. */
  line: string;
  field: string;
  message: RegExp;
}

const PRICES = 'prices/SYN01.HK.csv';
/** A synthetic security with the synthetic price file, edited; the real securities get no prices. */
const prices = (edit: (text: string) => string, name = 'SYN01.HK') => (content: string) => addPricedSecurity(content, edit(SYNTHETIC_PRICES), name);
const json = (edit: (text: string) => string) => (content: string) => editFile(join(content, SNAPSHOT), edit);
const report = (edit: (text: string) => string) => (content: string) => editFile(join(content, REPORT), edit);

const cases: Case[] = [
  { name: 'a number written as text', breakIt: json((t) => t.replace('"close": 26160', '"close": "26,160"')), file: SNAPSHOT, line: '7:24', field: 'indices[0].close', message: /found "26,160", expected a number/ },
  { name: 'an unknown field', breakIt: json((t) => t.replace('"peRatio"', '"pe"')), file: SNAPSHOT, line: '17:7', field: 'stocks[0].pe', message: /found unknown field "pe", expected one of ticker, close, .*peRatio/ },
  { name: 'a negative price', breakIt: json((t) => t.replace('"close": 80', '"close": -80')), file: SNAPSHOT, line: '14:7', field: 'stocks[0].close', message: /found -80, expected a number above zero/ },
  { name: 'a number too large to be one', breakIt: json((t) => t.replace('"high52w": 93.5', '"high52w": 1e400')), file: SNAPSHOT, line: '16:7', field: 'stocks[0].high52w', message: /found 1e400, which is too large to be a number, expected a finite number/ },
  { name: 'an unknown ticker in the snapshot', breakIt: json((t) => t.replace('"ticker": "09988.HK"', '"ticker": "09989.HK"')), file: SNAPSHOT, line: '19:', field: 'stocks[1].ticker', message: /found unknown ticker "09989\.HK", expected a security in content\/securities\// },
  { name: 'a ticker twice in one session', breakIt: json((t) => t.replace('"ticker": "09988.HK"', '"ticker": "00981.HK"')), file: SNAPSHOT, line: '19:', field: 'stocks[1].ticker', message: /found "00981\.HK" a second time, expected each stock once per session/ },
  { name: 'a percent that disagrees with points and close', breakIt: json((t) => t.replace('"change": 192, "changePercent": 0.7', '"change": 192, "changePercent": 2.9')), file: SNAPSHOT, line: '7:', field: 'indices[0].change', message: /found change 192, close 26,160 and percent change 2\.9 %, which disagree: close 26,160 and percent change 2\.9 % give a change of 725 to 750/ },
  { name: 'a change with a stray digit, named beside the percent and close it disagrees with', breakIt: json((t) => t.replace('"change": 192,', '"change": 1192,')), file: SNAPSHOT, line: '7:', field: 'indices[0].change', message: /a change of 192 agrees with 26,160 and 0\.7 %: the stated 1,192 has a digit typed twice/ },
  { name: 'a change that is not close − previous close', breakIt: json((t) => t.replace('"close": 26160, "change": 192', '"close": 26160, "change": 192, "previousClose": 25900')), file: SNAPSHOT, line: '7:', field: 'indices[0].change', message: /found change 192, close 26,160 and previous close 25,900, which disagree: close 26,160 and previous close 25,900 give a change of 259 to 261/ },
  { name: 'a change larger than the close', breakIt: json((t) => t.replace('{ "symbol": "HSCEI", "close": 9363, "change": 63, "changePercent": 0.7 }', '{ "symbol": "HSCEI", "close": 100, "change": 150 }')), file: SNAPSHOT, line: '9:', field: 'indices[2].change', message: /put the previous close at −50, expected a previous close above zero/ },
  { name: 'a bounded fall written as a negative bound', breakIt: json((t) => t.replace('{ "moreThan": 8 }', '{ "moreThan": -2 }')), file: SNAPSHOT, line: '15:', field: 'stocks[0].changePercent', message: /write a bounded move as its size and give its direction: \{ "lessThan": 2 \} with "direction": "down"/ },
  { name: 'a direction against the figures', breakIt: json((t) => t.replace('"close": 26160,', '"close": 26160, "direction": "down",')), file: SNAPSHOT, line: '7:', field: 'indices[0].direction', message: /found direction "down", but change 192 makes the move up/ },
  { name: 'malformed JSON', breakIt: json((t) => t.replace('"turnover": 226610000000,', '"turnover": 226610000000,,')), file: SNAPSHOT, line: '5:28', field: '', message: /invalid JSON: property name expected, found ","/ },
  { name: 'a trailing comma', breakIt: json((t) => t.replace('"changePercent": 0.7 }\n  ]', '"changePercent": 0.7, }\n  ]')), file: SNAPSHOT, line: '9:', field: '', message: /found a comma before "}", expected another value after it or no comma/ },
  { name: 'an empty file', breakIt: (c) => writeFileSync(join(c, SNAPSHOT), ''), file: SNAPSHOT, line: '1:1', field: '', message: /found an empty file, expected a JSON object/ },
  { name: 'bytes that are not UTF-8', breakIt: (c) => writeFileSync(join(c, 'securities/00981.HK.json'), Buffer.concat([Buffer.from('{"ticker": "00981.HK", "name": "SMIC'), Buffer.from([0xe9]), Buffer.from('"}')])), file: 'securities/00981.HK.json', line: '1:37', field: '', message: /found byte 0xE9, which is not UTF-8, expected UTF-8 text/ },
  { name: 'a byte-order mark', breakIt: (c) => editFile(join(c, 'indices/HSI.json'), (t) => `\uFEFF${t}`), file: 'indices/HSI.json', line: '1:1', field: '', message: /found a byte-order mark/ },
  { name: 'a file named for another ticker', breakIt: (c) => editFile(join(c, 'securities/01810.HK.json'), (t) => t.replace('"ticker": "01810.HK"', '"ticker": "01811.HK"')), file: 'securities/01810.HK.json', line: '2:', field: 'ticker', message: /found ticker "01811\.HK" in a file named 01810\.HK\.json, expected the file to be named 01811\.HK\.json/ },
  { name: 'an impossible date', breakIt: report((t) => t.replace('date: 2025-10-24', 'date: 2025-02-30')), file: REPORT, line: '4:1', field: 'date', message: /found "2025-02-30", which is not a day of the calendar, expected a real date/ },
  { name: 'a weekend', breakIt: report((t) => t.replace('date: 2025-10-24', 'date: 2025-10-25').replace('published: 2025-10-24', 'published: 2025-10-25')), file: REPORT, line: '4:1', field: 'date', message: /found 2025-10-25, expected a HKEX trading day: 2025-10-25 is a weekend/ },
  { name: 'a holiday', breakIt: report((t) => t.replace('date: 2025-10-24', 'date: 2025-10-29').replace('published: 2025-10-24', 'published: 2025-10-29')), file: REPORT, line: '4:1', field: 'date', message: /found 2025-10-29, expected a HKEX trading day: 2025-10-29 is a hkex holiday \(Chung Yeung Festival\)/ },
  { name: 'a session with no snapshot', breakIt: report((t) => t.replace('date: 2025-10-24', 'date: 2025-10-23')), file: REPORT, line: '4:1', field: 'date', message: /found no session snapshot for market "hk" on 2025-10-23, expected content\/markets\/hk\/2025-10-23\.json/ },
  { name: 'a year the calendar does not cover', breakIt: report((t) => t.replace('date: 2025-10-24', 'date: 2031-10-27').replace('published: 2025-10-24', 'published: 2031-10-27')), file: REPORT, line: '4:1', field: 'date', message: /the hkex calendar covers 2000–2030 only; content\/calendars\/hkex\.json is made by `npm run calendars`/ },
  { name: 'a session in the future', breakIt: report((t) => t.replace('date: 2025-10-24', 'date: 2025-12-01').replace('published: 2025-10-24', 'published: 2025-12-01')), file: REPORT, line: '4:1', field: 'date', message: /found 2025-12-01, a session that has not happened yet, expected a day on or before today \(2025-11-01 in HKT\)/ },
  { name: 'a publication before the session closed', breakIt: report((t) => t.replace('published: 2025-10-24T18:30:00+08:00', 'published: 2025-10-24T15:00:00+08:00')), file: REPORT, line: '6:1', field: 'published', message: /found 2025-10-24T15:00:00\+08:00, expected a time after the session's close \(2025-10-24 16:10 HKT\)/ },
  { name: 'a missing title', breakIt: report((t) => t.replace(/^title: .*\n/m, '')), file: REPORT, line: '2:1', field: 'title', message: /found nothing, expected text/ },
  { name: 'an unknown ticker in front matter', breakIt: report((t) => t.replace('  - 01810.HK', '  - 01811.HK')), file: REPORT, line: '12:5', field: 'tickers[2]', message: /found unknown ticker "01811\.HK", expected a security in content\/securities\// },
  { name: 'an unknown index in front matter', breakIt: report((t) => t.replace('  - HSCEI', '  - HSCE')), file: REPORT, line: '17:5', field: 'indices[2]', message: /found unknown index "HSCE", expected one of/ },
  { name: 'an unknown figure path', breakIt: report((t) => t.replace('<Fig of="HSI.close" />', '<Fig of="HSI.closing" />')), file: REPORT, line: '24:', field: '<Fig of>', message: /"HSI\.closing" is not a figure path: expected ENTITY\.FIELD/ },
  { name: 'a figure the snapshot does not state', breakIt: report((t) => t.replace('<Fig of="00981.HK.peRatio" />', '<Fig of="09988.HK.peRatio" />')), file: REPORT, line: '46:', field: '<Fig of>', message: /the snapshot states no peRatio for 09988\.HK/ },
  { name: 'a wrong figure in prose', breakIt: report((t) => `${t}\nThe Hang Seng Index closed at 26,106.\n`), file: REPORT, line: '68:31', field: 'HSI', message: /found 26,106 for Hang Seng Index \(HSI\), expected its close 26,160/ },
  { name: 'a wrong direction in prose', breakIt: report((t) => `${t}\nThe Hang Seng Index fell 192 points.\n`), file: REPORT, line: '68:21', field: 'HSI', message: /found "fell" for Hang Seng Index \(HSI\), expected a word for a rise: the snapshot records a change of \+192/ },
  { name: 'a wrong percent in prose', breakIt: report((t) => `${t}\nThe HSTI gained 108 points (2.9 %).\n`), file: REPORT, line: '68:29', field: 'HSTECH', message: /found 2\.9 % for Hang Seng TECH Index \(HSTECH\)/ },
  { name: 'an unknown component', breakIt: report((t) => t.replace('<MarketStats />', '<MarketStat />')), file: REPORT, line: '36:1', field: '<MarketStat>', message: /found unknown component <MarketStat>, expected one of <IndexTable>/ },
  { name: 'a stock card for a stock not in the session', breakIt: report((t) => t.replace('<StockCard ticker="00981.HK" />', '<StockCard ticker="00700.HK" />')), file: REPORT, line: '44:1', field: '<StockCard ticker>', message: /found ticker "00700\.HK", expected a stock of the hk\/2025-10-24 snapshot/ },
  { name: 'a price file with a missing trading day', breakIt: prices((t) => t.replace(/^2025-07-23,.*\n/m, '')), file: PRICES, line: '4:', field: 'date', message: /found 2025-07-24 right after 2025-07-22, expected a line for each trading day in between \(2025-07-23\)/ },
  { name: 'a price file with a negative close', breakIt: prices((t) => t.replace('2025-07-21,49.5,50.58,49.4,50.43,', '2025-07-21,49.5,50.58,49.4,-50.43,')), file: PRICES, line: '2:', field: 'close', message: /found "-50\.43", expected a price above zero/ },
  { name: 'a price file with a vendor’s extra column', breakIt: prices((t) => t.replace('date,open,high,low,close,volume,note', 'Date,Open,High,Low,Close,Adj Close,Volume')), file: PRICES, line: '1:', field: '', message: /found the header Date,Open,High,Low,Close,Adj Close,Volume, expected the header date,open,high,low,close,volume/ },
  { name: 'a price file with a date out of order', breakIt: prices((t) => t.replace('2025-07-22,', '2025-07-20,')), file: PRICES, line: '3:', field: 'date', message: /found 2025-07-20 after 2025-07-21 \(line 2\), expected dates in ascending order/ },
  { name: 'a price file for an unknown security', breakIt: prices((t) => t, 'SYN99.HK'), file: 'prices/SYN99.HK.csv', line: '1:', field: '', message: /found prices for "SYN99\.HK", which is not a security in content\/securities\// },
  { name: 'a close that disagrees with the snapshot', breakIt: (c) => { prices((t) => t)(c); editFile(join(c, SNAPSHOT), (t) => t.replace('"stocks": [', '"stocks": [\n    { "ticker": "SYN01.HK", "close": 66.7 },')); }, file: PRICES, line: '69:', field: 'close', message: /found a close of 66\.68 on 2025-10-24, expected what .*2025-10-24\.json states for SYN01\.HK: 66\.7/ },
  // What would need JavaScript to render, refused at its line (the check and the report page's compiler share the rule).
  { name: 'a JavaScript expression in prose', breakIt: report((t) => t.replace('## Conclusion', '## Conclusion\n\nShares rose {"sharply"} into the close.')), file: REPORT, line: '66:13', field: '{…}', message: /found a JavaScript expression, expected text or a component; write a figure as <Fig of="…" \/>/ },
  { name: 'an import line', breakIt: report((t) => t.replace('## Conclusion', 'import Chart from "./chart.astro"\n\n## Conclusion')), file: REPORT, line: '64:1', field: 'import/export', message: /found an import or export line, expected none/ },
  { name: 'a price chart without a price file', breakIt: report((t) => t.replace('<FlowChart />', '<FlowChart />\n\n<PriceChart ticker="00981.HK" />')), file: REPORT, line: '42:1', field: '<PriceChart ticker>', message: /found ticker "00981\.HK", expected a security with a price file: there is none/ },
  { name: 'a price chart past the session', breakIt: (c) => { prices((t) => t)(c); report((t) => t.replace('<FlowChart />', '<FlowChart />\n\n<PriceChart ticker="SYN01.HK" from="2025-10-01" to="2025-10-28" />'))(c); }, file: REPORT, line: '42:1', field: '<PriceChart to>', message: /found 2025-10-28, expected a day on or before the report's session 2025-10-24/ },
];

const copies: string[] = [];
afterAll(() => {
  for (const folder of copies) rmSync(folder, { recursive: true, force: true });
});

/** A fresh copy of content/ with `breakIt` applied. */
function broken(name: string, ...breaks: ((content: string) => void)[]): string {
  const content = copyContent(name);
  copies.push(join(content, '..'));
  for (const breakIt of breaks) breakIt(content);
  return content;
}

/** The problems the check finds in a content folder, printed as `npm run check` and the build print them. */
function check(content: string) {
  const problems = checkContent({ root: relative('.', content), now: new Date(TEST_NOW) });
  return { problems, lines: problems.map(formatProblem), report: formatReport(problems) };
}

/** The printed problem of a case, or undefined: at its place, with its field and message. */
function findProblem(lines: string[], content: string, { file, line, field, message }: Case): string | undefined {
  const place = `${relative('.', join(content, file))}:${line}`;
  return lines.filter((l) => l.startsWith(place)).find((l) => message.test(l) && (!field || l.includes(`  ${field}  `)));
}

describe('the content check refuses bad content and says where', () => {
  it('passes the real content untouched, so each refusal below is the break’s doing', () => {
    const { problems, report } = check(broken('good'));
    expect(problems.filter((p) => p.severity === 'error'), report).toEqual([]);
  });

  it.each(cases)('$name', (c) => {
    const content = broken('bad', c.breakIt);
    const { problems, lines, report } = check(content);
    expect(problems.some((p) => p.severity === 'error'), report).toBe(true);
    expect(findProblem(lines, content, c), `no such problem at ${c.file}:${c.line} in:\n${report}`).toBeDefined();
  });
});

describe('every problem at once', () => {
  it('ten broken files give ten messages in one run', () => {
    // Five cases that break five different files (picked by name, so new cases can be added anywhere).
    const picked = ['a number written as text', 'bytes that are not UTF-8', 'a byte-order mark', 'a file named for another ticker', 'an impossible date'];
    const breaks = picked.map((name) => cases.find((c) => c.name === name)!);
    expect(new Set(breaks.map((c) => c.file)).size).toBe(5);
    const content = broken('ten', ...breaks.map((c) => c.breakIt), (c) => {
      // Five more broken files of their own.
      editFile(join(c, 'indices/HSTECH.json'), (t) => t.replace('"market": "hk"', '"market": "xx"'));
      editFile(join(c, 'indices/HSCEI.json'), (t) => t.replace('"name"', '"nom"'));
      editFile(join(c, 'securities/09988.HK.json'), (t) => t.replace('"currency": "HKD"', '"currency": "hkd"'));
      editFile(join(c, 'securities/03690.HK.json'), (t) => t.replace('"exchange": "HKEX"', '"exchange": 7'));
      editFile(join(c, 'calendars/hkex.json'), (t) => t.replace('"date": "2025-12-26"', '"date": "2025-12-32"'));
    });
    const { lines, report } = check(content);
    // Each broken file speaks for itself, and nothing else echoes it (no "unknown ticker" for a broken security file).
    expect([...new Set(lines.map((p) => p.split(':')[0]))].sort(), report).toEqual(
      [SNAPSHOT, REPORT, 'securities/00981.HK.json', 'indices/HSI.json', 'securities/01810.HK.json', 'indices/HSTECH.json', 'indices/HSCEI.json', 'securities/09988.HK.json', 'securities/03690.HK.json', 'calendars/hkex.json']
        .map((file) => relative('.', join(content, file)))
        .sort(),
    );
    expect(report).toMatch(/\b1\d errors, \d+ warnings?|\b10 errors, \d+ warnings?/);
  });
});

/** What only a real build shows: its output, and what it leaves in the output folder. */
describe('a real build with bad content', () => {
  function fingerprint(folder: string): Record<string, string> {
    const files: Record<string, string> = {};
    for (const name of readdirSync(folder, { recursive: true }) as string[]) {
      const path = join(folder, name);
      if (statSync(path).isFile()) files[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
    return files;
  }

  /** One good site, published by a real build; each failed build below must leave it byte for byte. */
  const lastGood = join(TMP, `last-good-${process.pid}`);
  let before: Record<string, string> = {};
  beforeAll(async () => {
    for (const path of [lastGood, `${lastGood}.cache`, `${lastGood}.sites`]) rmSync(path, { recursive: true, force: true });
    copies.push(lastGood, `${lastGood}.cache`, `${lastGood}.sites`);
    const good = await runBuild({ outDir: lastGood });
    expect(good.code, good.output).toBe(0);
    before = fingerprint(lastGood);
    expect(Object.keys(before)).toContain('reports/2025-10-24-smic-rally/index.html');
  }, BUILD_TIMEOUT);

  it('stops on a content error, printed as the check prints it, and leaves the last good site byte for byte', async () => {
    const c = cases.find((c) => c.name === 'a wrong figure in prose')!;
    const content = broken('last-good', c.breakIt);
    const { code, output } = await runBuild({ content, outDir: lastGood });
    expect(code, output).not.toBe(0);
    expect(findProblem(output.split('\n'), content, c), output).toBeDefined();
    expect(output).toContain('nothing was built');
    expect(output).toContain('still holds the last good site');
    expect(fingerprint(lastGood)).toEqual(before);
  }, BUILD_TIMEOUT);

  it('stops on an MDX syntax error, naming the report, and leaves the last good site byte for byte', async () => {
    const content = broken('last-good', report((t) => t.replace('## Conclusion', '## Conclusion\n\n<Drivers title="x">\nunclosed {')));
    const { code, output } = await runBuild({ content, outDir: lastGood });
    expect(code, output).not.toBe(0);
    expect(output).toContain('2025-10-24-smic-rally.mdx');
    expect(output).toContain('still holds the last good site');
    expect(fingerprint(lastGood)).toEqual(before);
  }, BUILD_TIMEOUT);

  it('publishes nothing when there was no site before', async () => {
    const outDir = join(TMP, `first-${Math.random().toString(36).slice(2)}`);
    copies.push(outDir, `${outDir}.cache`, `${outDir}.sites`);
    const content = broken('first', cases[0].breakIt);
    const { code, output } = await runBuild({ content, outDir });
    expect(code, output).not.toBe(0);
    expect(findProblem(output.split('\n'), content, cases[0]), output).toBeDefined();
    expect(output).toContain(`nothing was published to ${outDir}/`);
  }, BUILD_TIMEOUT);
});
