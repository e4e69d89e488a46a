/**
 * Who a number or a direction word in a sentence is about, by the sentence's structure: the
 * subject of its clause, or the thing it measures.
 *
 * 1. What a sentence names (slots): entities by name or `<Fig>`; generic references ("the
 *    benchmark", "the index", "the tech gauge", "the stock", "its shares") resolved to the last
 *    entity of that kind named in the paragraph (unresolved, they name nothing checkable); the
 *    market as a whole ("the market", "the wider market", "stocks", "Hong Kong shares"); and
 *    things the snapshot does not hold, which still take the numbers after them: other companies
 *    ("a drug maker", "Hua Hong Semiconductor", an unknown ticker), sectors ("chip stocks"),
 *    other markets ("the Nikkei"), and non-market quantities (tariffs, rates, output, profit…).
 * 2. Clauses: a sentence is cut at ";", dashes and the words that start a clause ("while",
 *    "but", "even as", "as", "after", "before", "with", "which", ", and" …; "and" between two
 *    names joins them instead). Names joined by "and", commas or a parenthesis are one subject.
 * 3. A number or word belongs to the nearest slot before it in its clause; with none, to the
 *    clause's subject: a clause that starts with a verb ("…, closing at 26,160", "before closing
 *    1.8 % higher", "and ended at…") continues the previous clause's subject, a relative clause
 *    ("which fell 1.2 %") its antecedent; any other clause has a subject the check does not know,
 *    and its numbers are not checked.
 */
import type { ProseEntity, Mention } from './entities.ts';

export interface Slot {
  start: number;
  end: number;
  /** Empty: a thing the snapshot does not hold (its numbers are not checked). */
  entities: ProseEntity[];
  /** Why it holds no entity, for the unchecked count: "other company", "quantity"… */
  other?: string;
}

export type Subject = { kind: 'tied'; entities: ProseEntity[]; slot: Slot } | { kind: 'other'; reason: string } | { kind: 'none' };

const S = '[\\s\\u00a0]+';
const COMPANY_NOUN =
  '(?:maker|makers|manufacturer|manufacturers|producer|producers|developer|developers|carmaker|carmakers|automaker|automakers|chipmaker|chipmakers|lender|lenders|insurer|insurers|bank|banks|brokerage|brokerages|operator|operators|retailer|retailers|company|companies|firm|firms|giant|giants|rival|rivals|peer|peers|supplier|suppliers|platform|platforms|miner|miners|airline|airlines|conglomerate|conglomerates)';
const SECTOR_NOUN = '(?:stocks|shares|names|counters|sector|sectors|plays|equities|markets|indices|indexes|bourses|index|gauge)';

/** Non-market quantities: a number next to one of these is about it, not about a price. */
const QUANTITY =
  `tariffs?|duty|duties|levy|levies|rates?|yields?|output|production|exports?|imports?|sales|revenues?|profits?|earnings|income|GDP|CPI|PPI|PMI|inflation|growth|unemployment|joblessness|stake|stakes|dividends?|deliveries|shipments|orders|loans|lending|reserves|spending|investment|capex|margins?|valuation|capitali[sz]ation|market${S}value|market${S}cap|prices|home${S}prices|rents|wages|salaries|budget|deficit|surplus|debt|bonds?|treasuries|futures|oil|crude|gold|copper|bitcoin|yuan|renminbi|dollar|greenback|euro|yen|weighting|weight|stake|holding|holdings|share${S}of|market${S}share|bookings|visitors|arrivals|users|subscribers|population|temperature|age|aged`;
const FOREIGN_INDICES =
  "Nikkei(?:[\\s\\u00a0]+225)?|Topix|Kospi|S&P(?:[\\s\\u00a0]+500)?|Nasdaq(?:[\\s\\u00a0]+Composite)?|Dow(?:[\\s\\u00a0]+Jones)?|Shanghai[\\s\\u00a0]+Composite|Shenzhen[\\s\\u00a0]+Component|CSI[\\s\\u00a0]+300|ChiNext|Stoxx(?:[\\s\\u00a0]+600)?|FTSE(?:[\\s\\u00a0]+100)?|DAX|CAC(?:[\\s\\u00a0]+40)?|Taiex|Sensex|Nifty|ASX(?:[\\s\\u00a0]+200)?|Straits[\\s\\u00a0]+Times[\\s\\u00a0]+Index|MSCI[\\s\\u00a0]+[\\p{L}-]+(?:[\\s\\u00a0]+[\\p{L}-]+)?";

