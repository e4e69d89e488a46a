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
  // A strict policy in a <meta> on every page: only the site's own files, plus hashes Astro
  // computes for the scripts and styles it bundles. `npm run verify` checks it in a browser.
  security: {
    csp: {
      directives: ["default-src 'self'", "base-uri 'self'", "form-action 'self'", "object-src 'none'"],
    },
  },
});
