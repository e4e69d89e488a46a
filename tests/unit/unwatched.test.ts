/**
 * What the dev server's watcher skips: built sites, caches and the scratch folders of tests and the
 * benchmark, never a source and never the content folder in use, wherever it is.
 */
import { describe, expect, it } from 'vitest';
import { unwatched } from '../../src/config/paths.ts';

const ROOT = '/project';

describe('unwatched, with the project’s own content folder', () => {
  const skip = unwatched(ROOT, 'content');
  it.each([
    ['/project/dist/index.html', true],
    ['/project/dist.sites/mx2/reports/a/index.html', true],
    ['/project/.build-cache/data-store.json', true],
    ['/project/tests/.tmp', true],
    ['/project/tests/.tmp/incremental/cache/og/a.png', true],
    ['/project/tests/.tmp/generated-1/content/reports/a.mdx', true],
    ['/project/bench/.work/n4000/content/reports/a.mdx', true],
    ['/project', false],
    ['/project/content/reports/2025-10-24-smic-rally.mdx', false],
    ['/project/src/pages/index.astro', false],
    ['/project/tests', false],
    ['/project/tests/unit/unwatched.test.ts', false],
    ['/project/bench/dev.ts', false],
    ['/project/distribution/notes.md', false],
  ])('%s: skipped %s', (path, skipped) => {
    expect(skip(path)).toBe(skipped);
  });
});

describe('unwatched, with a content folder among the scratch folders', () => {
  it('watches that folder and the folders on the way to it, and skips its neighbours', () => {
    const skip = unwatched(ROOT, 'bench/.work/n4000/content');
    for (const path of ['/project/bench/.work', '/project/bench/.work/n4000', '/project/bench/.work/n4000/content', '/project/bench/.work/n4000/content/markets/hk/2025-01-02.json']) {
      expect(skip(path), path).toBe(false);
    }
    for (const path of ['/project/bench/.work/n4000/dist.sites', '/project/bench/.work/n4000/cache/og/a.png', '/project/bench/.work/n1000/content/reports/a.mdx', '/project/bench/.work/n4000/content-old/a.mdx', '/project/tests/.tmp/x/content/a.mdx']) {
      expect(skip(path), path).toBe(true);
    }
  });

  it('takes paths relative to the project as well', () => {
    const skip = unwatched(ROOT, 'tests/.tmp/run-1/content');
    expect(skip('tests/.tmp/run-1/content/reports/a.mdx')).toBe(false);
    expect(skip('tests/.tmp/run-2/content/reports/a.mdx')).toBe(true);
  });
});
