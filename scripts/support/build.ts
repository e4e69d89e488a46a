/**
 * The real build, as an author runs it (`npm run build` → scripts/build.ts → astro build), in a child
 * process pointed at a content folder and an output folder of the caller's choosing: the quality gate
 * and the tests build elsewhere, never into `content/` or the published `dist/`.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface BuildResult {
  code: number;
  /** stdout and stderr together, without colour codes. */
  output: string;
}

export interface BuildOptions {
  content?: string;
  outDir: string;
  /** Astro's cache folder; `<outDir>.cache` unless given, so a build never reuses another's cache by accident. */
  cacheDir?: string;
  /** The moment the build runs at (`CLOSING_BELL_NOW`); the wall clock unless given. */
  now?: string;
  env?: Record<string, string>;
}

/** Variables a test runner (Vitest, through Vite) sets for itself; a child build must not inherit them (DEV=1 would make a build show drafts). */
const RUNNER_VARIABLES = new Set(['NODE_ENV', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'SITE', 'TEST', 'ASSETS_PREFIX']);

/** The environment an author's shell has: without a test runner's own variables. */
export function authorEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !RUNNER_VARIABLES.has(key) && !key.startsWith('VITEST')));
}

const buildScript = fileURLToPath(new URL('../build.ts', import.meta.url));

export function runBuild(options: BuildOptions): Promise<BuildResult> {
  const env = {
    ...authorEnvironment(),
    ...(options.now ? { CLOSING_BELL_NOW: options.now } : {}),
    ASTRO_TELEMETRY_DISABLED: '1',
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    CLOSING_BELL_OUT_DIR: options.outDir,
    CLOSING_BELL_CACHE_DIR: options.cacheDir ?? `${options.outDir}.cache`,
    ...(options.content ? { CLOSING_BELL_CONTENT: options.content } : {}),
    ...options.env,
  };
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [buildScript], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, output: output.replace(/\x1b\[[0-9;]*m/g, '') }));
  });
}
