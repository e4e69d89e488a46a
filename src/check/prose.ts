/**
 * Prose against data: the numbers and direction words of a report's sentences checked against the
 * session they are about.
 *
 *     content/reports/x.mdx:31:38  HSI  found 26,106 for Hang Seng Index (HSI), expected its close 26,160 …
 *
 * How a report is read:
 * 1. From the MDX tree the compiler parses (`prose/tree.ts`): paragraphs, list items, headings,
 *    table cells and the children of components, split into sentences; a `<Fig of="…"/>` is a
 *    figure bound to the data, never checked as a number but a mention of its entity.
 * 2. Each sentence's numbers (`prose/numbers.ts`) and direction words (`prose/directions.ts`) are
 *    tied to the subject of their clause or to what they measure (`prose/attribution.ts`): an
 *    entity named, a generic reference resolved in the paragraph, the market as a whole, or a thing
 *    the snapshot does not hold (another company, a tariff), which is not checked.
 * 3. The words around a number say what it is (see {@link contextOf}): the session's move, a level,
 *    the previous close, an intraday high or low ("as much as", "at one point", "in afternoon
 *    trade"), a move over another period ("this year", "since July", "on Thursday", "from its
 *    peak"), the 52-week range, turnover, or a non-market quantity. It is compared only with the
 *    snapshot's figures of that kind (`prose/compare.ts` says how, approximate words included);
 *    where the snapshot has none it is counted as unchecked, never reported.
 * 4. A direction word must agree with the sign of its entity's move; a word about the path within
 *    the day ("pared gains") or another period is not checked.
 *
 * Errors are contradictions only: a number that is none of the figures it could be (the message
 * names the figure it most likely meant), a direction against the recorded move. Warnings are for
 * what the sentence itself leaves open, and each says what clears it: a number a bound allows but
 * does not back, both directions for one entity in one sentence. A sentence wrapped in
 * `<Checked reason="…">` was checked by a person: its problems are dropped and it is listed; a
 * mark on a sentence with nothing to clear is a warning.
 */
import { parseReportBody } from './body/parse.ts';
import { SESSION_FIELDS } from '../lib/figures.ts';
import type { SessionView } from '../lib/session.ts';
import type { MarketIndex, Security } from '../schemas/index.ts';
import { findSlots, subjects, type ParagraphMemory, type Subject } from './prose/attribution.ts';
import { compareNumber, type Verdict } from './prose/compare.ts';
import { findDirectionWords, type DirectionWord } from './prose/directions.ts';
import { figuresFor, findMentions, flowTotals, proseEntities, type EntityFigure, type Mention, type ProseEntity, type Scope } from './prose/entities.ts';
import { breadthClaims, flowDirectionOf, flowSideClaims } from './prose/market.ts';
import { readNumbers, type ProseNumber, type SkipReason } from './prose/numbers.ts';
import { CHECKED_COMPONENT, proseBlocks, splitSentences, type Block, type MdNode, type Sentence } from './prose/tree.ts';
import type { Problem, Severity } from '../config/problem.ts';
import { lineIndex, splitFrontmatter } from '../sources/files.ts';

export { compareNumber, proseInterval, statedInterval, TOLERANCE, type Interval, type Verdict } from './prose/compare.ts';
export { findDirectionWords, type DirectionWord, type Way } from './prose/directions.ts';
export { figuresFor, findMentions, proseEntities, type EntityFigure, type Mention, type ProseEntity } from './prose/entities.ts';
export { readNumbers, type ProseNumber, type ReadNumbers, type SkippedNumber, type SkipReason } from './prose/numbers.ts';
export { CHECKED_COMPONENT, FIG_MARK, isAbbreviation, proseBlocks, splitSentences, type Block, type FigRef, type MdNode, type Sentence } from './prose/tree.ts';

export interface ProseInput {
  /** Path shown in messages, e.g. content/reports/x.mdx. */
  file: string;
  /** The whole MDX file. */
  text: string;
  /** The report's session (buildSession output). */
  session: SessionView;
  securities: ReadonlyMap<string, Security>;
  indices: ReadonlyMap<string, MarketIndex>;
  /** `proseEntities` of the session and registries, when the caller already has them: reports on one session share them. */
  entities?: ProseEntity[];
  /**
   * The body's MDX tree as the compiler parses it, when the caller has it, with `firstLine` the
   * file line the body starts on (its positions are the file's lines); parsed here otherwise.
   */
  tree?: { type: string };
  firstLine?: number;
}

/** A sentence an author marked as checked by a person. */
export interface MarkedSentence {
  file: string;
  line: number;
  column: number;
  reason: string;
  /** The problems the mark cleared. */
  cleared: Problem[];
}

/** A number or word the check read but could not compare, with why. */
export interface Unchecked {
  file: string;
  line: number;
  column: number;
  raw: string;
  reason: string;
}

