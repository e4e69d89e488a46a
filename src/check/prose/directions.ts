/**
 * Words that say which way a price moved.
 *
 * Strong words say it whatever follows: "rose", "fell", "slipped", "rallied", "posted gains",
 * "closed higher". Weak words have other senses ("advanced chips", "trade tensions could ease",
 * "a wave of gains", "up to", "lifted sanctions"), so they count only next to a figure: a number
 * or a `<Fig>` right after them ("gained 108 points", "up 8 %", "advanced by 63") or right before
 * them ("a 0.7 % rise", "a <Fig/> gain").
 *
 * A weak word also counts right after a subject given in `subjectEnds` ("the broader market advanced").
 *
 * A word is not counted when negated ("did not fall", "never rose") or hypothetical ("could
 * fall", "may rise", "is expected to rise"): it states no move of the session.
 */
import { FIG_MARK } from './tree.ts';

export type Way = 'up' | 'down';

export interface DirectionWord {
  start: number;
  end: number;
  /** As written, spaces normalised: "posted gains". */
  word: string;
  way: Way;
}

const S = '[\\s\\u00a0]+';
const MOVED = '(?:closed|ended|finished|settled|traded|moved|ticked|inched|crept|edged|drifted|trended|was|were|is|are|opened|went)';
const POSTED = '(?:posted|booked|recorded|notched|logged|extended|registered|clocked)';

const STRONG: [string, Way][] = [
  [`${POSTED}(?:${S}[\\p{L}-]+)?${S}(?:gains?|advances?|rises?)`, 'up'],
  [`${POSTED}(?:${S}[\\p{L}-]+)?${S}(?:loss(?:es)?|declines?|falls?|drops?)`, 'down'],
  [`${MOVED}${S}(?:up|higher)`, 'up'],
  [`${MOVED}${S}(?:down|lower)`, 'down'],
  [`gained${S}ground|in${S}positive${S}territory`, 'up'],
  [`lost${S}ground|in${S}negative${S}territory`, 'down'],
  ['rose|risen|rallied|climbed|jumped|surged|soared|rebounded|spiked|rocketed|skyrocketed|leapt|leaped|outperformed', 'up'],
  ['fell|fallen|slipped|declined|slid|tumbled|plunged|plummeted|sank|sunk|slumped|retreated|dipped|sagged|underperformed|skidded', 'down'],
];
const WEAK: [string, Way][] = [
  [
    'gained|gains?|gaining|advanced|advances?|advancing|lifted|added|adding|rises?|rising|rall(?:y|ies|ying)|climbs?|climbing|jumps?|jumping|surges?|surging|' +
      'up|higher|increased?|increases|increasing|upticks?|rebounds?|rebounding|firmed|strengthened|soars?|soaring|spiking|rocketing|leaping',
    'up',
  ],
  [
    'lost|lose|loses|losing|loss(?:es)?|eased|eases?|easing|dropped|drops?|dropping|falls?|falling|declines?|declining|slips?|slipping|slides?|sliding|' +
      'shed|sheds|shedding|down|lower|decreased?|decreases|decreasing|dips?|dipping|weakened|slumps?|slumping|retreats?|retreating|tumbles?|tumbling|' +
      'plunges?|plunging|plummeting|sinks?|sinking|sagging|skidding',
    'down',
  ],
];

/**
 * Words about the path within the day, not its net move: "pared gains", "gave up early gains",
 * "fell back", "trimmed losses"; and phrases that hold a direction word without being a move:
 * "picked up HKD 800 million of shares", "up to 50 %". They hide the direction words inside them.
 */
const INTRADAY_PATH = new RegExp(
  `(?<![\\p{L}])(?:(?:pared|trimmed|erased|gave${S}up|cut|reversed|wiped${S}out|recouped|recovered)${S}(?:(?:some|most|all|part|much)${S}of${S})?(?:its${S}|their${S}|the${S}|early${S}|earlier${S}|initial${S}|morning${S}|intraday${S})*(?:gains?|loss(?:es)?|advances?|declines?)|(?:fell|eased|slipped|dropped|came|slid|drifted|rose|climbed|bounced)${S}(?:back|off)|off${S}(?:its|the|their)${S}(?:highs?|lows?|best|worst)|from${S}(?:early|earlier|initial|morning)${S}(?:gains?|loss(?:es)?|highs?|lows?)|(?:picked|snapped|scooped|took|bought|buying|snapping|picking|shored|ramped|stepped)${S}up|up${S}to)(?![\\p{L}])`,
  'giu',
);

