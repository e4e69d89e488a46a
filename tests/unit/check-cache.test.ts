/**
 * The content check keeps each report's body and prose results by digest (src/check/results-cache.ts):
 * an unchanged report is answered from the cache, and every kind of edit that can change its
 * result (its text, its session's figures, the registries, the price files, the check's own code)
 * gives the same problems as a check without any cache.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/check/index.ts';
import type { MarkedSentence } from '../../src/check/prose.ts';
import { fileCheckCache, resultKey } from '../../src/check/results-cache.ts';
import { copyContent, editFile, UNREAD_HISTORY } from '../support/site.ts';
import { addPricedSecurity } from '../support/synthetic.ts';

const NOW = new Date('2025-11-01T00:00:00Z');
const REPORT = 'reports/2025-10-24-smic-rally.mdx';
const SNAPSHOT = 'markets/hk/2025-10-24.json';

let content: string;
let cacheFile: string;
beforeEach(() => {
  content = copyContent('check-cache');
  cacheFile = join(dirname(content), 'cache', 'closing-bell-check.json');
});
afterAll(() => rmSync(dirname(content), { recursive: true, force: true }));

function check(code?: string) {
  const cache = fileCheckCache(cacheFile, code);
  const marked: MarkedSentence[] = [];
  const problems = checkContent({ root: content, now: NOW, history: UNREAD_HISTORY, ci: false, cache, onMarked: (m) => marked.push(m) });
  cache.save();
  return { problems, marked, hits: cache.hits, misses: cache.misses };
}

function uncached() {
  const marked: MarkedSentence[] = [];
  const problems = checkContent({ root: content, now: NOW, history: UNREAD_HISTORY, ci: false, onMarked: (m) => marked.push(m) });
  return { problems, marked };
}

const insert = (sentence: string) => editFile(join(content, REPORT), (t) => t.replace('## Market Context\n', `## Market Context\n\n${sentence}\n`));

describe('the check with its results cache', () => {
  it('answers an unchanged report from the cache, problems and marked sentences as found the first time', () => {
    insert('The Hang Seng Index fell 0.7 % to 26,160.');
    const first = check();
    expect(first.misses).toBe(1);
    expect(first.problems.some((p) => p.file.endsWith(REPORT) && p.severity === 'error')).toBe(true);
    expect(first.marked).toHaveLength(1);
    const second = check();
    expect([second.hits, second.misses]).toEqual([1, 0]);
    expect(second.problems).toEqual(first.problems);
    expect(second.marked).toEqual(first.marked);
    expect(second).toMatchObject(uncached());
  });

  const edits: { name: string; setup?: () => void; edit: () => void; expectChange: boolean }[] = [
    { name: 'a sentence added to the report', edit: () => insert('The Hang Seng Index fell 0.7 % to 26,160.'), expectChange: true },
    {
      name: 'a figure of its session (the prose now disagrees with it)',
      // 26,170 still agrees with the change of 192 and 0.7 %: the snapshot stays valid, the sentence does not.
      setup: () => insert('The Hang Seng Index rose 192 points to 26,160.'),
      edit: () => editFile(join(content, SNAPSHOT), (t) => t.replace('"close": 26160', '"close": 26170')),
      expectChange: true,
    },
    {
      name: 'a security registry entry (the name prose may use)',
      edit: () => editFile(join(content, 'securities/00981.HK.json'), (t) => t.replace(/"aliases": \[[^\]]*\]/, '"aliases": []')),
      expectChange: false,
    },
    {
      // The front matter comes from the cache; the problem's line is found by parsing it then.
      name: 'a security its front matter lists (gone from the registry)',
      edit: () => rmSync(join(content, 'securities/09988.HK.json')),
      expectChange: true,
    },
    {
      name: 'a price file the report names',
      edit: () => addPricedSecurity(content),
      expectChange: false,
    },
  ];

  it.each(edits)('after $name, checks the report again and finds what a check without cache finds', ({ setup, edit, expectChange }) => {
    setup?.();
    const before = check();
    expect(check().hits).toBe(1);
    edit();
    const after = check();
    expect(after.misses).toBe(1);
    expect({ problems: after.problems, marked: after.marked }).toEqual(uncached());
    if (expectChange) expect(after.problems).not.toEqual(before.problems);
    expect(check().hits).toBe(1);
  });

  it('checks a report again when the price file its chart reads changes, or goes', () => {
    addPricedSecurity(content);
    insert('<PriceChart ticker="SYN01.HK" />');
    const withPrices = check();
    expect(withPrices.problems.filter((p) => p.field.startsWith('<PriceChart'))).toEqual([]);
    rmSync(join(content, 'prices/SYN01.HK.csv'));
    const without = check();
    expect(without.misses).toBe(1);
    expect(without.problems.filter((p) => p.field.startsWith('<PriceChart')).map((p) => p.message)).toEqual([expect.stringMatching(/^found ticker "SYN01\.HK", expected a security with a price file/)]);
    expect(without.problems).toEqual(uncached().problems);
  });

  it('starts empty when the check\'s code changed, or the file cannot be read', () => {
    check();
    expect(check('other code').misses).toBe(1);
    writeFileSync(cacheFile, '{ not json');
    expect(check().misses).toBe(1);
  });

  it('keeps only the results a run used, so the file does not grow with every edit', () => {
    for (const n of [1, 2, 3]) {
      insert(`Turnover was heavy for the ${n} hours of trading.`);
      check();
    }
    expect(Object.keys(JSON.parse(readFileSync(cacheFile, 'utf8')).results)).toHaveLength(1);
  });
});

describe('resultKey', () => {
  it('tells parts apart however their text is split', () => {
    expect(resultKey(['ab', 'c'])).not.toBe(resultKey(['a', 'bc']));
    expect(resultKey(['a', 'b'])).toBe(resultKey(['a', 'b']));
  });
});
