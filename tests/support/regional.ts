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

export function writeRegionalWrap(content: string, options: { published?: string; extra?: { symbol: string; name: string; market: string; close: number; change: number }[] } = {}): void {
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
