/**
 * Real builds for tests (scripts/support/build.ts), always at one fixed moment and under
 * `tests/.tmp/`, so tests never touch `content/` or the published `dist/`; and the seed site, built
 * once per test run and shared by every file that only reads it.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';
import type { ContentHistory } from '../../src/sources/history.ts';
import { authorEnvironment, runBuild as runAnyBuild, type BuildOptions, type BuildResult } from '../../scripts/support/build.ts';

export { authorEnvironment, type BuildResult };

export const TMP = resolve('tests/.tmp');

/** The moment every test build runs at, so results never depend on the wall clock. */
export const TEST_NOW = '2025-11-01T00:00:00Z';

/** Git history for an in-process check: a repository with no commits yet, so every report is new. */
export const NO_HISTORY: ContentHistory = { files: new Map(), readAt: () => new Map() };
/** Git history the check is told it cannot read: the rules that need it say so instead of running. */
export const UNREAD_HISTORY: ContentHistory = { unavailable: 'not read in this test', files: new Map(), readAt: () => new Map() };

export function runBuild(options: BuildOptions): Promise<BuildResult> {
  return runAnyBuild({ ...options, now: options.now ?? TEST_NOW });
}

/**
 * The real content built once per test run (clean: a fresh cache folder), for every test that only
 * reads the site: the seed page, discovery, search, charts, the quality gate. The first file to ask
 * builds it under a lock; the others wait and read the same folder. Never write into it: copy it.
 */
export async function seedSite(): Promise<string> {
  const folder = join(TMP, `run-${inject('testRun')}`);
  const outDir = join(folder, 'seed-site');
  const done = `${outDir}.done`;
  const failed = `${outDir}.failed`;
  const lock = `${outDir}.lock`;
  mkdirSync(folder, { recursive: true });
  for (;;) {
    if (existsSync(done)) return outDir;
    if (existsSync(failed)) throw new Error(`the shared seed build failed:\n${readFileSync(failed, 'utf8')}`);
    try {
      mkdirSync(lock);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (existsSync(done)) return outDir;
    const result = await runBuild({ outDir });
    if (result.code !== 0) {
      writeFileSync(failed, result.output);
      throw new Error(`the shared seed build failed (exit ${result.code}):\n${result.output}`);
    }
    writeFileSync(done, result.output);
    return outDir;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** What the shared seed build printed. */
export function seedSiteOutput(outDir: string): string {
  return readFileSync(`${outDir}.done`, 'utf8');
}

/** A copy of `content/` in a fresh temporary folder (relative to the project, as authors see paths). */
export function copyContent(name: string): string {
  mkdirSync(TMP, { recursive: true });
  const folder = mkdtempSync(join(TMP, `${name}-`));
  cpSync('content', join(folder, 'content'), { recursive: true });
  return join(folder, 'content');
}

/** Rewrites one file of a content copy: `edit` gets the text and returns the new text. */
export function editFile(path: string, edit: (text: string) => string): void {
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
}
