/**
 * Draws one chart from the data baked into its figure. Only the chart.js parts the charts use are
 * registered, which keeps the download small. Colours come from the page's CSS, so a chart follows
 * the light or dark scheme and the market's rise/fall colours, and is redrawn when the scheme
 * changes; motion is off for readers who ask for less of it.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { chartConfig, type ChartTheme } from '../lib/chart-config.ts';
import type { ChartSpec } from '../lib/charts.ts';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip);

const dark = window.matchMedia('(prefers-color-scheme: dark)');
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
const drawn: { chart: Chart; figure: HTMLElement; spec: ChartSpec }[] = [];

function themeOf(element: HTMLElement): ChartTheme {
  const style = getComputedStyle(element);
  const value = (name: string) => style.getPropertyValue(name).trim();
  return {
    green: value('--green'),
    red: value('--red'),
    neutral: value('--ink-soft'),
    ink: value('--ink'),
    inkSoft: value('--ink-soft'),
    rule: value('--rule'),
    font: value('--sans'),
    reducedMotion: reducedMotion.matches,
  };
}

export function drawChart(figure: HTMLElement): void {
  const spec = JSON.parse(figure.dataset.chart ?? '') as ChartSpec;
  const box = figure.querySelector<HTMLElement>('.chart-canvas');
  const canvas = box?.querySelector('canvas');
  if (!box || !canvas) throw new Error('chart figure without a canvas');
  box.hidden = false;
  const chart = new Chart(canvas, chartConfig(spec, themeOf(figure)));
  drawn.push({ chart, figure, spec });
  figure.classList.add('is-drawn');
}

function redraw(): void {
  for (const { chart, figure, spec } of drawn) {
    const config = chartConfig(spec, themeOf(figure));
    chart.data = config.data;
    chart.options = config.options ?? {};
    chart.update('none');
  }
}

dark.addEventListener('change', redraw);
reducedMotion.addEventListener('change', redraw);
