/**
 * Figures of one quote that must agree with each other, at the precision the source wrote them:
 * points change, close, previous close and percent change in every combination stated
 * (change = close − previous close, percent = change ÷ previous close), the close inside its
 * intraday and 52-week ranges, a stated bound against the exact figures, a stated direction against
 * the sign of the move, and a move no larger than a session allows without a note.
 *
 * A written figure stands for every number that rounds to it ("0.7" is 0.65 to 0.75), so figures
 * agree when some true values inside all their roundings satisfy the arithmetic: a wire's rounded
 * close and change never raise a false alarm. When figures disagree, each is solved from the others
 * and every typing slip of each (`src/lib/slips.ts`) is tried, to name the likely culprit:
 * "a change of 192 agrees with 0.7 % and 26,160: the stated 1,192 has a digit typed twice".
 */
import { settledDirection, type Direction } from '../lib/change.ts';
import { decimalsOf, formatNumber } from '../lib/format.ts';
import { repairs, type Repair } from '../lib/slips.ts';
import type { Stated } from '../lib/stated.ts';
import { decimalsWritten } from '../lib/written.ts';
import type { IndexQuote, StockQuote } from '../schemas/index.ts';

export interface Inconsistency {
  /** The field at fault, relative to the quote. */
  field: string;
  message: string;
}

/** The most fraction digits a figure is compared at. */
const MAX_DECIMALS = 12;

/** A move beyond these, in percent, is refused unless the entry has a `note` explaining it. */
export const PLAUSIBLE_MOVE_PERCENT = { index: 5, stock: 30 } as const;

/** The figures of a move, related by change = close − previous close and percent = change ÷ previous close. */
const MOVE_FIELDS = ['change', 'close', 'previousClose', 'changePercent'] as const;
type MoveField = (typeof MOVE_FIELDS)[number];
/** Ranges the close must sit in: [low, high] pairs. */
const RANGES = [
  ['low', 'high', 'intraday'],
  ['low52w', 'high52w', '52-week'],
] as const;
type RangeField = 'low' | 'high' | 'low52w' | 'high52w';
type Field = MoveField | RangeField;

/** An exact figure as written: its value and the half-unit of its last written digit. */
interface Written {
  value: number;
  decimals: number;
  /** The text in the file, "1192" (no grouping), when known. */
  text?: string;
}
type Figures = Partial<Record<Field, Written>>;

interface Interval {
  low: number;
  high: number;
}

/** How a figure follows from two others; each formula is monotonic in each input where defined. */
const FORMULAS: Record<MoveField, [MoveField, MoveField, (x: number, y: number) => number][]> = {
  change: [
    ['close', 'previousClose', (C, P) => C - P],
    ['close', 'changePercent', (C, p) => (C * p) / (100 + p)],
    ['previousClose', 'changePercent', (P, p) => (P * p) / 100],
  ],
  close: [
    ['change', 'previousClose', (c, P) => P + c],
    ['change', 'changePercent', (c, p) => (c * (100 + p)) / p],
    ['previousClose', 'changePercent', (P, p) => P * (1 + p / 100)],
  ],
  previousClose: [
    ['close', 'change', (C, c) => C - c],
    ['change', 'changePercent', (c, p) => (100 * c) / p],
    ['close', 'changePercent', (C, p) => C / (1 + p / 100)],
  ],
  changePercent: [
    ['change', 'close', (c, C) => (100 * c) / (C - c)],
    ['change', 'previousClose', (c, P) => (100 * c) / P],
    ['close', 'previousClose', (C, P) => (100 * (C - P)) / P],
  ],
};

/** Where a formula is undefined: a percent of zero as a divisor, a previous close not above zero. */
function defined(target: MoveField, x: MoveField, y: MoveField, a: Interval, b: Interval): boolean {
  const range: Partial<Record<MoveField, Interval>> = { [x]: a, [y]: b };
  const percent = range.changePercent;
  if (percent && percent.low <= -100) return false;
  if (percent && range.change && (target === 'close' || target === 'previousClose') && percent.low <= 0 && percent.high >= 0) return false;
  if (range.change && range.close && range.change.high >= range.close.low) return false;
  if (range.previousClose && range.previousClose.low <= 0) return false;
  return true;
}

const half = (figure: Written) => 0.5 * 10 ** -figure.decimals;
const span = (figure: Written): Interval => ({ low: figure.value - half(figure) - 1e-9, high: figure.value + half(figure) + 1e-9 });