export interface ProseAnalysis {
  problems: Problem[];
  marked: MarkedSentence[];
  unchecked: Unchecked[];
  sentences: number;
}

export function checkProse(input: ProseInput): Problem[] {
  return analyseProse(input).problems;
}

/**
 * The prose blocks of a report body (the MDX after its front matter), offsets in the body: from the
 * tree already parsed for it (`parseReportBody(body, firstLine)`), or from one parse made here.
 */
export function bodyBlocks(body: string, tree?: unknown, firstLine = 1): Block[] {
  if (tree) {
    // The tree was parsed with blank lines before the body: its offsets are shifted by them.
    const shift = Math.max(0, firstLine - 1);
    return proseBlocks(tree as MdNode, '\n'.repeat(shift) + body, shift);
  }
  // The compiler's one parse; MDX that does not parse gives an empty tree (the body check reports it).
  return proseBlocks(parseReportBody(body).tree as unknown as MdNode, body);
}

export function analyseProse(input: ProseInput): ProseAnalysis {
  const parts = splitFrontmatter(input.text);
  const body = parts ? parts.body : input.text;
  const bodyOffset = parts ? parts.bodyOffset : 0;
  const at = lineIndex(input.text);
  const analysis: ProseAnalysis = { problems: [], marked: [], unchecked: [], sentences: 0 };
  const blocks = bodyBlocks(body, input.tree, input.firstLine);
  const entities = input.entities ?? proseEntities(input.session, input.securities, input.indices);
  const market = entities.find((e) => e.kind === 'market')!;
  const benchmark = entities.find((e) => e.kind === 'index' && e.inSession);
  const weekday = WEEKDAYS[new Date(`${input.session.date}T00:00:00Z`).getUTCDay()];
  const sentences = splitSentences(blocks);
  analysis.sentences = sentences.length;
  let memory: ParagraphMemory = { named: [] };
  let block = -1;
  for (const sentence of sentences) {
    if (sentence.block !== block) {
      block = sentence.block;
      memory = { named: [] };
    }
    const place = (index: number) => at(bodyOffset + (sentence.offsets[Math.min(Math.max(0, index), sentence.offsets.length - 1)] ?? 0));
    const found: Problem[] = [];
    const report: Report = (severity, index, field, message) => found.push({ severity, file: input.file, ...place(index), field, message });
    const skip: Skip = (index, raw, reason) => analysis.unchecked.push({ file: input.file, ...place(index), raw, reason });
    checkSentence(sentence, { entities, session: input.session, market, benchmark, weekday, memory }, report, skip);
    if (sentence.checked) {
      const mark = sentence.checked;
      const where = at(bodyOffset + mark.at);
      // A mark without its reason is refused by the component's schema (src/check/body/components.ts).
      if (found.length === 0) {
        analysis.problems.push({
          severity: 'warning',
          file: input.file,
          ...where,
          field: `<${CHECKED_COMPONENT}>`,
          message: `found a <${CHECKED_COMPONENT}> mark on a sentence the check finds nothing wrong with, expected none: remove the mark (it clears nothing)`,
        });
      } else if (!analysis.marked.some((m) => m.line === where.line && m.column === where.column)) {
        analysis.marked.push({ file: input.file, ...where, reason: mark.reason, cleared: found });
      } else {
        analysis.marked.find((m) => m.line === where.line && m.column === where.column)!.cleared.push(...found);
      }
      continue;
    }
    analysis.problems.push(...found);
  }
  analysis.problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return analysis;
}

type Report = (severity: Severity, index: number, field: string, message: string) => void;
type Skip = (index: number, raw: string, reason: string) => void;

interface SentenceContext {
  entities: ProseEntity[];
  session: SessionView;
  market: ProseEntity;
  benchmark: ProseEntity | undefined;
  weekday: string;
  memory: ParagraphMemory;
}

const S = '[\\s\\u00a0]+';
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';

