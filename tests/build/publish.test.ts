/**
 * Publishing is atomic at every instant. One build is paused after each of its steps (a test hook,
 * CLOSING_BELL_PAUSE_FILE) and dist/ is looked at there: always a complete site. Builds are killed
 * (SIGKILL: nothing cleans up) after the step that leaves a temporary link and after the rename, and
 * the next build succeeds without cleanup by hand or waiting on the dead build's lock. A folder
 * that cannot be written fails in one line and leaves the last good site.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorEnvironment, copyContent, runBuild, TEST_NOW, TMP } from '../support/site.ts';

const SLOW = 400_000;
let root: string;
let outDir: string;
const cacheDir = () => join(root, 'cache');
const build = (env: Record<string, string> = {}, content?: string) => runBuild({ outDir, cacheDir: cacheDir(), env, content });

/** The pages and files every published site has: a site missing any of them is not complete. */
function expectCompleteSite(dir: string): void {
  expect(existsSync(dir), `${dir} is missing`).toBe(true);
  for (const file of ['index.html', 'reports/2025-10-24-smic-rally/index.html', 'rss.xml', 'pagefind/pagefind.js', '404.html']) {
    expect(existsSync(join(dir, file)), `${dir}/${file} is missing`).toBe(true);
  }
  expect(readdirSync(join(dir, 'og')).some((name) => name.endsWith('.png'))).toBe(true);
}

/** What lies beside dist/ other than the published folder (the sweep deletes in the background: give it a moment). */
async function leftovers(): Promise<string[]> {
  const list = () => [
    ...readdirSync(root).filter((name) => !['dist', 'dist.sites', 'cache'].includes(name)),
    ...readdirSync(join(root, 'dist.sites')).filter((name) => lstatSync(outDir).isSymbolicLink() && name !== readlinkSync(outDir).split('/').pop()).map((name) => `dist.sites/${name}`),
  ];
  for (let i = 0; i < 50 && list().length > 0; i++) await new Promise((done) => setTimeout(done, 100));
  return list();
}

beforeAll(async () => {
  mkdirSync(TMP, { recursive: true });
  root = mkdtempSync(join(TMP, 'publish-'));
  outDir = join(root, 'dist');
  const first = await build();
  expect(first.code, first.output).toBe(0);
}, SLOW);

afterAll(() => {
  spawnSync('chattr', ['-i', root]);
  if (existsSync(outDir)) spawnSync('chattr', ['-i', outDir]);
});

