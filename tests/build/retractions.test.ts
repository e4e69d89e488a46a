/**
 * A published report cannot vanish silently: in a real git repository, deleting (or emptying) a
 * committed report fails the check until content/retractions.json retracts it, with a date and a
 * reason. Retractions are checked like any content file.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/check/index.ts';
import { TMP } from '../support/site.ts';

const NOW = new Date('2025-11-01T00:00:00Z');
const REPORT = 'content/reports/2025-10-24-smic-rally.mdx';
let repo: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-C', repo, ...args], {
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Desk', GIT_AUTHOR_EMAIL: 'desk@example.com', GIT_COMMITTER_NAME: 'Desk', GIT_COMMITTER_EMAIL: 'desk@example.com', GIT_AUTHOR_DATE: '2025-10-24T10:31:00Z', GIT_COMMITTER_DATE: '2025-10-24T10:31:00Z' },
  });
const check = () => checkContent({ root: 'content', cwd: repo, now: NOW, ci: false }).filter((p) => p.severity === 'error');
const retract = (entries: object[]) => writeFileSync(join(repo, 'content/retractions.json'), JSON.stringify({ retractions: entries }, null, 2));
const RETRACTION = {
  id: '2025-10-24-smic-rally',
  title: 'SMIC rallies as chip stocks lift the Hang Seng',
  published: '2025-10-24T18:30:00+08:00',
  date: '2025-10-26T09:00:00+08:00',
  reason: 'The report relied on a session snapshot that the exchange later withdrew.',
};

beforeEach(() => {
  mkdirSync(TMP, { recursive: true });
  repo = mkdtempSync(join(TMP, 'retractions-'));
  cpSync('content', join(repo, 'content'), { recursive: true });
  git('init', '--quiet', '--initial-branch=main');
  git('add', '.');
  git('commit', '--quiet', '-m', 'Publish the SMIC wrap');
});

describe('a published report removed', () => {
  it('fails without a retraction, naming the report and what to add', () => {
    rmSync(join(repo, REPORT));
    const problems = check();
    const removed = problems.find((p) => p.file === REPORT);
    expect(removed, JSON.stringify(problems)).toBeDefined();
    expect(removed!.message).toMatch(/^found the published report 2025-10-24-smic-rally \(.+\) removed \(first published in commit [0-9a-f]{7}, .+\), expected a retraction for it in content\/retractions\.json/);
  });

  it('fails after the removal is committed, too', () => {
    rmSync(join(repo, REPORT));
    git('commit', '--quiet', '-am', 'Remove the SMIC wrap');
    expect(check().some((p) => p.file === REPORT && p.message.startsWith('found the published report'))).toBe(true);
  });

  it('passes with a retraction entry', () => {
    rmSync(join(repo, REPORT));
    retract([RETRACTION]);
    expect(check()).toEqual([]);
  });

  it('emptied, is refused as an empty body, pointing at retraction', () => {
    const text = readFileSync(join(repo, REPORT), 'utf8');
    writeFileSync(join(repo, REPORT), text.slice(0, text.indexOf('\n---', 4) + 5));
    const [problem] = check().filter((p) => p.field === 'body');
    expect(problem).toMatchObject({ file: REPORT });
    expect(problem.message).toMatch(/^found an empty report body.*Retracting a report/);
  });

  it('leaves a report that was never published alone (not yet committed, or only a draft)', () => {
    const seed = readFileSync(join(repo, REPORT), 'utf8');
    writeFileSync(join(repo, 'content/reports/2025-10-24-draft.mdx'), seed.replace('tags:', 'draft: true\ntags:'));
    git('add', '.');
    git('commit', '--quiet', '-m', 'A draft');
    rmSync(join(repo, 'content/reports/2025-10-24-draft.mdx'));
    expect(check()).toEqual([]);
  });
});

describe('content/retractions.json', () => {
  const cases: { name: string; entries: object[]; keep?: boolean; field: string; message: RegExp }[] = [
    { name: 'a retraction of a report still there', entries: [RETRACTION], keep: true, field: 'retractions[0].id', message: /^found "2025-10-24-smic-rally", a report that is still in content\/reports\// },
    { name: 'a retraction dated before publication', entries: [{ ...RETRACTION, date: '2025-10-24T09:00:00+08:00' }], field: 'retractions[0].date', message: /^found 2025-10-24T09:00:00\+08:00, expected a time after the report was published/ },
    { name: 'a retraction without a reason', entries: [{ ...RETRACTION, reason: ' ' }], field: 'retractions[0].reason', message: /^found an empty string, expected text/ },
    { name: 'a retraction with a TODO', entries: [{ ...RETRACTION, reason: 'TODO' }], field: 'retractions[0].reason', message: /^found "TODO", a TODO placeholder/ },
    { name: 'the same report retracted twice', entries: [RETRACTION, RETRACTION], field: 'retractions[1].id', message: /^found "2025-10-24-smic-rally" a second time/ },
  ];
  it.each(cases)('refuses $name at its field', ({ entries, keep, field, message }) => {
    if (!keep) rmSync(join(repo, REPORT));
    retract(entries);
    const problem = check().find((p) => p.file === 'content/retractions.json' && p.field === field);
    expect(problem?.message, JSON.stringify(check())).toMatch(message);
  });
});
