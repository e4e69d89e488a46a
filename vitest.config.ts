/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Names the run, so files can share the one seed build (tests/support/site.ts).
    globalSetup: ['tests/support/global-setup.ts'],
    // Dates must not depend on the host: run far from Hong Kong so an HKT-only assumption fails.
    env: { TZ: 'America/New_York', ASTRO_TELEMETRY_DISABLED: '1' },
    // Build tests run real Astro builds side by side on two cores: slow under load, never hung.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
