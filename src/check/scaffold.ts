/**
 * The files `npm run new` writes: a session snapshot and a report for a market and a trading day,
 * with every field present and a TODO wherever only the author knows the answer. The content check
 * refuses a TODO, so a scaffold cannot be published by accident.
 */
import { slugify } from '../lib/slug.ts';
import type { MarketConvention } from '../lib/market.ts';

export const TODO = 'TODO';

export interface ScaffoldRequest {
  market: MarketConvention;
  date: string;
  title: string;
}

export interface ScaffoldFile {
  /** Relative to the content folder. */
  path: string;
  text: string;
}

export function scaffold({ market, date, title }: ScaffoldRequest): { snapshot: ScaffoldFile; report: ScaffoldFile } {
  const offset = offsetOf(market);
  const snapshot = {
    market: market.id,
    date,
    source: `${TODO}: where these figures come from`,
    turnover: TODO,
    indices: [{ symbol: TODO, close: TODO, change: TODO }],
    stocks: [{ ticker: `${TODO}.HK`, close: TODO, change: TODO, high52w: TODO, low52w: TODO, peRatio: TODO }],
    flows: [{ ticker: `${TODO}.HK`, direction: 'southbound', netInflow: TODO }],
  };
  const report = `---
title: ${yamlText(title)}
description: ${TODO} one or two sentences that sum up the session
date: ${date}
market: ${market.id}
published: ${date}T18:00:00${offset}
authors:
  - ${TODO} your name
tickers:
  - ${TODO}.HK
indices:
  - ${TODO}
tags:
  - ${TODO}
---

${TODO}: the opening paragraph. Pull every figure from the snapshot, e.g. the index rose <Fig of="${TODO}.change" /> points (<Fig of="${TODO}.changePercent" />) to <Fig of="${TODO}.close" />.

## Market Context

<IndexTable />

<MarketStats />

<FlowTable />

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
