/**
 * A content-layer loader for JSON files: `<base>/<one or more folders>/<name>.json`, the id being the
 * path without `.json` (`markets/hk/2025-10-24.json` → `hk/2025-10-24`). Files are listed with
 * `listFiles`, which never follows a symbolic link, so a link in content/ can never make the site
 * read (or publish) a file from elsewhere; the content check names any link it finds.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import { listFiles } from '../config/paths.ts';

/** `depth`: how many path parts a file has under `base` (1 for `HSI.json`, 2 for `hk/2025-10-24.json`). */
export function jsonLoader(base: string, depth: number): Loader {
  const folder = resolve(base);
  return {
    name: 'closing-bell:json',
    async load({ store, parseData, generateDigest, watcher }) {
      const loadAll = async () => {
        const names = listFiles(folder, /\.json$/)
          .map((path) => relative(folder, path).split('\\').join('/'))
          .filter((name) => name.split('/').length === depth);
        const ids = new Set(names.map((name) => name.replace(/\.json$/, '')));
        for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
        for (const name of names) {
          const id = name.replace(/\.json$/, '');
          const filePath = relative(process.cwd(), resolve(folder, name)).split('\\').join('/');
          const text = readFileSync(resolve(folder, name), 'utf8');
          const digest = generateDigest(text);
          if (store.get(id)?.digest === digest) continue;
          let data: Record<string, unknown>;
          try {
            data = JSON.parse(text);
          } catch (error) {
            throw new Error(`${filePath}:1  invalid JSON: ${error instanceof Error ? error.message.slice(0, 80) : ''}`);
          }
          store.set({ id, data: await parseData({ id, data, filePath }), filePath, digest });
        }
      };
      await loadAll();
      watcher?.add(folder);
      watcher?.on('all', (_event, path) => {
        if (path.startsWith(folder) && path.endsWith('.json')) void loadAll();
      });
    },
  };
}
