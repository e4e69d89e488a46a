import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { pagesOf } from '../../scripts/verify/site.ts';
import { JS_BUDGET, weighPage } from '../../scripts/verify/weight.ts';
import { TMP } from '../support/site.ts';

const dist = join(TMP, 'budget-site');

/** A built site whose chart page loads a loader that imports `size` bytes of incompressible code later. */
function site(size: number): void {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(join(dist, '_astro'), { recursive: true });
  mkdirSync(join(dist, 'reports/r'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><p>no scripts</p>');
  writeFileSync(join(dist, 'reports/r/index.html'), '<!doctype html><script type="module" src="/_astro/loader.js"></script>');
  writeFileSync(join(dist, '_astro/loader.js'), 'import{a}from"./shared.js";import(`./draw.js`).then(m=>m.draw(a))');
  writeFileSync(join(dist, '_astro/shared.js'), 'export const a=1');
  writeFileSync(join(dist, '_astro/draw.js'), `export const draw=()=>"${randomBytes(size / 2).toString('hex')}"`);
}

afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('the script budget', () => {
  it('counts every file a page can load, the lazily imported ones too', () => {
    site(1000);
    const [home, report] = pagesOf(dist);
    expect(weighPage(dist, report).scripts).toEqual(['/_astro/draw.js', '/_astro/loader.js', '/_astro/shared.js']);
    expect(weighPage(dist, home).scripts).toEqual([]);
  });

  it('passes under the budget and fails over it, naming the page', () => {
    site(20_000);
    const under = spawnSync(process.execPath, ['scripts/budget.ts', dist], { encoding: 'utf8' });
    expect(under.status, under.stdout + under.stderr).toBe(0);
    site(JS_BUDGET * 2);
    const over = spawnSync(process.execPath, ['scripts/budget.ts', dist], { encoding: 'utf8' });
    expect(over.status).toBe(1);
    expect(over.stdout).toMatch(/\/reports\/r\/: \d+\.\d KB gzipped of 70\.0 KB \(OVER BUDGET\)/);
  });
});
