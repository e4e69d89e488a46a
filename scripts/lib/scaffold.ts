/**
 * The files `npm run new` writes: a session snapshot and a report for a market and a trading day,
 * with every field present and a TODO wherever only the author knows the answer. The content check
 * refuses a TODO, so a scaffold cannot be published by accident.
 */
import { parse } from 'csv-parse/sync';
import { slugify } from '../../src/lib/slug.ts';
import { knownIndex, marketOfTicker, MARKET_LIST, type MarketConvention } from '../../src/lib/market.ts';

export const TODO = 'TODO';

export interface ScaffoldRequest {
  market: MarketConvention;
  date: string;
  title: string;
  /** Tickers the report will name (`--tickers`); a TODO placeholder when none. */
  tickers?: string[];
  /** Index symbols the session will quote (`--indices`), its own and other markets'. */
  indices?: string[];
}

export interface ScaffoldFile {
  /** Relative to the content folder. */
  path: string;
  text: string;
}

export function scaffold({ market, date, title, tickers = [], indices = [] }: ScaffoldRequest): { snapshot: ScaffoldFile; report: ScaffoldFile } {
  const offset = offsetOf(market);
  const placeholderTicker = `${TODO}.${market.tickerSuffixes[0]}`;
  const tickerList = tickers.length > 0 ? tickers : [placeholderTicker];
  const indexList = indices.length > 0 ? indices : [TODO];
  const snapshot = {
    market: market.id,
    date,
    source: `${TODO}: where these figures come from`,
    turnover: TODO,
    indices: indexList.map((symbol) => ({ symbol, close: TODO, change: TODO })),
    stocks: tickerList.map((ticker) => ({ ticker, close: TODO, change: TODO, high52w: TODO, low52w: TODO, peRatio: TODO })),
    ...(market.id === 'hk' ? { flows: [{ ticker: tickerList[0], direction: 'southbound', netInflow: TODO }] } : {}),
  };
  const yamlList = (items: string[]) => items.map((item) => `  - ${item}`).join('\n');
  const first = indexList[0];
  const report = `---
title: ${yamlText(title)}
description: ${TODO} one or two sentences that sum up the session
date: ${date}
market: ${market.id}
published: ${date}T18:00:00${offset}
authors:
  - ${TODO} your name
tickers:
${yamlList(tickerList)}
indices:
${yamlList(indexList)}
tags:
  - ${TODO}
---

${TODO}: the opening paragraph. Pull every figure from the snapshot, e.g. the index rose <Fig of="${first}.change" /> points (<Fig of="${first}.changePercent" />) to <Fig of="${first}.close" />.

## Market Context

<IndexTable />

<MarketStats />
${market.id === 'hk' ? '\n<FlowTable />\n' : ''}
<Drivers title="Drivers Behind the Move">
  <Driver title="${TODO}: the first driver">
    ${TODO}: what moved the market, and why.
  </Driver>
</Drivers>

<Risks title="Risks and Considerations">
  ${TODO}: what could go wrong.
</Risks>

## Conclusion

${TODO}: the conclusion.
`;
  return {
    snapshot: { path: `markets/${market.id}/${date}.json`, text: `${JSON.stringify(snapshot, null, 2)}\n` },
    report: { path: `reports/${date}-${slugify(title)}.mdx`, text: report },
  };
}

/** Hong Kong keeps +08:00 all year (no daylight saving). */
function offsetOf(market: MarketConvention): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: market.zone, timeZoneName: 'longOffset' }).formatToParts(new Date());
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+00:00';
  return name === 'GMT' ? '+00:00' : name.replace('GMT', '');
}

