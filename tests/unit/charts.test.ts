import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flowChart, indexMovesChart, priceChart, rangeChart, sparkline, type BarChartSpec, type LineChartSpec } from '../../src/lib/charts.ts';
import { chartConfig, formatTick, type ChartTheme } from '../../src/lib/chart-config.ts';
import { parsePriceCsv } from '../../src/lib/prices.ts';
import { MARKETS } from '../../src/lib/market.ts';
import { buildSession } from '../../src/lib/session.ts';
import { snapshotSchema } from '../../src/schemas/index.ts';
import { registriesFrom, seedSession, seedSnapshotJson } from '../support/seed.ts';

const hk = MARKETS.hk;
const session = seedSession();
const theme: ChartTheme = { green: '#0d6b36', red: '#b3261e', neutral: '#4a4a4a', ink: '#1a1a1a', inkSoft: '#4a4a4a', rule: '#d9d5cc', font: 'system-ui', reducedMotion: false };
const sessionFrom = (edit: (json: any) => void) => {
  const json = seedSnapshotJson();
  edit(json);
  return buildSession(snapshotSchema.parse(json), registriesFrom());
};
const NBSP = '\u00a0';
const plain = (text: string) => text.replaceAll(NBSP, ' ').replaceAll('\u2212', '-');
const bars = parsePriceCsv(readFileSync('tests/fixtures/prices/SYN01.HK.csv', 'utf8')).bars;
const synthetic = { id: 'SYN01.HK', name: 'Synthetic Holdings 01', currency: 'HKD' };

describe('indexMovesChart', () => {
  it('draws each index’s percent change as the source states it, in the rise colour', () => {
    const spec = indexMovesChart(session)!;
    expect(spec.labels).toEqual(['HSI', 'HSTECH', 'HSCEI']);
    expect(spec.values).toEqual([0.7, 1.8, 0.7]);
    expect(spec.tones).toEqual(['green', 'green', 'green']);
    expect(spec.texts.map(plain)).toEqual(['+0.7 %', '+1.8 %', '+0.7 %']);
    expect(spec.table.rows.map(([a, b]) => [a, plain(b)])).toEqual([
      ['Hang Seng Index (HSI)', '+0.7 %'],
      ['Hang Seng TECH Index (HSTECH)', '+1.8 %'],
      ['Hang Seng China Enterprises Index (HSCEI)', '+0.7 %'],
    ]);
    expect(spec.title).toBe('Index moves, Friday, 24 October 2025');
    expect(spec.valueTitle).toBe('Change (%)');
  });

  it('gives a fall the fall colour, and leaves a bound out of the bars with a note saying so', () => {
    const spec = indexMovesChart(sessionFrom((json) => {
      json.indices = [{ symbol: 'HSI', close: 25968, change: -192 }, { symbol: 'HSTECH', changePercent: { moreThan: 2 } }];
    }))!;
    expect(spec.labels).toEqual(['HSI']);
    expect(spec.tones).toEqual(['red']);
    // Computed from points and close: the house precision, two decimals.
    expect(spec.values[0]).toBeCloseTo((-192 / 26160) * 100, 6);
    expect(plain(spec.texts[0])).toBe('-0.73 %');
    expect(spec.notes.map(plain)).toEqual(['Hang Seng TECH Index is not drawn: its change is stated as more than 2 %.']);
  });

  it('is not drawn when no index has an exact percent', () => {
    expect(indexMovesChart(sessionFrom((json) => (json.indices = [{ symbol: 'HSI', close: 26160 }])))).toBeUndefined();
  });
});

describe('flowChart', () => {
  it('draws net inflows largest first, in HKD million', () => {
    const spec = flowChart(session)!;
    expect(spec.horizontal).toBe(true);
    expect(spec.labels).toEqual(['Meituan-W', 'SMIC']);
    expect(spec.values).toEqual([654.8, 570.7]);
    expect(spec.valueTitle).toBe('Net inflow (HKD million)');
    expect(spec.texts.map(plain)).toEqual(['HKD 654.8 million', 'HKD 570.7 million']);
    expect(spec.names[0]).toBe('Meituan-W (03690.HK), Shenzhen link');
  });

  it('shows an outflow in the fall colour and switches to billions for large flows', () => {
    const spec = flowChart(sessionFrom((json) => {
      json.flows = [{ ticker: '03690.HK', direction: 'southbound', netInflow: 1.5e9 }, { ticker: '00981.HK', direction: 'southbound', netInflow: -2e8 }];
    }))!;
    expect(spec.values).toEqual([1.5, -0.2]);
    expect(spec.tones).toEqual(['green', 'red']);
    expect(spec.valueTitle).toBe('Net inflow (HKD billion)');
  });

  it('is not drawn for a direction without flows', () => {
    expect(flowChart(session, 'northbound')).toBeUndefined();
  });
});

describe('rangeChart', () => {
  it('is not drawn for the seed, whose source gives the 52-week high but no low', () => {
    expect(rangeChart(session.stocks.find((s) => s.id === '00981.HK')!, hk)).toBeUndefined();
  });

  it('places the close between an exact low and high', () => {
    const withLow = sessionFrom((json) => (json.stocks[0] = { ticker: '00981.HK', close: 80, high52w: 100, low52w: 60 }));
    const spec = rangeChart(withLow.stocks[0], hk)!;
    expect([spec.low, spec.close, spec.high]).toEqual([60, 80, 100]);
    expect(spec.table.rows.map(([a, b]) => [a, plain(b)])).toEqual([
      ['52-week low', 'HKD 60'],
      ['Close', 'HKD 80'],
      ['52-week high', 'HKD 100'],
    ]);
  });

  it('is not drawn when the low is only a bound', () => {
    const bound = sessionFrom((json) => (json.stocks[0] = { ticker: '00981.HK', close: 80, high52w: 100, low52w: { around: 60 } }));
    expect(rangeChart(bound.stocks[0], hk)).toBeUndefined();
  });
});

