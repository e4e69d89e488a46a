/**
 * Search: once Astro has written the pages, Pagefind indexes the reports (the elements marked
 * `data-pagefind-body`; only report pages carry that mark, so only they are read) into
 * `<out>/pagefind/`. A failed index fails the build, so `npm run build` keeps the last good site.
 * As a hook of `astro build`, a plain `npx astro build` makes the same site as `npm run build`.
 * `npm run build` runs the same indexing once Astro has exited (`CLOSING_BELL_INDEX_AFTER_ASTRO`):
 * Pagefind holds ~0.75 GB at 4000 reports, and beside Astro's own memory that was the build's peak.
 */
import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

export default function searchIndex(): AstroIntegration {
  return {
    name: 'closing-bell:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.CLOSING_BELL_INDEX_AFTER_ASTRO === '1') return;
        const site = fileURLToPath(dir);
        const { pages, errors } = await indexForSearch(site);
        if (errors.length > 0) throw new Error(`Search indexing failed:\n  ${errors.join('\n  ')}`);
        logger.info(`Search: indexed ${pages} report page(s) into ${join(site, 'pagefind')}/`);
      },
    },
  };
}

/** Indexes the report pages of a built site; returns how many, and the errors. */
export async function indexForSearch(site: string): Promise<{ pages: number; errors: string[] }> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) return { pages: 0, errors };
    const added = await index.addDirectory({ path: site, glob: 'reports/**/*.html' });
    if (added.errors.length > 0) return { pages: 0, errors: added.errors };
    const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
    return { pages: added.page_count, errors: written.errors };
  } catch (error) {
    return { pages: 0, errors: [error instanceof Error ? error.message : String(error)] };
  } finally {
    await pagefind.close();
  }
}
