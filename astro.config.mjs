// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import contentCheck from './src/integrations/content-check.ts';
import searchIndex from './src/integrations/search-index.ts';
import { cacheRoot, unwatched } from './src/config/paths.ts';

const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://closing-bell.example',
  base,
  trailingSlash: 'always',
  // Test builds write elsewhere so they never touch the published `dist/`.
  outDir: process.env.CLOSING_BELL_OUT_DIR ?? './dist',
  cacheDir: cacheRoot(),
  // No syntax highlighting: reports have no code, and Shiki's inline styles would break the CSP.
  // Reports do not go through @astrojs/mdx: the report page compiles each body into data with the
  // check's own parse, schemas and HTML allowlist (src/markdown/report-body.ts), instead of a
  // JavaScript module per report. There are no .mdx pages, so no mdx() integration either.
  markdown: { syntaxHighlight: false },
  integrations: [contentCheck(), sitemap(), searchIndex()],
  // Styles as files, never inline <style>, so a strict Content-Security-Policy needs no hashes for them.
  // Four pages at a time: one at a time, a 4000-report build spent 6 of its 22 s waiting on file
  // writes (node --cpu-prof); with four it took 17 s.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  devToolbar: { enabled: false },
  // The dev server watches the project for changes; built sites, caches, test runs and the
  // benchmark's work are not sources, and after a test run or a benchmark they are tens of
  // thousands of files: crawling them held the dev server's start by seconds (13 s at 4000 reports
  // with the benchmark's sites). The content folder in use stays watched, wherever
  // CLOSING_BELL_CONTENT points (src/config/paths.ts, `unwatched`).
  vite: {
    server: {
      watch: {
        ignored: [unwatched(process.cwd())],
      },
    },
  },
  // A strict policy in a <meta> on every page: only the site's own files, plus hashes Astro
  // computes for the scripts and styles it bundles. `npm run verify` checks it in a browser.
  // A rebuild reuses every page whose cache key and code are unchanged since the last build (report
  // pages: reportPage in src/data), kept in the cache folder.
  experimental: { incrementalBuild: true },
  security: {
    csp: {
      directives: ["default-src 'self'", "base-uri 'self'", "form-action 'self'", "object-src 'none'"],
    },
  },
});
