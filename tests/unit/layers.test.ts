/**
 * One-way layers: dependency-cruiser (.dependency-cruiser.cjs) finds no import against the
 * direction configuration → content sources → domain → checks → rendering → build tooling, no cycle,
 * and nothing in src/ importing tests/ or scripts/. .dependency-cruiser-known-violations.json (the
 * imports let through while they are moved) is empty and must stay so.
 * dependency-cruiser does not read .astro files, so their frontmatter imports are checked here
 * against the same rules.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, posix, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TMP } from '../support/site.ts';

const CLI = 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs';
const cruise = (args: string[], cwd = '.') => spawnSync(process.execPath, [join(process.cwd(), CLI), ...args], { cwd, encoding: 'utf8' });
const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as {
  forbidden: { name: string; from: { path?: string; pathNot?: string }; to: { path?: string; pathNot?: string } }[];
};
const probe = join(TMP, `layers-${process.pid}`);
afterAll(() => rmSync(probe, { recursive: true, force: true }));

describe('layers', () => {
  it('no import goes against the direction, beyond the known list', () => {
    const result = cruise(['src', 'scripts', 'bench', 'astro.config.mjs', '--config', '.dependency-cruiser.cjs', '--ignore-known', '--output-type', 'err']);
    console.log(result.stdout);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it('the known list is empty: every import goes the right way', () => {
    const known: { from: string; to: string }[] = JSON.parse(readFileSync('.dependency-cruiser-known-violations.json', 'utf8'));
    expect(known.map((v) => `${v.from} → ${v.to}`)).toEqual([]);
  });

  it('fails on a pure module importing a check, a tool or a test, and on a cycle (so the test above can fail)', () => {
    const files: Record<string, string> = {
      'src/lib/pure.ts': "import { run } from '../check/rule.ts';\nimport { tool } from '../../scripts/tool.ts';\nexport const x = run() + tool();\n",
      'src/check/rule.ts': "import { x } from '../lib/cycle.ts';\nexport const run = () => x;\n",
      'src/lib/cycle.ts': "import { run } from '../check/rule.ts';\nexport const x = 1; export const again = run;\n",
      'scripts/tool.ts': "import { helper } from '../tests/support/helper.ts';\nexport const tool = () => helper;\n",
      'tests/support/helper.ts': 'export const helper = 1;\n',
      'tsconfig.json': '{}\n',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(probe, path)), { recursive: true });
      writeFileSync(join(probe, path), text);
    }
    const result = cruise(['src', 'scripts', '--config', join(process.cwd(), '.dependency-cruiser.cjs'), '--output-type', 'err'], probe);
    expect(result.status).not.toBe(0);
    for (const rule of ['domain-imports-no-later-layer: src/lib/pure.ts → src/check/rule.ts', 'domain-imports-no-later-layer: src/lib/pure.ts → scripts/tool.ts', 'src-imports-no-tests-or-scripts: src/lib/pure.ts → scripts/tool.ts', 'scripts-import-no-tests: scripts/tool.ts → tests/support/helper.ts', 'no-cycles']) {
      expect(result.stdout, rule).toContain(rule);
    }
  });

  it('.astro files import nothing from a later layer either', () => {
    const astroFiles = (readdirSync('src', { recursive: true }) as string[]).filter((f) => f.endsWith('.astro')).map((f) => posix.join('src', f.split('\\').join('/')));
    expect(astroFiles.length).toBeGreaterThan(10);
    const rules = config.forbidden.filter((rule) => rule.from.path && rule.to.path);
    const violations: string[] = [];
    for (const file of astroFiles) {
      const frontmatter = readFileSync(file, 'utf8').split(/^---$/m)[1] ?? '';
      // Value imports only: a type names a shape, the module is not loaded.
      for (const [, specifier] of frontmatter.matchAll(/^import\s+(?!type\b)[^'"]*?['"](\.{1,2}\/[^'"]+)['"]/gm)) {
        const target = relative('.', join(dirname(file), specifier)).split('\\').join('/');
        for (const rule of rules) {
          const match = (p?: string, not?: string) => (!p || new RegExp(p).test(target === file ? file : target)) && !(not && new RegExp(not).test(target));
          const from = new RegExp(rule.from.path!).test(file) && !(rule.from.pathNot && new RegExp(rule.from.pathNot).test(file));
          if (from && match(rule.to.path, rule.to.pathNot)) violations.push(`${rule.name}: ${file} → ${target}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('components take data as props and never call the data layer', () => {
    const components = readdirSync('src/components').filter((f) => f.endsWith('.astro'));
    const calling = components.filter((f) => /^import\s+(?!type\b)[^'"]*['"]\.\.\/data\//m.test(readFileSync(join('src/components', f), 'utf8')));
    expect(calling).toEqual([]);
  });
});
