/**
 * A published figure never changes silently: in a real git repository, changing the seed's HSI close
 * or a number in its prose after the report was committed fails the check until a correction dated
 * after publication explains it. Without history, the check says so once and carries on.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/check/index.ts';
import { TMP } from '../support/site.ts';

const NOW = new Date('2025-11-01T00:00:00Z');
let repo: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-C', repo, ...args], {
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Desk', GIT_AUTHOR_EMAIL: 'desk@example.com', GIT_COMMITTER_NAME: 'Desk', GIT_COMMITTER_EMAIL: 'desk@example.com', GIT_AUTHOR_DATE: '2025-10-24T10:31:00Z', GIT_COMMITTER_DATE: '2025-10-24T10:31:00Z' },
  });
const edit = (path: string, change: (text: string) => string) => writeFileSync(join(repo, path), change(readFileSync(join(repo, path), 'utf8')));
const check = () => checkContent({ root: 'content', cwd: repo, now: NOW }).filter((p) => p.severity === 'error');

beforeEach(() => {
  mkdirSync(TMP, { recursive: true });
  repo = mkdtempSync(join(TMP, 'published-'));
  cpSync('content', join(repo, 'content'), { recursive: true });
  // Published as first written: without the corrections the seed report has since gained, which
  // would explain the changes below.
  edit('content/reports/2025-10-24-smic-rally.mdx', (t) => t.replace(/^corrections:\n(?: {2}.*\n)+/m, ''));
  git('init', '--quiet', '--initial-branch=main');
  git('add', '.');
  git('commit', '--quiet', '-m', 'Publish the SMIC wrap');
});

describe('a change to a published figure', () => {
  it('passes while nothing changed', () => {
    expect(check()).toEqual([]);
  });

  it('fails when the HSI close changes without a correction, giving the old and new figure', () => {
    edit('content/markets/hk/2025-10-24.json', (t) => t.replace('"close": 26160', '"close": 26170'));
    git('commit', '--quiet', '-am', 'Fix the close');
    const [problem, ...rest] = check();
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: 'content/markets/hk/2025-10-24.json', line: 7, field: 'indices[0].close' });
    expect(problem.message).toMatch(
      /^found changed HSI close from 26160 to 26170 since it was published \(commit [0-9a-f]{7}, 2025-10-24T10:31:00\+00:00\) in report content\/reports\/2025-10-24-smic-rally\.mdx, expected a corrections entry/,
    );
  });

  it('fails before the change is committed too (the working copy is what gets published next)', () => {
    edit('content/markets/hk/2025-10-24.json', (t) => t.replace('"peRatio": 144.22', '"peRatio": 144.2'));
    expect(check().map((p) => p.message.slice(0, 50))).toEqual(['found changed 00981.HK peRatio from 144.22 to 144.']);
  });

  it('passes once a correction dated after publication explains it', () => {
    edit('content/markets/hk/2025-10-24.json', (t) => t.replace('"close": 26160', '"close": 26170'));
    edit('content/reports/2025-10-24-smic-rally.mdx', (t) =>
      t.replace('tags:', 'corrections:\n  - date: 2025-10-25T09:00:00+08:00\n    text: The HSI close was 26,170, not 26,160.\ntags:'),
    );
    expect(check()).toEqual([]);
  });

  it('is not explained by a correction dated before publication (the check refuses that date anyway)', () => {
    edit('content/markets/hk/2025-10-24.json', (t) => t.replace('"close": 26160', '"close": 26170'));
    edit('content/reports/2025-10-24-smic-rally.mdx', (t) => t.replace('tags:', 'corrections:\n  - date: 2025-10-24T17:00:00+08:00\n    text: Early fix.\ntags:'));
    expect(check().map((p) => p.field).sort()).toEqual(['corrections[0].date', 'indices[0].close']);
  });

  it('fails when a number in the prose changes, at its line', () => {
    edit('content/reports/2025-10-24-smic-rally.mdx', (t) => t.replace('its 52‑week high', 'its 26‑week high'));
    const problems = check();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'content/reports/2025-10-24-smic-rally.mdx', line: 46, field: 'prose' });
    expect(problems[0].message).toMatch(/^found 26 in the prose and 52 no longer in it since it was published/);
  });

  it('lets a figure of the source be added later, held to the published ones by the cross-check', () => {
    edit('content/markets/hk/2025-10-24.json', (t) => t.replace('"close": 9363, "change": 63', '"close": 9363, "change": 63, "previousClose": 9300'));
    expect(check()).toEqual([]);
    edit('content/markets/hk/2025-10-24.json', (t) => t.replace('"previousClose": 9300', '"previousClose": 9200'));
    const refused = check();
    expect(refused.map((p) => `${p.file} ${p.message}`).join('\n')).toMatch(/2025-10-24\.json found .*previous close 9,?200/);
  });

  it('leaves a report that is not yet committed alone', () => {
    const seed = readFileSync(join(repo, 'content/reports/2025-10-24-smic-rally.mdx'), 'utf8');
    writeFileSync(join(repo, 'content/reports/2025-10-24-second-look.mdx'), seed.replace('its 52‑week high', 'its 26‑week high'));
    expect(check()).toEqual([]);
  });
});

describe('without git history', () => {
  it('says so once, as a warning, and checks everything else', () => {
    const plain = mkdtempSync('/tmp/closing-bell-no-git-');
    cpSync('content', join(plain, 'content'), { recursive: true });
    const problems = checkContent({ root: 'content', cwd: plain, now: NOW });
    const notes = problems.filter((p) => p.message.startsWith('no git history'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('the content is not in a git repository') });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('says why for a shallow clone', () => {
    const shallow = join(mkdtempSync(join(TMP, 'shallow-')), 'clone');
    edit('content/markets/hk/2025-10-24.json', (t) => t.replace('"close": 26160', '"close": 26170'));
    git('commit', '--quiet', '-am', 'A second commit, so depth 1 is shallow');
    execFileSync('git', ['clone', '--quiet', '--depth', '1', `file://${repo}`, shallow]);
    // Outside CI, a warning that says why; in CI (CI=true, as the pull-request workflow runs), an error.
    const problems = checkContent({ root: 'content', cwd: shallow, now: NOW, ci: false });
    expect(problems.find((p) => p.message.startsWith('no git history'))?.message).toContain('the clone is shallow');
    const inCi = checkContent({ root: 'content', cwd: shallow, now: NOW, ci: true }).filter((p) => p.severity === 'error');
    expect(inCi.map((p) => p.message)).toEqual([expect.stringMatching(/^found a shallow clone in CI, expected full history.*git fetch --unshallow/)]);
  });
});
