import { createRequire } from 'node:module';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { headlineFigures, layoutSvg, ogImageLayout, svgWhitespace, type OgLayout } from '../../src/lib/og.ts';
import { blend, maskSpans, PaletteCanvas, parseHexColour, TooManyColours, type GlyphMask } from '../../src/lib/og-raster.ts';
import { createOgRenderer, renderWithResvg, subpixel, type OgFonts } from '../../src/lib/og-render.ts';
import { seedSession } from '../support/seed.ts';

const decode = (png: Uint8Array) => PNG.sync.read(Buffer.from(png));
const rgbAt = (image: PNG, x: number, y: number) => {
  const i = (y * image.width + x) * 4;
  return (image.data[i] << 16) | (image.data[i + 1] << 8) | image.data[i + 2];
};

describe('share image layout', () => {
  it.each([
    ['  two  spaces ', 'two spaces'],
    ['a\tb\nc', 'a b c'],
    ['HKD\u00a080', 'HKD\u00a080'],
  ])('svgWhitespace(%j)', (text, shown) => expect(svgWhitespace(text)).toBe(shown));

  it('puts title lines on whole-pixel baselines and the kicker flush right', () => {
    const layout = ogImageLayout({ title: 'SMIC Sees Strong Surge Amid Broader Asian Tech Rally and a Third Line', kicker: 'Hong Kong', figures: [] });
    expect(layout.texts.filter((t) => t.size === 62).map((t) => t.y)).toEqual([190, 263, 336]);
    expect(layout.texts.find((t) => t.text === 'Hong Kong')).toMatchObject({ x: 1128, anchor: 'end', weight: 400 });
    // No figures, no rule above them.
    expect(layout.boxes).toHaveLength(1);
    expect(layoutSvg(layout)).toContain('text-anchor="end">Hong Kong</text>');
  });
});

describe('PaletteCanvas', () => {
  it.each([
    ['#fbfaf7', 0xfbfaf7],
    ['#0D1117', 0x0d1117],
    ['#abc', 0xaabbcc],
  ])('parseHexColour(%j)', (colour, rgb) => expect(parseHexColour(colour)).toBe(rgb));

  it('rejects a colour that is not #rrggbb', () => expect(() => parseHexColour('red')).toThrow(RangeError));

  it.each([
    [0xffffff, 0x000000, 0, 0xffffff],
    [0xffffff, 0x000000, 255, 0x000000],
    [0xffffff, 0x000000, 128, 0x7f7f7f],
    [0xfbfaf7, 0x1a7f37, 64, blend(0xfbfaf7, 0x1a7f37, 64)],
  ])('blend(%s, %s, %i)', (under, over, alpha, out) => expect(blend(under, over, alpha)).toBe(out));

  it('finds the runs of coverage in a mask', () => {
    const mask: GlyphMask = { left: 0, top: 0, width: 4, height: 2, alpha: Uint8Array.from([0, 9, 9, 0, 255, 0, 0, 7]) };
    expect([...maskSpans(mask)]).toEqual([0, 1, 3, 1, 0, 1, 1, 3, 4]);
  });

  it('draws boxes and glyph masks into an indexed PNG', () => {
    const canvas = new PaletteCanvas(8, 4, '#ffffff');
    canvas.fillRect(0, 0, 8, 1, '#0d1117');
    canvas.fillRect(6, 2, 10, 10, '#ff0000'); // clipped at the edges
    const mask: GlyphMask = { left: -1, top: -2, width: 3, height: 2, alpha: Uint8Array.from([255, 128, 0, 0, 64, 255]) };
    canvas.drawMask(mask, 3, 4, '#000000');
    const png = canvas.toPng();
    expect(png[25]).toBe(3); // IHDR colour type: indexed
    const image = decode(png);
    expect([image.width, image.height]).toEqual([8, 4]);
    expect(rgbAt(image, 0, 0)).toBe(0x0d1117);
    expect(rgbAt(image, 7, 3)).toBe(0xff0000);
    expect(rgbAt(image, 0, 3)).toBe(0xffffff);
    expect(rgbAt(image, 2, 2)).toBe(0x000000);
    expect(rgbAt(image, 3, 2)).toBe(blend(0xffffff, 0, 128));
    expect(rgbAt(image, 3, 3)).toBe(blend(0xffffff, 0, 64));
    expect(rgbAt(image, 4, 3)).toBe(0x000000);
    expect(canvas.colourAt(3, 3)).toBe(blend(0xffffff, 0, 64));
  });

  it('starts over on clear, and refuses a 257th colour', () => {
    const canvas = new PaletteCanvas(300, 1, '#000000');
    canvas.fillRect(0, 0, 1, 1, '#ffffff');
    canvas.clear('#102030');
    expect(canvas.colours).toBe(1);
    expect(canvas.colourAt(0, 0)).toBe(0x102030);
    for (let x = 0; x < 255; x++) canvas.fillRect(x, 0, 1, 1, `#${x.toString(16).padStart(6, '0')}`);
    expect(canvas.colours).toBe(256);
    expect(() => canvas.fillRect(255, 0, 1, 1, '#ffffff')).toThrow(TooManyColours);
  });
});

