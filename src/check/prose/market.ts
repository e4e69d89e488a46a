/**
 * Claims about the market as a whole that are not a quote's figures: breadth ("advancers
 * outnumbered decliners 1,012 to 688", "1,102 stocks fell") and the day's Stock Connect totals
 * ("southbound investors were net sellers", "net buying of HKD 5.2 billion").
 */
import type { Qualifier } from '../../lib/stated.ts';
import type { ProseNumber } from './numbers.ts';

export type BreadthField = 'advancers' | 'decliners' | 'unchanged';

export interface BreadthClaim {
  /** Offset of the number in the sentence. */
  index: number;
  field: BreadthField;
  number: ProseNumber;
}

const S = '[\\s\\u00a0]+';
const N = '(\\d{1,3}(?:,\\d{3})+|\\d+)';
const QUALIFIER = `((?:more${S}than|over|nearly|almost|about|around|some|roughly|fewer${S}than|less${S}than|just${S}over|just${S}under)${S})?`;
const UP_WORDS = `(?:rose|advanced|gained|climbed|ended${S}higher|closed${S}higher|finished${S}higher|were${S}up|rallied)`;
const DOWN_WORDS = `(?:fell|declined|dropped|slid|ended${S}lower|closed${S}lower|finished${S}lower|were${S}down|retreated)`;
const COUNTED = `(?:stocks|shares|issues|counters|names|companies)`;
const SIDES: Record<string, BreadthField> = { advancers: 'advancers', gainers: 'advancers', decliners: 'decliners', losers: 'decliners' };

const OUTNUMBERED = new RegExp(`(advancers|gainers|decliners|losers)${S}(?:outnumbered|beat|outpaced|outstripped|led)${S}(advancers|gainers|decliners|losers)${S}(?:by${S})?${N}${S}(?:to|versus|vs\\.?)${S}${N}`, 'giu');
const COUNT_MOVED = new RegExp(`${QUALIFIER}${N}${S}(?:(?:Hong${S}Kong|main[-\\u2010\\u2011${'\\s'}]board|listed|local)${S})?${COUNTED}${S}(?:(?:on${S}the${S}main${S}board|in${S}Hong${S}Kong)${S})?(${UP_WORDS}|${DOWN_WORDS}|(?:were${S})?(?:unchanged|flat))(?![\\p{L}])`, 'giu');
const COUNT_NAMED = new RegExp(`${QUALIFIER}${N}${S}(advancers|gainers|decliners|losers)(?![\\p{L}])`, 'giu');
const AND_COUNT = new RegExp(`(?:,|and|while|with)${S}${QUALIFIER}${N}${S}(?:(?:${COUNTED})${S})?(${UP_WORDS}|${DOWN_WORDS}|(?:were${S})?(?:unchanged|flat))(?![\\p{L}])`, 'giu');

/** "58 of its 82 constituents": the count before is out of a whole, not the market's breadth. */
const OUT_OF_BEFORE = /of[\s\u00a0]+(?:(?:its|the|their)[\s\u00a0]+)?\d[\d,]*[\s\u00a0]*$/iu;
const UP = new RegExp(`^${UP_WORDS}$`, 'iu');
const DOWN = new RegExp(`^${DOWN_WORDS}$`, 'iu');

