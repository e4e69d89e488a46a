/**
 * What report prose links to: every registered security and index with the names prose may use.
 * The report page turns each mention into a link to the thing's page when it compiles its body
 * (src/markdown/report-body.ts); the reports loader keeps the list in each entry's digest. The
 * matching itself is `entityMatcher` in src/lib/entities.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LinkableEntity } from '../lib/entities.ts';
import { paths, url } from '../lib/url.ts';

function readJsonFiles(folder: string): unknown[] {
  let names: string[];
  try {
    // Regular files only: a symbolic link could point anywhere on the machine.
    names = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.json')).map((entry) => entry.name);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    try {
      return [JSON.parse(readFileSync(join(folder, name), 'utf8'))];
    } catch {
      // A broken file is the content check's to report, with its line; it just links nothing here.
      return [];
    }
  });
}

/** The securities and indices under a content folder, each with every name prose may use. */
export function registryEntities(contentRoot: string, base: string): LinkableEntity[] {
  const text = (value: unknown) => (typeof value === 'string' ? [value] : []);
  const list = (value: unknown) => (Array.isArray(value) ? value.flatMap(text) : []);
  const securities = readJsonFiles(join(contentRoot, 'securities')).flatMap((raw) => {
    const entry = raw as Record<string, unknown>;
    if (typeof entry.ticker !== 'string' || typeof entry.name !== 'string') return [];
    return [{
      names: [entry.ticker, entry.name, ...text(entry.fullName), ...list(entry.aliases)],
      href: url(paths.ticker(entry.ticker), base),
      title: `${entry.name}, ${entry.ticker}`,
    }];
  });
  const indices = readJsonFiles(join(contentRoot, 'indices')).flatMap((raw) => {
    const entry = raw as Record<string, unknown>;
    if (typeof entry.symbol !== 'string' || typeof entry.name !== 'string') return [];
    return [{
      names: [entry.symbol, entry.name, ...list(entry.aliases)],
      href: url(paths.index(entry.symbol), base),
      title: entry.name,
    }];
  });
  return [...securities, ...indices];
}
