/**
 * A content-layer loader for reports: `content/reports/**\/*.mdx`. Each file's front matter becomes
 * the entry's data (validated by `reportSchema`). The body is not kept in the data store: the report
 * page compiles it when it renders (`reportBody` in src/data/index.ts). Astro writes the whole data
 * store again after every change and the dev server reads it back whole, so bodies in it (85 % of
 * its bytes at 4000 reports) made every edit cost a serialisation of the archive, and a cold
 * `astro dev` compiled every body before it could answer.
 *
 * Entries keep a digest of their file and of everything else the compiled body depends on (the
 * securities and indices that prose links to, the site's base path, the compiler's features and
 * HTML allowlist): a build whose data store is kept parses the front matter of changed reports
 * only, and the report page's cache key (`reportPage`) changes whenever its compiled body would. The content
 * check runs first and names the line of any problem; one that still reaches the page (a file
 * changed during `astro dev`) stops it with its file and line: the compiler refuses exactly what
 * the check refuses, from the same parse (src/check/body/parse.ts).
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import { parse } from 'yaml';
import { listFiles } from '../config/paths.ts';
import { splitFrontmatter } from '../sources/files.ts';
import { registryEntities } from '../markdown/entity-links.ts';
import { BODY_HTML } from '../check/body/html.ts';
import { BODY_FEATURES } from '../markdown/report-body.ts';

/**
 * Raise when the compiled shape changes (2: components hold props parsed by their schemas, HTML
 * goes through the allowlist; 3: bodies are compiled by the page, not kept in the store), or a
 * component schema parses a value differently, so entries and pages kept from an older build are
 * made again. The HTML allowlist is part of the key by itself.
 */
const BODY_FORMAT = 3;
const HTML_ALLOWLIST = JSON.stringify(BODY_HTML, (_key, value: unknown) => (value instanceof RegExp ? String(value) : value));

export function reportsLoader(base: string, contentRoot: string): Loader {
  const folder = resolve(base);
  return {
    name: 'closing-bell:reports',
    async load({ store, parseData, generateDigest, watcher, config }) {
      let salt = '';
      const refreshRegistry = () => {
        const entities = registryEntities(contentRoot, config.base);
        salt = JSON.stringify({ BODY_FORMAT, BODY_FEATURES, HTML_ALLOWLIST, entities });
      };

      const loadFile = async (name: string) => {
        const id = name.replace(/\.mdx$/, '');
        const path = join(folder, name);
        const filePath = relative(process.cwd(), path).split('\\').join('/');
        const text = readFileSync(path, 'utf8');
        const digest = generateDigest(`${salt}\n${text}`);
        if (store.get(id)?.digest === digest) return;
        const parts = splitFrontmatter(text);
        if (!parts) throw new Error(`${filePath}:1  found no front matter, expected the file to start with a --- line`);
        const data = await parseData({ id, data: (parse(parts.frontmatter, { schema: 'core' }) ?? {}) as Record<string, unknown>, filePath });
        store.set({ id, data, filePath, digest });
      };

      const loadAll = async () => {
        refreshRegistry();
        const names = listFiles(folder, /\.mdx$/).map((path) => relative(folder, path).split('\\').join('/'));
        const ids = new Set(names.map((name) => name.replace(/\.mdx$/, '')));
        for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
        for (const name of names) await loadFile(name);
      };

      await loadAll();

      if (!watcher) return;
      const registries = [join(resolve(contentRoot), 'securities'), join(resolve(contentRoot), 'indices')];
      watcher.add(folder);
      watcher.on('all', (event, path) => {
        // A renamed security changes how every report links its mentions.
        if (registries.some((registry) => path.startsWith(registry)) && path.endsWith('.json')) {
          void loadAll();
          return;
        }
        if (!path.startsWith(folder) || !path.endsWith('.mdx')) return;
        const name = relative(folder, path).split('\\').join('/');
        if (event === 'unlink') store.delete(name.replace(/\.mdx$/, ''));
        else void loadFile(name);
      });
    },
  };
}