/** Where a span of a sentence ends: punctuation and the words that start another part of it. */
const SPAN_BREAK = new RegExp(
  `[,;:()\\u2014]|${S}[\\u2013-]${S}|${S}(?:before|after|then|and|but|while|whereas|despite|(?<!(?:such|much|high|low|far|many|well)${S})as(?!${S}(?:much|high|low|far|many|well|a${S}whole))|to(?=${S}(?:close|end|finish|settle)))(?=${S})`,
  'giu',
);
/** Within the day: "as much as", "at one point", "intraday", "in afternoon trade", "at the open". */
const INTRADAY = new RegExp(
  `(?<![\\p{L}])(?:as${S}(?:much|high|low|far)${S}as|at${S}one${S}(?:point|stage)|intra[-\\u2010\\u2011]?day|in${S}(?:early|late|mid)?(?:${S})?(?:morning|afternoon|midday|early|late)(?:${S})?(?:trade|trading|deals|dealings|session)?|in${S}(?:early|late)${S}(?:trade|trading|deals)|in${S}the${S}(?:early${S}|late${S})?(?:morning|afternoon)|briefly|at${S}the${S}(?:open|opening(?:${S}bell)?|midday${S}break|lunch${S}break|break)|opened|opening|at${S}midday|by${S}(?:midday|lunch|noon)|mid[-\\u2010\\u2011]?session|earlier${S}in${S}the${S}(?:session|day)|during${S}the${S}(?:session|day)|(?:session|day['’]s|intraday)${S}(?:high|low|peak|trough)|touched|peaked|bottomed|early${S}(?:on|gains?|losses)|rose${S}early|fell${S}early)(?![\\p{L}])`,
  'iu',
);
/** The day's extremes: "as much as", "as low as", "touched", "an intraday high of". */
const EXTREME = new RegExp(
  `(?<![\\p{L}])(?:as${S}(?:much|high|low|far)${S}as|touched|peaked|bottomed|hit${S}an?${S}(?:intraday|session)|(?:session|day['’]s|intraday)${S}(?:high|low|peak|trough)|(?:rose|climbed|jumped|fell|dropped|slid)${S}to${S}an?${S}(?:intraday${S})?(?:high|low))(?![\\p{L}])`,
  'iu',
);
/** Another period than the session. */
const PERIOD = new RegExp(
  `(?<![\\p{L}])(?:this${S}(?:year|month|week|quarter)|so${S}far|year(?:${S})?[-\\u2010\\u2011]?(?:${S})?to(?:${S})?[-\\u2010\\u2011]?(?:${S})?date|YTD|(?<!(?:first${S}time|lowest|highest|biggest|largest|steepest|sharpest|worst|best|most|least|strongest|weakest)(?:${S}[\\p{L}\\p{N}-]+){0,4}${S})since|(?:over|in|during|for)${S}the${S}(?:past|last|previous|prior|first|second|third|fourth)|(?:last|past|previous|prior)${S}(?:year|month|week|quarter|session|two|three|four|five|several|few)|a${S}(?:year|month|week|day)${S}(?:ago|earlier|before)|year(?:${S})?[-\\u2010\\u2011]?(?:${S})?on(?:${S})?[-\\u2010\\u2011]?(?:${S})?year|on[-\\u2010\\u2011${'\\s'}]year|on${S}the${S}(?:year|month|week|quarter)|for${S}the${S}(?:year|month|week|quarter)|(?:ended|finished|closed)${S}the${S}(?:week|month|year|quarter)|(?:has|have)${S}(?:[a-z]+ly${S})?(?:[a-z]+ed|risen|fallen|grown|lost|shed|slid|sunk|won|been)|weekly|monthly|annual(?:ly)?|quarterly|(?:first|second|third|fourth)${S}(?:half|quarter)|H[12]|Q[1-4]|in${S}(?:19|20)\\d\\d|(?:${MONTHS})${S}(?:peak|high|low|trough|top)|in${S}(?:${MONTHS})(?![\\p{L}])|(?:${MONTHS})[\\u2013-](?:${MONTHS})|(?:its|a|the)${S}(?:record|all[-\\u2010\\u2011]time|multi[-\\u2010\\u2011]year|peak|trough)|from${S}(?:its|a|the)${S}(?:[\\p{L}\\p{N}-]+${S})?(?:peak|trough|record|high|low|top|bottom)|(?:below|above|off|under|short${S}of|shy${S}of)${S}(?:its|a|the)${S}(?:[\\p{L}\\p{N}-]+${S})?(?:peak|trough|record|top|bottom|highs?|lows?)|yesterday|the${S}(?:previous|prior)${S}(?:day|session|week)|a${S}day${S}earlier|the${S}day${S}before|earlier${S}(?:this|in${S}the)${S}(?:week|month)|a${S}week${S}ago|(?:ago|earlier)${S}this)(?![\\p{L}])`,
  'iu',
);
const FIFTY_TWO_WEEK = /52[-\u2010\u2011\s]?week|12[-\u2010\u2011\s]?month|one[-\u2010\u2011\s]year\s+(?:high|low)|year\s+high|year\s+low/iu;
/** The previous close, stated: "from a previous close of 25,968", "Thursday's close of", "from 25,968 to 26,160". */
const PREVIOUS_BEFORE = new RegExp(
  `(?:(?:previous|prior|preceding|last)${S}(?:session['’]s${S}|day['’]s${S}|trading${S}day['’]s${S})?clos(?:e|ing)(?:${S}(?:price|level))?|(?:${WEEKDAYS.join('|')})['’]s${S}clos(?:e|ing)(?:${S}(?:price|level))?)${S}(?:of|at|was|stood${S}at)${S}(?:HKD(?:${S})?|HK\\$)?$`,
  'iu',
);
const FROM_PREVIOUS_CLOSE_AFTER = new RegExp(
  `^${S}(?:below|above|from|off|under|over|on)${S}(?:(?:${WEEKDAYS.join('|')}|yesterday)['’]s|(?:the|its|their)${S}(?:previous|prior|last)(?:${S}session['’]s)?)${S}clos(?:e|ing)(?![\\p{L}])`,
  'iu',
);
const FROM_TO = new RegExp(`(?<![\\p{L}])from${S}(?:HKD(?:${S})?|HK\\$)?$`, 'iu');
/** Money amounts with these words are flows. */
const FLOW_WORDS = /(?<![\p{L}])(?:(?:in|out)flows?|southbound|northbound|stock[\s\u00a0]+connect|(?:Shanghai|Shenzhen)[\s\u00a0]+link|net[\s\u00a0]+(?:buying|selling|purchases?|sales|buyers?|sellers?)|bought|sold|buying|selling|purchased|drew|attracted|poured|(?:picked|snapped|scooped)[\s\u00a0]+up|offloaded|dumped)(?![\p{L}])/iu;
/** "turnover of", "turnover reached", "HKD 8 billion in turnover": the number is a turnover. */
const TURNOVER_BEFORE = new RegExp(`turnover(?:${S}[\\p{L}'’\\-]+){0,7}(?:${S})?(?:HKD(?:${S})?|HK\\$)?$`, 'iu');
const TURNOVER_AFTER = new RegExp(`^(?:${S}(?:million|billion|bn|mn))?${S}(?:in|of|worth${S}of)${S}turnover`, 'iu');
const MARKET_TURNOVER = new RegExp(`(?:market|total|overall|main[-\\u2010\\u2011${'\\s'}]board|exchange|the${S}day['’]s|combined)${S}turnover|turnover${S}(?:on|across|in)${S}the${S}(?:main${S}board|market|exchange|city)|^turnover`, 'iu');
const OWN_TURNOVER = new RegExp(`(?:['’]s|(?<![\\p{L}])(?:its|their|the${S}stock['’]s))${S}(?:[\\p{L}-]+${S})?turnover|(?<![\\p{L}])(?:on|with)${S}(?:(?:heavy|light|thin|hefty|strong|brisk)${S})?turnover`, 'iu');
/** "the 26,000 mark" and such are thresholds, read as approximate (numbers.ts); "up to" is a cap. */
const QUANTITY_AFTER = new RegExp(
  `^${S}(?:growth|increase|rise${S}in|jump${S}in|drop${S}in|fall${S}in|decline${S}in|tariffs?|duty|duties|levy|stake|stakes|yield|rate|rates|dividend|discount|premium|cut|hike|increase${S}in${S}(?:tariffs?|rates?)|weighting|weight|interest|margin|annual|year[-\\u2010\\u2011]on[-\\u2010\\u2011]year|owned|holding|market${S}share|of${S}(?:its|the|their)${S}(?:revenue|sales|profit|shares|stock|capital|stake))(?![\\p{L}])`,
  'iu',
);
const QUANTITY_BEFORE = new RegExp(
  `(?:tariffs?|duty|duties|levy|levies|rates?|yields?|output|production|exports?|imports?|sales|revenues?|profits?|earnings|income|GDP|CPI|PPI|PMI|inflation|growth|unemployment|stake|dividends?|deliveries|shipments|orders|loans|lending|reserves|spending|investment|margins?|valuation|capitali[sz]ation|market${S}(?:value|cap)|prices|wages|budget|deficit|surplus|debt|aged|age)(?:${S}(?:of|at|to|was|were|rose|fell|grew|climbed|jumped|slowed|reached|stood${S}at|hit|increased|decreased|dropped|by|up|down))*${S}(?:about|around|nearly|almost|some|more${S}than|over|just${S}over|less${S}than|roughly|up${S}to|as${S}much${S}as)?(?:${S})?(?:HKD(?:${S})?|HK\\$|US\\$|\\$)?$`,
  'iu',
);

