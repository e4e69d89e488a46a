/**
 * Finding the securities and indices a sentence names, so report prose can link each mention to its
 * page without the author writing a link: "SMIC (00981.HK) rallied" → two links to /tickers/00981-hk/.
 * The words are never changed, only split into linked and unlinked runs.
 */

export interface LinkableEntity {
  /** Every way prose may name it: ticker or symbol, name, full name, aliases. */
  names: readonly string[];
  href: string;
  /** Shown as the link's title: "SMIC, 00981.HK". */
  title: string;
}

export interface Segment {
  text: string;
  href?: string;
  title?: string;
}

// Authors and smart punctuation write a hyphen several ways ("Meituan‑W" with U+2011); a name
// matches whichever is used.
const HYPHENS = '-\u2010\u2011\u2012\u2013';
const SPACES = '\\s\u00a0\u202f';

function namePattern(name: string): string {
  return [...name]
    .map((char) => {
      if (HYPHENS.includes(char)) return `[${HYPHENS}]`;
      if (/\s/.test(char)) return `[${SPACES}]+`;
      return char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    })
    .join('');
}

function normalise(name: string): string {
  return name.replace(new RegExp(`[${HYPHENS}]`, 'g'), '-').replace(/[\s\u00a0\u202f]+/g, ' ');
}

/**
 * A function that splits text into runs, each mention of an entity its own run with the entity's
 * link. Names match whole words and case-sensitively ("HSI" is not found in "HSIx" nor in "hsi"),
 * and the longest name wins ("Hang Seng Tech Index" before "Hang Seng").
 */
export function entityMatcher(entities: readonly LinkableEntity[]): (text: string) => Segment[] {
  const byName = new Map<string, LinkableEntity>();
  for (const entity of entities) {
    for (const name of entity.names) {
      const key = normalise(name.trim());
      if (key && !byName.has(key)) byName.set(key, entity);
    }
  }
  if (byName.size === 0) return (text) => (text ? [{ text }] : []);
  const names = [...byName.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(namePattern).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return (text) => {
    const segments: Segment[] = [];
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      const entity = byName.get(normalise(match[0]));
      if (!entity) continue;
      if (match.index > last) segments.push({ text: text.slice(last, match.index) });
      segments.push({ text: match[0], href: entity.href, title: entity.title });
      last = match.index + match[0].length;
    }
    if (last < text.length) segments.push({ text: text.slice(last) });
    return segments;
  };
}
