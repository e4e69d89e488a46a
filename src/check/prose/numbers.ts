/**
 * The literal numbers of a sentence, read as a market report writes them, and the numbers that are
 * not figures set aside with the reason.
 *
 * A number is read with what surrounds it:
 * - a unit after it: `%`, "percent", "per cent" (percent); "points", "times", "level" (plain);
 *   a scale, "million", "billion", "bn" (money at that scale); a currency before or after it
 *   ("HKD 80", "HK$80", "80 yuan");
 * - a qualifier before it: "more than", "over", "at least", "less than", "under", "around",
 *   "about", "nearly" …, so "more than 8 %" is a bound, not the number 8;
 * - an explicit sign (+192, −1.8 %), which is then compared with the signed figure.
 *
 * Set aside, never compared (see {@link SkipReason}): days and years of dates ("October 24",
 * "24 October 2025", "October 24, 2025"), durations ("52-week", "3 months"), ordinals ("3rd"),
 * times ("16:10", "4 pm"), ranges ("8–9 %"), labels ("top 10", "No. 1", "Q3"), numbers joined
 * to letters ("5G", "H20", "00700.HK"), percentage points and basis points (the snapshot records
 * none), moves over a longer period than the session ("30 % this year", "12 % since January"),
 * shares of something ("5 % of the index"), numbers in a clause about what may come ("could drop
 * 5 %", "a price target of HKD 100", "if it falls 3 %"), numbers about a benchmark of comparison
 * ("the sector average of 48", "3 times the sector average"), and numbers that count something else ("30 stocks", "3 analysts"): a number followed by a word
 * the check does not know as a unit or a linking word is taken to count that word.
 *
 * A round level ("the 26,000 level", "the 26,000 mark") is read as "around 26,000".
 *
 * A bare four-digit integer from 1900 to 2100 written without a thousands separator is flagged
 * `yearLike`: house style groups thousands (26,160), so when no figure matches it is taken for a
 * year and skipped rather than reported.
 */
import type { Qualifier } from '../../lib/stated.ts';

export type NumberKind = 'percent' | 'plain' | 'money';

export interface ProseNumber {
  /** Offsets in the sentence text of the digits (with their sign). */
  start: number;
  end: number;
  /** Offsets of the whole claim: from its qualifier or currency to the end of its unit. */
  from: number;
  to: number;
  /** The claim as written, qualifier and unit included, spaces normalised: "more than 8 %". */
  raw: string;
  /** The value in units (scale applied): "HKD 654.8 million" → 654800000; negative only if written so. */
  value: number;
  /** Digits written after the decimal point. */
  decimals: number;
  /** The unit of the last significant digit written, in units: "26,000" → 1000, "0.70" → 0.01. */
  unit: number;
  /** 1, or the scale word's factor (1e6 for "million"). */
  scale: number;
  /** An explicit + or − was written. */
  signed: boolean;
  /** percent; money (a currency or a scale word); plain (points, a level, a price without currency). */
  kind: NumberKind;
  /** A currency was written ("HKD 80"): the number is a price or an amount. */
  currency: boolean;
  qualifier: Qualifier;
  /** "at least" / "at most": the bound includes its value. */
  inclusive: boolean;
  /** "nearly", "almost": the figure is at most the number and close below it; "just over": close above it. */
  side?: 'below' | 'above';
  /** A level or threshold ("the 25,000 mark", "the 26,000 level"): compared with levels, never a change. */
  level: boolean;
  /** Could be a year (see the module comment): skipped when it matches no figure. */
  yearLike: boolean;
}

export type SkipReason =
  | 'date' | 'duration' | 'ordinal' | 'time' | 'range' | 'label' | 'identifier' | 'points-or-basis' | 'count' | 'period' | 'share' | 'forecast' | 'multiple' | 'other-subject';

export interface SkippedNumber {
  start: number;
  end: number;
  raw: string;
  reason: SkipReason;
}

const S = '[\\s\\u00a0\\u202f]';
const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const NUMBER = /(?:(?<=HKD|USD|RMB|CNY|CNH|HK\$|US\$)|(?<![\p{L}\p{N}_.,:/]))(?:[+\u2212]|[-\u2013](?=\d))?(?:\d{1,3}(?:,\d{3})+(?![\d,]\d)|\d+)(?:\.\d+)?/gu;

