/**
 * What prose can name, and the figures each has.
 *
 * An entity is a security or an index from the registries, named in prose by its ticker
 * (00981.HK, also 0981.HK or 981.HK), symbol (HSI), name, full name or any alias; or the market's
 * turnover, named by the word "turnover" (not "SMIC's turnover" or "its turnover"). One in the
 * session carries the session's figures; one only in the registries is still a mention (so a
 * number after "Tencent" is not tied to the index named before it) but has nothing to check with.
 *
 * Names of one word (HSI, SMIC, Alibaba) match with their case as registered, so "smic" or a
 * common word does not turn into a mention; names of several words match in any case ("Hang Seng
 * Tech Index" for "Hang Seng TECH Index"). Hyphens, spaces and apostrophes match any of their
 * typographic forms (Meituan‑W with U+2011). Where names overlap the longest wins (Meituan-W
 * over Meituan).
 */
import type { Direction } from '../../lib/change.ts';
import { FigureError, resolveFigure } from '../../lib/figures.ts';
import { formatMoney, formatStated } from '../../lib/format.ts';
import type { QuoteView, SessionView } from '../../lib/session.ts';
import type { Stated } from '../../lib/stated.ts';
import type { MarketIndex, Security } from '../../schemas/index.ts';
import type { NumberKind } from './numbers.ts';

/** percent: a percent figure; plain: points, a ratio; price: in the quote's currency; money: an amount at scale. */
export type FigureKind = 'percent' | 'plain' | 'price' | 'money';

export interface EntityFigure {
  /** The `<Fig of>` field, or `northboundNetInflow` for a flow the quote has no field for. */
  field: string;
  /** How a message names it: "close", "change", "52-week high". */
  label: string;
  stated: Stated;
  kind: FigureKind;
  /** A change, whose sign prose usually leaves to a verb: compared by magnitude unless prose writes a sign. */
  signed: boolean;
  /** As a reader sees it (house style, plain spaces): "26,160", "0.7 %", "HKD 570.7 million". */
  text: string;
}

export interface ProseEntity {
  /** Ticker, index symbol, or `turnover`. */
  id: string;
  /** "Hang Seng Index (HSI)", "SMIC (00981.HK)", "market turnover". */
  label: string;
  kind: 'index' | 'stock' | 'turnover';
  /** False for a registry entry the session has no row for. */
  inSession: boolean;
  figures: EntityFigure[];
  direction?: Direction;
  /** The recorded move as a direction message cites it: "a change of +192 (+0.7 %)". */
  move?: string;
  names: string[];
}

export interface Mention {
  start: number;
  end: number;
  entity: ProseEntity;
  /** Written by name; false for a `<Fig>` of the entity. */
  named: boolean;
}

const LABELS: Record<string, string> = {
  close: 'close',
  change: 'change',
  changePercent: 'change',
  previousClose: 'previous close',
  high52w: '52-week high',
  low52w: '52-week low',
  fromHigh: 'off 52-week high',
  peRatio: 'P/E',
};

const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/** Every entity prose may name: the session's quotes first, then the rest of the registries. */
export function proseEntities(
  session: SessionView,
  securities: ReadonlyMap<string, Security>,
  indices: ReadonlyMap<string, MarketIndex>,
): ProseEntity[] {
  const entities: ProseEntity[] = [];
  const seen = new Set<string>();
  for (const view of [...session.indices, ...session.stocks]) {
    seen.add(view.id);
    const registered = view.kind === 'index' ? indices.get(view.id) : securities.get(view.id);
    const names = [view.id, view.name, view.fullName, ...(registered?.aliases ?? [])];
    entities.push(quoteEntity(session, view, names));
  }
  for (const index of indices.values()) {
    if (seen.has(index.symbol)) continue;
    entities.push({ id: index.symbol, label: `${index.name} (${index.symbol})`, kind: 'index', inSession: false, figures: [], names: unique([index.symbol, index.name, ...index.aliases]) });
  }
  for (const security of securities.values()) {
    if (seen.has(security.ticker)) continue;
    entities.push({
      id: security.ticker,
      label: `${security.name} (${security.ticker})`,
      kind: 'stock',
      inSession: false,
      figures: [],
      names: unique([security.ticker, security.name, security.fullName, ...security.aliases]),
    });
  }
  const turnover: EntityFigure[] = session.turnover
    ? [{ field: 'turnover', label: 'turnover', stated: session.turnover, kind: 'money', signed: false, text: plainSpaces(resolveFigure(session, 'turnover').text) }]
    : [];
  entities.push({ id: 'turnover', label: 'market turnover', kind: 'turnover', inSession: true, figures: turnover, names: ['turnover'] });
  return entities;
}

