/**
 * `npm test`: the type check (`astro check`) and every vitest file, side by side: the type check is
 * one core's work for a quarter of a minute, which the test files' waits on builds and browsers
 * leave room for. Vitest's output streams; the type check's is printed whole when both are done,
 * and either failing fails the run. Arguments go to vitest (`npm test -- tests/unit`).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = (path: string) => fileURLToPath(new URL(`../node_modules/${path}`, import.meta.url));

function run(args: string[], quiet: boolean): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => done({ code: 1, output: `${output}${error.message}\n` }));
    child.on('close', (code, signal) => done({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const started = Date.now();
const typecheck = run([bin('astro/bin/astro.mjs'), 'check'], true).then((result) => ({ ...result, seconds: (Date.now() - started) / 1000 }));
const tests = await run([bin('vitest/vitest.mjs'), 'run', ...process.argv.slice(2)], false);
const types = await typecheck;
// Passing, its summary (errors, warnings, hints) is enough; failing, everything it said.
const summary = types.code === 0 ? types.output.slice(Math.max(0, types.output.lastIndexOf('Result ('))) : types.output;
console.log(`\nType check (astro check, ${types.seconds.toFixed(1)} s, run beside the tests):\n${summary.trim()}\n`);
if (types.code !== 0) console.error(`The type check failed (exit ${types.code}).`);
process.exit(tests.code !== 0 ? tests.code : types.code);