const CONTRIBUTION_AFTER = new RegExp(`^${S}(?:off|from|to|onto)${S}(?:the${S})?(?:benchmark|index|gauge|indices|HSI|Hang${S}Seng)(?![\\p{L}])`, 'iu');
const VALUATION_AFTER = new RegExp(`^${S}?(?:times|x)${S}(?:(?:its|their|forward|trailing|estimated|expected|this${S}year['’]s|next${S}year['’]s|12[-\\u2010\\u2011]month)${S})*(?:earnings|profits?|book(?:${S}value)?|sales|EBITDA)(?![\\p{L}])`, 'iu');
const VALUATION_BEFORE = new RegExp(`(?:P/E|PE|price[-\\u2010\\u2011]to[-\\u2010\\u2011]earnings|price[-\\u2010\\u2011]earnings|earnings${S}multiple|valuation)(?:${S}ratio)?(?:${S}(?:of|at|was|stood${S}at|is))*${S}$`, 'iu');

type NumberScope = { kind: 'scopes'; scopes: Scope[]; name: string } | { kind: 'skip'; reason: string };

/**
 * What a number is, from the words around it. `span` is the part of the sentence the number sits
 * in, between punctuation and words such as "before" or "then".
 */
function contextOf(text: string, number: ProseNumber, span: string, words: DirectionWord[], otherDay: boolean): NumberScope {
  const before = text.slice(Math.max(0, number.from - 80), number.from);
  const after = text.slice(number.to, number.to + 60);
  if (QUANTITY_AFTER.test(after) || QUANTITY_BEFORE.test(before)) return { kind: 'skip', reason: 'non-market quantity' };
  // "shaving 15 points off the benchmark": a stock's contribution to an index's move.
  if (CONTRIBUTION_AFTER.test(after)) return { kind: 'skip', reason: 'contribution to an index' };
  // "11.2 times forward earnings", "a P/E of 98.4": a valuation.
  if (VALUATION_AFTER.test(text.slice(number.end, number.end + 60)) || VALUATION_BEFORE.test(before)) return { kind: 'scopes', scopes: ['valuation'], name: 'valuation' };
  // "2.2 % below Friday's close": the session's move, measured from the previous close.
  if (FROM_PREVIOUS_CLOSE_AFTER.test(after) && (number.kind === 'percent' || !/^[\s\u00a0]+from/i.test(after))) return { kind: 'scopes', scopes: ['session'], name: 'move' };
  if (PREVIOUS_BEFORE.test(before) || (FROM_TO.test(before) && new RegExp(`^${S}to${S}`, 'i').test(after))) return { kind: 'scopes', scopes: ['previous'], name: 'previous close' };
  // Within the day: an extreme ("as much as", "touched") is the intraday high or low; a level at some
  // hour ("up 1.7 % in afternoon trade", "opened higher") is no figure the snapshot records.
  if (INTRADAY.test(span)) return EXTREME.test(span) ? { kind: 'scopes', scopes: ['intraday'], name: 'intraday high or low' } : { kind: 'skip', reason: 'within the day' };
  if (FIFTY_TWO_WEEK.test(span) && !isMove(text, number, words)) return { kind: 'scopes', scopes: ['range52'], name: '52-week range' };
  if (PERIOD.test(span) || otherDay) return { kind: 'skip', reason: 'another period' };
  if (TURNOVER_BEFORE.test(before) || TURNOVER_AFTER.test(after)) return { kind: 'scopes', scopes: ['turnover'], name: 'turnover' };
  if (!number.level && isMove(text, number, words)) return { kind: 'scopes', scopes: ['session'], name: 'move' };
  const scopes: Scope[] = ['session', 'range52', 'valuation'];
  if (FLOW_WORDS.test(text)) scopes.push('flow');
  return { kind: 'scopes', scopes, name: 'figure' };
}

