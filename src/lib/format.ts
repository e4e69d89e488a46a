/**
 * House style for figures. Every number a reader sees passes through here, so a change of style is
 * a change to this file only.
 *
 * - Grouped numbers with the digits the source wrote, trailing zeros kept: 26,160 · 80.00 · 93.50
 *   (a stated figure carries its written `decimals`, see `src/lib/written.ts`)
 * - Computed figures at house precision: percent changes with two decimals, as wires print them
 * - Signed changes with a true minus sign: +192 · −1.8 %
 * - A no-break space keeps a number with its unit ("0.7 %", "HKD 80") on one line.
 * - Money at the scale a reader says it: HKD 226.61 billion · HKD 654.8 million
 */
import { qualify, type Stated } from './stated.ts';

/** No-break space between a number and its unit. */
export const NBSP = '\u00a0';
/** U+2212, the typographic minus: the same width as the plus sign, and read as "minus". */
export const MINUS = '\u2212';

const LOCALE = 'en-GB';

/**
 * One formatter per set of options, made on first use: making an `Intl.NumberFormat` costs far more
 * than formatting with it, and a build formats figures for every report.
 */
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(minimumFractionDigits: number, maximumFractionDigits: number, signDisplay: 'negative' | 'auto'): Intl.NumberFormat {
  const key = `${minimumFractionDigits} ${maximumFractionDigits} ${signDisplay}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.NumberFormat(LOCALE, { minimumFractionDigits, maximumFractionDigits, signDisplay });
    formatters.set(key, made);
  }
  return made;
}

/** `decimals` fixes the fraction digits; left out, the value's own digits are shown (up to 4). */
export function formatNumber(value: number, decimals?: number): string {
  assertFinite(value);
  // Zero has no sign, also −0 or a negative that rounds to zero ("0.0 %", not "−0.0 %").
  return formatter(decimals ?? 0, decimals ?? 4, 'negative').format(value).replace('-', MINUS);
}

/** +192, −63, 0 (zero has no sign: it neither rose nor fell). */
export function formatSigned(value: number, decimals?: number): string {
  assertFinite(value);
  const text = formatNumber(Math.abs(value), decimals);
  if (text === formatNumber(0, decimals)) return text;
  return `${value > 0 ? '+' : MINUS}${text}`;
}

/** House precision of a computed percent change: two decimals, as wire services print them. */
export const PERCENT_DECIMALS = 2;

/** 0.74 % (two decimals by default: the house precision of a computed percent change). */
export function formatPercent(value: number, options: { decimals?: number; signed?: boolean } = {}): string {
  const decimals = options.decimals ?? PERCENT_DECIMALS;
  const number = options.signed ? formatSigned(value, decimals) : formatNumber(value, decimals);
  return `${number}${NBSP}%`;
}

const SCALES = [
  { factor: 1e12, word: 'trillion' },
  { factor: 1e9, word: 'billion' },
  { factor: 1e6, word: 'million' },
] as const;

/**
 * Money at the scale a reader says it, with at most two decimals and no trailing zeros:
 * 226_610_000_000 → "HKD 226.61 billion", 654_800_000 → "HKD 654.8 million", 80 → "HKD 80".
 */
export function formatMoney(value: number, currency: string, options: { signed?: boolean } = {}): string {
  assertFinite(value);
  const magnitude = Math.abs(value);
  let scale: (typeof SCALES)[number] | undefined = SCALES.find((s) => magnitude >= s.factor);
  let digits = scaledDigits(magnitude, scale);
  // Rounding can carry into the next scale: 999,996,000 is "1 billion", never "1,000 million".
  const larger = SCALES[(scale ? SCALES.indexOf(scale) : SCALES.length) - 1];
  if (larger && Number(digits.replaceAll(',', '')) * (scale?.factor ?? 1) >= larger.factor) {
    scale = larger;
    digits = scaledDigits(magnitude, scale);
  }
  const sign = !/[1-9]/.test(digits) ? '' : value < 0 ? MINUS : options.signed && value > 0 ? '+' : '';
  return `${currency}${NBSP}${sign}${digits}${scale ? `${NBSP}${scale.word}` : ''}`;
}

function scaledDigits(magnitude: number, scale: (typeof SCALES)[number] | undefined): string {
  return formatter(0, scale ? 2 : 4, 'auto').format(scale ? magnitude / scale.factor : magnitude);
}

/** A price in its currency, with the digits written: "HKD 93.50". */
export function formatPrice(value: number, currency: string, decimals?: number): string {
  return `${currency}${NBSP}${formatNumber(value, decimals)}`;
}

/**
 * Formats a stated figure and puts its qualifier in front: "more than 8 %", "around 26,000". The
 * format is handed the decimals the figure was written with, to print exactly those digits.
 */
export function formatStated(figure: Stated, format: (value: number, decimals: number | undefined) => string): string {
  return qualify(figure, format(figure.value, figure.decimals));
}

/** The decimals to print a stated figure with: as written, else the number's own digits. */
export function statedDecimals(figure: Stated): number {
  // Intl prints at most 100 fraction digits; a figure's own digits (5e-324 has 324) are capped at 20.
  return Math.min(figure.decimals ?? decimalsOf(figure.value), 20);
}

/** The decimals a stated number was written with (8 → 0, 0.75 → 2), so it is shown as given. */
export function decimalsOf(value: number): number {
  // Below 1e-6 and from 1e21 JavaScript writes an exponent: 1.5e-7 has 8 decimals, 1e21 none.
  const [mantissa, exponent = '0'] = String(value).split('e');
  const dot = mantissa.indexOf('.');
  return Math.max(0, (dot === -1 ? 0 : mantissa.length - dot - 1) - Number(exponent));
}

function assertFinite(value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`cannot format ${value}: expected a finite number`);
}

/** The longest document title: html-validate's `long-title` rule, and about what search results show. */
export const MAX_TITLE = 70;

/**
 * A page's `<title>`: its own title and the site's name, `SMIC Sees Strong Surge … · Closing Bell`,
 * at most `MAX_TITLE` characters; a longer title is cut and ends in `…`.
 */
export function documentTitle(title: string, siteName: string): string {
  if (title === siteName) return title;
  const suffix = ` · ${siteName}`;
  const room = MAX_TITLE - suffix.length;
  const chars = [...title];
  const shown = chars.length > room ? `${chars.slice(0, room - 1).join('').trimEnd()}…` : title;
  return `${shown}${suffix}`;
}
