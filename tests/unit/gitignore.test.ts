/**
 * Every name a build writes beside the published site is ignored by git, the link `dist` itself
 * included (a `dist/` pattern with a slash matches folders only, not a link). Asked of an empty
 * repository holding only the project's .gitignore: in the checkout, after a build, `dist` is a
 * link and git will not look at a path through it.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TMP } from '../support/site.ts';

mkdirSync(TMP, { recursive: true });
const repo = mkdtempSync(join(TMP, 'gitignore-'));
execFileSync('git', ['init', '--quiet', repo]);
copyFileSync('.gitignore', join(repo, '.gitignore'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const ignored = (path: string) => {
  try {
    execFileSync('git', ['-C', repo, 'check-ignore', '--no-index', '-q', path]);
    return true;
  } catch {
    return false;
  }
};

describe('.gitignore', () => {
  it.each(['dist', 'dist/index.html', 'dist.sites/mx24dsm0-18736/index.html', 'dist.sites/mx24dsm0-18736.og/a.png', 'dist.link-4242', 'dist.next/index.html', 'dist.previous-4242/index.html', 'dist.og/a.png'])('ignores %s', (path) => {
    expect(ignored(path)).toBe(true);
  });
  it('does not ignore the content', () => {
    expect(ignored('content/reports/2025-10-24-smic-rally.mdx')).toBe(false);
  });
});
