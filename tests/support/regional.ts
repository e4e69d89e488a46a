/**
 * A Hong Kong wrap that quotes five regional indices (Shanghai, Tokyo, Seoul, Sydney, Wellington),
 * each registered to its own market, with SYNTHETIC figures, written into a copy of `content/`.
 * Index registries name real indices; every figure and the report are made up for tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const REGIONAL_INDICES = [
  { symbol: 'SSEC', name: 'Shanghai Composite Index', market: 'cn', close: 3996.94, change: 46.63 },
  { symbol: 'N225', name: 'Nikkei 225', market: 'jp', close: 50512.32, change: 1212.67 },
  { symbol: 'KS11', name: 'KOSPI Composite Index', market: 'kr', close: 4042.83, change: -101.24 },
  { symbol: 'AXJO', name: 'S&P/ASX 200', market: 'au', close: 9012.7, change: -6.1 },
  { symbol: 'NZ50', name: 'S&P/NZX 50 Index', market: 'nz', close: 13420.1, change: 15.2 },
] as const;

export const REGIONAL_REPORT = 'reports/2025-10-27-synthetic-regional-wrap.mdx';
export const REGIONAL_SNAPSHOT = 'markets/hk/2025-10-27.json';

export function writeRegionalWrap(content: string, options: { published?: string; extra?: { symbol: string; name: string; market: string; close: number; change: number }[]; stocks?: Record<string, unknown>[] } = {}): void {
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), text);
  };
  const indices = [...REGIONAL_INDICES, ...(options.extra ?? [])];
  for (const index of indices) {
    write(`indices/${index.symbol}.json`, `${JSON.stringify({ symbol: index.symbol, name: index.name, market: index.market, aliases: [] }, null, 2)}\n`);
  }
  write(
    REGIONAL_SNAPSHOT,
    `${JSON.stringify(
      {
        market: 'hk',
        date: '2025-10-27',
        source: 'Synthetic figures for a test of regional indices',
        indices: [{ symbol: 'HSI', close: 26433, change: 273 }, ...indices.map(({ symbol, close, change }) => ({ symbol, close, change }))],
        ...(options.stocks ? { stocks: options.stocks } : {}),
      },
      null,
      2,
    )}\n`,
  );
  write(
    REGIONAL_REPORT,
    `---
title: Synthetic Regional Wrap
description: A synthetic Hong Kong wrap that quotes the region's indices, for tests.
date: 2025-10-27
market: hk
published: ${options.published ?? '2025-10-27T18:30:00+08:00'}
authors:
  - Test Desk
indices:
  - HSI
${indices.map((i) => `  - ${i.symbol}`).join('\n')}
---

Markets across the region moved in both directions.

<IndexTable />
`,
  );
}

export const HISTORY_TICKER = '90001.HK';

/**
 * A SYNTHETIC security quoted in two sessions (the regional wrap's and the next day's), so its page
 * has a history table and a chart of its closes. Writes the regional wrap too.
 */
export function writeTwoSessionStock(content: string): void {
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), text);
  };
  write(`securities/${HISTORY_TICKER}.json`, `${JSON.stringify({ ticker: HISTORY_TICKER, name: 'Synthetic Holdings', fullName: 'Synthetic Holdings Limited (a test fixture)', exchange: 'HKEX', market: 'hk', currency: 'HKD', sector: 'Synthetic', aliases: [] }, null, 2)}\n`);
  writeRegionalWrap(content, { stocks: [{ ticker: HISTORY_TICKER, close: 41.2, change: 1.6 }] });
  write(
    'markets/hk/2025-10-28.json',
    `${JSON.stringify({ market: 'hk', date: '2025-10-28', source: 'Synthetic figures for a test of ticker history', indices: [{ symbol: 'HSI', close: 26346, change: -87 }], stocks: [{ ticker: HISTORY_TICKER, close: 39.85, change: -1.35 }] }, null, 2)}\n`,
  );
  write(
    'reports/2025-10-28-synthetic-holdings-slips.mdx',
    `---
title: Synthetic Holdings Slips
description: A synthetic report on the second session of a synthetic stock, for tests.
date: 2025-10-28
market: hk
published: 2025-10-28T18:30:00+08:00
authors:
  - Test Desk
tickers:
  - ${HISTORY_TICKER}
indices:
  - HSI
---

A synthetic paragraph about a synthetic stock.

## Synthetic Holdings

<StockCard ticker="${HISTORY_TICKER}" />
`,
  );
}
