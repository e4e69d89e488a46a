/**
 * Drafts and scheduled reports: a draft is never built; a report whose publication time is after the
 * build is left out, with a warning, and appears in the first build after that time.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { copyContent, runBuild } from '../support/site.ts';

const SEED = 'reports/2025-10-24-smic-rally.mdx';

it('leaves drafts out, and scheduled reports out until their time', async () => {
  const content = copyContent('publication');
  const seed = readFileSync(join(content, SEED), 'utf8');
  writeFileSync(join(content, 'reports/2025-10-24-draft-note.mdx'), seed.replace('title: SMIC Sees', 'draft: true\ntitle: Draft of SMIC Sees'));
  writeFileSync(
    join(content, 'reports/2025-10-24-weekend-read.mdx'),
    seed.replace('title: SMIC Sees', 'title: Weekend Read on SMIC Sees').replace('published: 2025-10-24T18:30:00+08:00', 'published: 2025-11-03T09:00:00+08:00'),
  );
  const outDir = join(content, '..', 'dist');

  const before = await runBuild({ content, outDir, now: '2025-11-01T00:00:00Z' });
  expect(before.code, before.output).toBe(0);
  expect(before.output).toMatch(/2025-10-24-weekend-read\.mdx:6:1 {2}published {2}warning: scheduled: published 2025-11-03T09:00:00\+08:00 is after this build/);
  expect(existsSync(join(outDir, 'reports/2025-10-24-smic-rally/index.html'))).toBe(true);
  expect(existsSync(join(outDir, 'reports/2025-10-24-draft-note/index.html'))).toBe(false);
  expect(existsSync(join(outDir, 'reports/2025-10-24-weekend-read/index.html'))).toBe(false);
  // Share images are drawn beside the build for exactly the reports that get a page.
  expect(existsSync(join(outDir, 'og/2025-10-24-smic-rally.png'))).toBe(true);
  expect(existsSync(join(outDir, 'og/2025-10-24-draft-note.png'))).toBe(false);
  expect(existsSync(join(outDir, 'og/2025-10-24-weekend-read.png'))).toBe(false);
  for (const page of ['index.html', 'archive/index.html']) {
    const html = readFileSync(join(outDir, page), 'utf8');
    expect(html).not.toContain('draft-note');
    expect(html).not.toContain('weekend-read');
  }

  const after = await runBuild({ content, outDir, now: '2025-11-03T02:00:00Z' });
  expect(after.code, after.output).toBe(0);
  expect(after.output).not.toContain('scheduled:');
  expect(existsSync(join(outDir, 'reports/2025-10-24-weekend-read/index.html'))).toBe(true);
  expect(existsSync(join(outDir, 'og/2025-10-24-weekend-read.png'))).toBe(true);
  expect(readFileSync(join(outDir, 'archive/index.html'), 'utf8')).toContain('/reports/2025-10-24-weekend-read/');
  expect(existsSync(join(outDir, 'reports/2025-10-24-draft-note/index.html'))).toBe(false);
});
