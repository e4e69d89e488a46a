/**
 * What differs from one market to another: its zone, currency, the colour of a rise, the close.
 * Hong Kong shows a rise in green; mainland China shows it in red. Colour is never the only signal:
 * every change also carries a sign, an arrow and words for screen readers.
 */
import type { Direction } from './change.ts';
import definitions from '../../data/markets.json' with { type: 'json' };

export interface MarketConvention {
  id: string;
  name: string;
  /** The group a market's instruments are shown under in another market's report ("Asia-Pacific"). */
  region: string;
  /** The exchanges whose securities belong to the market; the first is the one named in messages. */
  exchanges: string[];
  /** The exchange named in messages ("a HKEX trading day"): the first of `exchanges`. */
  exchange: string;
  /** Ticker suffixes of the market's securities: `HK` for 00700.HK. */
  tickerSuffixes: string[];
  zone: string;
  zoneAbbreviation: string;
  currency: string;
  /** Trading sessions, local time, for the authors' guide. */
  sessions: string[];
  /** The colour a rise is shown in; a fall takes the other. */
  riseColour: 'green' | 'red';
  /** Id of the holiday calendar under `content/calendars/`. */
  calendar: string;
  /** Local time the session's closing auction ends: a day's closing figures exist from then on. */
  close: string;
  /** The close on a half day (listed in the calendar's `halfDays`), when the exchange has them. */
  halfDayClose?: string;
  /** The market's main indices, so a registry stub for one knows its market and name. */
  indices: { symbol: string; name: string }[];
  /** Where each convention comes from. */
  sources: { hours: string; colours: string; halfDay?: string; calendar?: string };
}

/** The configured markets, in the order of data/markets.json. */
export const MARKET_LIST: readonly MarketConvention[] = (definitions.markets as Omit<MarketConvention, 'exchange'>[]).map((market) => ({
  ...market,
  exchange: market.exchanges[0],
}));

export const MARKETS: Readonly<Record<string, MarketConvention>> = Object.fromEntries(MARKET_LIST.map((market) => [market.id, market]));

export function marketConvention(id: string): MarketConvention {
  const market = Object.hasOwn(MARKETS, id) ? MARKETS[id] : undefined;
  if (!market) throw new RangeError(`unknown market "${id}": expected one of ${Object.keys(MARKETS).join(', ')}`);
  return market;
}

/** The market a ticker's suffix names (`00700.HK` → hk), if any configured market uses it. */
export function marketOfTicker(ticker: string): MarketConvention | undefined {
  const suffix = ticker.split('.').pop() ?? '';
  return MARKET_LIST.find((market) => market.tickerSuffixes.includes(suffix));
}

/** The configured market and name of a well-known index symbol (N225 → Japan, "Nikkei 225"). */
export function knownIndex(symbol: string): { market: MarketConvention; name: string } | undefined {
  for (const market of MARKET_LIST) {
    const index = market.indices.find((i) => i.symbol === symbol);
    if (index) return { market, name: index.name };
  }
  return undefined;
}

/** The close on a day: the half-day close on a half day of the calendar, the full close otherwise. */
export function closeOn(market: MarketConvention, isoDay: string, halfDays: readonly { date: string }[] = []): string {
  return market.halfDayClose && halfDays.some((d) => d.date === isoDay) ? market.halfDayClose : market.close;
}

export type Tone = 'green' | 'red' | 'neutral';

/** The colour a move is shown in on this market. */
export function toneOf(direction: Direction | undefined, market: MarketConvention): Tone {
  if (direction === 'up') return market.riseColour;
  if (direction === 'down') return market.riseColour === 'green' ? 'red' : 'green';
  return 'neutral';
}

/** The arrow drawn beside a move. */
export function arrowOf(direction: Direction | undefined): string {
  if (direction === 'up') return '▲';
  if (direction === 'down') return '▼';
  return '';
}

/** The words a screen reader hears for a move. */
export function directionWords(direction: Direction | undefined): string {
  if (direction === 'up') return 'up';
  if (direction === 'down') return 'down';
  if (direction === 'flat') return 'unchanged';
  return 'direction not stated';
}

export interface MarketGroup<T> {
  /** "Hong Kong" for the session's own market, the region ("Asia-Pacific") for the others. */
  label: string;
  /** True for the group of the session's own market. */
  home: boolean;
  items: T[];
}

/**
 * A session's instruments as a report shows them: the home market's first, under its name, then
 * those of other markets (regional context) under their region, in the order they were quoted.
 */
export function groupByMarket<T extends { market: MarketConvention }>(items: readonly T[], home: MarketConvention): MarketGroup<T>[] {
  const groups: MarketGroup<T>[] = [];
  const own = items.filter((item) => item.market.id === home.id);
  if (own.length > 0) groups.push({ label: home.name, home: true, items: own });
  for (const item of items) {
    if (item.market.id === home.id) continue;
    const label = item.market.region;
    const group = groups.find((g) => !g.home && g.label === label);
    if (group) group.items.push(item);
    else groups.push({ label, home: false, items: [item] });
  }
  return groups;
}