function qualifierOf(words: string | undefined): { qualifier: Qualifier; side?: 'below' | 'above' } {
  const w = (words ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  if (!w) return { qualifier: 'exact' };
  if (w === 'nearly' || w === 'almost' || w === 'just under') return { qualifier: 'around', side: 'below' };
  if (w === 'just over') return { qualifier: 'moreThan', side: 'above' };
  if (w === 'more than' || w === 'over') return { qualifier: 'moreThan' };
  if (w === 'fewer than' || w === 'less than') return { qualifier: 'lessThan' };
  return { qualifier: 'around' };
}

/** A count as a number the comparison reads: "1,012" → 1012, its last non-zero digit's place as unit. */
function count(digits: string, qualifierWords: string | undefined, index: number): ProseNumber {
  const value = Number(digits.replaceAll(',', ''));
  const zeros = /0*$/.exec(digits.replaceAll(',', ''))![0].length;
  const { qualifier, side } = qualifierOf(qualifierWords);
  const raw = `${qualifierWords ?? ''}${digits}`.replace(/\s+/g, ' ').trim();
  return {
    start: index,
    end: index + digits.length,
    from: index,
    to: index + digits.length,
    raw,
    value,
    decimals: 0,
    unit: zeros === String(value).length ? 1 : 10 ** zeros,
    scale: 1,
    signed: false,
    kind: 'plain',
    currency: false,
    qualifier,
    inclusive: false,
    side,
    level: false,
    yearLike: false,
  };
}

const fieldOfMove = (move: string): BreadthField => (UP.test(move.replace(/\s+/g, ' ')) ? 'advancers' : DOWN.test(move.replace(/\s+/g, ' ')) ? 'decliners' : 'unchanged');

/** The breadth a sentence states. Counts of an index's members ("58 of its 82 constituents") are not breadth. */
export function breadthClaims(text: string): BreadthClaim[] {
  if (!/\d/.test(text) || !/advancer|gainer|decliner|loser|stocks|shares|issues|counters|names|compan/i.test(text)) return [];
  const claims: BreadthClaim[] = [];
  const add = (claim: BreadthClaim) => {
    if (!claims.some((c) => c.index === claim.index)) claims.push(claim);
  };
  for (const m of text.matchAll(OUTNUMBERED)) {
    const firstAt = m.index + m[0].indexOf(m[3], m[1].length);
    const secondAt = m.index + m[0].length - m[4].length;
    add({ index: firstAt, field: SIDES[m[1].toLowerCase()], number: count(m[3], undefined, firstAt) });
    add({ index: secondAt, field: SIDES[m[2].toLowerCase()], number: count(m[4], undefined, secondAt) });
  }
  for (const m of text.matchAll(COUNT_NAMED)) {
    const at = m.index + (m[1]?.length ?? 0);
    add({ index: at, field: SIDES[m[3].toLowerCase()], number: count(m[2], m[1], at) });
  }
  for (const m of text.matchAll(COUNT_MOVED)) {
    if (/constituents|members|components/i.test(text.slice(m.index, m.index + m[0].length))) continue;
    if (OUT_OF_BEFORE.test(text.slice(0, m.index + (m[1]?.length ?? 0)))) continue;
    const at = m.index + (m[1]?.length ?? 0);
    add({ index: at, field: fieldOfMove(m[3]), number: count(m[2], m[1], at) });
  }
  // "1,012 stocks rose and 688 fell": the second count, once the sentence has spoken of stocks.
  if (claims.length > 0) {
    for (const m of text.matchAll(AND_COUNT)) {
      const at = m.index + m[0].indexOf(m[2], (m[0].length - m[0].trimStart().length) + (m[1]?.length ?? 0));
      if (claims.some((c) => c.index === at)) continue;
      add({ index: at, field: fieldOfMove(m[3]), number: count(m[2], m[1], at) });
    }
  }
  return claims.sort((a, b) => a.index - b.index);
}

export interface FlowSideClaim {
  index: number;
  word: string;
  side: 'buyers' | 'sellers';
}

const SIDE_WORDS = new RegExp(
  `(?<![\\p{L}])(?:(net${S}(?:buyers|buying|purchases|purchasers|inflows?)|(?:bought|purchased)${S}a${S}net|poured${S}a${S}net)|(net${S}(?:sellers|selling|sales|outflows?)|sold${S}a${S}net|offloaded${S}a${S}net|withdrew${S}a${S}net))(?![\\p{L}])`,
  'giu',
);

/** Words that say which side Stock Connect investors were on. */
export function flowSideClaims(text: string): FlowSideClaim[] {
  return [...text.matchAll(SIDE_WORDS)].map((m) => ({ index: m.index, word: m[0].replace(/[\s\u00a0]+/g, ' '), side: m[1] ? 'buyers' : 'sellers' }));
}

/** Which link a sentence speaks of: "southbound", "mainland investors" → southbound; "northbound", "foreign investors" → northbound. */
export function flowDirectionOf(text: string): 'southbound' | 'northbound' | undefined {
  const south = /southbound|mainland[\s\u00a0]+(?:investors|funds|money|buyers)|from[\s\u00a0]+the[\s\u00a0]+mainland/i.test(text);
  const north = /northbound|foreign[\s\u00a0]+(?:investors|funds)|overseas[\s\u00a0]+investors/i.test(text);
  return south && !north ? 'southbound' : north && !south ? 'northbound' : undefined;
}
