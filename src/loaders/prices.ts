/**
 * A content-layer loader for price files: `content/prices/<ticker>.csv`, one per security, parsed
 * with the same function the content check runs (`parsePriceCsv`), so the site draws exactly what
 * the check accepted. The check runs first and names the line of any problem; a problem that still
 * reaches the loader (a file changed during `astro dev`) stops with the same words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import { parsePriceCsv } from '../lib/prices.ts';

export function pricesLoader(base: string): Loader {
  const folder = resolve(base);
  return {
    name: 'closing-bell:prices',
    async load({ store, parseData, generateDigest, watcher }) {
      const loadAll = async () => {
        store.clear();
        let names: string[] = [];
        try {
          // Regular files only: a symbolic link could point anywhere on the machine.
          names = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.csv')).map((entry) => entry.name).sort();
        } catch {
          // No prices folder: no security has a price history.
        }
        for (const name of names) {
          const text = readFileSync(join(folder, name), 'utf8');
          const { bars, problems } = parsePriceCsv(text);
          if (problems.length > 0) {
            const [first] = problems;
            throw new Error(`${join(base, name)}:${first.line}  ${first.field}  ${first.message}`);
          }
          const id = name.replace(/\.csv$/, '');
          store.set({ id, data: await parseData({ id, data: { ticker: id, bars } }), digest: generateDigest(text) });
        }
      };
      await loadAll();
      watcher?.add(folder);
      watcher?.on('all', (_event, path) => {
        if (path.startsWith(folder) && path.endsWith('.csv')) void loadAll();
      });
    },
  };
}