/** The range a figure takes when solved from two others, or undefined where the formula does not apply. */
function solve(target: MoveField, figures: Figures, x: MoveField, y: MoveField, formula: (x: number, y: number) => number): Interval | undefined {
  const a = figures[x];
  const b = figures[y];
  if (!a || !b) return undefined;
  const ia = span(a);
  const ib = span(b);
  if (!defined(target, x, y, ia, ib)) return undefined;
  const corners = [formula(ia.low, ib.low), formula(ia.low, ib.high), formula(ia.high, ib.low), formula(ia.high, ib.high)];
  if (!corners.every(Number.isFinite)) return undefined;
  return { low: Math.min(...corners), high: Math.max(...corners) };
}

const overlaps = (a: Interval, b: Interval) => a.low <= b.high && b.low <= a.high;

interface Failure {
  target: Field;
  others: Field[];
  message: string;
  /** Whether the failure is of the arithmetic between move figures (not a range). */
  arithmetic: boolean;
}

/** Everything wrong with a set of exact figures, first the arithmetic, then the ranges. */
function failures(figures: Figures): Failure[] {
  const found: Failure[] = [];
  const { close, change, previousClose } = figures;
  if (close && change && close.value - change.value <= 0) {
    found.push({
      target: 'change',
      others: ['close'],
      message: `a change of ${show(change)} and a close of ${show(close)} put the previous close at ${formatNumber(round(close.value - change.value, 6))}, expected a previous close above zero`,
      arithmetic: true,
    });
    return found;
  }
  for (const target of MOVE_FIELDS) {
    const own = figures[target];
    if (!own) continue;
    for (const [x, y, formula] of FORMULAS[target]) {
      const solved = solve(target, figures, x, y, formula);
      if (!solved || overlaps(solved, span(own))) continue;
      found.push({
        target,
        others: [x, y],
        message: `${phrase(x, figures[x]!)} and ${phrase(y, figures[y]!)} give a ${NAMES[target]} of ${describeRange(target, solved, own.decimals)}`,
        arithmetic: true,
      });
      break;
    }
  }
  if (!close && previousClose && change && previousClose.value + change.value <= 0) {
    found.push({ target: 'change', others: ['previousClose'], message: `a fall of ${show(change)} from ${show(previousClose)} leaves no close above zero`, arithmetic: true });
  }
  for (const [lowField, highField, words] of RANGES) {
    const low = figures[lowField];
    const high = figures[highField];
    if (close && high && close.value > high.value) found.push({ target: 'close', others: [highField], message: `a close of ${show(close)} is above the ${words} high of ${show(high)}, expected low ≤ close ≤ high`, arithmetic: false });
    if (close && low && close.value < low.value) found.push({ target: 'close', others: [lowField], message: `a close of ${show(close)} is below the ${words} low of ${show(low)}, expected low ≤ close ≤ high`, arithmetic: false });
    if (low && high && low.value > high.value) found.push({ target: lowField, others: [highField], message: `a ${words} low of ${show(low)} is above the ${words} high of ${show(high)}`, arithmetic: false });
  }
  return found;
}

export interface Culprit {
  field: Field;
  written: Written;
  repair: Repair;
}

/**
 * The figures most likely mistyped: every slip of every exact figure is tried, and a figure whose
 * repair makes all the figures agree is a suspect. A repair that guesses a digit (a missing one)
 * fits by chance more often than one that only deletes, swaps or moves what was typed, so a figure
 * fixed without guessing is counted by those repairs alone, and comes first. Then the suspect with
 * the fewest fitting repairs wins (the one only one repair fixes is the telling case). Suspects
 * alike in both are returned together: the figures alone cannot tell them apart (and so are all
 * suspects of a close outside a range, where counting repairs tells nothing). Of a suspect's
 * repairs, a doubled digit or a moved point first, then the one nearest what the other figures give
 * (or nearest the figure as written) is proposed.
 */
