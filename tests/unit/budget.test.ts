import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { moduleImports, pageScripts, scriptSources, SCRIPT_BUDGET_BYTES } from '../../src/check/budget.ts';
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
  it('finds scripts by src and module preload, and imports static and dynamic', () => {
    expect(scriptSources('<script type="module" src="/_astro/a.js"></script><link rel="modulepreload" href="/_astro/b.js">')).toEqual(['/_astro/a.js', '/_astro/b.js']);
    expect(moduleImports('import{x}from"./a.js";import"./b.js";import(`./c.js`);const d=import("../d.js")')).toEqual(['./a.js', './b.js', './c.js', '../d.js']);
  });

  it('counts every file a page can load, the lazily imported ones too', () => {
    site(1000);
    const { files } = pageScripts(dist, 'reports/r/index.html');
    expect(files.map((f) => f.path)).toEqual(['/_astro/draw.js', '/_astro/loader.js', '/_astro/shared.js']);
    expect(pageScripts(dist, 'index.html').files).toEqual([]);
  });

  it('passes under the budget and fails over it, naming the page', () => {
    site(20_000);
    const under = spawnSync(process.execPath, ['scripts/budget.ts', dist], { encoding: 'utf8' });
    expect(under.status, under.stdout + under.stderr).toBe(0);
    site(SCRIPT_BUDGET_BYTES * 2);
    const over = spawnSync(process.execPath, ['scripts/budget.ts', dist], { encoding: 'utf8' });
    expect(over.status).toBe(1);
    expect(over.stdout).toMatch(/reports\/r\/index\.html: \d+\.\d kB gzipped of 70 kB \(OVER BUDGET\)/);
  });
});
