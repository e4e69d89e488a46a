/**
 * What one share image costs: resvg from the SVG with the Inter files (how images were drawn
 * before), step by step, against `createOgRenderer` from a cold start, over the same made-up
 * reports (varied titles, dates and figures). resvg draws at most the first 200 (it is slow).
 *
 *     npx node bench/og.ts [images=200]
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { layoutSvg, ogImageLayout, type HeadlineFigure, type OgLayout } from '../src/lib/og.ts';
import { createOgRenderer } from '../src/lib/og-render.ts';

const count = Number(process.argv[2] ?? 200);
const require = createRequire(join(process.cwd(), 'package.json'));
const font = (file: string) => require.resolve(`@expo-google-fonts/inter/${file}`);
const fonts = { 400: font('400Regular/Inter_400Regular.ttf'), 600: font('600SemiBold/Inter_600SemiBold.ttf'), 700: font('700Bold/Inter_700Bold.ttf') } as const;

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const WORDS = ['Hang Seng', 'Slips', 'Rallies', 'as', 'Property', 'Developers', 'Drag;', 'Tech', 'Stocks', 'Lead', 'Gains', 'Meituan', 'Falls', 'on', 'Rising', 'Competition', 'Fears', 'in', 'Food', 'Delivery', 'Southbound', 'Inflows', 'Hit', 'Record', 'SMIC', 'Surges', 'After', 'Earnings', 'Beat', 'Banks', 'Steady', 'While', 'Xiaomi', 'Extends', 'Losses', 'Ahead', 'of', 'Fed', 'Decision', '(Q3)', '“Cautious”', 'Turnover'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const number = (max: number) => Math.round(random() * max).toLocaleString('en-GB');
const move = (): Pick<HeadlineFigure, 'move' | 'tone'> => {
  const up = random() < 0.5;
  return { move: `${up ? '▲' : '▼'} ${up ? '+' : '−'}${(random() * 9).toFixed(1)}\u00a0%`, tone: up ? 'green' : 'red' };
};
const layouts: OgLayout[] = Array.from({ length: count }, () =>
  ogImageLayout({
    title: Array.from({ length: 5 + Math.floor(random() * 9) }, () => pick(WORDS)).join(' '),
    kicker: `Hong Kong · ${pick(DAYS)}, ${1 + Math.floor(random() * 28)} ${pick(MONTHS)} 20${24 + Math.floor(random() * 3)}`,
    figures: [
      { label: `${pick(['SMIC', 'Xiaomi', 'Meituan-W', 'Alibaba'])} · 0${number(9999).replace(',', '')}.HK`, value: `HKD\u00a0${(random() * 400).toFixed(2)}`, ...move() },
      { label: 'HSI', value: number(30000), ...move() },
      { label: 'HSTECH', value: number(8000), ...move() },
    ],
  }),
);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(2)} ms`;

// Before: resvg from SVG, the fonts handed to every instance.
const steps = { construct: [] as number[], render: [] as number[], png: [] as number[] };
const sample = layouts.slice(0, 200);
let started = performance.now();
for (const layout of sample) {
  const svg = layoutSvg(layout);
  const t0 = performance.now();
  const resvg = new Resvg(svg, { font: { fontFiles: Object.values(fonts), loadSystemFonts: false, defaultFontFamily: 'Inter' } });
  const t1 = performance.now();
  const image = resvg.render();
  const t2 = performance.now();
  image.asPng();
  const t3 = performance.now();
  steps.construct.push(t1 - t0);
  steps.render.push(t2 - t1);
  steps.png.push(t3 - t2);
}
const before = (performance.now() - started) / sample.length;
console.log(`resvg from SVG:  ${ms(before)} an image on average; medians: new Resvg (fonts, parse) ${ms(median(steps.construct))}, render ${ms(median(steps.render))}, asPng ${ms(median(steps.png))}`);

// After: one renderer for the whole run, as in a build, from cold (fonts loaded, no glyph masks yet).
started = performance.now();
const renderer = createOgRenderer(fonts);
const each: number[] = [];
for (const layout of layouts) {
  const t0 = performance.now();
  renderer.render(layout);
  each.push(performance.now() - t0);
}
const after = (performance.now() - started) / count;
console.log(`createOgRenderer: ${ms(after)} an image on average from cold (median ${ms(median(each))}, first ${ms(each[0])}); ${(before / after).toFixed(1)}× faster`);
