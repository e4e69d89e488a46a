/**
 * In `astro dev`, a saved report shows at once. The report page compiles its body from the file
 * when it renders (src/data, `reportBody`), so the open page is reloaded as soon as the saved file
 * reads whole, not only when Astro has rewritten its data store (half a second of debounce and a
 * serialisation of the whole archive later, more while a content check runs beside it). Front
 * matter reaches the page through the data store: Astro's own reload, after the write, shows it.
 */
import { readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { splitFrontmatter } from '../sources/files.ts';

export function reportReload(contentRoot: string): Plugin {
  const reports = resolve(contentRoot, 'reports') + sep;
  return {
    name: 'closing-bell:report-reload',
    configureServer(server) {
      server.watcher.on('change', (path) => {
        if (!path.startsWith(reports) || !path.endsWith('.mdx')) return;
        // An editor may still be writing: a file cut short before its body is left to Astro's reload.
        setTimeout(() => {
          let text = '';
          try {
            text = readFileSync(path, 'utf8');
          } catch {
            return;
          }
          if (splitFrontmatter(text)) server.ws.send({ type: 'full-reload', path: '*' });
        }, 20);
      });
    },
  };
}
