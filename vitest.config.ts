/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';
import SlowFirst from './tests/support/sequencer.ts';

export default getViteConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Names the run, so files can share the one seed build (tests/support/site.ts).
    globalSetup: ['tests/support/global-setup.ts'],
    // Dates must not depend on the host: run far from Hong Kong so an HKT-only assumption fails.
    env: { TZ: 'America/New_York', ASTRO_TELEMETRY_DISABLED: '1' },
    // Real builds take minutes on a loaded two-core machine; a file waiting for the shared seed build
    // (tests/support/site.ts) waits in its beforeAll.
    testTimeout: 120_000,
    // Two files at a time, also on two cores (Vitest's default there is one): most of a build or
    // browser test is spent waiting on a child process, and builds into separate folders overlap.
    maxWorkers: 2,
    sequence: { sequencer: SlowFirst },
    hookTimeout: 600_000,
  },
});