const CURRENCY_BEFORE = new RegExp(`(?:HKD|HK\\$|US\\$|USD|RMB|CNY|CNH|EUR|GBP|JPY|S\\$|\\$|¥|€|£)${S}*$`);
const CURRENCY_AFTER = new RegExp(`^${S}*(?:HKD|USD|RMB|CNY|CNH|yuan|renminbi|Hong${S}+Kong${S}+dollars?|dollars?)(?![\\p{L}])`, 'iu');
const QUALIFIERS: [RegExp, Qualifier, boolean, ('below' | 'above')?][] = [
  [new RegExp(`(?:nearly|almost|close${S}+to|just${S}+(?:under|below|shy${S}+of|short${S}+of)|approaching)${S}*$`, 'i'), 'around', true, 'below'],
  [new RegExp(`(?:just|slightly)${S}+(?:over|above|more${S}+than)${S}*$`, 'i'), 'moreThan', false, 'above'],
  [new RegExp(`(?:more${S}+than|over|above|upwards${S}+of|in${S}+excess${S}+of|greater${S}+than|beyond|topped|exceeded|surpassed)(?:${S}+the)?${S}*$`, 'i'), 'moreThan', false],
  [new RegExp(`at${S}+least${S}*$`, 'i'), 'moreThan', true],
  [new RegExp(`(?:less${S}+than|under|below|fewer${S}+than|short${S}+of)(?:${S}+the)?${S}*$`, 'i'), 'lessThan', false],
  [new RegExp(`at${S}+most${S}*$`, 'i'), 'lessThan', true],
  [new RegExp(`(?:around|about|roughly|approximately|approx\\.|some|near|circa|~)${S}*$`, 'i'), 'around', false],
];
const SCALES: [RegExp, number][] = [
  [new RegExp(`^${S}*(?:trillion|tn)(?![\\p{L}])`, 'iu'), 1e12],
  [new RegExp(`^${S}*(?:billion|bn)(?![\\p{L}])|^b(?![\\p{L}])`, 'iu'), 1e9],
  [new RegExp(`^${S}*(?:million|mn|mln)(?![\\p{L}])|^m(?![\\p{L}])`, 'iu'), 1e6],
  [new RegExp(`^${S}*thousand(?![\\p{L}])|^k(?![\\p{L}])`, 'iu'), 1e3],
];
const PERCENT = new RegExp(`^(?:${S}*|[-\\u2010\\u2011])(?:%|percent(?![\\p{L}])|per${S}+cent(?![\\p{L}])|pc(?![\\p{L}])|pct(?![\\p{L}]))`, 'iu');
const POINTS_OR_BASIS = new RegExp(`^${S}*(?:percentage${S}+points?|pp(?:ts?)?(?![\\p{L}])|bps(?![\\p{L}])|basis${S}+points?)`, 'iu');
const PLAIN_UNIT = new RegExp(`^(?:${S}*|[-\\u2010\\u2011])(?:points?|pts?|times|x|level|mark|handle|per${S}+share|a${S}+share|apiece)(?![\\p{L}])`, 'iu');
const DURATION = new RegExp(`^${S}*(?:[-\\u2010-\\u2014]${S}*)?(?:day|week|month|year|quarter|session|hour|minute|decade|trading${S}+day)s?(?![\\p{L}])`, 'iu');
const TIME = new RegExp(`^(?::\\d)|^${S}*(?:a\\.m\\.|p\\.m\\.|am|pm|HKT|GMT|UTC)(?![\\p{L}])`, 'iu');
const ORDINAL = /^(?:st|nd|rd|th)(?![\p{L}])/iu;
const LABEL_BEFORE = new RegExp(`(?:(?<![\\p{L}])(?:top|bottom|No\\.|number|phase|round|class|series|rank|ranked|tier|step|chapter|section|article|item|model|version|page|line|#)${S}*|#)$`, 'iu');
const RANGE_BEFORE = new RegExp(`\\d${S}*[-\\u2010-\\u2014]${S}*$`);
const RANGE_AFTER = new RegExp(`^${S}*[-\\u2010-\\u2014/]${S}*\\d`);
/** "58 of 82", "58 of its 82": a count out of a count. */
const OUT_OF = new RegExp(`^${S}+of${S}+(?:(?:its|the|their)${S}+)?\\d`);
const DAY_AFTER = new RegExp(`^(?:st|nd|rd|th)?,?${S}+(?:of${S}+)?${MONTH}(?![\\p{L}])`, 'u');
const DAY_BEFORE = new RegExp(`(?<![\\p{L}])${MONTH}\\.?${S}+$`, 'u');
const YEAR_BEFORE = new RegExp(`(?<![\\p{L}])${MONTH}\\.?(?:${S}+\\d{1,2}(?:st|nd|rd|th)?)?,?${S}+$`, 'u');
/** A move over a period longer than the session: "30 % this year", "12 % since January", "5 % year-to-date". */
const PERIOD = new RegExp(
  `^,?${S}*(?:this${S}+(?:year|month|week|quarter)|so${S}+far|year${S}*[-\\u2010-\\u2014]${S}*to${S}*[-\\u2010-\\u2014]${S}*date|month${S}*[-\\u2010-\\u2014]${S}*to${S}*[-\\u2010-\\u2014]${S}*date|YTD|since|(?:over|in|during)${S}+the${S}+(?:past|last|previous)|(?:last|past)${S}+(?:year|month|week|quarter))(?![\\p{L}])`,
  'iu',
);
/** The clause before a number speaks of what may come, not of the session: "could drop 5 %", "a target of HKD 100". */
const FORECAST_BEFORE =
  /(?<![\p{L}])(?:[Tt]argets?|[Ff]orecast(?:s|ing)?|[Ee]xpect(?:s|ed|ing)?|[Ee]stimate[sd]?|[Pp]roject(?:s|ed|ing)|[Gg]uidance|[Oo]utlook|[Cc]ould|[Ww]ould|may|[Mm]ight|[Ww]ill|[Ss]hould|[Ii]f)(?![\p{L}])[^,;:!?\u2029]*$/u;
