/**
 * Content is untrusted: what the check refuses about files themselves, in-process on a copy of
 * `content/`. Each row breaks one thing and names the file, line and words the author must see.
 */
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/check/index.ts';
import type { ContentHistory } from '../../src/sources/history.ts';
import { formatGithub, formatReport, type Problem } from '../../src/config/problem.ts';
import { listFiles } from '../../src/config/paths.ts';
import { TMP, NO_HISTORY } from '../support/site.ts';

const NOW = new Date('2025-11-01T00:00:00Z');
const SNAPSHOT = 'markets/hk/2025-10-24.json';
const REPORT = 'reports/2025-10-24-smic-rally.mdx';
const SECRET = 'SECRET_TOKEN=do-not-print-me';

let project: string;
let content: string;
const path = (name: string) => join(content, name);
const edit = (name: string, change: (text: string) => string) => writeFileSync(path(name), change(readFileSync(path(name), 'utf8')));
const check = () => checkContent({ root: 'content', cwd: project, now: NOW, history: NO_HISTORY, ci: false });
const errors = () => check().filter((p) => p.severity === 'error');

beforeEach(() => {
  mkdirSync(TMP, { recursive: true });
  project = mkdtempSync(join(TMP, 'content-files-'));
  content = join(project, 'content');
  cpSync('content', content, { recursive: true });
});

interface Case {
  name: string;
  breakIt: () => void;
  file: string;
  line?: number;
  field?: string;
  message: RegExp;
}

/** A file outside the content folder, holding what must never be printed. */
function outsideFile(): string {
  mkdirSync(path('prices'), { recursive: true });
  const outside = join(project, 'outside.txt');
  writeFileSync(outside, `${SECRET}\n`.repeat(50));
  return outside;
}

