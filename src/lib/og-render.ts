/**
 * Draws a share image's layout (`og.ts`) into a PNG, without handing resvg fonts or the whole image.
 *
 * Measured per image (1200×630, seed report): resvg from SVG with the three Inter files took about
 * 22 ms — 5 ms parsing the fonts again for every image, 6 ms rasterising 756,000 pixels that are
 * mostly flat background, 11 ms encoding the PNG. Here instead:
 *
 * - HarfBuzz shapes each line with the same Inter files, loaded once (kerning and contextual
 *   alternates as resvg's own shaper applies them);
 * - each glyph is rasterised once by resvg from its outline (so with resvg's anti-aliasing) at a
 *   size, weight and eighth-of-a-pixel offset, then kept as a coverage mask for every later image;
 * - the image is composed from those masks on a paletted canvas (`og-raster.ts`) and written as an
 *   indexed PNG.
 *
 * Glyphs are placed within 1/16 px of where resvg would put them, so the image looks the same as
 * resvg's rendering of `layoutSvg(layout)`; `tests/unit/og.test.ts` compares the two.
 */
import * as hb from 'harfbuzzjs';
import { Resvg } from '@resvg/resvg-js';
import { readFileSync } from 'node:fs';
import { layoutSvg, type OgLayout, type OgText } from './og.ts';
import { PaletteCanvas, TooManyColours, type GlyphMask } from './og-raster.ts';

/** The font file of each weight the layout uses. */
export type OgFonts = Record<OgText['weight'], string>;

/** Glyph positions are rounded to 1/SUBPIXEL of a pixel, each rounding with a mask of its own. */
const SUBPIXEL = 8;

/** A glyph placed on the canvas: its mask's pen position in whole pixels. */
export interface PlacedGlyph {
  mask: GlyphMask;
  x: number;
  y: number;
}

export interface OgRenderer {
  render(layout: OgLayout): Uint8Array;
  /** The glyphs of one line of text, placed as `render` draws them (no mask for blank glyphs). */
  placeText(text: OgText): PlacedGlyph[];
}

interface LoadedFont {
  font: hb.Font;
  upem: number;
}

/** The HarfBuzz build that shapes the text, "harfbuzz 15.0.0". */
export function shaperVersion(): string {
  return `harfbuzz ${hb.versionString()}`;
}

/** Splits a position into whole pixels and a rounded fraction: 10.3 → [10, 2] (2/8 of a pixel). */
export function subpixel(position: number, steps = SUBPIXEL): [whole: number, step: number] {
  const rounded = Math.round(position * steps);
  const whole = Math.floor(rounded / steps);
  return [whole, rounded - whole * steps];
}

export function createOgRenderer(fonts: OgFonts): OgRenderer {
  const loaded = new Map<number, LoadedFont>();
  const fontFor = (weight: number): LoadedFont => {
    let entry = loaded.get(weight);
    if (!entry) {
      const file = fonts[weight as OgText['weight']];
      if (!file) throw new RangeError(`no font for weight ${weight}`);
      const face = new hb.Face(new hb.Blob(readFileSync(file)));
      loaded.set(weight, (entry = { font: new hb.Font(face), upem: face.upem }));
    }
    return entry;
  };
  const masks = new Map<string, GlyphMask | null>();

  const maskFor = (font: LoadedFont, weight: number, size: number, glyph: number, stepX: number, stepY: number): GlyphMask | null => {
    const key = `${weight} ${size} ${glyph} ${stepX} ${stepY}`;
    let mask = masks.get(key);
    if (mask === undefined) masks.set(key, (mask = rasteriseGlyph(font, size, glyph, stepX / SUBPIXEL, stepY / SUBPIXEL)));
    return mask;
  };

  const buffer = new hb.Buffer();
  const placeText = (text: OgText): PlacedGlyph[] => {
    const font = fontFor(text.weight);
    // One buffer for every line: a buffer per line is garbage the collector must finalise.
    buffer.reset();
    buffer.addText(text.text);
    buffer.guessSegmentProperties();
    hb.shape(font.font, buffer);
    const infos = buffer.getGlyphInfos();
    const positions = buffer.getGlyphPositions();
    const scale = text.size / font.upem;
    const advance = positions.reduce((sum, p) => sum + p.xAdvance, 0) * scale;
    let pen = text.anchor === 'end' ? text.x - advance : text.x;
    const placed: PlacedGlyph[] = [];
    infos.forEach((info, i) => {
      const [x, stepX] = subpixel(pen + positions[i].xOffset * scale);
      const [y, stepY] = subpixel(text.y - positions[i].yOffset * scale);
      const mask = maskFor(font, text.weight, text.size, info.codepoint, stepX, stepY);
      if (mask) placed.push({ mask, x, y });
      pen += positions[i].xAdvance * scale;
    });
    return placed;
  };

  let canvas: PaletteCanvas | undefined;
  return {
    placeText,
    render(layout) {
      if (canvas?.width !== layout.width || canvas.height !== layout.height) canvas = new PaletteCanvas(layout.width, layout.height, layout.background);
      else canvas.clear(layout.background);
      try {
        for (const box of layout.boxes) canvas.fillRect(box.x, box.y, box.width, box.height, box.fill);
        for (const text of layout.texts) for (const glyph of placeText(text)) canvas.drawMask(glyph.mask, glyph.x, glyph.y, text.fill);
      } catch (error) {
        if (!(error instanceof TooManyColours)) throw error;
        // Not a share image as laid out today (it has under a hundred colours): resvg draws it whole.
        return renderWithResvg(layout, fonts);
      }
      return canvas.toPng();
    },
  };
}

/**
 * One glyph's coverage, drawn by resvg from its outline with the pen at (dx, dy) within a pixel;
 * null for a glyph with no outline (a space).
 */
function rasteriseGlyph({ font, upem }: LoadedFont, size: number, glyph: number, dx: number, dy: number): GlyphMask | null {
  const extents = font.glyphExtents(glyph);
  if (!extents || extents.width === 0 || extents.height === 0) return null;
  const scale = size / upem;
  // Font units are y-up from the baseline; the mask is y-down. One spare pixel on every side.
  const left = Math.floor(dx + extents.xBearing * scale) - 1;
  const top = Math.floor(dy - extents.yBearing * scale) - 1;
  const width = Math.ceil(dx + (extents.xBearing + extents.width) * scale) + 1 - left;
  const height = Math.ceil(dy - (extents.yBearing + extents.height) * scale) + 1 - top;
  const x = (v: number) => +(dx + v * scale - left).toFixed(4);
  const y = (v: number) => +(dy - v * scale - top).toFixed(4);
  const d = font
    .glyphToJson(glyph)
    .map(({ type, values }) => type + values.map((v, i) => (i % 2 === 0 ? x(v) : y(v))).join(' '))
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><path d="${d}"/></svg>`;
  const pixels = new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
  const alpha = new Uint8Array(width * height);
  for (let i = 0; i < alpha.length; i++) alpha[i] = pixels[i * 4 + 3];
  return { left, top, width, height, alpha };
}

/**
 * The layout drawn by resvg from its SVG, with the font files: the reference the renderer matches,
 * and its way out for an image with more colours than an indexed PNG holds. About 20 ms an image.
 */
export function renderWithResvg(layout: OgLayout, fonts: OgFonts): Uint8Array {
  const svg = layoutSvg(layout);
  return new Resvg(svg, { font: { fontFiles: Object.values(fonts), loadSystemFonts: false, defaultFontFamily: 'Inter' } }).render().asPng();
}
