/**
 * Bad input stops the real build, naming the file, the line and the field, what was found and what
 * was expected, and the last good site stays as it was. Each case is a copy of the real content with
 * one thing broken, built with `npm run build`'s script.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync, unlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyContent, editFile, runBuild, TMP } from '../support/site.ts';

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

const json = (edit: (text: string) => string) => (content: string) => editFile(join(content, SNAPSHOT), edit);
const report = (edit: (text: string) => string) => (content: string) => editFile(join(content, REPORT), edit);

const cases: Case[] = [
  { name: 'a number written as text', breakIt: json((t) => t.replace('"close": 26160', '"close": "26,160"')), file: SNAPSHOT, line: '7:24', field: 'indices[0].close', message: /found "26,160", expected a number/ },
  { name: 'an unknown field', breakIt: json((t) => t.replace('"peRatio"', '"pe"')), file: SNAPSHOT, line: '17:7', field: 'stocks[0].pe', message: /found unknown field "pe", expected one of ticker, close, .*peRatio/ },
  { name: 'a negative price', breakIt: json((t) => t.replace('"close": 80', '"close": -80')), file: SNAPSHOT, line: '14:7', field: 'stocks[0].close', message: /found -80, expected a number above zero/ },
  { name: 'a number too large to be one', breakIt: json((t) => t.replace('"high52w": 93.5', '"high52w": 1e400')), file: SNAPSHOT, line: '16:7', field: 'stocks[0].high52w', message: /found 1e400, which is too large to be a number, expected a finite number/ },
  { name: 'an unknown ticker in the snapshot', breakIt: json((t) => t.replace('"ticker": "09988.HK"', '"ticker": "09989.HK"')), file: SNAPSHOT, line: '19:', field: 'stocks[1].ticker', message: /found unknown ticker "09989\.HK", expected a security in content\/securities\// },
  { name: 'a ticker twice in one session', breakIt: json((t) => t.replace('"ticker": "09988.HK"', '"ticker": "00981.HK"')), file: SNAPSHOT, line: '19:', field: 'stocks[1].ticker', message: /found "00981\.HK" a second time, expected each stock once per session/ },
  { name: 'a percent that disagrees with points and close', breakIt: json((t) => t.replace('"close": 26160, "change": 192', '"close": 26160, "change": 192, "changePercent": 2.9')), file: SNAPSHOT, line: '7:', field: 'indices[0].changePercent', message: /found changePercent 2\.9 %, expected 0\.7 % from change 192 and close 26,160/ },
  { name: 'a change that is not close − previous close', breakIt: json((t) => t.replace('"close": 26160, "change": 192', '"close": 26160, "change": 192, "previousClose": 25900')), file: SNAPSHOT, line: '7:', field: 'indices[0].change', message: /found change 192, expected close − previous close = 26,160 − 25,900 = 260/ },
  { name: 'a direction against the figures', breakIt: json((t) => t.replace('"close": 80,', '"close": 80, "direction": "down",')), file: SNAPSHOT, line: '14:', field: 'stocks[0].direction', message: /found direction "down", but changePercent more than 8 % makes the move up/ },
  { name: 'malformed JSON', breakIt: json((t) => t.replace('"turnover": 226610000000,', '"turnover": 226610000000,,')), file: SNAPSHOT, line: '5:28', field: '', message: /invalid JSON: property name expected, found ","/ },
  { name: 'a trailing comma', breakIt: json((t) => t.replace('"change": 63 }', '"change": 63, }')), file: SNAPSHOT, line: '9:', field: '', message: /found a comma before "}", expected another value after it or no comma/ },
  { name: 'an empty file', breakIt: (c) => writeFileSync(join(c, SNAPSHOT), ''), file: SNAPSHOT, line: '1:1', field: '', message: /found an empty file, expected a JSON object/ },
  { name: 'bytes that are not UTF-8', breakIt: (c) => writeFileSync(join(c, 'securities/00981.HK.json'), Buffer.concat([Buffer.from('{"ticker": "00981.HK", "name": "SMIC'), Buffer.from([0xe9]), Buffer.from('"}')])), file: 'securities/00981.HK.json', line: '1:37', field: '', message: /found byte 0xE9, which is not UTF-8, expected UTF-8 text/ },
  { name: 'a byte-order mark', breakIt: (c) => editFile(join(c, 'indices/HSI.json'), (t) => `\uFEFF${t}`), file: 'indices/HSI.json', line: '1:1', field: '', message: /found a byte-order mark/ },
  { name: 'a file named for another ticker', breakIt: (c) => editFile(join(c, 'securities/01810.HK.json'), (t) => t.replace('"ticker": "01810.HK"', '"ticker": "01811.HK"')), file: 'securities/01810.HK.json', line: '2:', field: 'ticker', message: /found ticker "01811\.HK" in a file named 01810\.HK\.json, expected the file to be named 01811\.HK\.json/ },
  { name: 'an impossible date', breakIt: report((t) => t.replace('date: 2025-10-24', 'date: 2025-02-30')), file: REPORT, line: '4:1', field: 'date', message: /found "2025-02-30", which is not a day of the calendar, expected a real date/ },
  { name: 'a weekend', breakIt: report((t) => t.replace('date: 2025-10-24', 'date: 2025-10-25').replace('published: 2025-10-24', 'published: 2025-10-25')), file: REPORT, line: '4:1', field: 'date', message: /found 2025-10-25, expected a HKEX trading day: 2025-10-25 is a weekend/ },
  { name: 'a holiday', breakIt: report((t) => t.replace('date: 2025-10-24', 'date: 2025-10-29').replace('published: 2025-10-24', 'published: 2025-10-29')), file: REPORT, line: '4:1', field: 'date', message: /found 2025-10-29, expected a HKEX trading day: 2025-10-29 is a hkex holiday \(Chung Yeung Festival\)/ },
  { name: 'a session with no snapshot', breakIt: report((t) => t.replace('date: 2025-10-24', 'date: 2025-10-23')), file: REPORT, line: '4:1', field: 'date', message: /found no session snapshot for market "hk" on 2025-10-23, expected content\/markets\/hk\/2025-10-23\.json/ },
  { name: 'a year the calendar does not cover', breakIt: report((t) => t.replace('date: 2025-10-24', 'date: 2027-10-25').replace('published: 2025-10-24', 'published: 2027-10-25')), file: REPORT, line: '4:1', field: 'date', message: /the hkex calendar covers 2025, 2026 only; add 2027's holidays to content\/calendars\/hkex\.json/ },
  { name: 'a publication in the future', breakIt: report((t) => t.replace('published: 2025-10-24T18:30:00+08:00', 'published: 2999-10-24T18:30:00+08:00')), file: REPORT, line: '6:1', field: 'published', message: /found 2999-10-24T18:30:00\+08:00, which is in the future, expected a time before now/ },
  { name: 'a missing title', breakIt: report((t) => t.replace(/^title: .*\n/m, '')), file: REPORT, line: '2:1', field: 'title', message: /found nothing, expected text/ },
  { name: 'an unknown ticker in front matter', breakIt: report((t) => t.replace('  - 01810.HK', '  - 01811.HK')), file: REPORT, line: '12:5', field: 'tickers[2]', message: /found unknown ticker "01811\.HK", expected a security in content\/securities\// },
  { name: 'an unknown index in front matter', breakIt: report((t) => t.replace('  - HSCEI', '  - HSCE')), file: REPORT, line: '17:5', field: 'indices[2]', message: /found unknown index "HSCE", expected one of/ },
  { name: 'an unknown figure path', breakIt: report((t) => t.replace('<Fig of="HSI.close" />', '<Fig of="HSI.closing" />')), file: REPORT, line: '24:', field: '<Fig of>', message: /"HSI\.closing" is not a figure path: expected ENTITY\.FIELD/ },
  { name: 'a figure the snapshot does not state', breakIt: report((t) => t.replace('<Fig of="00981.HK.peRatio" />', '<Fig of="09988.HK.peRatio" />')), file: REPORT, line: '42:', field: '<Fig of>', message: /the snapshot states no peRatio for 09988\.HK/ },
  { name: 'an unknown component', breakIt: report((t) => t.replace('<MarketStats />', '<MarketStat />')), file: REPORT, line: '34:1', field: '<MarketStat>', message: /found unknown component <MarketStat>, expected one of <IndexTable>/ },
  { name: 'a stock card for a stock not in the session', breakIt: report((t) => t.replace('<StockCard ticker="00981.HK" />', '<StockCard ticker="00700.HK" />')), file: REPORT, line: '40:1', field: '<StockCard ticker>', message: /found ticker "00700\.HK", expected a stock of the hk\/2025-10-24 snapshot/ },
];

describe.concurrent('a build with bad content stops and says where', () => {
  it.each(cases)('$name', async ({ breakIt, file, line, field, message }) => {
    const content = copyContent('bad');
    breakIt(content);
    const outDir = join(content, '..', 'dist');
    const { code, output } = await runBuild({ content, outDir });
    expect(code, output).not.toBe(0);
    const place = `${relative('.', join(content, file))}:${line}`;
    const atPlace = output.split('\n').filter((l) => l.startsWith(place));
    const problem = atPlace.find((l) => message.test(l) && (!field || l.includes(`  ${field}  `)));
    expect(problem, `no such problem at ${place} in:\n${output}`).toBeDefined();
    expect(output).toContain('nothing was published');
    rmSync(join(content, '..'), { recursive: true, force: true });
  });
});

describe('every problem at once', () => {
  it('ten broken files give ten messages in one run', async () => {
    const content = copyContent('ten');
    // Five cases that break five different files (picked by name, so new cases can be added anywhere).
    const picked = ['a number written as text', 'bytes that are not UTF-8', 'a byte-order mark', 'a file named for another ticker', 'an impossible date'];
    const breaks = picked.map((name) => cases.find((c) => c.name === name)!);
    expect(new Set(breaks.map((c) => c.file)).size).toBe(5);
    for (const c of breaks) c.breakIt(content);
    // Five more broken files of their own.
    editFile(join(content, 'indices/HSTECH.json'), (t) => t.replace('"market": "hk"', '"market": "us"'));
    editFile(join(content, 'indices/HSCEI.json'), (t) => t.replace('"name"', '"nom"'));
    editFile(join(content, 'securities/09988.HK.json'), (t) => t.replace('"currency": "HKD"', '"currency": "hkd"'));
    editFile(join(content, 'securities/03690.HK.json'), (t) => t.replace('"exchange": "HKEX"', '"exchange": 7'));
    editFile(join(content, 'calendars/hkex.json'), (t) => t.replace('"date": "2025-12-26"', '"date": "2025-12-32"'));
    const { code, output } = await runBuild({ content, outDir: join(content, '..', 'dist') });
    expect(code).not.toBe(0);
    const problems = output.split('\n').filter((l) => l.startsWith(relative('.', content)));
    expect(new Set(problems.map((p) => p.split(':')[0])).size, output).toBe(10);
    expect(output).toMatch(/\b1\d errors?, 0 warnings|\b10 errors, 0 warnings/);
    rmSync(join(content, '..'), { recursive: true, force: true });
  });
});

describe('the last good site', () => {
  function fingerprint(folder: string): Record<string, string> {
    const files: Record<string, string> = {};
    for (const name of readdirSync(folder, { recursive: true }) as string[]) {
      const path = join(folder, name);
      if (statSync(path).isFile()) files[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
    return files;
  }

  it.each([
    ['a content error', report((t) => t.replace('date: 2025-10-24', 'date: 2025-10-25'))],
    ['an MDX syntax error the check cannot see', report((t) => t.replace('## Conclusion', '## Conclusion\n\n<Drivers title="x">\nunclosed {'))],
  ])('is left byte for byte after %s', async (_, breakIt) => {
    const outDir = join(TMP, `last-good-${Math.random().toString(36).slice(2)}`);
    const good = await runBuild({ outDir });
    expect(good.code, good.output).toBe(0);
    const before = fingerprint(outDir);
    expect(Object.keys(before)).toContain('reports/2025-10-24-smic-rally/index.html');
    const content = copyContent('last-good');
    breakIt(content);
    const bad = await runBuild({ content, outDir });
    expect(bad.code, bad.output).not.toBe(0);
    expect(bad.output).toContain('still holds the last good site');
    expect(fingerprint(outDir)).toEqual(before);
    rmSync(outDir, { recursive: true, force: true });
    rmSync(join(content, '..'), { recursive: true, force: true });
  });
});