function yamlText(text: string): string {
  return /^[\w ,.'’–-]+$/.test(text) && !/^\d/.test(text) ? text : JSON.stringify(text);
}

/**
 * A registry file for a security a report names but the registry lacks: the market, exchange and
 * currency follow from the ticker's suffix (`.HK` → Hong Kong, HKEX, HKD); the names only the author
 * knows are TODO, which the check refuses.
 */
export function securityStub(ticker: string, fallback: MarketConvention): ScaffoldFile {
  const market = marketOfTicker(ticker) ?? fallback;
  const suffix = ticker.split('.').pop() ?? '';
  const exchange = market.exchanges[Math.max(0, market.tickerSuffixes.indexOf(suffix))] ?? market.exchange;
  const stub = {
    ticker,
    name: `${TODO}: the name reports use`,
    fullName: `${TODO}: the registered name`,
    exchange,
    market: market.id,
    currency: market.currency,
    sector: TODO,
    aliases: [`${TODO}: other names prose may use, or remove`],
  };
  return { path: `securities/${ticker}.json`, text: `${JSON.stringify(stub, null, 2)}\n` };
}

/**
 * A registry file for an index. A main index of a configured market (data/markets.json: N225,
 * KS11, AXJO …) gets its own market and name, so a regional index in a Hong Kong wrap is never
 * filed under Hong Kong; for any other symbol the market is a TODO as well.
 */
export function indexStub(symbol: string): ScaffoldFile {
  const known = knownIndex(symbol);
  const stub = {
    symbol,
    name: known?.name ?? `${TODO}: the index's name`,
    market: known?.market.id ?? `${TODO}: its own market (${MARKET_LIST.map((m) => m.id).join(', ')})`,
    aliases: [`${TODO}: other names prose may use, or remove`],
  };
  return { path: `indices/${symbol}.json`, text: `${JSON.stringify(stub, null, 2)}\n` };
}

/** One security of an exchange's list, as `npm run register` writes it. */
export interface ListedSecurity {
  /** The line of the list it came from, for messages. */
  line: number;
  file: ScaffoldFile;
  ticker: string;
}

export interface SecuritiesList {
  securities: ListedSecurity[];
  /** Rows left out, with why: another category, a code that is not a number. */
  skipped: { line: number; reason: string }[];
}

/**
 * HKEX's list of securities ("ListOfSecurities", saved as CSV): a title and a date above a header
 * row with `Stock Code`, `Name of Securities`, `Category` and `Board Lot`, among others. Each row of
 * the wanted categories becomes a registry file with the name as listed; rows of other categories
 * (warrants, bonds …) are skipped. The stock code is padded to five digits: `700` → `00700.HK`.
 */
export function readHkexList(text: string, categories: readonly string[] = ['Equity']): SecuritiesList {
  const rows = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: false }) as string[][];
  const headerAt = rows.findIndex((row) => row.some((cell) => /^stock code$/i.test(cell.trim())));
  if (headerAt < 0) throw new Error('found no header row with "Stock Code", expected HKEX\'s list of securities (columns Stock Code, Name of Securities, Category, Board Lot)');
  const header = rows[headerAt].map((cell) => cell.trim().toLowerCase());
  const column = (...names: string[]) => {
    const at = header.findIndex((h) => names.includes(h));
    if (at < 0) throw new Error(`found columns ${rows[headerAt].join(', ')}, expected a column "${names[0]}"`);
    return at;
  };
  const [code, name, category, boardLot] = [column('stock code'), column('name of securities', 'name'), column('category'), column('board lot')];
  const hk = MARKET_LIST.find((m) => m.id === 'hk')!;
  const wanted = new Set(categories.map((c) => c.toLowerCase()));
  const list: SecuritiesList = { securities: [], skipped: [] };
  rows.slice(headerAt + 1).forEach((row, i) => {
    const line = headerAt + i + 2;
    if (row.every((cell) => cell.trim() === '')) return;
    const rowCategory = (row[category] ?? '').trim();
    if (!wanted.has(rowCategory.toLowerCase())) {
      list.skipped.push({ line, reason: `category "${rowCategory}"` });
      return;
    }
    const digits = (row[code] ?? '').trim();
    const lot = Number((row[boardLot] ?? '').replaceAll(',', '').trim());
    const listedName = (row[name] ?? '').trim();
    if (!/^\d{1,5}$/.test(digits)) {
      list.skipped.push({ line, reason: `stock code "${digits}" is not a number of up to five digits` });
      return;
    }
    if (!listedName) {
      list.skipped.push({ line, reason: 'no name' });
      return;
    }
    const ticker = `${digits.padStart(5, '0')}.HK`;
    const security = {
      ticker,
      name: listedName,
      exchange: hk.exchange,
      market: hk.id,
      currency: hk.currency,
      ...(Number.isInteger(lot) && lot > 0 ? { boardLot: lot } : {}),
    };
    list.securities.push({ line, ticker, file: { path: `securities/${ticker}.json`, text: `${JSON.stringify(security, null, 2)}\n` } });
  });
  return list;
}
