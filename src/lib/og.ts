/**
 * The share image of a report (Open Graph, 1200×630), drawn as SVG at build time and rasterised by
 * resvg with a font shipped in node_modules: no network, no browser. This module only lays out the
 * SVG: title, session date and up to three headline figures.
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

export function ogImageSvg(input: OgImageInput): string {
  const titleLines = wrapText(input.title, 30, 3);
  const titleSize = 62;
  const titleTop = 190;
  const title = titleLines
    .map((line, i) => `<tspan x="72" y="${titleTop + i * (titleSize * 1.18)}">${escapeXml(line)}</tspan>`)
    .join('');
  const figures = input.figures.slice(0, 3);
  const columnWidth = (OG_WIDTH - 144) / Math.max(figures.length, 1);
  const figureBlocks = figures
    .map((figure, i) => {
      const x = 72 + i * columnWidth;
      const move = figure.move
        ? `<text x="${x}" y="572" font-size="30" font-weight="600" fill="${TONES[figure.tone]}">${escapeXml(figure.move)}</text>`
        : '';
      return [
        `<text x="${x}" y="482" font-size="26" font-weight="600" fill="#57606a">${escapeXml(figure.label)}</text>`,
        `<text x="${x}" y="530" font-size="42" font-weight="700" fill="#0d1117">${escapeXml(figure.value)}</text>`,
        move,
      ].join('');
    })
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}" font-family="Inter">`,
    `<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="#fbfaf7"/>`,
    `<rect width="${OG_WIDTH}" height="12" fill="#0d1117"/>`,
    `<text x="72" y="92" font-size="28" font-weight="700" fill="#0d1117">Closing Bell</text>`,
    `<text x="${OG_WIDTH - 72}" y="92" font-size="26" font-weight="400" fill="#57606a" text-anchor="end">${escapeXml(input.kicker)}</text>`,
    `<text font-size="${titleSize}" font-weight="700" fill="#0d1117">${title}</text>`,
    figures.length ? `<line x1="72" y1="430" x2="${OG_WIDTH - 72}" y2="430" stroke="#d0d7de" stroke-width="2"/>` : '',
    figureBlocks,
    '</svg>',
  ].join('');
}

/**
 * Up to three figures for the image: the report's securities first (its subject), then its indices,
 * each with a close the session states. The move is the percent change when known, else points.
 */
export function headlineFigures(session: SessionView, tickers: readonly string[], indices: readonly string[], limit = 3): HeadlineFigure[] {
  const quotes = [
    ...tickers.map((id) => session.stocks.find((q) => q.id === id)),
    ...indices.map((id) => session.indices.find((q) => q.id === id)),
  ].filter((quote): quote is QuoteView => quote?.close !== undefined);
  return quotes.slice(0, limit).map((quote) => {
    const { points, percent } = quoteMoves(quote, session.market);
    const move = percent ?? points;
    const currency = quote.kind === 'stock' ? (quote.currency ?? session.market.currency) : undefined;
    return {
      label: quote.kind === 'stock' ? `${quote.name} · ${quote.id}` : quote.id,
      value: formatStated(quote.close!, (v) => (currency ? formatPrice(v, currency) : formatNumber(v))),
      move: move && `${move.arrow} ${move.text}`.trim(),
      tone: move?.tone ?? 'neutral',
    };
  });
}
