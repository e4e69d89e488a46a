/**
 * Does a number as prose writes it agree with a figure as the snapshot states it?
 *
 * Both sides are read as intervals of the values they allow:
 * - prose "26,160" allows what rounds to it at the precision written, [26,159.5, 26,160.5];
 *   "0.7 %" allows [0.65, 0.75]; "HKD 654.8 million" allows [654.75, 654.85] million;
 * - prose "around 26,000" (about, roughly, some, approximately) allows half a unit of its last non-zero
 *   digit either side, and at least 1 % of the number: [25,500, 26,500]; "around 25,000" does not
 *   reach 26,160;
 * - prose "nearly 10 %" (almost, close to, just under) allows up to 10 % of the number below it, and
 *   at most the number: [9, 10], so 9.9 % passes and 8.9 % or 10.2 % do not; "just over 8 %"
 *   allows up to 5 % above it, (8, 8.4];
 * - prose "more than 8 %" allows (8, ∞); "at least 8 %" [8, ∞); "less than", "at most" likewise;
 * - a snapshot figure that is exact is the point itself (a derived 0.7394 % is compared unrounded),
 *   or, where the snapshot keeps the digits its source wrote, what rounds to them: a stated 25,480
 *   allows [25,479.5, 25,480.5), so prose "25,480.35" passes and "25,481" does not;
 *   `{ "around": 26000 }` allows [25,500, 26,500]; `{ "moreThan": 8 }` allows (8, ∞).
 *
 * The verdict:
 * - `implied`: everything the data allows, the prose allows too ("more than 8 %", "more than 7 %"
 *   for moreThan 8; "0.7 %" for 0.7394);
 * - `contradicted`: nothing the data allows is allowed by the prose ("7.5 %" or "less than 8 %"
 *   for moreThan 8; "26,106" for 26,160) — an error;
 * - `consistent`: the prose is more precise than a bound but within one unit of it, which is what
 *   a source means by the bound ("8.5 %" for moreThan 8, where a source would have said "more than
 *   9 %" for 9.5): passes;
 * - `unsupported`: allowed by the bound but beyond that unit ("15 %" or "more than 9 %" for
 *   moreThan 8): not contradicted, not backed either — a warning.
 */
import type { Stated } from '../../lib/stated.ts';
import type { ProseNumber } from './numbers.ts';

export interface Interval {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
}

export type Verdict = 'implied' | 'consistent' | 'unsupported' | 'contradicted';

const closed = (lo: number, hi: number): Interval => ({ lo, hi, loOpen: false, hiOpen: false });

/** How far an approximate word reaches (see the module comment and README). */
export const TOLERANCE = {
  /** "around", "about", "roughly": at least this share of the number either side. */
  around: 0.01,
  /** "nearly", "almost", "close to": at most this share below the number. */
  nearly: 0.1,
  /** "just over", "slightly above": at most this share above the number. */
  justOver: 0.05,
} as const;

/** The values a prose number allows. */
export function proseInterval(number: ProseNumber): Interval {
  const x = number.value;
  const written = (10 ** -number.decimals * number.scale) / 2;
  switch (number.qualifier) {
    case 'moreThan':
      if (number.side === 'above') return { lo: x, hi: x + Math.abs(x) * TOLERANCE.justOver, loOpen: true, hiOpen: false };
      return { lo: x, hi: Infinity, loOpen: !number.inclusive, hiOpen: true };
    case 'lessThan':
      return { lo: -Infinity, hi: x, loOpen: true, hiOpen: !number.inclusive };
    case 'around': {
      if (number.side === 'below') return closed(x - Math.abs(x) * TOLERANCE.nearly, x);
      const half = Math.max(number.unit / 2, written, Math.abs(x) * TOLERANCE.around);
      return closed(x - half, x + half);
    }
    case 'exact':
      // What rounds to it, half up: "25,479" is [25,478.5, 25,479.5).
      return { lo: x - written, hi: x + written, loOpen: false, hiOpen: true };
  }
}