/** Between a direction word and its figure: "rose 192", "gained some 108", "up by more than 8 %". */
const WORD_THEN_FIGURE =
  /^[\s\u00a0]*(?:(?:by|a|an|another|further|some|just|only|about|around|nearly|almost|roughly|more|less|than|over|under|as|much|slightly|HKD|HK\$|US\$|\$)[\s\u00a0]*)*$/i;
const MOVE_FIELDS = new Set(['change', 'changePercent']);

/** A number right after a direction word ("rose 192 points") or right before one ("a 0.7 % rise") is the move. */
function isMove(text: string, number: ProseNumber, words: DirectionWord[]): boolean {
  return words.some(
    (word) =>
      (word.end <= number.from && WORD_THEN_FIGURE.test(text.slice(word.end, number.from))) ||
      (word.start >= number.to && /^[\s\u00a0]*(?:[-\u2010\u2011][\s\u00a0]*)?$/.test(text.slice(number.to, word.start))),
  );
}

/** The span of the sentence around an offset. */
function spanAt(text: string, breaks: number[], offset: number): string {
  let from = Math.max(0, ...breaks.filter((b) => b < offset));
  // ", to HKD 101.2" goes on with the part before it.
  while (from > 0 && /^,[\s\u00a0]*(?:to|at)[\s\u00a0]/i.test(text.slice(from, from + 8))) from = Math.max(0, ...breaks.filter((b) => b < from));
  const to = Math.min(text.length, ...breaks.filter((b) => b > offset));
  return text.slice(from, to);
}

