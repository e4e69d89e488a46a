/**
 * The real build, as an author runs it (`npm run build` → scripts/build.ts → astro build), pointed
 * at a content folder and an output folder of the test's choosing under `tests/.tmp/`, so tests never
 * touch `content/` or the published `dist/`.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const TMP = resolve('tests/.tmp');

export interface BuildResult {
  code: number;
  /** stdout and stderr together, without colour codes. */
  output: string;
}

/** Variables the test runner (Vitest, through Vite) sets for itself; a child build must not inherit them (DEV=1 would make a build show drafts). */
const RUNNER_VARIABLES = new Set(['NODE_ENV', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'SITE', 'TEST', 'ASSETS_PREFIX']);

/** The environment an author's shell has: without the test runner's own variables. */
export function authorEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !RUNNER_VARIABLES.has(key) && !key.startsWith('VITEST')));
}

/** The moment every test build runs at, so results never depend on the wall clock. */
export const TEST_NOW = '2025-11-01T00:00:00Z';

export function runBuild(options: { content?: string; outDir: string; cacheDir?: string; now?: string; env?: Record<string, string> }): Promise<BuildResult> {
  const env = {
    ...authorEnvironment(),
    CLOSING_BELL_NOW: options.now ?? TEST_NOW,
    ASTRO_TELEMETRY_DISABLED: '1',
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    CLOSING_BELL_OUT_DIR: options.outDir,
    CLOSING_BELL_CACHE_DIR: options.cacheDir ?? `${options.outDir}.cache`,
    ...(options.content ? { CLOSING_BELL_CONTENT: options.content } : {}),
    ...options.env,
  };
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['scripts/build.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, output: output.replace(/\x1b\[[0-9;]*m/g, '') }));
  });
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