describe('priceChart and sparkline', () => {
  it('draws the closes of the chosen range, both days included, and breaks the line on a suspension', () => {
    const spec = priceChart(bars, synthetic, hk, { from: '2025-08-28', to: '2025-09-03' })!;
    expect(spec.names).toEqual(['28 Aug 2025', '29 Aug 2025', '1 Sep 2025', '2 Sep 2025', '3 Sep 2025']);
    expect(spec.labels).toEqual(['28 Aug', '29 Aug', '1 Sep', '2 Sep', '3 Sep']);
    expect(spec.values[2]).toBeNull();
    expect(spec.texts[2]).toBe('no close: Synthetic suspension: no trading');
    expect(spec.values.filter((v) => v !== null)).toHaveLength(4);
    expect(spec.valueTitle).toBe('Close (HKD)');
  });

  it('takes its tone from the first close to the last', () => {
    const rising = priceChart(bars, synthetic, hk)!;
    const closes = rising.values.filter((v): v is number => v !== null);
    expect(rising.tone).toBe(closes[closes.length - 1] > closes[0] ? 'green' : 'red');
    const falling = priceChart([{ date: '2025-10-23', close: 10 }, { date: '2025-10-24', close: 9 }], synthetic, hk)!;
    expect(falling.tone).toBe('red');
  });

  it('ends a sparkline at the session, never after it', () => {
    const spec = sparkline(bars, synthetic, hk, '2025-10-24')!;
    expect(spec.compact).toBe(true);
    expect(spec.table.rows).toHaveLength(22);
    expect(spec.table.rows[21][0]).toBe('24 Oct 2025');
    expect(spec.title).toBe('Synthetic Holdings 01, daily close over the last 22 sessions to 24 Oct 2025');
  });

  it('draws nothing from fewer than two closes', () => {
    expect(sparkline(bars, synthetic, hk, '2025-07-21')).toBeUndefined();
  });
});

describe('chartConfig', () => {
  it('colours each bar by its tone from the page’s colours, and tooltips say what the table says', () => {
    const spec = flowChart(sessionFrom((json) => {
      json.flows = [{ ticker: '03690.HK', direction: 'southbound', netInflow: 6e8 }, { ticker: '00981.HK', direction: 'southbound', netInflow: -2e8 }];
    }))!;
    const config = chartConfig(spec, theme) as any;
    expect(config.type).toBe('bar');
    expect(config.options.indexAxis).toBe('y');
    expect(config.data.datasets[0].backgroundColor).toEqual([theme.green, theme.red]);
    expect(config.options.scales.x.title.text).toBe('Net inflow (HKD million)');
    expect(config.options.scales.y.title.text).toBe('Stock');
    const tooltip = config.options.plugins.tooltip.callbacks;
    expect(plain(tooltip.label({ dataIndex: 1 }))).toBe('HKD -200 million');
    expect(tooltip.title([{ dataIndex: 0 }])).toBe('Meituan-W (03690.HK)');
  });

  it('follows the scheme: the same spec in dark colours gives dark bars', () => {
    const spec = indexMovesChart(session)! as BarChartSpec;
    const dark = chartConfig(spec, { ...theme, green: '#5fd38d' }) as any;
    expect(dark.data.datasets[0].backgroundColor).toEqual(['#5fd38d', '#5fd38d', '#5fd38d']);
  });

  it('turns animation off for reduced motion', () => {
    const spec = indexMovesChart(session)!;
    expect((chartConfig(spec, { ...theme, reducedMotion: true }) as any).options.animation).toBe(false);
    expect((chartConfig(spec, theme) as any).options.animation).not.toBe(false);
  });

  it('hides the axes of a sparkline and shows them on a price chart', () => {
    const spark = chartConfig(sparkline(bars, synthetic, hk, '2025-10-24') as LineChartSpec, theme) as any;
    expect(spark.options.scales.x.display).toBe(false);
    const full = chartConfig(priceChart(bars, synthetic, hk)!, theme) as any;
    expect(full.options.scales.y.title.text).toBe('Close (HKD)');
    expect(full.options.scales.x.title.text).toBe('Trading day');
  });

  it('draws the range from low to high with the close marked over it', () => {
    const withLow = sessionFrom((json) => (json.stocks[0] = { ticker: '00981.HK', close: 80, high52w: 100, low52w: 60 }));
    const config = chartConfig(rangeChart(withLow.stocks[0], hk)!, theme) as any;
    expect(config.data.datasets.map((d: any) => d.data[0])).toEqual([[60, 80], [60, 100]]);
    expect(config.options.scales.x).toMatchObject({ min: 60, max: 100 });
  });
});

describe('formatTick', () => {
  it.each([
    [0.30000000000000004, { suffix: `${NBSP}%` }, '0.3 %'],
    [-0.5, { suffix: `${NBSP}%` }, '-0.5 %'],
    [1200, {}, '1,200'],
    [0, {}, '0'],
  ])('%s → %s', (value, format, expected) => {
    expect(plain(formatTick(value, format))).toBe(expected);
  });
});