/** A clause naming another day than the session's: "which fell 1.2 % on Thursday". */
const WEEKDAY_RE = new RegExp(`(?<![\\p{L}])(${WEEKDAYS.join('|')})(?:['’]s)?(?![\\p{L}])`, 'gu');
const DAY_MONTH_RE = new RegExp(`(?<![\\p{L}])(${MONTHS})\\.?${S}(\\d{1,2})(?!\\d)|(?<!\\d)(\\d{1,2})${S}(${MONTHS})(?![\\p{L}])`, 'gu');
const MONTH_KEYS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A clause naming another day than the session's: "which fell 1.2 % on Thursday". */
function otherDayIn(span: string, weekday: string, date: string): boolean {
  for (const m of span.matchAll(WEEKDAY_RE)) if (m[1] !== weekday) return true;
  if (!/\d/.test(span)) return false;
  const [, month, day] = date.split('-').map(Number);
  for (const m of span.matchAll(DAY_MONTH_RE)) {
    const monthIndex = MONTH_KEYS.indexOf((m[1] ?? m[4]).slice(0, 3).toLowerCase()) + 1;
    if (monthIndex !== month || Number(m[2] ?? m[3]) !== day) return true;
  }
  return false;
}

/** Direction words about another period or the path within the day: "has fallen since its peak". */
const NOT_THE_SESSION_AFTER_WORD = new RegExp(
  `^(?:${S}[\\p{L}]+ly)?${S}(?:this${S}(?:year|month|week|quarter)|so${S}far|since|year(?:${S})?[-\\u2010\\u2011](?:${S})?to|over${S}the${S}(?:past|last)|in${S}the${S}(?:past|last|first|second)|from${S}(?:its|a|the${S}(?:record|peak|high|low)))(?![\\p{L}])`,
  'iu',
);

function checkSentence(sentence: Sentence, context: SentenceContext, report: Report, skip: Skip): void {
  const { text } = sentence;
  const named = findMentions(text, context.entities);
  const figs: Mention[] = sentence.figs.flatMap((fig) => {
    // A session-wide figure (turnover, breadth, a Stock Connect total) is the market's.
    const id = SESSION_FIELDS.includes(fig.path) ? 'market' : fig.path.slice(0, fig.path.lastIndexOf('.'));
    const entity = context.entities.find((e) => e.id === id);
    return entity ? [{ start: fig.index, end: fig.index + 1, entity, named: false }] : [];
  });
  const mentions = [...named, ...figs].sort((a, b) => a.start - b.start);
  const slots = findSlots(text, mentions, context.memory, context.benchmark, context.market, context.entities.filter((e) => e.kind === 'index' && e.inSession));
  for (const m of named) if (m.entity.kind !== 'market') context.memory.named.push(m.entity);
  for (const slot of slots) for (const e of slot.entities) if (e.kind !== 'market' && !context.memory.named.includes(e)) context.memory.named.push(e);
  const breadth = breadthClaims(text);
  checkBreadth(breadth, context.market, report, skip);
  const flowSide = checkFlowSides(text, slots, context, report, skip);
  // A sentence naming nothing the snapshot holds is left alone, unless it speaks of turnover or of the day's flows.
  if (!slots.some((s) => s.entities.length > 0) && !(flowSide || FLOW_WORDS.test(text)) && !/turnover/i.test(text)) return;

  const subjectAt = subjects(text, slots);
  const spans = slots.map((s) => [s.start, s.end] as const);
  const { numbers, skipped } = readNumbers(text, spans);
  const breaks = [...text.matchAll(SPAN_BREAK)].map((m) => m.index);
  // "At the midday break, …", "On the week, …": an opening phrase sets the time of the whole sentence.
  const lead = /^[^,]*,/.exec(text)?.[0] ?? '';
  const leadTime = lead && !slots.some((s) => s.start < lead.length) ? lead : '';
  const words = findDirectionWords(text, spans, slots.filter((s) => s.entities.some((e) => e.kind !== 'stock')).map((s) => s.end)).filter((word) => {
    const span = leadTime + spanAt(text, breaks, word.start);
    if (INTRADAY.test(span) || PERIOD.test(span) || otherDayIn(span, context.weekday, context.session.date) || NOT_THE_SESSION_AFTER_WORD.test(text.slice(word.end))) {
      skip(word.start, word.word, 'another period or within the day');
      return false;
    }
    const next = [...numbers, ...skipped].filter((n) => n.start >= word.end).sort((a, b) => a.start - b.start)[0];
    if (next && 'reason' in next && NOT_OF_THE_SESSION.has(next.reason) && WORD_THEN_FIGURE.test(text.slice(word.end, next.start))) return false;
    return true;
  });

  for (const number of numbers) {
    if (breadth.some((c) => c.index === number.start)) continue;
    const span = leadTime + spanAt(text, breaks, number.start);
    const scope = contextOf(text, number, span, words, otherDayIn(span, context.weekday, context.session.date));
    if (scope.kind === 'skip') {
      skip(number.start, number.raw, scope.reason);
      continue;
    }
    let subject = subjectAt(number.start);
    const tiedTo = (entity: ProseEntity): Subject => ({ kind: 'tied', entities: [entity], slot: { start: 0, end: 0, entities: [entity] } });
    // A turnover belongs to the market unless the sentence gives it to a stock ("SMIC's turnover", "rose on turnover of").
    if (scope.scopes.includes('turnover')) {
      const head = text.slice(Math.max(0, number.from - 80), number.from);
      const stock = slots.filter((s) => s.end <= number.from && s.entities.length === 1 && s.entities[0].kind === 'stock').at(-1);
      subject = OWN_TURNOVER.test(head) && !MARKET_TURNOVER.test(head) && stock ? tiedTo(stock.entities[0]) : tiedTo(context.market);
    }
    // "Southbound investors bought a net HKD 812 million of Meituan": a flow of the one entity the sentence names;
    // with none but the market, the day's total through the link.
    let scopes = scope;
    if (number.kind === 'money' && FLOW_WORDS.test(text) && !scope.scopes.includes('turnover') && (subject.kind === 'none' || (subject.kind === 'tied' && subject.entities[0] === context.market))) {
      const named = [...new Set(slots.flatMap((s) => s.entities))].filter((e) => e.kind !== 'market');
      if (named.length === 1) subject = tiedTo(named[0]);
      else if (named.length === 0) {
        const direction = flowDirectionOf(text);
        subject = tiedTo(context.market);
        scopes = { kind: 'scopes', scopes: ['flowTotal'], name: 'Stock Connect total' };
        if (direction) {
          const figures = context.market.figures.filter((f) => f.scope !== 'flowTotal' || f.field.startsWith(direction));
          subject = tiedTo({ ...context.market, figures });
        }
      }
    }
    checkNumber(number, subject, scopes, report, skip);
  }

  const byEntity = new Map<ProseEntity, DirectionWord[]>();
  for (const word of words) {
    const subject = subjectAt(word.start);
    if (subject.kind !== 'tied') {
      skip(word.start, word.word, subject.kind === 'other' ? subject.reason : 'no subject');
      continue;
    }
    for (const entity of subject.entities) byEntity.set(entity, [...(byEntity.get(entity) ?? []), word]);
  }
  for (const [entity, tiedWords] of byEntity) checkDirection(entity, tiedWords, report, skip);
}

