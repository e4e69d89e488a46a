/**
 * The GitHub workflows are valid (checked by action-validator against GitHub's schema) and do what
 * the README promises: check and test every pull request, deploy main with full history.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const validator = 'node_modules/@action-validator/cli/cli.mjs';
const validate = (file: string) => spawnSync(process.execPath, [validator, file], { encoding: 'utf8' });
const workflows = readdirSync('.github/workflows').filter((f) => f.endsWith('.yml'));

describe('workflows', () => {
  it.each(workflows)('%s is valid', (file) => {
    const result = validate(join('.github/workflows', file));
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it('the validator refuses a broken workflow (so the check above can fail)', () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'workflow-')), 'broken.yml');
    writeFileSync(broken, 'name: broken\non:\n  pull_request:\njobs:\n  check:\n    steps:\n      - run: npm test\n');
    expect(validate(broken).status).not.toBe(0);
  });

  it('pull requests run the check with GitHub annotations, then every test', () => {
    const steps = parse(readFileSync('.github/workflows/pull-request.yml', 'utf8')).jobs.check.steps.map((s: { run?: string }) => s.run).filter(Boolean);
    expect(steps).toEqual(['npm ci', 'npm run check -- --format github', 'npm test', 'npm run build']);
  });

  it('main deploys to Pages with full history, daily too, with the Pages URL and base path', () => {
    const deploy = parse(readFileSync('.github/workflows/deploy.yml', 'utf8'));
    expect(Object.keys(deploy.on)).toEqual(expect.arrayContaining(['push', 'schedule']));
    expect(deploy.on.push.branches).toEqual(['main']);
    const build = deploy.jobs.build.steps;
    expect(build.find((s: { uses?: string }) => s.uses?.startsWith('actions/checkout')).with['fetch-depth']).toBe(0);
    expect(build.find((s: { run?: string }) => s.run === 'npm run build').env).toEqual({
      SITE_URL: '${{ steps.pages.outputs.origin }}',
      BASE_PATH: '${{ steps.pages.outputs.base_path }}',
    });
    expect(deploy.jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
  });

  it('the deploy keeps the build cache outside node_modules, restored after npm ci, keyed on lockfile and code', () => {
    const job = parse(readFileSync('.github/workflows/deploy.yml', 'utf8')).jobs.build;
    const steps: { run?: string; uses?: string; with?: Record<string, string> }[] = job.steps;
    const folder = job.env.CLOSING_BELL_CACHE_DIR;
    expect(folder).toBeTruthy();
    expect(folder).not.toMatch(/node_modules/);
    const cache = steps.findIndex((s) => s.uses?.startsWith('actions/cache@'));
    expect(cache, 'an actions/cache step').toBeGreaterThan(steps.findIndex((s) => s.run === 'npm ci'));
    expect(cache).toBeLessThan(steps.findIndex((s) => s.run === 'npm run build'));
    const { path, key, 'restore-keys': restore } = steps[cache].with!;
    expect(path).toBe(folder);
    // Never a cache of other dependencies or other code: both hashes lead the key and every restore key.
    for (const k of [key, ...String(restore).trim().split('\n')]) {
      expect(k).toContain("hashFiles('package-lock.json')");
      expect(k).toMatch(/hashFiles\('astro\.config\.mjs', 'src\/\*\*'/);
    }
    // A new entry each run (a key is written once), so the next deploy restores this one's pages.
    expect(key).toContain('${{ github.sha }}');
  });
});
