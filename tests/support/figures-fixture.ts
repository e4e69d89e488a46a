/**
 * SYNTHETIC sessions for the figures tests, written into a content copy: a stock written with
 * trailing zeros (80.00, −0.27 %, 93.50), and a session stated in percent changes only. Every
 * figure here is made up; the registry entries are synthetic securities and a synthetic index.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PRECISION_REPORT = '2025-10-27-synthetic-precision';
export const PERCENT_ONLY_REPORT = '2025-10-28-synthetic-percent-only';

/** The precision snapshot as written: its text is what the open-data JSON must be. */
export const PRECISION_SNAPSHOT = `{
  "market": "hk",
  "date": "2025-10-27",
  "source": "Synthetic test data",
  "indices": [
    { "symbol": "SYNIDX", "close": 3120.50, "change": -8.40, "changePercent": -0.27 }
  ],
  "stocks": [
    { "ticker": "SYN01.HK", "close": 80.00, "change": -0.22, "changePercent": -0.27, "high52w": 93.50 }
  ]
}
`;

const PERCENT_ONLY_SNAPSHOT = `{
  "market": "hk",
  "date": "2025-10-28",
  "source": "Synthetic test data",
  "indices": [
    { "symbol": "SYNIDX", "changePercent": 1.25 },
    { "symbol": "SYNIDY", "changePercent": -0.4, "note": "Synthetic note: the source gives this fall in percent only." }
  ],
  "stocks": [
    { "ticker": "SYN01.HK", "changePercent": 3.1 },
    { "ticker": "SYN02.HK", "changePercent": { "moreThan": 2 }, "direction": "down" }
  ]
}
`;

const report = (date: string, title: string, tickers: string[], indices: string[], body: string) => `---
title: ${title}
description: Synthetic test report, made up to test how figures are shown.
date: ${date}
market: hk
published: ${date}T18:30:00+08:00
authors:
  - Synthetic Desk
tickers:
${tickers.map((t) => `  - ${t}`).join('\n')}
indices:
${indices.map((i) => `  - ${i}`).join('\n')}
---

${body}
`;

/** Writes the synthetic registry entries, snapshots and reports into `content`. */
export function writeFiguresFixture(content: string): void {
  const write = (path: string, text: string) => {
    mkdirSync(join(content, path, '..'), { recursive: true });
    writeFileSync(join(content, path), text);
  };
  for (const [ticker, name] of [['SYN01.HK', 'Synthetic One'], ['SYN02.HK', 'Synthetic Two']]) {
    write(`securities/${ticker}.json`, `${JSON.stringify({ ticker, name, exchange: 'HKEX', market: 'hk', currency: 'HKD', sector: 'Synthetic' }, null, 2)}\n`);
  }
  for (const [symbol, name] of [['SYNIDX', 'Synthetic Index'], ['SYNIDY', 'Synthetic Index Y']]) {
    write(`indices/${symbol}.json`, `${JSON.stringify({ symbol, name, market: 'hk' }, null, 2)}\n`);
  }
  write('markets/hk/2025-10-27.json', PRECISION_SNAPSHOT);
  write('markets/hk/2025-10-28.json', PERCENT_ONLY_SNAPSHOT);
  write(
    `reports/${PRECISION_REPORT}.mdx`,
    report('2025-10-27', 'Synthetic Precision Check', ['SYN01.HK'], ['SYNIDX'], 'Synthetic One closed at <Fig of="SYN01.HK.close" />, a move of <Fig of="SYN01.HK.changePercent" signed />.\n\n<IndexTable />\n\n<StockCard ticker="SYN01.HK" />\n'),
  );
  write(
    `reports/${PERCENT_ONLY_REPORT}.mdx`,
    report('2025-10-28', 'Synthetic Session in Percent Changes Only', ['SYN01.HK', 'SYN02.HK'], ['SYNIDX', 'SYNIDY'], '## Market Context\n\n<IndexTable />\n\n<MarketStats />\n\n<StockCard ticker="SYN01.HK" />\n\n<StockCard ticker="SYN02.HK" />\n\n<MoversTable />\n'),
  );
}
