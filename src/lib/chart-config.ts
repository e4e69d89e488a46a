/**
 * The chart.js configuration of a baked chart spec (see `charts.ts`), in the page's colours. It runs
 * in the browser, so it imports nothing but the number formatting: the bundle stays small.
 */
import type { ChartConfiguration } from 'chart.js';
import type { ChartSpec, TickFormat } from './charts.ts';
import { formatNumber } from './format.ts';
import type { Tone } from './market.ts';

/** The page's colours and preferences, read from its CSS by the browser. */
export interface ChartTheme {
  green: string;
  red: string;
  neutral: string;
  ink: string;
  inkSoft: string;
  rule: string;
  font: string;
  reducedMotion: boolean;
}

/** A tick on the value axis in the house style: grouped digits, a true minus, the unit. */
export function formatTick(value: number, format: TickFormat): string {
  // Ticks such as 0.30000000000000004 come from floating-point steps: round them to 10 digits.
  const rounded = Number(value.toPrecision(10));
  return `${formatNumber(rounded, format.decimals)}${format.suffix ?? ''}`;
}

/** The chart.js configuration for a spec in a theme. Pure: the same spec and theme give the same chart. */
export function chartConfig(spec: ChartSpec, theme: ChartTheme): ChartConfiguration {
  const colour = (tone: Tone) => (tone === 'green' ? theme.green : tone === 'red' ? theme.red : theme.neutral);
  const font = { family: theme.font, size: 12 };
  const axisTitle = (text: string) => ({ display: true, text, color: theme.inkSoft, font: { ...font, weight: 600 as const } });
  const valueAxis = (title: string, ticks: TickFormat) => ({
    title: axisTitle(title),
    ticks: { color: theme.inkSoft, font, maxTicksLimit: 6, callback: (value: number | string) => formatTick(Number(value), ticks) },
    grid: { color: theme.rule },
    border: { color: theme.rule },
  });
  const categoryAxis = (title: string) => ({
    title: axisTitle(title),
    ticks: { color: theme.ink, font },
    grid: { display: false },
    border: { color: theme.inkSoft },
  });
  const tooltip = (titles: string[], texts: string[]) => ({
    titleFont: { ...font, weight: 600 as const },
    bodyFont: font,
    displayColors: false,
    callbacks: {
      title: (items: { dataIndex: number }[]) => titles[items[0]?.dataIndex ?? 0] ?? '',
      label: (item: { dataIndex: number }) => texts[item.dataIndex] ?? '',
    },
  });
  const base = {
    responsive: true,
    maintainAspectRatio: false,
    animation: theme.reducedMotion ? (false as const) : { duration: 400 },
    font,
  };

  if (spec.kind === 'bar') {
    const [category, value] = spec.horizontal ? (['y', 'x'] as const) : (['x', 'y'] as const);
    return {
      type: 'bar',
      data: {
        labels: spec.labels,
        datasets: [
          {
            label: spec.valueTitle,
            data: spec.values,
            backgroundColor: spec.tones.map(colour),
            maxBarThickness: spec.horizontal ? 28 : 56,
            categoryPercentage: 0.7,
          },
        ],
      },
      options: {
        ...base,
        indexAxis: category,
        plugins: { tooltip: tooltip(spec.names, spec.texts) },
        scales: { [category]: categoryAxis(spec.categoryTitle), [value]: { ...valueAxis(spec.valueTitle, spec.ticks), beginAtZero: true } },
      },
    };
  }

  if (spec.kind === 'line') {
    const line = colour(spec.tone);
    return {
      type: 'line',
      data: {
        labels: spec.labels,
        datasets: [
          {
            label: spec.valueTitle,
            data: spec.values,
            borderColor: line,
            backgroundColor: line,
            borderWidth: spec.compact ? 1.5 : 2,
            pointRadius: spec.compact || spec.values.length > 40 ? 0 : 2,
            pointHoverRadius: 4,
            spanGaps: false,
          },
        ],
      },
      options: {
        ...base,
        interaction: { mode: 'index', intersect: false },
        plugins: { tooltip: tooltip(spec.names, spec.texts) },
        scales: spec.compact
          ? { x: { display: false }, y: { display: false } }
          : {
              x: { ...categoryAxis(spec.categoryTitle), ticks: { color: theme.inkSoft, font, maxRotation: 0, autoSkipPadding: 16 } },
              y: valueAxis(spec.valueTitle, spec.ticks),
            },
      },
    };
  }

  // The range: the whole 52-week span in the rule colour, and the part from the low up to the
  // close drawn over it in ink, so the end of the dark bar is where the close sits.
  return {
    type: 'bar',
    data: {
      labels: ['52-week range'],
      datasets: [
        { label: 'Close', data: [[spec.low, spec.close]], backgroundColor: theme.ink, barPercentage: 1, categoryPercentage: 0.5, grouped: false, order: 0 },
        { label: '52-week range', data: [[spec.low, spec.high]], backgroundColor: theme.rule, barPercentage: 1, categoryPercentage: 0.5, grouped: false, order: 1 },
      ],
    },
    options: {
      ...base,
      indexAxis: 'y',
      plugins: {
        tooltip: {
          ...tooltip(['52-week range'], []),
          callbacks: {
            title: () => spec.title,
            label: (item: { datasetIndex: number }) => (item.datasetIndex === 0 ? spec.texts.close : spec.texts.range),
          },
        },
      },
      scales: {
        x: { ...valueAxis(spec.valueTitle, spec.ticks), min: spec.low, max: spec.high },
        y: { display: false },
      },
    },
  };
}
