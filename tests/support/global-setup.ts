/**
 * Once per `vitest run`: names the run, so files can share what they build for it (the seed site,
 * tests/support/site.ts), and removes what was shared when the run ends.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    testRun: string;
  }
}

export default function setup(project: TestProject) {
  const run = `${process.pid}-${Date.now().toString(36)}`;
  project.provide('testRun', run);
  return () => rmSync(join(resolve('tests/.tmp'), `run-${run}`), { recursive: true, force: true });
}