export function findCulprits(figures: Figures, arithmetic = true): Culprit[] {
  const suspects: { field: Field; written: Written; fits: Repair[]; guessing: boolean }[] = [];
  for (const [field, written] of Object.entries(figures) as [Field, Written][]) {
    if (!written.text) continue;
    const all = repairs(written.text).filter((repair) => {
      if (field !== 'changePercent' && field !== 'change' && !(repair.value > 0)) return false;
      return failures({ ...figures, [field]: { value: repair.value, decimals: repair.decimals, text: repair.text } }).length === 0;
    });
    const sure = all.filter((fit) => fit.kind !== 'missing digit');
    const fits = sure.length ? sure : all;
    const values = [...new Set(fits.map((fit) => fit.value))];
    if (values.length) suspects.push({ field, written, fits: values.map((value) => fits.find((fit) => fit.value === value)!), guessing: !sure.length });
  }
  suspects.sort((a, b) => Number(a.guessing) - Number(b.guessing) || a.fits.length - b.fits.length);
  const [best] = suspects;
  const order = Object.keys(figures);
  // A close outside a range is two figures against each other: the number of repairs that fit
  // says nothing about which one slipped, so every suspect fixed without guessing is named.
  return suspects
    .filter((suspect) => suspect.guessing === best.guessing && (!arithmetic || suspect.fits.length === best.fits.length))
    .sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field))
    .map(({ field, written, fits }) => {
      const solved = (MOVE_FIELDS as readonly string[]).includes(field)
        ? FORMULAS[field as MoveField].map(([x, y, formula]) => solve(field as MoveField, figures, x, y, formula)).find(Boolean)
        : undefined;
      const distance = (repair: Repair) =>
        solved ? Math.abs(repair.value - (solved.low + solved.high) / 2) : Math.abs(Math.log(Math.abs(repair.value) / Math.abs(written.value) || 1));
      // A digit typed twice or a point moved explain a figure more readily than a stray digit.
      const rank = (repair: Repair) => (repair.kind === 'doubled digit' || repair.kind === 'misplaced decimal point' ? 0 : 1);
      const [repair] = [...fits].sort((a, b) => rank(a) - rank(b) || distance(a) - distance(b));
      return { field, written, repair };
    });
}

/**
 * `written` gives the figure as typed in the file ("0.70"), so "at the precision written" counts
 * its trailing zeros; without it the number's own digits are used.
 */