const cases: Case[] = [
  {
    name: 'a price file that is a symbolic link to a file outside content/',
    breakIt: () => symlinkSync(outsideFile(), path('prices/00981.HK.csv')),
    file: 'content/prices/00981.HK.csv',
    message: /^found a symbolic link, expected a regular file/,
  },
  {
    name: 'a report that is a symbolic link',
    breakIt: () => {
      renameSync(path(REPORT), join(project, 'elsewhere.mdx'));
      symlinkSync(join(project, 'elsewhere.mdx'), path(REPORT));
    },
    file: `content/${REPORT}`,
    message: /^found a symbolic link/,
  },
  {
    name: 'a symbolic link to a folder under reports/',
    breakIt: () => {
      mkdirSync(join(project, 'outside-reports'));
      writeFileSync(join(project, 'outside-reports/x.mdx'), readFileSync(path(REPORT), 'utf8'));
      symlinkSync(join(project, 'outside-reports'), path('reports/more'));
    },
    file: 'content/reports/more',
    message: /^found a symbolic link/,
  },
  {
    name: 'a report file named ..mdx',
    breakIt: () => writeFileSync(path('reports/..mdx'), readFileSync(path(REPORT), 'utf8')),
    file: 'content/reports/..mdx',
    message: /^found the file name "\.\.mdx", expected lower-case letters, digits and single hyphens/,
  },
  {
    name: 'a report file name with a space',
    breakIt: () => renameSync(path(REPORT), path('reports/2025-10-24 smic rally.mdx')),
    file: 'content/reports/2025-10-24 smic rally.mdx',
    message: /^found the file name "2025-10-24 smic rally\.mdx", expected/,
  },
  {
    name: 'a report file name in capitals',
    breakIt: () => renameSync(path(REPORT), path('reports/2025-10-24-SMIC-Rally.mdx')),
    file: 'content/reports/2025-10-24-SMIC-Rally.mdx',
    message: /^found the file name "2025-10-24-SMIC-Rally\.mdx", expected lower-case/,
  },
  {
    name: 'a security file in lower case',
    breakIt: () => renameSync(path('securities/00981.HK.json'), path('securities/00981.hk.json')),
    file: 'content/securities/00981.hk.json',
    message: /^found the file name "00981\.hk\.json", expected the ticker in capitals and \.json/,
  },
  {
    name: 'a snapshot named other than its date',
    breakIt: () => renameSync(path(SNAPSHOT), path('markets/hk/24 Oct.json')),
    file: 'content/markets/hk/24 Oct.json',
    message: /^found the file name "hk\/24 Oct\.json", expected a market folder of lower-case letters and a session date/,
  },
  {
    name: 'two report names equal but for case',
    breakIt: () => writeFileSync(path('reports/2025-10-24-SMIC-rally.mdx'), readFileSync(path(REPORT), 'utf8')),
    file: `content/${REPORT}`,
    message: /^found a name that differs from reports\/2025-10-24-SMIC-rally\.mdx only in case/,
  },
  {
    name: 'a report over the size limit',
    breakIt: () => appendFileSync(path(REPORT), `\n${'A long paragraph. '.repeat(70_000)}\n`),
    file: `content/${REPORT}`,
    message: /^found a file of 1\.2 MiB, expected at most 1\.0 MiB/,
  },
  {
    name: 'a snapshot nested 10,000 deep (the check must not overflow its stack)',
    breakIt: () => edit(SNAPSHOT, (t) => t.replace('"flows": [', `"deep": ${'['.repeat(10_000)}${']'.repeat(10_000)},\n  "flows": [`)),
    file: `content/${SNAPSHOT}`,
    message: /^found objects or arrays nested more than 32 deep, expected at most 32/,
  },
  {
    name: 'a key twice in one object of a snapshot, at the second',
    breakIt: () => edit(SNAPSHOT, (t) => t.replace('"close": 26160,', '"close": 26160,\n      "close": 26170,')),
    file: `content/${SNAPSHOT}`,
    line: 8,
    field: 'indices[0].close',
    message: /^found the key "close" a second time in this object \(first on line 7\), expected each key once/,
  },
  {
    name: 'a TODO in a snapshot\'s source',
    breakIt: () => edit(SNAPSHOT, (t) => t.replace(/"source": "[^"]*"/, '"source": "TODO: find the exchange bulletin"')),
    file: `content/${SNAPSHOT}`,
    field: 'source',
    message: /^found "TODO: find the exchange bulletin", a TODO placeholder, expected what the source states/,
  },
  {
    name: 'a TODO in a registry name',
    breakIt: () => edit('securities/00981.HK.json', (t) => t.replace(/"name": "[^"]*"/, '"name": "TODO"')),
    file: 'content/securities/00981.HK.json',
    field: 'name',
    message: /^found "TODO", a TODO placeholder/,
  },
  {
    name: 'a close and change that leave no previous close (the site could not draw the session)',
    breakIt: () => edit(SNAPSHOT, (t) => t.replace('"close": 6059', '"close": 59')),
    file: `content/${SNAPSHOT}`,
    field: 'indices[1].change',
    message: /^found change 108 and close 59, which disagree: a change of 108 and a close of 59 put the previous close at −49, expected a previous close above zero/,
  },
  {
    name: 'an empty report body',
    breakIt: () => edit(REPORT, (t) => t.slice(0, t.indexOf('\n---', 4) + 5) + '\n  \n'),
    file: `content/${REPORT}`,
    field: 'body',
    message: /^found an empty report body, expected the report's text/,
  },
];

describe('content files the check refuses', () => {
  it('passes the content as it is', () => {
    expect(errors()).toEqual([]);
  });

  it.each(cases)('$name', ({ breakIt, file, line, field, message }) => {
    breakIt();
    const problems = errors();
    const hit = problems.find((p) => p.file === file && message.test(p.message));
    expect(hit, formatReport(problems)).toBeDefined();
    if (line !== undefined) expect(hit!.line).toBe(line);
    if (field !== undefined) expect(hit!.field).toBe(field);
    expect(JSON.stringify(problems)).not.toContain(SECRET);
  });
});

describe('what a problem prints', () => {
  it('never echoes a file: a symlinked price file pointing at secrets prints none of them, in text or for GitHub', () => {
    symlinkSync(outsideFile(), path('prices/00981.HK.csv'));
    const problems = check();
    expect(formatReport(problems)).not.toContain(SECRET);
    expect(problems.map(formatGithub).join('\n')).not.toContain(SECRET);
  });

  it('shows a short, escaped excerpt of a bad price header, not the line', () => {
    mkdirSync(path('prices'), { recursive: true });
    writeFileSync(path('prices/00981.HK.csv'), readFileSync('tests/fixtures/prices/SYN01.HK.csv', 'utf8').replace('date,open,high,low,close,volume,note', `${'x'.repeat(5000)}\u202e,open`));
    const [problem] = errors().filter((p) => p.file.endsWith('.csv'));
    expect(problem.message.length).toBeLessThan(200);
    expect(problem.message).not.toContain('\u202e');
  });

  it('escapes control and bidirectional characters and cuts any message short', () => {
    const long: Problem = { severity: 'error', file: 'content/x.json', line: 1, column: 1, field: 'a\u202eb', message: `found ${'y'.repeat(5000)}\n::error::forged` };
    const printed = formatGithub(long);
    expect(printed.length).toBeLessThan(900);
    expect(printed).not.toMatch(/[\n\u202e]/);
    expect(printed.split('\n')).toHaveLength(1);
  });
});

describe('the loaders', () => {
  it('never list a symbolic link, to a file or a folder', () => {
    const outside = join(project, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'x.mdx'), 'x');
    symlinkSync(outside, path('reports/linked-folder'));
    symlinkSync(join(outside, 'x.mdx'), path('reports/linked-file.mdx'));
    expect(listFiles(path('reports'), /\.mdx$/).map((p) => p.slice(content.length + 1))).toEqual([REPORT]);
  });
});

describe('a content folder that is not there', () => {
  it('is refused: a mistyped folder must not build an empty site over the real one', () => {
    const problems = checkContent({ root: 'no-such-content', cwd: project, now: NOW, history: NO_HISTORY, ci: false });
    expect(problems.filter((p) => p.severity === 'error').map((p) => `${p.file} ${p.message}`)).toEqual([expect.stringMatching(/^no-such-content found no content folder here/)]);
  });
});

describe('a shallow clone', () => {
  const shallow: ContentHistory = { unavailable: 'the clone is shallow: fetch its full history with `git fetch --unshallow`', shallow: true, files: new Map(), readAt: () => new Map() };
  it('is an error in CI, saying to fetch full history', () => {
    const problems = checkContent({ root: 'content', cwd: project, now: NOW, history: shallow, ci: true }).filter((p) => p.severity === 'error');
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/^found a shallow clone in CI, expected full history.*git fetch --unshallow/);
  });
  it('is a warning outside CI', () => {
    const problems = checkContent({ root: 'content', cwd: project, now: NOW, history: shallow, ci: false });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.some((p) => p.severity === 'warning' && p.message.includes('shallow'))).toBe(true);
  });
});

