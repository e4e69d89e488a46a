/**
 * The quality gate on the real site, as `npm test` runs it: every check of scripts/verify/ over the
 * seed build the other test files share (tests/support/site.ts). That two clean builds are the same
 * site byte for byte is shown by tests/build/astro-build.test.ts (a plain `astro build` against
 * this same build). `npm run verify` runs the same checks on two builds of its own, every page in
 * all four views; here every page is loaded in two views that between them show each colour scheme
 * and each width, which holds as long as no style depends on both (the first test).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import { COMPLEMENTARY_VIEWS, schemeAndWidthRules } from '../../scripts/verify/browser.ts';
import { formatProblems, verifySite } from '../../scripts/verify/index.ts';
import { filesOf } from '../../scripts/verify/site.ts';
import { seedSite } from '../support/site.ts';

it('no style of the site applies to one colour scheme at one width only', async () => {
  const root = await seedSite();
  const sheets = filesOf(root).filter((file) => file.endsWith('.css'));
  expect(sheets.length).toBeGreaterThan(0);
  const css = sheets.map((file) => readFileSync(join(root, file), 'utf8')).join('\n');
  expect(css).toMatch(/prefers-color-scheme/);
  expect(css).toMatch(/max-width/);
  expect(schemeAndWidthRules(css)).toEqual([]);
});

it('the seed site passes every check of the quality gate', async () => {
  const { outcomes, table } = await verifySite(await seedSite(), { siteUrl: String(config.site), sources: ['src', 'content'], views: COMPLEMENTARY_VIEWS });
  console.log(`${outcomes.map((o) => `${o.problems.length ? 'FAIL' : 'ok  '} ${o.name}: ${o.summary}`).join('\n')}\n${table}`);
  expect(outcomes.map((o) => o.name)).toHaveLength(6);
  for (const outcome of outcomes) expect(formatProblems(outcome.problems), outcome.name).toBe('');
}, 600_000);