export function quoteInconsistencies(
  quote: IndexQuote | StockQuote,
  written: (field: string) => string | undefined = () => undefined,
): Inconsistency[] {
  const found: Inconsistency[] = [];
  const kind = 'ticker' in quote ? 'stock' : 'index';
  const figures: Figures = {};
  for (const field of [...MOVE_FIELDS, 'low', 'high', 'low52w', 'high52w'] as const) {
    const figure = (quote as Partial<Record<Field, Stated>>)[field];
    if (figure?.qualifier !== 'exact') continue;
    const text = written(field);
    const literal = text && /^-?\d+(\.\d+)?$/.test(text) ? text : undefined;
    // More than 12 written decimals say nothing a session's figures can check (and 5e-324 has 324).
    const decimals = Math.min(decimalsWritten(literal) ?? decimalsOf(figure.value), MAX_DECIMALS);
    figures[field] = { value: figure.value, decimals, text: literal ?? String(figure.value) };
  }

  // A bounded move is written as its size; a fall says so with "direction": "down".
  for (const field of ['change', 'changePercent'] as const) {
    const figure = quote[field];
    if (!figure || (figure.qualifier !== 'moreThan' && figure.qualifier !== 'lessThan') || !(figure.value < 0)) continue;
    const size = `${formatNumber(-figure.value)}${field === 'changePercent' ? ' %' : ''}`;
    const right = figure.qualifier === 'moreThan' ? `{ "lessThan": ${-figure.value} }` : `{ "moreThan": ${-figure.value} }`;
    const meaning = figure.qualifier === 'moreThan' ? `a fall of less than ${size} or any rise` : `a fall of more than ${size}`;
    found.push({
      field,
      message: `found { "${figure.qualifier}": ${figure.value} }, which reads as ${meaning}; write a bounded move as its size and give its direction: ${right} with "direction": "down"`,
    });
  }
  if (found.length) return found;

  const problems = failures(figures);
  if (problems.length) {
    const arithmetic = problems.some((problem) => problem.arithmetic);
    const culprits = findCulprits(figures, arithmetic);
    // The disagreement told from the culprit's side when there is one: what the others give for it.
    const first = (culprits.length === 1 && problems.find((problem) => problem.target === culprits[0].field)) || problems[0];
    const involved = [...new Set<Field>([first.target, ...first.others])];
    const list = involved.map((field) => phrase(field, figures[field]!));
    const repaired = (culprit: Culprit) => phrase(culprit.field, { value: culprit.repair.value, decimals: culprit.repair.decimals }, 'a');
    const slipped = (culprit: Culprit) => `the stated ${show(culprit.written, culprit.field)} has ${slipWords(culprit.repair, culprit.written)}`;
    const [culprit] = culprits;
    const blame =
      culprits.length === 1
        ? `; ${repaired(culprit)} agrees with ${otherFigures(culprit.field, figures)}: ${slipped(culprit)}`
        : culprits.length > 1
          ? `; one typing slip explains it, in either of ${culprits.length} figures: ${culprits.map((c) => `${repaired(c)} (${slipped(c)})`).join(' or ')}; check them against the source`
          : '; no single typing slip explains it, check each figure against the source';
    found.push({ field: culprits.length === 1 ? culprit.field : first.target, message: `found ${joinWords(list)}, which disagree: ${first.message}${blame}` });
    return found;
  }

  // Bounds against the exact figures.
  const percent = quote.changePercent;
  const direction = quote.direction;
  for (const field of ['change', 'changePercent'] as const) {
    const bound = quote[field];
    if (!bound || bound.qualifier === 'exact') continue;
    const solved = FORMULAS[field].map(([x, y, formula]) => ({ x, y, range: solve(field, figures, x, y, formula) })).find((s) => s.range);
    if (!solved?.range) continue;
    if (!boundPossible(bound, solved.range, direction)) {
      found.push({
        field,
        message: `found ${boundWords(bound, field)}${direction === 'down' ? ' (a fall)' : ''}, but ${phrase(solved.x, figures[solved.x]!)} and ${phrase(solved.y, figures[solved.y]!)} give ${describeRange(field, solved.range, decimalsOf(bound.value))}`,
      });
    }
  }

  if (quote.direction) {
    const derived = FORMULAS.changePercent.map(([x, y, formula]) => solve('changePercent', figures, x, y, formula)).find(Boolean);
    const settled = settledDirection([quote.change, percent, derived && { value: (derived.low + derived.high) / 2, qualifier: 'exact' }], quote.direction);
    if (settled && settled !== quote.direction) {
      const by = quote.change ? `change ${describeFigure(quote.change)}` : percent ? `changePercent ${describeFigure(percent)} %` : 'close and previous close';
      found.push({ field: 'direction', message: `found direction "${quote.direction}", but ${by} make${quote.change || percent ? 's' : ''} the move ${settled}` });
    }
  }

  // Plausibility: a move beyond what a session allows needs a note.
  if (!quote.note && !found.length) {
    const limit = PLAUSIBLE_MOVE_PERCENT[kind];
    const solved = FORMULAS.changePercent.map(([x, y, formula]) => solve('changePercent', figures, x, y, formula)).find(Boolean);
    const size = figures.changePercent
      ? Math.abs(figures.changePercent.value)
      : solved
        ? Math.min(Math.abs(solved.low), Math.abs(solved.high))
        : percent?.qualifier === 'moreThan' || percent?.qualifier === 'around'
          ? Math.abs(percent.value)
          : undefined;
    if (size !== undefined && size > limit) {
      found.push({
        field: quote.changePercent ? 'changePercent' : quote.change ? 'change' : 'close',
        message: `found a move of ${formatNumber(round(size, 2))} %, beyond the ±${limit} % ${kind === 'index' ? 'an index' : 'a single stock'} moves in an ordinary session, expected figures that agree with the source; if the source states this move, add a "note" to the entry saying why (it is shown with the figures)`,
      });
    }
  }
  return found;
}

/** The earlier session's close against the later one's previous close (stated, or close − change). */
export function continuityInconsistency(
  later: IndexQuote | StockQuote,
  earlierClose: Stated | undefined,
  written: (field: string) => string | undefined = () => undefined,
): Inconsistency | undefined {
  if (earlierClose?.qualifier !== 'exact') return undefined;
  const exactOf = (field: 'previousClose' | 'close' | 'change'): Written | undefined => {
    const figure = later[field];
    if (figure?.qualifier !== 'exact') return undefined;
    return { value: figure.value, decimals: Math.min(decimalsWritten(written(field)) ?? decimalsOf(figure.value), MAX_DECIMALS) };
  };
  const earlier: Written = { value: earlierClose.value, decimals: Math.min(earlierClose.decimals ?? decimalsOf(earlierClose.value), MAX_DECIMALS) };
  const stated = exactOf('previousClose');
  const close = exactOf('close');
  const change = exactOf('change');
  const range = stated ? span(stated) : close && change ? { low: span(close).low - half(change), high: span(close).high + half(change) } : undefined;
  if (!range) return undefined;
  const shift = stated ? 0 : change!.value;
  const at = stated ? { low: range.low, high: range.high } : { low: range.low - shift, high: range.high - shift };
  if (overlaps(at, span(earlier))) return undefined;
  const what = stated ? `a previous close of ${show(stated)}` : `a previous close of ${formatNumber(round(close!.value - change!.value, 6))} (close ${show(close!)} − change ${show(change!)})`;
  return { field: stated ? 'previousClose' : 'change', message: `found ${what}, but the session before states a close of ${show(earlier)}, expected the two to agree` };
}

