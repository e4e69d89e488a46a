/**
 * Finding the securities and indices a text names: one matcher, used both to link each mention in
 * report prose to its page ("SMIC (00981.HK) rallied" → two links to /tickers/00981-hk/) and by the
 * prose check to know what a sentence is about. The words are never changed, only found.
 *
 * How a name matches:
 * - a ticker with any number of leading zeros: 00981.HK, 0981.HK and 981.HK are one;
 * - a name of one word (HSI, SMIC, Alibaba) with its case as registered, so "smic" or a common
 *   word does not turn into a mention; a name of several words in any case ("Hang Seng Tech
 *   Index" for "Hang Seng TECH Index");
 * - hyphens, spaces and apostrophes in any of their typographic forms (Meituan‑W with U+2011);
 * - whole words only, the longest name first ("Hang Seng Tech Index" before "Hang Seng");
 * - not when the name runs on into a company's name: "Hang Seng" in "Hang Seng Bank" is not the
 *   index.
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

export interface NameMatch<T> {
  start: number;
  end: number;
  item: T;
}

const HYPHENS = '-\u2010\u2011\u2012\u2013\u2014';
const APOSTROPHES = "'\u2019";
const SPACES = '\\s\u00a0\u202f';
const TICKER = /^0*(\d+)\.([A-Z]{2})$/;
/** Words that continue a name into another company's: "Hang Seng Bank", "HSI Holdings". */
const RUNS_ON = new RegExp(
  `^[${SPACES}]+(?:Bank|Properties|Holdings|Group|Land|Development|Developments|Insurance|Indexes|Life|Securities|Capital|Investment|Investments|Finance|Company|Corp|Corporation|Limited|Ltd|Pharmaceutical|Pharma|Electronics|Motors?|Technology|Technologies|Energy|Resources|Airlines?)(?![\\p{L}])`,
  'u',
);

const caseless = (name: string) => /\s/.test(name.trim());

function namePattern(name: string): string {
  const ticker = TICKER.exec(name);
  if (ticker) return `0*${ticker[1]}\\.${ticker[2]}`;
  const anyCase = caseless(name);
  return [...name.trim().replace(/\s+/g, ' ')]
    .map((ch) => {
      if (HYPHENS.includes(ch)) return `[${HYPHENS}]`;
      if (APOSTROPHES.includes(ch)) return `[${APOSTROPHES}]`;
      if (/\s/.test(ch)) return `[${SPACES}]+`;
      if (anyCase && ch.toLowerCase() !== ch.toUpperCase()) return `[${ch.toLowerCase()}${ch.toUpperCase()}]`;
      return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    })
    .join('');
}

/** The key a name and any way of writing it share. */
function keyOf(name: string): string {
  const trimmed = name.trim();
  const ticker = TICKER.exec(trimmed);
  if (ticker) return `${ticker[1]}.${ticker[2]}`;
  const plain = trimmed.replace(new RegExp(`[${HYPHENS}]`, 'g'), '-').replace(new RegExp(`[${APOSTROPHES}]`, 'g'), "'").replace(/[\s\u00a0\u202f]+/g, ' ');
  return caseless(trimmed) ? plain.toLowerCase() : plain;
}

/**
 * A function that finds every name of the entries in a text, without overlaps. Where two entries
 * share a name, the first listed wins.
 */
export function nameMatcher<T>(entries: readonly { names: readonly string[]; item: T }[]): (text: string) => NameMatch<T>[] {
  const byKey = new Map<string, T>();
  const patterns = new Map<string, string>();
  for (const entry of entries) {
    for (const name of entry.names) {
      if (!name || name.trim() === '') continue;
      const key = keyOf(name);
      if (byKey.has(key)) continue;
      byKey.set(key, entry.item);
      patterns.set(key, namePattern(name));
    }
  }
  if (byKey.size === 0) return () => [];
  const sorted = [...patterns.entries()].sort(([a], [b]) => b.length - a.length || a.localeCompare(b));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${sorted.map(([, p]) => p).join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
  return (text) => {
    const found: NameMatch<T>[] = [];
    for (const match of text.matchAll(pattern)) {
      const end = match.index + match[0].length;
      if (/\s/.test(match[0]) && RUNS_ON.test(text.slice(end, end + 40))) continue;
      const item = byKey.get(keyOf(match[0]));
      if (item !== undefined) found.push({ start: match.index, end, item });
    }
    return found;
  };
}

/** A function that splits text into runs, each mention of an entity its own run with the entity's link. */
export function entityMatcher(entities: readonly LinkableEntity[]): (text: string) => Segment[] {
  const find = nameMatcher(entities.map((entity) => ({ names: entity.names, item: entity })));
  return (text) => {
    const segments: Segment[] = [];
    let last = 0;
    for (const { start, end, item } of find(text)) {
      if (start > last) segments.push({ text: text.slice(last, start) });
      segments.push({ text: text.slice(start, end), href: item.href, title: item.title });
      last = end;
    }
    if (last < text.length) segments.push({ text: text.slice(last) });
    return segments;
  };
}