/** The clause before a number is about a benchmark of comparison: "the sector average of 48", "rivals' 12 %". */
const OTHER_SUBJECT_BEFORE = /(?<![\p{L}])(?:average|median|sector|industry|peers?|rivals?|competitors?|consensus)(?![\p{L}])[^,;:!?\u2029]*$/iu;
/** "5 % of the index": a share of something, not a move. */
const SHARE_OF = new RegExp(`^${S}+of(?![\\p{L}])`, 'u');
/** "3 times the sector average": a multiple of something, not a figure. */
const MULTIPLE = new RegExp(`^${S}+(?:times|x)${S}+(?:the|its|their|that|as)(?![\\p{L}])`, 'iu');
const NEXT_WORD = new RegExp(`^${S}+([\\p{L}][\\p{L}'’\\-\\u2010\\u2011]*)`, 'u');

/** Words that may follow a figure without being what it counts: "closed at 26,160 on Friday". */
const LINKING_WORDS = new Set(
  (
    'on in at to from after before while whereas and or but as with for by of the a an its their his her this that these those ' +
    'which who where when amid despite since than compared versus vs per each yesterday today intraday previously earlier later ' +
    'then so yet also still only respectively up down higher lower above below over under against into is was were are has had ' +
    'have be been being marking making taking leaving giving bringing extending reversing its after ahead following during until ' +
    'till through across among between within without about around via plus minus apiece overall'
  ).split(' '),
);

