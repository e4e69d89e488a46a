/**
 * One real build of a Hong Kong wrap quoting five regional indices and of a synthetic stock in two
 * sessions: captions and groups, each index in its own market's colours (a Shanghai rise in red),
 * open data labelled with each index's market, and the stock's page with both sessions in a table
 * and a chart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyContent, runBuild, TMP } from '../support/site.ts';
import { HISTORY_TICKER, writeTwoSessionStock } from '../support/regional.ts';

let outDir = '';
let output = '';
beforeAll(async () => {
  const content = copyContent('markets-build');
  writeTwoSessionStock(content);
  outDir = join(TMP, 'markets-build-out');
  const result = await runBuild({ content, outDir });
  output = result.output;
  expect(result.code, output).toBe(0);
}, 240_000);

const page = (path: string) => readFileSync(join(outDir, path, 'index.html'), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/[\s\u00a0]+/g, ' ');
/** Each table's caption and its rows' text. */
const tables = (html: string) =>
  [...html.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)].map(([, table]) => ({
    caption: text(/<caption>([\s\S]*?)<\/caption>/.exec(table)?.[1] ?? '').trim(),
    rows: [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) => row),
  }));

describe('a wrap quoting regional indices', () => {
  it('groups the indices: Hong Kong first, then Asia-Pacific, each row labelled with its market', () => {
    const found = tables(page('reports/2025-10-27-synthetic-regional-wrap'));
    expect(found.map((t) => t.caption)).toEqual([
      'Hong Kong indices at the close, Monday, 27 October 2025',
      "Asia-Pacific indices at each market's close, Monday, 27 October 2025",
    ]);
    expect(found[1].rows.slice(1).map((row) => text(row).trim().split(' · ')[1]?.split(' ')[0])).toEqual(['Mainland', 'Japan', 'South', 'Australia', 'New']);
  });

  it('shows each move in its own market’s colours: a Shanghai or Tokyo rise in red, a Hong Kong or Wellington rise in green, a Seoul fall in green', () => {
    const [, regional] = tables(page('reports/2025-10-27-synthetic-regional-wrap'));
    const toneOf = (symbol: string) => {
      const row = regional.rows.find((r) => r.includes(`>${symbol}</abbr>`))!;
      return [...row.matchAll(/class="move tone-(\w+)"/g)].map((m) => m[1]);
    };
    expect(toneOf('SSEC')).toEqual(['red', 'red']);
    expect(toneOf('N225')).toEqual(['red', 'red']);
    expect(toneOf('KS11')).toEqual(['green', 'green']);
    expect(toneOf('AXJO')).toEqual(['red', 'red']);
    expect(toneOf('NZ50')).toEqual(['green', 'green']);
    const [home] = tables(page('reports/2025-10-27-synthetic-regional-wrap'));
    expect([...home.rows[1].matchAll(/tone-(\w+)/g)].map((m) => m[1])).toEqual(['green', 'green']);
  });

  it('labels each index in the open data with its own market', () => {
    const csv = readFileSync(join(outDir, 'data/hk/2025-10-27.csv'), 'utf8');
    const marketOf = (symbol: string) => new Set(csv.split('\n').filter((line) => line.includes(`,${symbol},`)).map((line) => line.split(',')[1]));
    expect(marketOf('HSI')).toEqual(new Set(['hk']));
    expect(marketOf('SSEC')).toEqual(new Set(['cn']));
    expect(marketOf('N225')).toEqual(new Set(['jp']));
    expect(marketOf('KS11')).toEqual(new Set(['kr']));
    expect(marketOf('AXJO')).toEqual(new Set(['au']));
    expect(marketOf('NZ50')).toEqual(new Set(['nz']));
  });
});

describe('a stock in two sessions', () => {
  it('has both sessions in a table, newest first, and a chart of its closes with the table as fallback', () => {
    const html = page(`tickers/${HISTORY_TICKER.toLowerCase().replace('.', '-')}`);
    const history = tables(html).find((t) => t.caption.startsWith('Synthetic Holdings at the close in each session snapshot'))!;
    expect(history.rows.slice(1).map((row) => text(row).trim())).toEqual([
      '28 Oct 2025 HKD 39.85 down ▼ −1.35 down ▼ −3.28 %',
      '27 Oct 2025 HKD 41.2 up ▲ +1.6 up ▲ +4.04 %',
    ]);
    const chart = /<figure[^>]*data-chart="([^"]*)"/.exec(html);
    expect(chart).not.toBeNull();
    const spec = JSON.parse(chart![1].replace(/&quot;/g, '"').replace(/&#34;/g, '"').replace(/&amp;/g, '&'));
    expect(spec).toMatchObject({ kind: 'line', values: [41.2, 39.85], valueTitle: 'Close (HKD)', tone: 'red' });
  });

  it('gives the index page a chart of its closes too', () => {
    expect(page('indices/hsi')).toMatch(/<figure[^>]*data-chart="[^"]*Hang Seng Index \(HSI\), close in each reported session/);
  });
});