/** Numbers set aside as about something else than the session ("added 300 engineers"): a direction word before one is too. */
const NOT_OF_THE_SESSION = new Set<SkipReason>(['period', 'forecast', 'share', 'count']);

type Judgement =
  | { verdict: 'match' }
  | { verdict: 'unsupported'; figure: EntityFigure }
  | { verdict: 'contradicted'; candidates: EntityFigure[] }
  | { verdict: 'no-figures' };

function judge(number: ProseNumber, entity: ProseEntity, scopes: Scope[]): Judgement {
  const candidates = figuresFor(entity, number.kind, number.scale > 1, number.currency).filter((f) => scopes.includes(f.scope));
  const moves = scopes.length === 1 && scopes[0] === 'session' ? candidates.filter((f) => MOVE_FIELDS.has(f.field)) : number.level ? candidates.filter((f) => !f.signed) : candidates;
  if (moves.length === 0) return { verdict: 'no-figures' };
  const verdicts: [Verdict, EntityFigure][] = moves.map((figure) => [compareNumber(number, figure.stated, figure.signed), figure]);
  if (verdicts.some(([v]) => v === 'implied' || v === 'consistent')) return { verdict: 'match' };
  const loose = verdicts.find(([v]) => v === 'unsupported');
  if (loose) return { verdict: 'unsupported', figure: loose[1] };
  return { verdict: 'contradicted', candidates: moves };
}

const figureList = (entity: ProseEntity) => entity.figures.map((f) => `${f.label} ${f.text}`).join(', ');

/** The figure a wrong number most likely meant: the nearest in value, a misprint before a wrong scale. */
function likeliest(number: ProseNumber, candidates: EntityFigure[]): EntityFigure {
  const distance = (f: EntityFigure) => {
    const a = Math.abs(number.value);
    const b = Math.abs(f.stated.value);
    return Math.abs(a - b) / Math.max(a, b, 1e-9);
  };
  return [...candidates].sort((x, y) => distance(x) - distance(y))[0];
}

const MARK_HINT = `or, if the sentence is right as written, wrap it in <${CHECKED_COMPONENT} reason="…">`;