describe('share image renderer', () => {
  const require = createRequire(join(process.cwd(), 'package.json'));
  const font = (file: string) => require.resolve(`@expo-google-fonts/inter/${file}`);
  const fonts: OgFonts = { 400: font('400Regular/Inter_400Regular.ttf'), 600: font('600SemiBold/Inter_600SemiBold.ttf'), 700: font('700Bold/Inter_700Bold.ttf') };
  const renderer = createOgRenderer(fonts);
  const seedLayout = ogImageLayout({
    title: 'SMIC Sees Strong Surge Amid Broader Asian Tech Rally',
    kicker: 'Hong Kong · Friday, 24 October 2025',
    figures: headlineFigures(seedSession(), ['00981.HK', '09988.HK'], ['HSI', 'HSTECH']),
  });

  it.each([
    [10, [10, 0]],
    [10.3, [10, 2]],
    [10.99, [11, 0]],
    [-0.2, [-1, 6]],
  ])('subpixel(%d)', (position, expected) => expect(subpixel(position)).toEqual(expected));

  it('draws the seed report as resvg draws its SVG: same text, places, weights and colours', () => {
    const fast = decode(renderer.render(seedLayout));
    const reference = decode(renderWithResvg(seedLayout, fonts));
    expect([fast.width, fast.height]).toEqual([1200, 630]);
    // Glyphs sit within 1/16 px of resvg's places, so at most a few edge pixels differ, and only slightly.
    expect(pixelmatch(fast.data, reference.data, null, 1200, 630, { threshold: 0.1 })).toBe(0);
    let total = 0;
    for (let i = 0; i < fast.data.length; i++) total += Math.abs(fast.data[i] - reference.data[i]);
    expect(total / fast.data.length).toBeLessThan(0.2);
  });

  it('ends right-aligned text where resvg does', () => {
    const layout: OgLayout = { width: 300, height: 60, background: '#ffffff', boxes: [], texts: [{ text: 'Friday, 24 October', x: 290, y: 40, size: 26, weight: 400, fill: '#000000', anchor: 'end' }] };
    const inked = (image: PNG) => Array.from({ length: 300 }, (_, x) => x).filter((x) => Array.from({ length: 60 }, (_, y) => rgbAt(image, x, y)).some((c) => c !== 0xffffff));
    const fast = inked(decode(renderer.render(layout)));
    const reference = inked(decode(renderWithResvg(layout, fonts)));
    expect([fast[0], fast.at(-1)]).toEqual([reference[0], reference.at(-1)]);
    expect(fast.at(-1)).toBeLessThan(290);
  });

  it('gives the same bytes for the same layout, image after image', () => {
    const first = renderer.render(seedLayout);
    renderer.render({ ...seedLayout, texts: seedLayout.texts.slice(1) });
    expect(Buffer.from(renderer.render(seedLayout)).equals(Buffer.from(first))).toBe(true);
  });

  it('hands an image with more than 256 colours to resvg whole', () => {
    const boxes = Array.from({ length: 300 }, (_, i) => ({ x: i * 4, y: 0, width: 4, height: 10, fill: `#${(i * 50000).toString(16).padStart(6, '0').slice(-6)}` }));
    const layout: OgLayout = { width: 1200, height: 10, background: '#ffffff', boxes, texts: [] };
    const png = renderer.render(layout);
    expect(png[25]).toBe(6); // truecolour with alpha, as resvg writes
    expect(rgbAt(decode(png), 4 * 299 + 1, 5)).toBe(parseHexColour(boxes[299].fill));
  });
});
