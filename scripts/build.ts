/**
 * `npm run build`: build the site into a fresh folder and put it in place of `dist/` only when the
 * content check and the whole build pass. A failed build leaves the last good site byte for byte, so
 * what readers are served is never half-written.
 *
 * After Astro, Pagefind indexes the new folder for search, before the swap: a failed index also
 * leaves the last good site in place.
 *
 * `CLOSING_BELL_OUT_DIR` changes the target folder (tests build elsewhere).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

const target = process.env.CLOSING_BELL_OUT_DIR ?? 'dist';
const next = `${target}.next`;
const previous = `${target}.previous`;
const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));

rmSync(next, { recursive: true, force: true });
const build = spawnSync(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env, CLOSING_BELL_OUT_DIR: next },
});
if (build.status !== 0) {
  rmSync(next, { recursive: true, force: true });
  console.error(`\nBuild failed: ${existsSync(target) ? `${target}/ still holds the last good site` : `nothing was published to ${target}/`}.`);
  process.exit(build.status ?? 1);
}

const searchIndex = await indexForSearch(next);
if (searchIndex.length > 0) {
  rmSync(next, { recursive: true, force: true });
  console.error(`\nSearch indexing failed:\n  ${searchIndex.join('\n  ')}\n${existsSync(target) ? `${target}/ still holds the last good site` : `nothing was published to ${target}/`}.`);
  process.exit(1);
}
rmSync(previous, { recursive: true, force: true });
if (existsSync(target)) renameSync(target, previous);
renameSync(next, target);
rmSync(previous, { recursive: true, force: true });
console.log(`Published to ${target}/`);

/** Indexes the reports (the elements marked data-pagefind-body) into `<site>/pagefind/`; returns the errors. */
async function indexForSearch(site: string): Promise<string[]> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) return errors;
    const added = await index.addDirectory({ path: site });
    if (added.errors.length > 0) return added.errors;
    const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
    if (written.errors.length > 0) return written.errors;
    console.log(`Search: indexed ${added.page_count} page(s) into ${join(site, 'pagefind')}/`);
    return [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  } finally {
    await pagefind.close();
  }
}