function checkNumber(number: ProseNumber, subject: Subject, scope: Extract<NumberScope, { kind: 'scopes' }>, report: Report, skip: Skip): void {
  if (subject.kind !== 'tied') {
    skip(number.start, number.raw, subject.kind === 'other' ? subject.reason : 'no subject');
    return;
  }
  const judgements = subject.entities.map((entity) => [entity, entity.inSession ? judge(number, entity, scope.scopes) : ({ verdict: 'no-figures' } as Judgement)] as const);
  if (judgements.some(([, j]) => j.verdict === 'match')) return;
  // House style groups thousands, so a bare 1900–2100 that is no figure is a year ("in 2025").
  if (number.yearLike) return;
  const checkable = judgements.filter(([, j]) => j.verdict !== 'no-figures');
  if (checkable.length === 0) {
    skip(number.start, number.raw, `no ${scope.name} figure in the snapshot`);
    return;
  }
  if (subject.entities.length > 1) {
    const labels = subject.entities.map((e) => e.label).join(' and ');
    report('warning', number.start, 'prose', `found ${number.raw} after ${labels}, which the sentence names together, expected a figure of one of them; it matches none: give each its own figure ("rose 3 % and 5 % respectively" is not checked), ${MARK_HINT}`);
    return;
  }
  const [entity, judgement] = checkable[0];
  const found = `found ${number.raw} for ${entity.label}`;
  if (judgement.verdict === 'contradicted') {
    const best = likeliest(number, judgement.candidates);
    if (entity.kind === 'market' && best.scope !== 'session') {
      // The market's own figures (turnover, breadth) are named as such, not as the benchmark's.
      report('error', number.start, best.field, `found ${number.raw} for market ${best.label}, expected ${best.text}`);
      return;
    }
    report('error', number.start, entity.id, `${found}, expected its ${best.label} ${best.text} (its figures: ${figureList(entity)})`);
  } else if (judgement.verdict === 'unsupported') {
    report(
      'warning',
      number.start,
      entity.id,
      `${found}, expected what the snapshot records, ${judgement.figure.label} ${judgement.figure.text}; that bound allows ${number.raw} but does not back it: state the figure in the snapshot as the source gives it, write the bound as the source does, ${MARK_HINT}`,
    );
  }
}

const WANTED = { up: 'a rise', down: 'a fall', flat: 'no change' } as const;

function checkDirection(entity: ProseEntity, words: DirectionWord[], report: Report, skip: Skip): void {
  const up = words.find((w) => w.way === 'up');
  const down = words.find((w) => w.way === 'down');
  const first = words[0];
  if (!entity.inSession || !entity.direction) {
    if (up && down && entity.inSession) {
      report('warning', first.start, entity.id, `found "${up.word}" and "${down.word}" for ${entity.label} in one sentence, expected one direction; the snapshot records no direction for it, so the sentence cannot be checked: record its direction in the snapshot, say which move is the session's, ${MARK_HINT}`);
      return;
    }
    for (const word of words) skip(word.start, word.word, `no direction in the snapshot for ${entity.label}`);
    return;
  }
  if (up && down) {
    report('warning', first.start, entity.id, `found "${up.word}" and "${down.word}" for ${entity.label} in one sentence, expected one direction; the snapshot records ${entity.move}, and the sentence does not say which word is the session's move: say which ("rose early but closed lower"), ${MARK_HINT}`);
    return;
  }
  for (const word of words) {
    if (word.way === entity.direction) continue;
    report('error', word.start, entity.id, `found "${word.word}" for ${entity.label}, expected a word for ${WANTED[entity.direction]}: the snapshot records ${entity.move}`);
  }
}

/** Breadth stated in prose against the snapshot's advancers, decliners and unchanged. */
function checkBreadth(claims: ReturnType<typeof breadthClaims>, market: ProseEntity, report: Report, skip: Skip): void {
  for (const claim of claims) {
    const figure = market.figures.find((f) => f.scope === 'breadth' && f.field === claim.field);
    if (!figure) {
      skip(claim.index, claim.number.raw, `no ${claim.field} figure in the snapshot`);
      continue;
    }
    const verdict = compareNumber(claim.number, figure.stated, false);
    if (verdict === 'contradicted') report('error', claim.index, `breadth.${claim.field}`, `found ${claim.number.raw} ${claim.field}, expected the snapshot's ${figure.label} ${figure.text}`);
  }
}

/**
 * "Southbound investors were net sellers": the side of the day's Stock Connect total, where the
 * sentence is about the market (it names no stock) and the snapshot states the total. Returns
 * whether the sentence speaks of a side at all.
 */
function checkFlowSides(text: string, slots: readonly { entities: ProseEntity[] }[], context: SentenceContext, report: Report, skip: Skip): boolean {
  const claims = flowSideClaims(text);
  if (claims.length === 0) return false;
  if (slots.some((s) => s.entities.some((e) => e.kind === 'stock'))) return true;
  const direction = flowDirectionOf(text);
  const totals = flowTotals(context.session).filter((t) => !direction || t.direction === direction);
  for (const claim of claims) {
    const sides = [...new Set(totals.map((t) => t.side).filter(Boolean))];
    if (sides.length !== 1) {
      skip(claim.index, claim.word, 'no Stock Connect total in the snapshot');
      continue;
    }
    if (sides[0] !== claim.side) {
      const field = `flowTotals.${totals[0].direction}`;
      report('error', claim.index, field, `found "${claim.word}" for the day's ${direction ?? 'Stock Connect'} flows, expected net ${sides[0]}: the snapshot records ${totals.map((t) => t.text).join(', ')}`);
    }
  }
  return true;
}
