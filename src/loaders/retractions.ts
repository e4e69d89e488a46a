/**
 * A content-layer loader for `content/retractions.json` (see src/schemas/retractions.ts): one entry
 * per retracted report, its id the report's. No file, no retractions. A symbolic link is never read.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import { isRegularFile } from '../config/paths.ts';

export function retractionsLoader(file: string): Loader {
  const path = resolve(file);
  return {
    name: 'closing-bell:retractions',
    async load({ store, parseData, generateDigest, watcher }) {
      const loadAll = async () => {
        store.clear();
        if (!isRegularFile(path)) return;
        const text = readFileSync(path, 'utf8');
        const { retractions } = JSON.parse(text) as { retractions: { id: string }[] };
        for (const entry of retractions ?? []) {
          store.set({ id: entry.id, data: await parseData({ id: entry.id, data: entry as Record<string, unknown> }), digest: generateDigest(JSON.stringify(entry)) });
        }
      };
      await loadAll();
      watcher?.add(path);
      watcher?.on('all', (_event, changed) => {
        if (changed === path) void loadAll();
      });
    },
  };
}
