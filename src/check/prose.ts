/**
 * Prose against data: the numbers and direction words of a report's sentences checked against the
 * session they are about.
 *
 *     content/reports/x.mdx:31:38  HSI  found 26,106 for Hang Seng Index (HSI), expected one of its figures: close 26,160, change 192, change 0.7 %
 *
 * How a report is read:
 * 1. Only the body after the front matter (a file without front matter is all body); problems
 *    carry line and column in the whole file.
 * 2. The body is split into sentences (`prose/sentences.ts`): component tags are not prose (the
 *    text between `<Driver>` and `</Driver>` is), a `<Fig of="HSI.change"/>` stays in its sentence
 *    as a figure bound to the data, never checked as a number but counted as a mention of HSI.
 * 3. A sentence is checked when it names an entity (`prose/entities.ts`): a security or index of
 *    the registries by ticker, symbol, name, full name or alias, a `<Fig>` of one, or the market's
 *    turnover. Sentences naming none are left alone, whatever numbers they hold.
 * 4. Each number (`prose/numbers.ts`) and direction word (`prose/directions.ts`) is tied to the
 *    nearest entity named before it in the sentence: in "The HSI rose 192 points (0.7 %) to 26,160,
 *    while the Hang Seng Tech Index (HSTI) gained 108 points (1.8 %) to 6,059", 192, 0.7 %, 26,160
 *    and "rose" go to HSI, the rest to HSTECH. Names joined by "and", commas or a parenthesis
 *    ("Alibaba (09988.HK) and Xiaomi (01810.HK) posted gains") are one subject: the words after
 *    them go to each. Before the first name, a number or word goes to the sentence's only entity,
 *    if it has one.
 * 5. A number must agree with one of its entity's figures at the precision written
 *    (`prose/compare.ts`, which also says how bounds such as `{ "moreThan": 8 }` compare); a
 *    direction word with the sign of the entity's move (`QuoteView.direction`).
 *
 * Which figures a number is compared with: percent numbers with percent figures, amounts at a
 * scale ("HKD 654.8 million") with money figures, others with the rest (`figuresFor`). Narrowed by
 * the words around it: right after or before a direction word ("rose 192", "a 0.7 % rise") it is
 * the move, compared with change figures only; measured from a high or low ("14.4 % below its
 * 52-week high") it is compared with everything but the change; an amount is compared with a
 * southbound or northbound flow only in a sentence about flows (inflow, southbound, bought …).
 *
 * Not about this session, so not checked: numbers and direction words in a clause naming another
 * day ("which fell 1.2 % on Thursday" in a Friday report, "yesterday", "a week ago"), a longer
 * period ("has gained 30 % this year", "has fallen since its peak"), or what may come ("could
 * drop 5 %"); see also the numbers `readNumbers` sets aside.
 *
 * Errors are contradictions only. Where the sentence or the data is ambiguous — the entity has no
 * recorded direction, one entity gets both up and down words, a number cannot be tied to one
 * entity, the snapshot has no figure of that kind, or a bound allows the number without backing
 * it — the problem is a warning with the reason.
 */
import type { SessionView } from '../lib/session.ts';
import type { MarketIndex, Security } from '../schemas/index.ts';
import { compareNumber, type Verdict } from './prose/compare.ts';
import { findDirectionWords, type DirectionWord } from './prose/directions.ts';
import { figuresFor, findMentions, proseEntities, type EntityFigure, type Mention, type ProseEntity } from './prose/entities.ts';
import { readNumbers, type ProseNumber, type SkipReason } from './prose/numbers.ts';
import { splitSentences, type Sentence } from './prose/sentences.ts';
import type { Problem, Severity } from './problem.ts';
import { lineIndex, splitFrontmatter } from './sources.ts';

export { compareNumber, proseInterval, statedInterval, type Interval, type Verdict } from './prose/compare.ts';
export { findDirectionWords, type DirectionWord, type Way } from './prose/directions.ts';
export { figuresFor, findMentions, namePattern, proseEntities, type EntityFigure, type Mention, type ProseEntity } from './prose/entities.ts';
export { readNumbers, type ProseNumber, type ReadNumbers, type SkippedNumber, type SkipReason } from './prose/numbers.ts';
export { FIG_MARK, isAbbreviation, maskMdx, splitSentences, type FigRef, type MaskedBody, type Sentence } from './prose/sentences.ts';

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
}

