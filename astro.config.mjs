// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import contentCheck from './src/check/integration.ts';
import { cacheRoot, contentRoot } from './src/check/paths.ts';
import { entityLinks, registryEntities } from './src/markdown/entity-links.ts';

const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://closing-bell.example',
  base,
  trailingSlash: 'always',
  // Test builds write elsewhere so they never touch the published `dist/`.
  outDir: process.env.CLOSING_BELL_OUT_DIR ?? './dist',
  cacheDir: cacheRoot(),
  // Report prose links every security and index it names to that thing's page.
  // No syntax highlighting: reports have no code, and Shiki's inline styles would break the CSP.
  markdown: { processor: satteri({ hastPlugins: [entityLinks(registryEntities(contentRoot(), base))] }), syntaxHighlight: false },
  integrations: [contentCheck(), mdx(), sitemap()],
  // Styles as files, never inline <style>, so a strict Content-Security-Policy needs no hashes for them.
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // A strict policy in a <meta> on every page: only the site's own files, plus hashes Astro
  // computes for the scripts and styles it bundles. `npm run verify` checks it in a browser.
  security: {
    csp: {
      directives: ["default-src 'self'", "base-uri 'self'", "form-action 'self'", "object-src 'none'"],
    },
  },
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
});
