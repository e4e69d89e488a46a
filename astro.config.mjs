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
  // Styles as files, never inline <style>, so a strict Content-Security-Policy needs no hashes for them.
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
});
