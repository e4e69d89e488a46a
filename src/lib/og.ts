/**
 * The share image of a report (Open Graph, 1200×630): title, session date and up to three headline
 * figures. This module only lays it out, as boxes and lines of text in pixels (`ogImageLayout`), and
 * writes that layout as SVG (`layoutSvg`); `og-render.ts` draws it into a PNG.
 */
import { escapeXml } from './feed.ts';
import { formatNumber, formatPrice, formatStated } from './format.ts';
import { quoteMoves } from './moves.ts';
import type { QuoteView, SessionView } from './session.ts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export interface HeadlineFigure {
  /** "HSI", "SMIC". */
  label: string;
  /** "26,160". */
  value: string;
  /** "+0.7 %", "more than 8 %". */
  move?: string;
  tone: 'green' | 'red' | 'neutral';
}

export interface OgImageInput {
  title: string;
  /** "Hong Kong · Friday, 24 October 2025". */
  kicker: string;
  figures: readonly HeadlineFigure[];
}

const TONES = { green: '#1a7f37', red: '#c62828', neutral: '#57606a' } as const;

/**
 * Breaks text into at most `maxLines` lines of about `width` characters, on spaces; a title that
 * does not fit ends with an ellipsis.
 */
export function wrapText(text: string, width: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= width || !line) {
      line = candidate;
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1];
  while (last.length > width - 1 && last.includes(' ')) last = last.slice(0, last.lastIndexOf(' '));
  kept[maxLines - 1] = `${last.replace(/[\s,.;:–—-]+$/, '')}…`;
  return kept;
}

/** One line of text: `x`, `y` are the baseline's start, or its end when `anchor` is "end". */
export interface OgText {
  text: string;
  x: number;
  y: number;
  size: number;
  weight: 400 | 600 | 700;
  /** "#rrggbb". */
  fill: string;
  anchor: 'start' | 'end';
}

/** A filled rectangle on whole pixels. */
export interface OgBox {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
}

/** What the image shows, in pixels: a background, boxes, then text on top. */
export interface OgLayout {
  width: number;
  height: number;
  background: string;
  boxes: OgBox[];
  texts: OgText[];
}

/**
 * Text as SVG shows it by default (`xml:space="default"`): line breaks and tabs become spaces, runs
 * of spaces one, none at either end. The layout holds it this way so every renderer draws the same.
 */
export function svgWhitespace(text: string): string {
  return text.replace(/[\t\n\r]/g, ' ').replace(/ {2,}/g, ' ').trim();
}

export function ogImageLayout(input: OgImageInput): OgLayout {
  const texts: OgText[] = [];
  const text = (value: string, x: number, y: number, size: number, weight: OgText['weight'], fill: string, anchor: OgText['anchor'] = 'start') => {
    const shown = svgWhitespace(value);
    if (shown) texts.push({ text: shown, x, y, size, weight, fill, anchor });
  };
  const boxes: OgBox[] = [{ x: 0, y: 0, width: OG_WIDTH, height: 12, fill: '#0d1117' }];
  text('Closing Bell', 72, 92, 28, 700, '#0d1117');
  text(input.kicker, OG_WIDTH - 72, 92, 26, 400, '#57606a', 'end');
  const titleSize = 62;
  const titleTop = 190;
  // Baselines on whole pixels (190, 263, 336), so every line's glyphs sit alike on the pixel grid.
  wrapText(input.title, 30, 3).forEach((line, i) => text(line, 72, Math.round(titleTop + i * titleSize * 1.18), titleSize, 700, '#0d1117'));
  const figures = input.figures.slice(0, 3);
  // A 2 px rule between the title and the figures.
  if (figures.length) boxes.push({ x: 72, y: 429, width: OG_WIDTH - 144, height: 2, fill: '#d0d7de' });
  const columnWidth = (OG_WIDTH - 144) / Math.max(figures.length, 1);
  figures.forEach((figure, i) => {
    const x = 72 + i * columnWidth;
    text(figure.label, x, 482, 26, 600, '#57606a');
    // A move shown as the value (no close stated) keeps its colour; a long value ("▼ more than 2 %")
    // is set smaller so it stays inside its column (Inter Bold is about 0.6 em a character).
    const size = Math.max(28, Math.min(42, Math.floor((columnWidth - 24) / (0.62 * figure.value.length))));
    text(figure.value, x, 530, size, 700, figure.move || figure.tone === 'neutral' ? '#0d1117' : TONES[figure.tone]);
    if (figure.move) text(figure.move, x, 572, 30, 600, TONES[figure.tone]);
  });
  return { width: OG_WIDTH, height: OG_HEIGHT, background: '#fbfaf7', boxes, texts };
}

/** The layout as SVG: what resvg (or a browser) draws the same image from. */
export function layoutSvg(layout: OgLayout): string {
  const { width, height } = layout;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Inter">`,
    `<rect width="${width}" height="${height}" fill="${layout.background}"/>`,
    ...layout.boxes.map((b) => `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="${b.fill}"/>`),
    ...layout.texts.map(
      (t) =>
        `<text x="${t.x}" y="${t.y}" font-size="${t.size}" font-weight="${t.weight}" fill="${t.fill}"${t.anchor === 'end' ? ' text-anchor="end"' : ''}>${escapeXml(t.text)}</text>`,
    ),
    '</svg>',
  ].join('');
}

export function ogImageSvg(input: OgImageInput): string {
  return layoutSvg(ogImageLayout(input));
}

/**
 * Up to three figures for the image: the report's securities first (its subject), then its indices,
 * each with a close or a move the session states (a percent-only session still fills the image).
 * The value is the close, with the digits written; the move is the percent change when known, else
 * points. Without a close, the move is the value.
 */
export function headlineFigures(session: SessionView, tickers: readonly string[], indices: readonly string[], limit = 3): HeadlineFigure[] {
  const shown = (quote: QuoteView | undefined): quote is QuoteView =>
    quote !== undefined && (quote.close !== undefined || quote.changePercent !== undefined || quote.change !== undefined);
  const subjects = [
    ...tickers.map((id) => session.stocks.find((q) => q.id === id)),
    ...indices.map((id) => session.indices.find((q) => q.id === id)),
  ].filter(shown);
  // A report that names no subject with a figure still shows the session's indices.
  const quotes = subjects.length ? subjects : session.indices.filter(shown);
  return quotes.slice(0, limit).map((quote) => {
    const { points, percent } = quoteMoves(quote);
    const move = percent ?? points;
    const currency = quote.kind === 'stock' ? (quote.currency ?? session.market.currency) : undefined;
    const label = quote.kind === 'stock' ? `${quote.name} · ${quote.id}` : quote.id;
    const tone = move?.tone ?? 'neutral';
    if (!quote.close) return { label, value: `${move!.arrow} ${move!.text}`.trim(), tone };
    return {
      label,
      value: formatStated(quote.close, (v, d) => (currency ? formatPrice(v, currency, d) : formatNumber(v, d))),
      move: move && `${move.arrow} ${move.text}`.trim(),
      tone,
    };
  });
}
