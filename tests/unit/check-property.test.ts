/**
 * A property-based test of the content check (fast-check): random and mutated snapshots, front
 * matter and bodies (tests/support/generated-content.ts) are fed to `checkContent` in-process.
 *
 * 1. The check never throws, whatever the files hold.
 * 2. Whatever the check passes builds: the report is rendered through the code its page uses (the
 *    session view, the body compiled as its page compiles it, every component rendered
 *    through Astro's Container API with its props and the session's figures), and nothing throws.
 *    tests/build/generated-build.test.ts runs one real build of a few check-clean cases.
 *
 * The seed and case count are printed; rerun a failure with FC_SEED=<seed> (FC_RUNS for more cases).
 * Locally each run draws a new seed, to keep finding new cases; with CI=true the seed is fixed, so a
 * pull request's result depends on its change and not on the draw (FC_SEED still overrides it).
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/check/index.ts';
import { splitFrontmatter } from '../../src/sources/files.ts';
import { reportSchema, snapshotSchema } from '../../src/schemas/index.ts';
import { buildSession } from '../../src/lib/session.ts';
import { entityMatcher } from '../../src/lib/entities.ts';
import { registryEntities } from '../../src/markdown/entity-links.ts';
import { compileReportFile } from '../../src/markdown/report-body.ts';
import ReportBody from '../../src/components/ReportBody.astro';
import { contentCase, reportText, type ContentCase } from '../support/generated-content.ts';
import { registriesFrom } from '../support/seed.ts';
import { TMP, NO_HISTORY } from '../support/site.ts';

const CI_SEED = 20251024;
const SEED = Number(process.env.FC_SEED ?? (process.env.CI === 'true' ? CI_SEED : Math.floor(Math.random() * 2 ** 31)));
const RUNS = Number(process.env.FC_RUNS ?? 60);
const NOW = new Date('2025-11-01T00:00:00Z');
const SNAPSHOT = 'markets/hk/2025-10-24.json';
const REPORT = 'reports/2025-10-24-smic-rally.mdx';

let content: string;
let container: AstroContainer;
const registries = registriesFrom();
const link = entityMatcher(registryEntities('content', '/'));

beforeAll(async () => {
  mkdirSync(TMP, { recursive: true });
  content = join(mkdtempSync(join(TMP, 'property-')), 'content');
  cpSync('content', content, { recursive: true });
  container = await AstroContainer.create();
});

function check(c: ContentCase) {
  writeFileSync(join(content, SNAPSHOT), c.snapshot);
  writeFileSync(join(content, REPORT), reportText(c));
  return checkContent({ root: relative('.', content), now: NOW, history: NO_HISTORY, ci: false });
}

/** The report as its page renders it: front matter through the schema, the session, the compiled body, every component. */
async function render(c: ContentCase): Promise<string> {
  const snapshot = snapshotSchema.parse(JSON.parse(c.snapshot));
  const session = buildSession(snapshot, registries);
  const text = reportText(c);
  const parts = splitFrontmatter(text)!;
  reportSchema.parse(parse(parts.frontmatter, { schema: 'core' }));
  const body = compileReportFile(text, REPORT, link);
  return container.renderToString(ReportBody, { props: { nodes: body.nodes }, locals: { session, prices: new Map() } });
}

describe('the content check, on generated content', () => {
  it('never throws, and whatever it passes renders', async () => {
    let clean = 0;
    let refused = 0;
    console.log(`fast-check: seed ${SEED}, ${RUNS} cases (rerun with FC_SEED=${SEED})`);
    await fc.assert(
      fc.asyncProperty(contentCase, async (c) => {
        const problems = check(c);
        if (problems.some((p) => p.severity === 'error')) {
          refused++;
          return;
        }
        clean++;
        const html = await render(c);
        expect(html.length).toBeGreaterThan(0);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    console.log(`fast-check: ${clean} check-clean cases rendered, ${refused} refused by the check`);
    // Both kinds must occur, or the generators test nothing.
    expect(clean).toBeGreaterThan(RUNS / 20);
    expect(refused).toBeGreaterThan(RUNS / 5);
  }, 120_000);
});
