/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

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
    hookTimeout: 600_000,
  },
});
