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

/** The environment an author's shell has: without the test runner's own variables (NODE_ENV=test, VITEST…). */
export function authorEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')));
}

export function runBuild(options: { content?: string; outDir: string; cacheDir?: string }): Promise<BuildResult> {
  const env = {
    ...authorEnvironment(),
    ASTRO_TELEMETRY_DISABLED: '1',
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    CLOSING_BELL_OUT_DIR: options.outDir,
    CLOSING_BELL_CACHE_DIR: options.cacheDir ?? `${options.outDir}.cache`,
    ...(options.content ? { CLOSING_BELL_CONTENT: options.content } : {}),
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