const MARKET_RE = new RegExp(
  `(?<![\\p{L}])(?:the${S}(?:wider|broader|overall|whole|local|general|Hong${S}Kong|city['’]s)${S}(?:stock${S})?market|(?:the|a)${S}market|Hong${S}Kong(?:[-\\u2010\\u2011]listed)?${S}(?:stocks|shares|equities|market)|(?:stocks|shares|equities)${S}in${S}Hong${S}Kong|the${S}city['’]s${S}(?:stocks|shares|equities|bourse)|the${S}(?:local${S})?bourse|local${S}(?:stocks|shares|equities)|^(?:Stocks|Shares|Equities)(?=${S}(?:rose|fell|closed|ended|finished|gained|lost|slipped|climbed|advanced|declined|edged|were|traded))|(?<=(?:,|;|while|as|and|but|though|even${S}as)${S})stocks(?=${S}(?:rose|fell|closed|ended|finished|gained|lost|slipped|climbed|advanced|declined|edged|were|traded)))(?![\\p{L}])`,
  'giu',
);
/** The market's turnover as a subject: its numbers are turnover (see prose.ts), its direction words are not the market's. */
const TURNOVER_SUBJECT = new RegExp(`(?<![\\p{L}])(?:(?:market|total|overall|main[-\\u2010\\u2011${'\\s'}]board|combined)${S})?turnover(?:${S}(?:on|across|in)${S}the${S}(?:main${S}board|market|exchange|city))?(?![\\p{L}])`, 'giu');
/** "the benchmark", "the index", "the tech gauge", "the China Enterprises index". */
const GENERIC_INDEX = new RegExp(
  `(?<![\\p{L}])(?:the|this|that)${S}(?:(benchmark|blue[-\\u2010\\u2011${'\\s'}]chip|main|key|headline|broader|wider|tech(?:nology)?|tech[-\\u2010\\u2011]heavy|tech[-\\u2010\\u2011]focused|China${S}Enterprises|H[-\\u2010\\u2011]share|enterprises)${S})?(index|gauge|measure|barometer|benchmark)(?![\\p{L}])`,
  'giu',
);
/** "the stock", "its shares", "the company's shares". */
const GENERIC_STOCK = new RegExp(
  `(?<![\\p{L}])(?:(?:the|its)${S}(?:stock|shares|share${S}price|counter)|the${S}(?:company|firm)(?:['’]s${S}(?:stock|shares|share${S}price))?|shares${S}of${S}the${S}(?:company|firm))(?![\\p{L}])`,
  'giu',
);
const OTHER_COMPANY = new RegExp(
  `(?<![\\p{L}])(?:(?:a|an|another|one|two|three|rival|peer|smaller|larger|fellow)${S}(?:[\\p{L}-]+${S}){0,2}${COMPANY_NOUN}|(?:the|its)${S}[\\p{L}-]+${S}${COMPANY_NOUN}|(?:rivals?|peers?|competitors?)|the${S}(?!company|firm)${COMPANY_NOUN})(?![\\p{L}])`,
  'giu',
);
const SECTOR = new RegExp(`(?<![\\p{L}'’])(?:[\\p{L}][\\p{L}-]*${S}){1,2}${SECTOR_NOUN}(?![\\p{L}])`, 'gu');
const UNKNOWN_TICKER = /\(?(?<![\p{L}\p{N}])\d{1,5}\.(?:HK|SS|SZ|T|KS|TW|SI|N|O)(?![\p{L}\p{N}])\)?/gu;
const FOREIGN = new RegExp(`(?<![\\p{L}])(?:the${S})?(?:${FOREIGN_INDICES})(?![\\p{L}])`, 'gu');
const QUANTITY_RE = new RegExp(`(?<![\\p{L}\\-\\u2010\\u2011])(?:${QUANTITY})(?![\\p{L}])`, 'giu');
/** Capitalised words that are not a company when they start a clause or sit in a date. */
const NOT_A_NAME = new Set(
  (
    'The A An In On At As By For From Of To And But Or While Whereas Meanwhile Elsewhere Shares Stocks Investors Analysts Traders Trading Turnover Market Markets It Its This That These Those There Here ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December ' +
    'Hong Kong China Chinese Beijing Shanghai Shenzhen Asia Asian Europe European US U.S. America American Washington Japan Japanese Korea Korean Taiwan Mainland Southbound Northbound Stock Connect ' +
    'After Before With Despite Amid Following Overall Separately Still Yet Also However Earlier Later Today Yesterday Index Tech Technology Enterprises HKD HK HK$ USD US$ RMB CNY CNH EUR GBP JPY Some About Around Nearly Almost Over Under Up Down Only Just'
  ).split(' '),
);
const NAME_THEN_MOVE = new RegExp(
  `(?<![\\p{L}\\p{N}])((?:[A-Z][\\p{L}&'’.-]*)(?:${S}(?:[A-Z][\\p{L}&'’.-]*|&))*)(?=(?:${S}\\([^)]*\\))?(?:['’]s(?![\\p{L}])|,${S}(?:which|who|whose)(?![\\p{L}])|${S}(?:(?:up|down|was${S}up|was${S}down)${S})?[+\\u2212-]?\\d|${S}(?:shares${S}|stock${S})?(?:rose|fell|gained|lost|jumped|surged|soared|rallied|climbed|advanced|declined|slipped|slid|dropped|tumbled|plunged|sank|added|shed|edged|ended|closed|finished|was|were|led|outperformed|underperformed)(?![\\p{L}])))`,
  'gu',
);