describe('a build paused after each step', () => {
  it('finds a complete site at dist/ every time, the previous one until the rename and the new one after it; killed with its temporary link in place, it leaves dist/ as it was', async () => {
    const before = readlinkSync(outDir);
    const pauseFile = join(root, 'paused');
    const child = spawn(process.execPath, ['scripts/build.ts'], {
      env: { ...authorEnvironment(), CLOSING_BELL_NOW: TEST_NOW, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', CLOSING_BELL_OUT_DIR: outDir, CLOSING_BELL_CACHE_DIR: cacheDir(), CLOSING_BELL_PAUSE_FILE: pauseFile },
      stdio: 'ignore',
    });
    const exited = new Promise<string | null>((done) => child.once('exit', (_code, signal) => done(signal)));
    const seen: string[] = [];
    for (;;) {
      while (!existsSync(pauseFile)) await new Promise((done) => setTimeout(done, 50));
      const step = readFileSync(pauseFile, 'utf8');
      seen.push(step);
      expect(lstatSync(outDir).isSymbolicLink()).toBe(true);
      expectCompleteSite(outDir);
      expect(readlinkSync(outDir)).toBe(before);
      if (step === 'linked') break;
      rmSync(pauseFile);
    }
    expect(seen).toEqual(['prepared', 'built', 'indexed', 'linked']);
    expect(readdirSync(root).some((name) => name.startsWith('dist.link-'))).toBe(true);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    rmSync(pauseFile);
    expectCompleteSite(outDir);
    expect(readlinkSync(outDir)).toBe(before);
  }, SLOW);

  it('killed right after the rename, leaves the new site at dist/', async () => {
    const before = readlinkSync(outDir);
    const killed = await build({ CLOSING_BELL_STOP_AT: 'published' });
    expect(killed.code, killed.output).not.toBe(0);
    expect(killed.output).not.toContain('Published to');
    expectCompleteSite(outDir);
    expect(readlinkSync(outDir)).not.toBe(before);
  }, SLOW);

  it('the next build succeeds at once, without waiting on the killed one\'s lock, and sweeps what the killed builds left', async () => {
    const next = await build();
    expect(next.code, next.output).toBe(0);
    expect(next.output).not.toContain('Waiting for another build');
    expect(next.output).toMatch(/Taking over the build lock .*no longer running/);
    expectCompleteSite(outDir);
    expect(await leftovers()).toEqual([]);
  }, SLOW);
});

const canFreeze = process.getuid?.() === 0 && spawnSync('chattr', ['-V']).error === undefined;

describe.skipIf(!canFreeze)('a folder that cannot be written', () => {
  it('fails in one line, before building, leaving the last good site and nothing beside it', async () => {
    const site = readlinkSync(outDir);
    expect(spawnSync('chattr', ['+i', root]).status).toBe(0);
    let result;
    try {
      result = await build();
    } finally {
      spawnSync('chattr', ['-i', root]);
    }
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/^Build failed: cannot publish to .*dist \(in .*\): permission denied \(is the folder read-only or immutable, e\.g\. chattr \+i\?\) \(EPERM\); .*dist\/ still holds the last good site\.$/m);
    expect(result.output).not.toMatch(/^\s+at /m);
    expect(result.output).not.toContain('[build]');
    expect(readlinkSync(outDir)).toBe(site);
    expectCompleteSite(outDir);
    expect(await leftovers()).toEqual([]);
  }, SLOW);
});

describe('a dist/ that is still a plain folder (published before links)', () => {
  it.skipIf(!canFreeze)('when immutable, fails in one line after the build, leaving it and nothing beside it', async () => {
    const site = readlinkSync(outDir);
    rmSync(outDir);
    renameSync(join(root, 'dist.sites', site.split('/').pop()!), outDir);
    expect(spawnSync('chattr', ['+i', outDir]).status).toBe(0);
    let result;
    try {
      result = await build();
    } finally {
      spawnSync('chattr', ['-i', outDir]);
    }
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/^Build failed: cannot move the old .*dist\/ into .*dist\.sites\/: permission denied .*\(EPERM\); .*still holds the last good site\.$/m);
    expect(result.output).not.toMatch(/^\s+at /m);
    expect(lstatSync(outDir).isDirectory()).toBe(true);
    expectCompleteSite(outDir);
    expect(readdirSync(root).filter((name) => !['dist', 'dist.sites', 'cache'].includes(name))).toEqual([]);
  }, SLOW);

  it('is moved aside and replaced by a link; killed in that one step, the next build (even one that fails) puts it back', async () => {
    if (lstatSync(outDir).isSymbolicLink()) {
      const site = join(root, readlinkSync(outDir));
      rmSync(outDir);
      cpSync(site, outDir, { recursive: true });
    }
    const killed = await build({ CLOSING_BELL_STOP_AT: 'moved' });
    expect(killed.code).not.toBe(0);
    expect(existsSync(outDir)).toBe(false);
    const content = copyContent('publish-broken');
    writeFileSync(join(content, 'markets/hk/2025-10-24.json'), '{');
    const broken = await build({}, content);
    expect(broken.code).not.toBe(0);
    expect(lstatSync(outDir).isSymbolicLink()).toBe(true);
    expectCompleteSite(outDir);
  }, SLOW);
});
