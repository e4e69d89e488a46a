/**
 * The quality gate on the real site, as `npm test` runs it: every check of scripts/verify/ over the
 * seed build the other test files share (tests/support/site.ts), and a second clean build compared
 * with it byte for byte. `npm run verify` runs the same checks on two builds of its own.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import { formatProblems, verifySite } from '../../scripts/verify/index.ts';
import { compareBuilds } from '../../scripts/verify/reproducible.ts';
import { runBuild, seedSite, TMP } from '../support/site.ts';

const second = join(TMP, `verify-second-${process.pid}`);
afterAll(() => {
  for (const path of [second, `${second}.cache`, `${second}.sites`]) rmSync(path, { recursive: true, force: true });
});

it('a second clean build of the same content is the same site, byte for byte', async () => {
  const first = await seedSite();
  const build = await runBuild({ outDir: second });
  expect(build.code, build.output).toBe(0);
  const same = compareBuilds(first, second);
  expect(same.files).toBeGreaterThan(20);
  expect(formatProblems(same.problems)).toBe('');
}, 300_000);

it('the seed site passes every check of the quality gate', async () => {
  const { outcomes, table } = await verifySite(await seedSite(), { siteUrl: String(config.site), sources: ['src', 'content'] });
  console.log(`${outcomes.map((o) => `${o.problems.length ? 'FAIL' : 'ok  '} ${o.name}: ${o.summary}`).join('\n')}\n${table}`);
  expect(outcomes.map((o) => o.name)).toHaveLength(6);
  for (const outcome of outcomes) expect(formatProblems(outcome.problems), outcome.name).toBe('');
}, 600_000);
