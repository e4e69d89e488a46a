/**
 * A Sätteri hast plugin for report prose: every mention of a registered security or index becomes a
 * link to its page, at build time, without changing what authors write. Headings, existing links and
 * code are left alone. The matching itself is `entityMatcher` in src/lib/entities.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Parents, Text } from 'hast';
import type { HastPluginDefinition, HastVisitorContext } from 'satteri';
import { entityMatcher, type LinkableEntity } from '../lib/entities.ts';
import { paths, url } from '../lib/url.ts';

const SKIP = new Set(['a', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'script', 'style']);

function readJsonFiles(folder: string): unknown[] {
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.json'));
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

function insideSkipped(node: Readonly<Text>, ctx: HastVisitorContext): boolean {
  let parent: Readonly<Parents> | undefined = ctx.parent(node);
  while (parent && parent.type !== 'root') {
    if (parent.type === 'element' && SKIP.has((parent as Element).tagName)) return true;
    parent = ctx.parent(parent as never);
  }
  return false;
}

export function entityLinks(entities: readonly LinkableEntity[]): HastPluginDefinition {
  const split = entityMatcher(entities);
  return {
    name: 'closing-bell:entity-links',
    text(node, ctx) {
      const segments = split(node.value);
      if (!segments.some((segment) => segment.href)) return;
      if (insideSkipped(node, ctx)) return;
      ctx.replaceNode(
        node,
        segments.map((segment): Text | Element =>
          segment.href
            ? {
                type: 'element',
                tagName: 'a',
                properties: { href: segment.href, className: ['entity-link'], title: segment.title },
                children: [{ type: 'text', value: segment.text }],
              }
            : { type: 'text', value: segment.text },
        ),
      );
    },
  };
}
