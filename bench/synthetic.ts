/**
 * A synthetic archive: made-up securities ("Synthetic Holdings 01", ticker SYN01.HK), a made-up
 * index (SYNIDX) and made-up figures, written into a folder of the caller's choosing and never into
 * `content/`. Reports have the seed's shape: front matter, prose with <Fig>, every component.
 * The figures come from a seeded generator, so the same call writes the same archive.
 *
 * Used by the synthetic-archive build test and by `npm run bench`. With more reports than the
 * calendar has trading days (about 490 in 2025–2026), several reports share a session: 4000 reports
 * are 400 sessions of 10 reports each.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tradingDayVerdict, type HolidayCalendar } from '../src/lib/calendar.ts';

/** The real HKEX calendar, so synthetic sessions fall on real trading days. */
const CALENDAR = fileURLToPath(new URL('../content/calendars/hkex.json', import.meta.url));

export interface SyntheticOptions {
  reports: number;
  /** First session date to try, YYYY-MM-DD; non-trading days are skipped. */
  from?: string;
  securities?: number;
}

/** Mulberry32: a small seeded generator, so archives are reproducible. */
function generator(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

export function tickerOf(i: number): string {
  return `SYN${String(i + 1).padStart(2, '0')}.HK`;
}

/** The trading days from `from` on, as many as asked, by the HKEX calendar in content/. */
export function tradingDays(from: string, count: number, calendar: HolidayCalendar): string[] {
  const days: string[] = [];
  const date = new Date(`${from}T00:00:00Z`);
  while (days.length < count) {
    const day = date.toISOString().slice(0, 10);
    if (!calendar.years.includes(date.getUTCFullYear())) throw new RangeError(`the calendar ends before ${count} trading days from ${from}`);
    if (tradingDayVerdict(day, calendar).trading) days.push(day);
    date.setUTCDate(date.getUTCDate() + 1);
  }
  return days;
}

/** The r-th report of a day is published r minutes after 18:30 (fifty a day at 20,000 reports reach 19:19). */
function publishedAt(r: number): string {
  const minutes = 18 * 60 + 30 + r;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function writeSyntheticArchive(root: string, options: SyntheticOptions): { reports: string[]; days: string[] } {
  const random = generator(20251024);
  const securities = options.securities ?? 8;
  for (const folder of ['reports', 'markets/hk', 'securities', 'indices', 'calendars']) mkdirSync(join(root, folder), { recursive: true });
  copyFileSync(CALENDAR, join(root, 'calendars/hkex.json'));
  const calendar = JSON.parse(readFileSync(CALENDAR, 'utf8')) as HolidayCalendar;

  writeFileSync(join(root, 'indices/SYNIDX.json'), JSON.stringify({ symbol: 'SYNIDX', name: 'Synthetic Composite Index', market: 'hk', aliases: ['Synthetic Composite'] }, null, 2));
  for (let i = 0; i < securities; i++) {
    writeFileSync(
      join(root, `securities/${tickerOf(i)}.json`),
      JSON.stringify({ ticker: tickerOf(i), name: `Synthetic Holdings ${String(i + 1).padStart(2, '0')}`, exchange: 'HKEX', market: 'hk', currency: 'HKD', aliases: [] }, null, 2),
    );
  }

  // Reports per day: several a day once the archive is larger than the calendar's days.
  const perDay = Math.max(1, Math.ceil(options.reports / 400));
  const days = tradingDays(options.from ?? '2025-01-02', Math.ceil(options.reports / perDay), calendar);
  const reports: string[] = [];
  let level = 20000;
  // Each stock's close walks from session to session, so a change always leads from the last close
  // the archive states for it (the check compares consecutive sessions).
  const lastClose = new Map<string, number>();
  for (const [d, day] of days.entries()) {
    // Never 0: the reports say "rose" or "fell", and the prose check refuses either for no change.
    const change = round((random() - 0.45) * 400, 0) || 1;
    level = round(level + change, 0);
    const stocks = Array.from({ length: 3 }, (_, k) => {
      const ticker = tickerOf((d + k) % securities);
      const previous = lastClose.get(ticker) ?? round(10 + random() * 200, 2);
      const move = round((random() - 0.5) * previous * 0.06, 2);
      const close = round(previous + move, 2);
      lastClose.set(ticker, close);
      return { ticker, close, change: move, high52w: round(close * (1.05 + random() * 0.5), 2), peRatio: round(5 + random() * 60, 2) };
    });
    const snapshot = {
      market: 'hk',
      date: day,
      source: 'Synthetic data generated for tests and benchmarks',
      turnover: round(100e9 + random() * 150e9, -7),
      indices: [{ symbol: 'SYNIDX', close: level, change }],
      stocks,
      flows: stocks.map((s) => ({ ticker: s.ticker, direction: 'southbound', netInflow: round((random() - 0.3) * 900e6, -5) })),
    };
    writeFileSync(join(root, `markets/hk/${day}.json`), JSON.stringify(snapshot, null, 2));
    for (let r = 0; r < perDay && reports.length < options.reports; r++) {
      const slug = `${day}-synthetic-wrap-${r + 1}`;
      writeFileSync(join(root, `reports/${slug}.mdx`), syntheticReport(day, r, stocks[0].ticker, change >= 0));
      reports.push(slug);
    }
  }
  return { reports, days };
}

function syntheticReport(day: string, r: number, lead: string, rose: boolean): string {
  const filler =
    'This paragraph is synthetic text of the length and shape of a market wrap, written for tests and benchmarks. It names no security and states no figure, so it exercises the layout and the build without inventing market data. ';
  return `---
title: Synthetic wrap ${r + 1} for ${day}
description: A synthetic report generated for tests and benchmarks; its figures are made up.
date: ${day}
market: hk
published: ${day}T${publishedAt(r)}:00+08:00
authors:
  - Synthetic Desk
tickers:
  - ${lead}
indices:
  - SYNIDX
tags:
  - synthetic
---

The Synthetic Composite Index ${rose ? 'rose' : 'fell'} <Fig of="SYNIDX.change" /> points (<Fig of="SYNIDX.changePercent" />) to <Fig of="SYNIDX.close" />. Market turnover reached <Fig of="turnover" />.

## Market Context

<IndexTable />

${filler.repeat(3)}

<MarketStats />

<FlowTable />

## Lead Stock

<StockCard ticker="${lead}" />

${filler.repeat(3)}

<Drivers title="Drivers">
  <Driver title="First Driver">
    ${filler.repeat(2)}
  </Driver>
  <Driver title="Second Driver">
    ${filler.repeat(2)}
  </Driver>
</Drivers>

<Risks title="Risks">
  ${filler.repeat(2)}
</Risks>

## Conclusion

${filler.repeat(2)}
`;
}
