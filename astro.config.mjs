// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import contentCheck from './src/check/integration.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://closing-bell.example',
  trailingSlash: 'always',
  // Test builds write elsewhere so they never touch the published `dist/`.
  outDir: process.env.CLOSING_BELL_OUT_DIR ?? './dist',
  cacheDir: process.env.CLOSING_BELL_CACHE_DIR ?? './node_modules/.astro',
  integrations: [contentCheck(), mdx()],
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  vite: {
    build: {
      rolldownOptions: {
        // Each MDX report carries Astro's `"use astro:head-inject"` directive, which the bundler warns
        // about once per file, with a code frame. The warning is harmless; at thousands of reports
        // formatting and printing it costs seconds and buries any warning that matters.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
  // A rebuild re-renders only the report pages whose data changed (see reportCacheKey in src/data).
  experimental: { incrementalBuild: true },
});