const overlapsAny = (start: number, end: number, spans: readonly { start: number; end: number }[]) => spans.some((s) => start < s.end && end > s.start);

export interface ParagraphMemory {
  /** Entities named so far in the paragraph, in order. */
  named: ProseEntity[];
}

/** Everything a sentence names, as slots in order without overlaps. */
export function findSlots(text: string, mentions: readonly Mention[], memory: ParagraphMemory, benchmark: ProseEntity | undefined, market: ProseEntity, indices: readonly ProseEntity[] = []): Slot[] {
  const slots: Slot[] = mentions.map((m) => ({ start: m.start, end: m.end, entities: [m.entity] }));
  const taken = () => slots;
  const namedBefore = (offset: number) => [...memory.named, ...mentions.filter((m) => m.named && m.end <= offset).map((m) => m.entity)];
  const add = (start: number, end: number, entities: ProseEntity[], other?: string) => {
    if (overlapsAny(start, end, taken())) return;
    slots.push({ start, end, entities, other });
  };
  // Each pattern runs only on a sentence holding one of its words: most sentences hold few of them.
  const has = (quick: RegExp) => quick.test(text);
  if (has(/index|gauge|measure|barometer|benchmark/i)) for (const m of text.matchAll(GENERIC_INDEX)) {
    const qualifier = (m[1] ?? (m[2].toLowerCase() === 'benchmark' ? 'benchmark' : '')).toLowerCase().replace(/[\s\u00a0-\u2011]+/g, ' ');
    const before = namedBefore(m.index).filter((e) => e.kind === 'index');
    let resolved: ProseEntity | undefined;
    // A qualified reference names its index even before the paragraph does, when one index of the session fits.
    const fitting = (pattern: RegExp) => {
      const named = before.findLast((e) => e.names.some((n) => pattern.test(n)));
      if (named) return named;
      const all = indices.filter((e) => e.names.some((n) => pattern.test(n)));
      return all.length === 1 ? all[0] : undefined;
    };
    if (/^tech/.test(qualifier)) resolved = fitting(/tech/i);
    else if (/enterprises|h share/.test(qualifier)) resolved = fitting(/enterprises/i);
    else if (/benchmark|blue|main|key|headline|broader|wider/.test(qualifier)) resolved = benchmark && before.includes(benchmark) ? benchmark : undefined;
    else resolved = before.at(-1);
    add(m.index, m.index + m[0].length, resolved ? [resolved] : [], resolved ? undefined : 'unresolved reference');
  }
  if (has(/stock|share|counter|company|firm/i)) for (const m of text.matchAll(GENERIC_STOCK)) {
    const resolved = namedBefore(m.index).filter((e) => e.kind === 'stock').at(-1);
    add(m.index, m.index + m[0].length, resolved ? [resolved] : [], resolved ? undefined : 'unresolved reference');
  }
  if (has(/market|stocks|shares|equities|bourse|turnover/i)) for (const m of text.matchAll(MARKET_RE)) add(m.index, m.index + m[0].length, [market]);
  if (has(/turnover/i)) for (const m of text.matchAll(TURNOVER_SUBJECT)) add(m.index, m.index + m[0].length, [], 'turnover');
  if (has(/Nikkei|Topix|Kospi|S&P|Nasdaq|Dow|Composite|Component|CSI|ChiNext|Stoxx|FTSE|DAX|CAC|Taiex|Sensex|Nifty|ASX|Straits|MSCI/)) for (const m of text.matchAll(FOREIGN)) add(m.index, m.index + m[0].length, [], 'other market');
  if (has(/\d\.[A-Z]/)) for (const m of text.matchAll(UNKNOWN_TICKER)) add(m.index, m.index + m[0].length, [], 'other company');
  if (has(/maker|manufactur|producer|developer|lender|insurer|bank|brokerage|operator|retailer|compan|firm|giant|rival|peer|supplier|platform|miner|airline|conglomerate|competitor/i)) for (const m of text.matchAll(OTHER_COMPANY)) add(m.index, m.index + m[0].length, [], 'other company');
  for (const m of text.matchAll(QUANTITY_RE)) add(m.index, m.index + m[0].length, [], 'quantity');
  if (has(/stocks|shares|names|counters|sector|plays|equities|markets|indices|indexes|bourses|index|gauge/)) for (const m of text.matchAll(SECTOR)) {
    const words = m[0].split(/[\s\u00a0]+/);
    if (words.some((w) => /^(?:the|a|an|its|their|his|her|whose|which|that|these|those|this|of|in|and|or|as|such|more|than|most|other|many|some|all|with|while|by|on|at|to|were|was|rose|fell|bought|sold|picked|up)$/i.test(w))) continue;
    add(m.index, m.index + m[0].length, [], 'sector');
  }
  for (const m of text.matchAll(NAME_THEN_MOVE)) {
    const words = m[1].split(/[\s\u00a0]+/);
    if (words.every((w) => NOT_A_NAME.has(w.replace(/['’]s$/, '')))) continue;
    add(m.index, m.index + m[1].length, [], 'other company');
  }
  return slots.sort((a, b) => a.start - b.start);
}

/** Names joined only by "and", "or", commas, slashes or a parenthesis: "Alibaba (09988.HK) and Xiaomi". */
const JOINED = /^[\s\u00a0]*(?:(?:[(),/&]|and|or|as[\s\u00a0]+well[\s\u00a0]+as|plus|both)[\s\u00a0]*)*$/i;

const CLAUSE = new RegExp(
  `;|:(?=${S})|${S}[\\u2013\\u2014-]${S}|\\u2014|,?${S}(?<word>while|whereas|but|even${S}as|(?<!(?:such|much|high|low|far|many|well)${S})as(?!${S}(?:much|high|low|many|far|well|of|part|a${S}result|a${S}whole))|although|though|after|before|when|despite|amid|with|and|which|whose|who|where|that|following|ahead${S}of|led${S}by|helped${S}by|dragged${S}by|lifted${S}by|weighed${S}down${S}by|then|to${S}(?=close|end|finish|settle))(?=${S}|$)|,${S}(?=[a-z]+ing(?![\\p{L}]))`,
  'giu',
);
const RELATIVE = /^(?:which|whose|who|where|that)$/i;
/** A clause that starts with a verb continues the subject before it. */
const VERB_START = new RegExp(
  `^(?:(?:[a-z]+ly|then|later|eventually|finally|also|still|further|again|briefly)${S})*(?:[a-z]+ing|[a-z]+ed|to|rose|fell|hit|touched|held|was|were|is|are|has|had|gave|lost|shed|gained|added|made|took|set|ended|slid|sank|slipped|jumped|soared|sold|bought|drew|trades|stands|remains|sits|holds|closes|ends|up|down|higher|lower|back|\\d|\\uE000)(?![\\p{L}])`,
  'u',
);

interface Clause {
  start: number;
  end: number;
  /** The word that opened it, lower case: "while", "which", "" for the first. */
  word: string;
  /** Text after the opening word. */
  bodyStart: number;
}

/** The function giving the subject of whatever sits at an offset of the sentence. */
export function subjects(text: string, slots: readonly Slot[]): (offset: number) => Subject {
  // Groups of joined names.
  const groupOf = new Map<Slot, ProseEntity[]>();
  let group: ProseEntity[] = [];
  slots.forEach((slot, i) => {
    const previous = slots[i - 1];
    if (!previous || slot.entities.length === 0 || previous.entities.length === 0 || !JOINED.test(text.slice(previous.end, slot.start))) group = [];
    for (const e of slot.entities) if (!group.includes(e)) group = [...group, e];
    groupOf.set(slot, slot.entities.length ? group : []);
  });
  // Clauses; "and" between two joined names is no boundary.
  const cuts: Clause[] = [];
  for (const m of text.matchAll(CLAUSE)) {
    const word = (m.groups?.word ?? '').toLowerCase().replace(/[\s\u00a0]+/g, ' ');
    const start = m.index;
    const end = m.index + m[0].length;
    if (overlapsAny(start, end, slots)) continue;
    if (word === 'and' || word === 'as') {
      const before = slots.filter((s) => s.end <= start).at(-1);
      const after = slots.find((s) => s.start >= end);
      if (before && after && JOINED.test(text.slice(before.end, after.start))) continue;
    }
    cuts.push({ start, end: -1, word, bodyStart: end });
  }
  // A relative clause between commas ends at its comma: "SMIC, which holds a 51 % stake, rose 7 %".
  for (const cut of [...cuts]) {
    if (!RELATIVE.test(cut.word)) continue;
    // The comma that ends it, not one in a number ("26,160").
    const found = /,(?=[\s\u00a0])/.exec(text.slice(cut.bodyStart));
    const comma = found ? cut.bodyStart + found.index : -1;
    const next = cuts.find((c) => c.start > cut.start && RELATIVE.test(c.word));
    if (comma >= 0 && (!next || comma < next.start)) cuts.push({ start: comma, end: -1, word: 'resume', bodyStart: comma + 1 });
  }
  cuts.sort((a, b) => a.start - b.start);
  const clauses: Clause[] = [{ start: 0, end: text.length, word: '', bodyStart: 0 }];
  for (const cut of cuts) {
    clauses[clauses.length - 1].end = cut.start;
    clauses.push({ ...cut, end: text.length });
  }
  function tie(slot: Slot): Subject {
    const entities = groupOf.get(slot) ?? slot.entities;
    return entities.length ? { kind: 'tied', entities, slot } : { kind: 'other', reason: slot.other ?? 'other' };
  }
  const restOf = (clause: Clause) => text.slice(clause.bodyStart).replace(/^[\s\u00a0,]+/, '');
  /** What a clause without a name of its own before a figure is about. */
  const inherited = (i: number): Subject => {
    if (i <= 0) return { kind: 'none' };
    const clause = clauses[i];
    if (RELATIVE.test(clause.word)) {
      const antecedent = slots.filter((s) => s.end <= clause.start).at(-1);
      return antecedent ? tie(antecedent) : { kind: 'none' };
    }
    // "…that lifted the HSI to 26,160, a 0.7 % rise": an apposition is about the name just before it.
    if (clause.word === 'resume' && /^(?:a|an)[\s\u00a0]/i.test(restOf(clause))) {
      const last = slots.filter((s) => s.end <= clause.start).at(-1);
      return last ? tie(last) : { kind: 'none' };
    }
    if (!VERB_START.test(restOf(clause))) return { kind: 'none' };
    // After a relative clause, the sentence resumes with the subject before it.
    if (clause.word === 'resume') {
      const relative = clauses.findLastIndex((c, j) => j < i && RELATIVE.test(c.word));
      return handedOn(Math.max(0, relative - 1));
    }
    return handedOn(i - 1);
  };
  /** The subject a clause hands on to a clause that continues it: its first name, or what it inherited. */
  const handedOn = (i: number): Subject => {
    const clause = clauses[i];
    const first = slots.find((s) => s.start >= clause.bodyStart && s.end <= clause.end);
    if (first && (i === 0 || !VERB_START.test(restOf(clause)))) return tie(first);
    const from = inherited(i);
    if (from.kind === 'none' && first) return tie(first);
    // A clause that names nothing and states no figure ("and losses") passes the subject on.
    if (from.kind === 'none' && !first && i > 0 && !/\d|\uE000/.test(text.slice(clause.bodyStart, clause.end))) return handedOn(i - 1);
    return from;
  };
  return (offset) => {
    const i = clauses.findLastIndex((c) => c.start <= offset);
    const clause = clauses[Math.max(0, i)];
    const before = slots.filter((s) => s.start >= clause.bodyStart && s.end <= offset);
    if (before.length) return tie(before[before.length - 1]);
    return inherited(Math.max(0, i));
  };
}
