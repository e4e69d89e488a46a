/**
 * The quality gate on the real site, as `npm test` runs it: every check of scripts/verify/ over the
 * seed build the other test files share (tests/support/site.ts). That two clean builds are the same
 * site byte for byte is shown by tests/build/astro-build.test.ts (a plain `astro build` against
 * this same build). `npm run verify` runs the same checks on two builds of its own.
 */
import { expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import { formatProblems, verifySite } from '../../scripts/verify/index.ts';
import { seedSite } from '../support/site.ts';

it('the seed site passes every check of the quality gate', async () => {
  const { outcomes, table } = await verifySite(await seedSite(), { siteUrl: String(config.site), sources: ['src', 'content'] });
  console.log(`${outcomes.map((o) => `${o.problems.length ? 'FAIL' : 'ok  '} ${o.name}: ${o.summary}`).join('\n')}\n${table}`);
  expect(outcomes.map((o) => o.name)).toHaveLength(6);
  for (const outcome of outcomes) expect(formatProblems(outcome.problems), outcome.name).toBe('');
}, 600_000);
