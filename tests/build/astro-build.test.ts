/**
 * `npx astro build` makes the same site as `npm run build`: the content check, the share images and
 * the search index are Astro's (astro.config.mjs); the wrapper only adds the atomic publish, the
 * build lock and a second core. Compared byte for byte with the seed build the tests share, which
 * also shows that two clean builds of one commit are the same site.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { authorEnvironment } from '../../scripts/support/build.ts';
import { formatProblems } from '../../scripts/verify/index.ts';
import { compareBuilds } from '../../scripts/verify/reproducible.ts';
import { seedSite, TEST_NOW, TMP } from '../support/site.ts';

const outDir = join(TMP, `astro-build-${process.pid}`);
afterAll(() => {
  for (const path of [outDir, `${outDir}.cache`]) rmSync(path, { recursive: true, force: true });
});

function astroBuild(env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      env: { ...authorEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', CLOSING_BELL_NOW: TEST_NOW, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

it('a plain astro build writes the same files as npm run build, search index and share images included', async () => {
  const wrapped = await seedSite();
  const plain = await astroBuild({ CLOSING_BELL_OUT_DIR: outDir, CLOSING_BELL_CACHE_DIR: `${outDir}.cache` });
  expect(plain.code, plain.output).toBe(0);
  expect(plain.output).toMatch(/Search: indexed 1 report page/);
  const same = compareBuilds(wrapped, outDir);
  expect(same.files).toBeGreaterThan(20);
  expect(formatProblems(same.problems)).toBe('');
}, 300_000);