export function checkProse(input: ProseInput): Problem[] {
  const parts = splitFrontmatter(input.text);
  const body = parts ? parts.body : input.text;
  const bodyOffset = parts ? parts.bodyOffset : 0;
  const at = lineIndex(input.text);
  const entities = input.entities ?? proseEntities(input.session, input.securities, input.indices);
  const problems: Problem[] = [];
  for (const sentence of splitSentences(body)) {
    const report = (severity: Severity, offset: number, field: string, message: string) =>
      problems.push({ severity, file: input.file, ...at(bodyOffset + sentence.start + offset), field, message });
    checkSentence(sentence, entities, input.session, report);
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

type Report = (severity: Severity, offset: number, field: string, message: string) => void;

function checkSentence(sentence: Sentence, entities: ProseEntity[], session: SessionView, report: Report): void {
  const { text } = sentence;
  const named = findMentions(text, entities);
  const figs: Mention[] = sentence.figs.flatMap((fig) => {
    const id = fig.path === 'turnover' ? 'turnover' : fig.path.slice(0, fig.path.lastIndexOf('.'));
    const entity = entities.find((e) => e.id === id);
    return entity ? [{ start: fig.start - sentence.start, end: fig.end - sentence.start, entity, named: false }] : [];
  });
  const mentions = [...named, ...figs].sort((a, b) => a.start - b.start);
  if (mentions.length === 0) return;

  const sessionId = `${session.market.id}/${session.date}`;
  const subjects = tieToMentions(text, named, mentions);
  const spans = mentions.map((m) => [m.start, m.end] as const);
  const { numbers, skipped } = readNumbers(text, spans);
  const aboutAnotherSession = anotherSession(text, session.date);
  const elsewhere = (number: ProseNumber) => MEASURED_FROM_ELSEWHERE.test(text.slice(number.to));
  const words = findDirectionWords(text, spans).filter((word) => {
    if (aboutAnotherSession(word.start) || NOT_THE_SESSION_AFTER_WORD.test(text.slice(word.end))) return false;
    // "has fallen 10 % this year", "could drop 5 %", "down 14.4 % from its high": not the session's move.
    const next = [...numbers, ...skipped].filter((n) => n.start >= word.end).sort((a, b) => a.start - b.start)[0];
    if (!next || !WORD_THEN_FIGURE.test(text.slice(word.end, next.start))) return true;
    return 'reason' in next ? !NOT_OF_THE_SESSION.has(next.reason) : !elsewhere(next);
  });
  const flows = FLOW_WORDS.test(text);
  for (const number of numbers) {
    if (aboutAnotherSession(number.start)) continue;
    const context: Context = elsewhere(number) ? 'elsewhere' : isMove(text, number, words) ? 'move' : 'any';
    checkNumber(number, subjects(number.start), context, flows, sessionId, report);
  }

  const byEntity = new Map<ProseEntity, DirectionWord[]>();
  for (const word of words) {
    const tied = subjects(word.start);
    if (tied.kind !== 'tied') continue; // A direction word before several names is about none of them in particular.
    for (const entity of tied.entities) byEntity.set(entity, [...(byEntity.get(entity) ?? []), word]);
  }
  for (const [entity, tiedWords] of byEntity) checkDirection(entity, tiedWords, sessionId, report);
}

const S = '[\\s\\u00a0]+';
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const OTHER_DAY = new RegExp(
  `(?<![\\p{L}])(?:yesterday|a${S}day${S}earlier|the${S}day${S}before|the${S}previous${S}day|last${S}(?:week|month|year|${WEEKDAYS.join('|')})|earlier${S}(?:this|in${S}the)${S}week|ago|(${WEEKDAYS.join('|')})(?:['’]s)?)(?![\\p{L}])`,
  'gu',
);

/**
 * Whether the clause around an offset (between commas, semicolons, colons, dashes or brackets)
 * speaks of another session: "which fell 1.2 % on Thursday" in a Friday report, "yesterday",
 * "a week ago". Its numbers and direction words are not checked against this session.
 */
function anotherSession(text: string, date: string): (offset: number) => boolean {
  const [year, month, day] = date.split('-').map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  const boundaries = [...text.matchAll(/[,;:()\u2014]|[\s\u00a0][\u2013-][\s\u00a0]/g)].map((m) => m.index);
  const others = [...text.matchAll(OTHER_DAY)].filter((m) => m[1] !== weekday).map((m) => m.index);
  return (offset) => {
    const from = Math.max(-1, ...boundaries.filter((b) => b < offset));
    const to = Math.min(text.length, ...boundaries.filter((b) => b >= offset));
    return others.some((o) => o > from && o < to);
  };
}

/** move: compared with change figures only; elsewhere: with the others; any: with all. */
type Context = 'move' | 'elsewhere' | 'any';

/** Numbers set aside as about something else than the session: a direction word before one is too. */
const NOT_OF_THE_SESSION = new Set<SkipReason>(['period', 'forecast', 'share']);
/** Between a direction word and its figure: "rose 192", "gained some 108", "up by more than 8 %". */
const WORD_THEN_FIGURE =
  /^[\s\u00a0]*(?:(?:by|a|an|another|further|some|just|only|about|around|nearly|almost|roughly|more|less|than|over|under|as|much|HKD|HK\$|US\$|\$)[\s\u00a0]*)*$/i;
/** A figure measured from something else than the previous close: "14.4 % below its 52-week high". */
const MEASURED_FROM_ELSEWHERE = new RegExp(
  `^${S}(?:from|below|above|off|short${S}of|shy${S}of|under|over|beneath)${S}(?:(?:its|the|their|a|an|this|last)${S})?(?:[\\p{L}\\p{N}'’\\-\\u2010\\u2011]+${S}){0,3}?(?:highs?|lows?|peak|record|top|bottom|average|target)(?![\\p{L}])`,
  'iu',
);
/** A direction word followed by a longer period: "has fallen since its peak", "rallied this year". */
const NOT_THE_SESSION_AFTER_WORD = new RegExp(
  `^(?:${S}[\\p{L}]+ly)?${S}(?:this${S}(?:year|month|week|quarter)|so${S}far|since|year${S}?[-\\u2010\\u2011]${S}?to|over${S}the${S}(?:past|last)|in${S}the${S}(?:past|last)|from${S}(?:its|a|the${S}(?:record|peak|high|low)))(?![\\p{L}])`,
  'iu',
);
/** A money amount is compared with a flow only in a sentence about flows. */
const FLOW_WORDS = /(?<![\p{L}])(?:(?:in|out)flows?|southbound|northbound|stock[\s\u00a0]+connect|(?:Shanghai|Shenzhen)[\s\u00a0]+link|net[\s\u00a0]+(?:buying|selling|purchases?|sales)|bought|sold|buying|selling|purchased)(?![\p{L}])/iu;

/**
 * A number right after a direction word ("rose 192 points", "up more than 8 %") or right before
 * one ("a 0.7 % rise") is the session's move, and is compared with the change figures only, so
 * that a move cannot pass by matching another figure of the same kind (SMIC "rallied 14.4 %"
 * against its distance from the 52-week high).
 */
function isMove(text: string, number: ProseNumber, words: DirectionWord[]): boolean {
  return words.some(
    (word) =>
      (word.end <= number.start && WORD_THEN_FIGURE.test(text.slice(word.end, number.start))) ||
      (word.start >= number.to && /^[\s\u00a0]*$/.test(text.slice(number.to, word.start))),
  );
}

type Subjects = { kind: 'tied'; entities: ProseEntity[] } | { kind: 'untied'; entities: ProseEntity[] };

/** Names joined only by "and", "or", commas, slashes or a parenthesis: "Alibaba (09988.HK) and Xiaomi". */
const JOINED = /^[\s\u00a0]*(?:(?:[(),/&]|and|or|as[\s\u00a0]+well[\s\u00a0]+as|plus)[\s\u00a0]*)*$/i;

/**
 * For an offset in the sentence, the entities a number or word there is about: those of the
 * nearest mention before it (all of a joined group of names), or, before any mention, the
 * sentence's only entity; `untied` when there are several.
 */
function tieToMentions(text: string, named: Mention[], mentions: Mention[]): (offset: number) => Subjects {
  const group = new Map<Mention, ProseEntity[]>();
  let current: ProseEntity[] = [];
  named.forEach((mention, i) => {
    const previous = named[i - 1];
    if (!previous || !JOINED.test(text.slice(previous.end, mention.start))) current = [];
    if (!current.includes(mention.entity)) current = [...current, mention.entity];
    group.set(mention, current);
  });
  const all = [...new Set(mentions.map((m) => m.entity))];
  return (offset) => {
    const before = mentions.filter((m) => m.end <= offset);
    const nearest = before[before.length - 1];
    if (nearest) return { kind: 'tied', entities: group.get(nearest) ?? [nearest.entity] };
    return all.length === 1 ? { kind: 'tied', entities: all } : { kind: 'untied', entities: all };
  };
}

const MOVE_FIELDS = ['change', 'changePercent'];

type Judgement =
  | { verdict: 'match' }
  | { verdict: 'unsupported'; figure: EntityFigure }
  | { verdict: 'contradicted' }
  | { verdict: 'no-figures' }
  | { verdict: 'not-in-session' };

function judge(number: ProseNumber, entity: ProseEntity, context: Context, flows: boolean): Judgement {
  if (!entity.inSession) return { verdict: 'not-in-session' };
  const all = figuresFor(entity, number.kind, number.scale > 1, number.currency).filter((f) => flows || !f.field.endsWith('NetInflow'));
  const isMoveField = (f: EntityFigure) => MOVE_FIELDS.includes(f.field);
  const candidates = context === 'move' ? all.filter(isMoveField) : context === 'elsewhere' ? all.filter((f) => !isMoveField(f)) : all;
  if (candidates.length === 0) return { verdict: 'no-figures' };
  const verdicts: [Verdict, EntityFigure][] = candidates.map((figure) => [compareNumber(number, figure.stated, figure.signed), figure]);
  if (verdicts.some(([v]) => v === 'implied' || v === 'consistent')) return { verdict: 'match' };
  const loose = verdicts.find(([v]) => v === 'unsupported');
  if (loose) return { verdict: 'unsupported', figure: loose[1] };
  return { verdict: 'contradicted' };
}

const figureList = (entity: ProseEntity) => entity.figures.map((f) => `${f.label} ${f.text}`).join(', ');

function checkNumber(number: ProseNumber, subjects: Subjects, context: Context, flows: boolean, sessionId: string, report: Report): void {
  const judgements = subjects.entities.map((entity) => [entity, judge(number, entity, context, flows)] as const);
  if (judgements.some(([, j]) => j.verdict === 'match')) return;
  // House style groups thousands, so a bare 1900–2100 that is no figure is a year ("in 2025").
  if (number.yearLike) return;
  const found = `found ${number.raw}`;
  if (subjects.entities.length > 1) {
    const labels = subjects.entities.map((e) => e.label).join(' and ');
    const where = subjects.kind === 'untied' ? `before the sentence says which of ${labels} it is about` : `after ${labels}, which the sentence names together`;
    report('warning', number.start, 'prose', `${found} ${where}, expected a figure of one of them; it matches none, so it cannot be tied to one entity and checked`);
    return;
  }
  const [entity, judgement] = judgements[0];
  switch (judgement.verdict) {
    case 'contradicted':
      report('error', number.start, entity.id, `${found} for ${entity.label}, expected one of its figures: ${figureList(entity)}`);
      return;
    case 'unsupported':
      report(
        'warning',
        number.start,
        entity.id,
        `${found} for ${entity.label}, expected what the snapshot records, ${judgement.figure.label} ${judgement.figure.text}; that bound allows ${number.raw} but does not back it`,
      );
      return;
    case 'no-figures':
      report(
        'warning',
        number.start,
        entity.id,
        entity.figures.length
          ? `${found} for ${entity.label}, expected one of its figures, but the ${sessionId} snapshot records none this could be (it has ${figureList(entity)}); the number cannot be checked`
          : `${found} for ${entity.label}, expected one of its figures, but the ${sessionId} snapshot records none for it; the number cannot be checked`,
      );
      return;
    case 'not-in-session':
      report('warning', number.start, entity.id, `${found} for ${entity.label}, which the ${sessionId} snapshot does not include; the number cannot be checked`);
      return;
  }
}

const WANTED = { up: 'a rise', down: 'a fall', flat: 'no change' } as const;

function checkDirection(entity: ProseEntity, words: DirectionWord[], sessionId: string, report: Report): void {
  if (entity.kind === 'turnover') return; // The snapshot records the day's turnover, not how it moved.
  const up = words.find((w) => w.way === 'up');
  const down = words.find((w) => w.way === 'down');
  const first = words[0];
  if (up && down) {
    const record = entity.move ? `the snapshot records ${entity.move}, but` : 'the snapshot records no direction for it, and';
    report('warning', first.start, entity.id, `found "${up.word}" and "${down.word}" for ${entity.label} in one sentence, expected one direction; ${record} the sentence cannot be checked against it`);
    return;
  }
  if (!entity.inSession) {
    report('warning', first.start, entity.id, `found "${first.word}" for ${entity.label}, which the ${sessionId} snapshot does not include; the direction cannot be checked`);
    return;
  }
  if (!entity.direction) {
    report('warning', first.start, entity.id, `found "${first.word}" for ${entity.label}, expected a direction the ${sessionId} snapshot records, but it records none; the word cannot be checked`);
    return;
  }
  for (const word of words) {
    if (word.way === entity.direction) continue;
    report('error', word.start, entity.id, `found "${word.word}" for ${entity.label}, expected a word for ${WANTED[entity.direction]}: the snapshot records ${entity.move}`);
  }
}