function quoteEntity(session: SessionView, view: QuoteView, names: (string | undefined)[]): ProseEntity {
  const figures: EntityFigure[] = [];
  const price: FigureKind = view.currency ? 'price' : 'plain';
  const add = (field: string, stated: Stated | undefined, kind: FigureKind, signed: boolean) => {
    if (!stated) return;
    let text: string;
    try {
      text = resolveFigure(session, `${view.id}.${field}`).text;
    } catch (e) {
      if (!(e instanceof FigureError)) throw e;
      return;
    }
    figures.push({ field, label: LABELS[field] ?? field, stated, kind, signed, text: plainSpaces(text) });
  };
  add('close', view.close, price, false);
  add('change', view.change, price, true);
  add('changePercent', view.changePercent, 'percent', true);
  add('previousClose', view.previousClose, price, false);
  add('high52w', view.high52w, price, false);
  add('low52w', view.low52w, price, false);
  if (view.fromHighPercent !== undefined) add('fromHigh', { value: view.fromHighPercent, qualifier: 'exact' }, 'percent', true);
  add('peRatio', view.peRatio, 'plain', false);
  for (const flow of session.flows.filter((f) => f.id === view.id)) {
    figures.push({
      field: `${flow.direction}NetInflow`,
      label: `${flow.direction} net inflow`,
      stated: flow.netInflow,
      kind: 'money',
      signed: true,
      text: plainSpaces(formatStated(flow.netInflow, (v) => formatMoney(v, view.currency ?? session.market.currency))),
    });
  }
  return {
    id: view.id,
    label: `${view.name} (${view.id})`,
    kind: view.kind,
    inSession: true,
    figures,
    direction: view.direction,
    move: recordedMove(session, view),
    names: unique(names),
  };
}

function recordedMove(session: SessionView, view: QuoteView): string | undefined {
  const signed = (field: string) => {
    try {
      return plainSpaces(resolveFigure(session, `${view.id}.${field}`, { signed: true }).text);
    } catch {
      return undefined;
    }
  };
  const points = view.change ? signed('change') : undefined;
  const percent = view.changePercent ? signed('changePercent') : undefined;
  if (points && percent) return `a change of ${points} (${percent})`;
  if (points ?? percent) return `a change of ${points ?? percent}`;
  return view.direction ? `the direction ${view.direction}` : undefined;
}

/** Which figures a number of this kind is compared with. */
export function figuresFor(entity: ProseEntity, kind: NumberKind, scaled: boolean, currency: boolean): EntityFigure[] {
  const kinds: FigureKind[] =
    kind === 'percent' ? ['percent'] : scaled ? ['money'] : currency ? ['price', 'money'] : ['plain', 'price', 'money'];
  return entity.figures.filter((f) => kinds.includes(f.kind));
}

function unique(names: (string | undefined)[]): string[] {
  return [...new Set(names.filter((n): n is string => !!n && n.trim() !== ''))];
}

const HYPHENS = '-\u2010\u2011\u2012\u2013\u2014';
const APOSTROPHES = "'\u2019";