/** Whether `stated`, written to `decimals` places, is `actual` rounded to those places. */
export function agrees(stated: number, actual: number, decimals: number): boolean {
  return Math.abs(stated - actual) <= 0.5 * 10 ** -decimals + 1e-9;
}

/** Whether some value in `range` meets the bound; a bound is a size, and a fall says "direction": "down". */
function boundPossible(bound: Stated, range: Interval, direction: Direction | undefined): boolean {
  const down = direction === 'down' && bound.value >= 0;
  const sized: Interval = down ? { low: -range.high, high: -range.low } : range;
  if (bound.qualifier === 'moreThan') return sized.high > bound.value;
  if (bound.qualifier === 'lessThan') return down || direction === 'up' ? sized.low < bound.value && sized.high >= 0 : Math.min(Math.abs(range.low), Math.abs(range.high)) < bound.value || (range.low <= 0 && range.high >= 0);
  // "around 0.7 %": within one unit of the last digit written.
  const unit = 10 ** -Math.min(bound.decimals ?? decimalsOf(bound.value), MAX_DECIMALS);
  return overlaps(sized, { low: bound.value - unit, high: bound.value + unit });
}

const NAMES: Record<Field, string> = {
  change: 'change',
  close: 'close',
  previousClose: 'previous close',
  changePercent: 'percent change',
  low: 'intraday low',
  high: 'intraday high',
  low52w: '52-week low',
  high52w: '52-week high',
};

function show(figure: Written, field?: Field): string {
  const text = formatNumber(figure.value, figure.decimals);
  return field === 'changePercent' ? `${text} %` : text;
}

function phrase(field: Field, figure: Written, article = ''): string {
  if (article === 'a' && /^[aeiou]/.test(NAMES[field])) article = 'an';
  return `${article ? `${article} ` : ''}${NAMES[field]} ${article ? 'of ' : ''}${show(figure, field)}`;
}

function otherFigures(field: Field, figures: Figures): string {
  const others = (Object.keys(figures) as Field[]).filter((other) => other !== field);
  return joinWords(others.map((other) => show(figures[other]!, other)));
}

function joinWords(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function slipWords(repair: Repair, written: Written): string {
  if (repair.kind === 'doubled digit') return 'a digit typed twice';
  if (repair.kind === 'stray digit') return 'a stray digit';
  if (repair.kind === 'missing digit') return 'a digit missing';
  if (repair.kind === 'swapped digits') return 'two digits swapped';
  return written.text && written.text.includes('.') ? 'a misplaced decimal point' : 'a missing decimal point';
}

function describeRange(target: MoveField, range: Interval, decimals: number): string {
  const places = target === 'changePercent' ? Math.max(decimals, 2) : decimals;
  const low = formatNumber(round(range.low, places), places);
  const high = formatNumber(round(range.high, places), places);
  const unit = target === 'changePercent' ? ' %' : '';
  return low === high ? `${low}${unit}` : `${low}${unit} to ${high}${unit}`;
}

function describeFigure(figure: Stated): string {
  return figure.qualifier === 'exact' ? formatNumber(figure.value) : boundWords(figure);
}

function boundWords(bound: Stated, field?: string): string {
  const words = bound.qualifier === 'moreThan' ? 'more than' : bound.qualifier === 'lessThan' ? 'less than' : 'around';
  return `${words} ${bound.value}${field === 'changePercent' ? ' %' : ''}`;
}

function round(value: number, decimals: number): number {
  const places = Math.min(decimals, MAX_DECIMALS);
  return Math.round(value * 10 ** places) / 10 ** places;
}