/** One pattern per way, the list's alternatives in order (the earlier, longer phrases first). */
const compile = (list: [string, Way][]) =>
  (['up', 'down'] as const).map((way) => ({
    way,
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.filter(([, w]) => w === way).map(([words]) => `(?:${words})`).join('|')})(?![\\p{L}\\p{N}])`, 'giu'),
  }));
const STRONG_PATTERNS = compile(STRONG);
const WEAK_PATTERNS = compile(WEAK);

/** Negated or hypothetical: the word is not a move of the session. */
const NOT_A_MOVE = /(?:(?<![\p{L}])(?:not|never|no|without|could|would|may|might|should|will|can|cannot|to)|n['’]t)[\s\u00a0]+(?:(?:yet|be|have|been|further|also|continue|continued|to)[\s\u00a0]+){0,2}$/iu;
/** A figure right after a weak word, past a few filler words: "up 8 %", "gained some 108", "advanced by <Fig/>". */
const FIGURE_AFTER = new RegExp(
  `^[\\s\\u00a0]*(?:(?:by|of|a|an|another|further|some|about|around|nearly|almost|roughly|more${S}than|over|just|only|as${S}much${S}as|HKD|HK\\$|US\\$|\\$)[\\s\\u00a0]*)*(?:[+\\u2212-]?\\d|${FIG_MARK})`,
  'iu',
);
/** A figure right before a weak word: "a 0.7 % rise", "a <Fig/> gain", "192 points higher". */
const FIGURE_BEFORE = new RegExp(
  `(?:\\d(?:(?:[\\s\\u00a0]*|[-\\u2010\\u2011])(?:%|percent|per${S}cent|points?|pts|million|billion|bn))?|${FIG_MARK}(?:[\\s\\u00a0]*|[-\\u2010\\u2011])(?:points?|pts)?)[\\s\\u00a0]*$`,
  'iu',
);

/** The direction words of a sentence (masked text) outside `exclude` (names). */
export function findDirectionWords(text: string, exclude: readonly (readonly [number, number])[] = [], subjectEnds: readonly number[] = []): DirectionWord[] {
  const found: DirectionWord[] = [];
  const path = [...text.matchAll(INTRADAY_PATH)].map((m) => [m.index, m.index + m[0].length] as const);
  const taken = (start: number, end: number) =>
    exclude.some(([s, e]) => start < e && end > s) || path.some(([s, e]) => start < e && end > s) || found.some((w) => start < w.end && end > w.start);
  const add = (match: RegExpExecArray | RegExpMatchArray, way: Way, weak: boolean) => {
    const start = match.index!;
    const end = start + match[0].length;
    if (taken(start, end)) return;
    const before = text.slice(Math.max(0, start - 60), start);
    if (NOT_A_MOVE.test(before)) return;
    // A weak word right after the market or an index is its verb: "the broader market advanced" (after a
    // company it may be anything: "Xiaomi lost a supplier").
    const afterSubject = subjectEnds.some((e) => e <= start && /^[\s\u00a0]+$/.test(text.slice(e, start)));
    if (weak && !afterSubject && !FIGURE_AFTER.test(text.slice(end, end + 40)) && !FIGURE_BEFORE.test(before)) return;
    found.push({ start, end, way, word: match[0].replace(/[\s\u00a0]+/g, ' ') });
  };
  for (const { pattern, way } of STRONG_PATTERNS) for (const match of text.matchAll(pattern)) add(match, way, false);
  for (const { pattern, way } of WEAK_PATTERNS) for (const match of text.matchAll(pattern)) add(match, way, true);
  return found.sort((a, b) => a.start - b.start);
}