/** The pattern source matching a name as prose may write it. */
export function namePattern(name: string): string {
  const ticker = /^0*(\d+)\.([A-Z]{2})$/.exec(name);
  if (ticker) return `0*${ticker[1]}\\.${ticker[2]}`;
  return [...name]
    .map((ch) => {
      if (HYPHENS.includes(ch)) return `[${HYPHENS}]`;
      if (APOSTROPHES.includes(ch)) return `[${APOSTROPHES}]`;
      if (/\s/.test(ch)) return '[\\s\\u00a0]+';
      return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('')
    .replace(/(\[\\s\\u00a0\]\+)+/g, '[\\s\\u00a0]+');
}

interface Matcher {
  entity: ProseEntity;
  pattern: RegExp;
  words: string[];
}

interface Matchers {
  /** Every name of every entity, in the entities' order (which decides between equal spans). */
  all: Matcher[];
  /** Positions in `all` by the first of the words each match of the name holds (see {@link keyWords}). */
  byWord: Map<string, number[]>;
  /** Positions in `all` of names without such words: tried on every sentence. */
  always: number[];
}

interface Compiled {
  pattern: RegExp;
  /** See {@link keyWords}. */
  words: string[];
}

const matchers = new WeakMap<ProseEntity[], Matchers>();
/** Compiled once per name and case rule, not once per report: every report names the same registries. */
const compiled = new Map<string, Compiled>();

function compile(name: string, caseless: boolean): Compiled {
  const cacheKey = `${caseless ? 'i' : ''}:${name}`;
  let found = compiled.get(cacheKey);
  if (!found) {
    found = { pattern: new RegExp(`(?<![\\p{L}\\p{N}_])${namePattern(name)}(?![\\p{L}\\p{N}_])`, caseless ? 'giu' : 'gu'), words: keyWords(name) };
    compiled.set(cacheKey, found);
  }
  return found;
}

function matchersOf(entities: ProseEntity[]): Matchers {
  let found = matchers.get(entities);
  if (!found) {
    const all: Matcher[] = [];
    const byWord = new Map<string, number[]>();
    const always: number[] = [];
    for (const entity of entities) {
      for (const name of entity.names) {
        const { pattern, words } = compile(name, /\s/.test(name) || entity.kind === 'turnover');
        if (words.length === 0) always.push(all.length);
        else if (byWord.has(words[0])) byWord.get(words[0])!.push(all.length);
        else byWord.set(words[0], [all.length]);
        all.push({ entity, pattern, words });
      }
    }
    found = { all, byWord, always };
    matchers.set(entities, found);
  }
  return found;
}

/** Letters that match an ASCII letter in a case-insensitive pattern: KELVIN SIGN (k) and LATIN SMALL LETTER LONG S (s). */
const FOLDS_TO_ASCII = /[\u212a\u017f]/;

/**
 * Words that every match of the name holds whole among the sentence's {@link proseWords}, so a
 * sentence without one of them is not searched for the name: the runs of ASCII letters and digits
 * in the name, lower-cased, longest first (a run of the name is bounded by what is no letter or
 * digit, in the name or at the pattern's edges); for a ticker, its number without leading zeros
 * and its market. None for a name with a letter that case-folds to ASCII: it is always searched.
 */
function keyWords(name: string): string[] {
  const ticker = /^0*(\d+)\.([A-Z]{2})$/.exec(name);
  if (ticker) return [ticker[1], ticker[2].toLowerCase()];
  if (FOLDS_TO_ASCII.test(name)) return [];
  const runs = (name.match(/[A-Za-z0-9]+/g) ?? []).map((run) => run.toLowerCase());
  return [...new Set(runs)].sort((a, b) => b.length - a.length);
}

/**
 * The words of a sentence as {@link keyWords} gives them: runs of ASCII letters and digits,
 * lower-cased (the two letters that fold to ASCII read as ASCII), and each run of digits with
 * leading zeros also without them (00981 as 981).
 */
function proseWords(text: string): Set<string> {
  const words = new Set<string>();
  let start = -1;
  let folds = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0x212a || c === 0x17f) {
      if (start < 0) start = i;
      if (c > 127) folds = true;
      continue;
    }
    if (start < 0) continue;
    // toLowerCase turns KELVIN SIGN into k; LONG S is already lower case.
    let word = text.slice(start, i).toLowerCase();
    if (folds) word = word.replaceAll('\u017f', 's');
    words.add(word);
    if (word.charCodeAt(0) === 48 && /^\d+$/.test(word)) words.add(word.replace(/^0+(?=\d)/, ''));
    start = -1;
    folds = false;
  }
  return words;
}

/** Someone else's turnover: "SMIC's turnover", "its turnover", "stock turnover". */
const NOT_MARKET_TURNOVER = /(?:['’]s|(?<![\p{L}])(?:its|their|stock|share|shares|portfolio|staff|employee|his|her))[\s\u00a0]+$/iu;

/** The entities a sentence names, in order, without overlaps (the longest name wins). */
export function findMentions(text: string, entities: ProseEntity[]): Mention[] {
  const found: Mention[] = [];
  const { all, byWord, always } = matchersOf(entities);
  // Only the names whose word the sentence holds (a sentence names a few of the registries' names).
  const words = proseWords(text);
  const candidates = [...always];
  for (const word of words) {
    for (const i of byWord.get(word) ?? []) if (all[i].words.every((w) => words.has(w))) candidates.push(i);
  }
  candidates.sort((a, b) => a - b);
  for (const i of candidates) {
    const { entity, pattern } = all[i];
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      if (entity.kind === 'turnover' && NOT_MARKET_TURNOVER.test(text.slice(Math.max(0, start - 30), start))) continue;
      found.push({ start, end: start + match[0].length, entity, named: true });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mention[] = [];
  for (const mention of found) {
    const last = kept[kept.length - 1];
    if (last && mention.start < last.end) continue;
    kept.push(mention);
  }
  return kept;
}