/** A word a number counts: a plural ("30 stocks", "3 analysts") or a few collective nouns. */
const COUNTED = /^(?:[\p{L}'’\-\u2010\u2011]*[^s\W]s|people|staff|personnel|workforce|children|media|data|million|billion)$/iu;

export interface ReadNumbers {
  numbers: ProseNumber[];
  skipped: SkippedNumber[];
}

/**
 * The numbers of a sentence (masked text) outside `exclude` (spans of tickers and names, where a
 * digit is part of a name).
 */
export function readNumbers(text: string, exclude: readonly (readonly [number, number])[] = []): ReadNumbers {
  const numbers: ProseNumber[] = [];
  const skipped: SkippedNumber[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const start = match.index;
    const end = start + match[0].length;
    if (exclude.some(([s, e]) => start < e && end > s)) continue;
    const written = match[0];
    const before = text.slice(Math.max(0, start - 40), start);
    const after = text.slice(end, end + 60);
    const skip = (reason: SkipReason) => skipped.push({ start, end, raw: written, reason });

    const sign = /^[+\u2212\-\u2013]/.exec(written)?.[0];
    const digits = sign ? written.slice(1) : written;
    const [whole, fraction = ''] = digits.replaceAll(',', '').split('.');
    const magnitude = Number(`${whole}${fraction ? `.${fraction}` : ''}`);
    const integer = fraction === '';

    if (RANGE_BEFORE.test(before) || RANGE_AFTER.test(after)) { skip('range'); continue; }
    if (ORDINAL.test(after)) { skip('ordinal'); continue; }
    if (TIME.test(after)) { skip('time'); continue; }
    if (/^\.[A-Z]{1,2}(?![\p{L}])/u.test(after)) { skip('identifier'); continue; }
    if (integer && magnitude >= 1 && magnitude <= 31 && !sign && (DAY_BEFORE.test(before) || DAY_AFTER.test(after))) { skip('date'); continue; }
    if (integer && !sign && !digits.includes(',') && digits.length === 4 && YEAR_BEFORE.test(before)) { skip('date'); continue; }
    if (DURATION.test(after)) { skip('duration'); continue; }
    if (POINTS_OR_BASIS.test(after)) { skip('points-or-basis'); continue; }
    if (LABEL_BEFORE.test(before)) { skip('label'); continue; }

    if (MULTIPLE.test(after)) { skip('multiple'); continue; }
    if (OTHER_SUBJECT_BEFORE.test(text.slice(0, start))) { skip('other-subject'); continue; }

    let rest = after;
    let unitEnd = end;
    let scale = 1;
    let kind: NumberKind = 'plain';
    let currency = false;
    let level = false;
    const consume = (m: RegExpExecArray) => {
      rest = rest.slice(m[0].length);
      unitEnd += m[0].length;
    };
    let m: RegExpExecArray | null;
    if ((m = PERCENT.exec(rest))) {
      kind = 'percent';
      consume(m);
    } else {
      for (const [pattern, factor] of SCALES) {
        if ((m = pattern.exec(rest))) {
          scale = factor;
          kind = 'money';
          consume(m);
          break;
        }
      }
      if ((m = CURRENCY_AFTER.exec(rest))) {
        kind = 'money';
        currency = true;
        consume(m);
      } else if ((m = PLAIN_UNIT.exec(rest))) {
        consume(m);
        if (/level|mark|handle/i.test(m[0])) level = true;
      }
    }
    if (/^[\p{L}\p{N}]/u.test(rest)) { skip('identifier'); continue; }
    if (PERIOD.test(rest)) { skip('period'); continue; }
    if (kind === 'percent' && SHARE_OF.test(rest)) { skip('share'); continue; }
    if (FORECAST_BEFORE.test(text.slice(0, start))) { skip('forecast'); continue; }
    const following = NEXT_WORD.exec(rest)?.[1];
    // "30 stocks", "58 of 82", "2.1 billion shares": the number counts something that is no figure.
    const counts = unitEnd === end || (scale > 1 && !currency && !CURRENCY_BEFORE.test(before));
    // "the 15 biggest stocks": a word or two describing what is counted.
    const second = following && !COUNTED.test(following) && !LINKING_WORDS.has(following.toLowerCase()) ? NEXT_WORD.exec(rest.slice(rest.indexOf(following) + following.length))?.[1] : undefined;
    const counted = (word: string | undefined) => word !== undefined && !LINKING_WORDS.has(word.toLowerCase()) && COUNTED.test(word);
    if (following && counts && (counted(following) || counted(second) || OUT_OF.test(rest))) { skip('count'); continue; }

    let claimStart = start;
    let head = before;
    const money = CURRENCY_BEFORE.exec(head);
    if (money) {
      currency = true;
      if (kind === 'plain') kind = 'money';
      claimStart -= money[0].length;
      head = head.slice(0, head.length - money[0].length);
    }
    let qualifier: Qualifier = 'exact';
    let inclusive = false;
    let side: 'below' | 'above' | undefined;
    for (const [pattern, q, incl, s] of QUALIFIERS) {
      const found = pattern.exec(head);
      if (found && (found.index === 0 || /[^\p{L}]/u.test(head[found.index - 1]))) {
        qualifier = q;
        inclusive = incl;
        side = s;
        // "below 24,000", "above the 25,000 mark": a position against a level, not a size of move.
        if (kind !== 'percent' && /^(?:below|above|under|beneath)/i.test(found[0])) level = true;
        claimStart -= found[0].length;
        break;
      }
    }
    // "the 26,000 level", "the 26,000 mark": a round threshold, read as "around 26,000".
    if (level && qualifier === 'exact') qualifier = 'around';
    const negative = sign !== undefined && sign !== '+';
    numbers.push({
      start,
      end,
      from: claimStart,
      to: unitEnd,
      raw: text.slice(claimStart, unitEnd).replace(/[\s\u00a0\u202f]+/g, ' ').trim(),
      value: (negative ? -magnitude : magnitude) * scale,
      decimals: fraction.length,
      unit: significantUnit(whole, fraction) * scale,
      scale,
      signed: sign !== undefined,
      kind,
      currency,
      qualifier,
      inclusive,
      side,
      level,
      yearLike: integer && !sign && !digits.includes(',') && digits.length === 4 && magnitude >= 1900 && magnitude <= 2100 && kind === 'plain' && unitEnd === end,
    });
  }
  return { numbers, skipped };
}

/** The place value of the last non-zero digit written: "26,000" → 1000, "80" → 10, "0.70" → 0.01. */
function significantUnit(whole: string, fraction: string): number {
  if (fraction) return 10 ** -fraction.length;
  const zeros = /0*$/.exec(whole)![0].length;
  return zeros === whole.length ? 1 : 10 ** zeros;
}