/** The values a stated figure allows, and the narrower part a source means by a bound. */
export function statedInterval(figure: Stated): { allows: Interval; meant: Interval } {
  const v = figure.value;
  const unit = unitOf(v);
  switch (figure.qualifier) {
    case 'exact': {
      // A figure with the digits its source wrote stands for what rounds to it ("25,480" for
      // 25,480.35); one without (derived, or built in code) is the point itself.
      if (figure.decimals === undefined) {
        const point = closed(v, v);
        return { allows: point, meant: point };
      }
      const half = 10 ** -figure.decimals / 2;
      const written: Interval = { lo: v - half, hi: v + half, loOpen: false, hiOpen: true };
      return { allows: written, meant: written };
    }
    case 'around': {
      const band = closed(v - unit / 2, v + unit / 2);
      return { allows: band, meant: band };
    }
    case 'moreThan':
      return { allows: { lo: v, hi: Infinity, loOpen: true, hiOpen: true }, meant: { lo: v, hi: v + unit, loOpen: true, hiOpen: true } };
    case 'lessThan':
      return { allows: { lo: -Infinity, hi: v, loOpen: true, hiOpen: true }, meant: { lo: v - unit, hi: v, loOpen: true, hiOpen: true } };
  }
}

/** The interval of the absolute values: a change compared with prose that lets a verb carry its sign. */
export function magnitude(interval: Interval): Interval {
  if (interval.lo >= 0) return interval;
  if (interval.hi <= 0) return { lo: -interval.hi, hi: -interval.lo, loOpen: interval.hiOpen, hiOpen: interval.loOpen };
  const hi = Math.max(-interval.lo, interval.hi);
  const hiOpen = -interval.lo > interval.hi ? interval.loOpen : interval.hi > -interval.lo ? interval.hiOpen : interval.loOpen && interval.hiOpen;
  return { lo: 0, hi, loOpen: false, hiOpen };
}

export function compareNumber(number: ProseNumber, figure: Stated, signedField: boolean): Verdict {
  const prose = proseInterval(number);
  let { allows, meant } = statedInterval(figure);
  if (signedField && !number.signed) {
    allows = magnitude(allows);
    meant = magnitude(meant);
  }
  if (contains(prose, allows)) return 'implied';
  if (!overlaps(prose, allows)) return 'contradicted';
  return overlaps(prose, meant) ? 'consistent' : 'unsupported';
}

/** The place value of the last non-zero digit of a stated value: 8 → 1, 26000 → 1000, 8.5 → 0.1. */
function unitOf(value: number): number {
  const text = Math.abs(value).toString();
  if (/e/i.test(text) || value === 0) return 1;
  const [whole, fraction = ''] = text.split('.');
  if (fraction) return 10 ** -fraction.length;
  const zeros = /0*$/.exec(whole)![0].length;
  return 10 ** zeros;
}

const near = (a: number, b: number) =>
  a === b || (Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

/** `outer` contains `inner`. */
function contains(outer: Interval, inner: Interval): boolean {
  const lo = near(outer.lo, inner.lo) ? !outer.loOpen || inner.loOpen : outer.lo < inner.lo;
  const hi = near(outer.hi, inner.hi) ? !outer.hiOpen || inner.hiOpen : outer.hi > inner.hi;
  return lo && hi;
}

function overlaps(a: Interval, b: Interval): boolean {
  const [lo, loOpen] = a.lo > b.lo || (near(a.lo, b.lo) && a.loOpen) ? [a.lo, a.loOpen] : [b.lo, b.loOpen];
  const [hi, hiOpen] = a.hi < b.hi || (near(a.hi, b.hi) && a.hiOpen) ? [a.hi, a.hiOpen] : [b.hi, b.hiOpen];
  if (near(lo, hi)) return !loOpen && !hiOpen && Number.isFinite(lo);
  return lo < hi;
}
