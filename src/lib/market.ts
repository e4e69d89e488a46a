/**
 * What differs from one market to another: its zone, currency, the colour of a rise, the close.
 * Hong Kong shows a rise in green; mainland China shows it in red. Colour is never the only signal:
 * every change also carries a sign, an arrow and words for screen readers.
 */
import type { Direction } from './change.ts';

export interface MarketConvention {
  id: string;
  name: string;
  exchange: string;
  zone: string;
  zoneAbbreviation: string;
  currency: string;
  /** The colour a rise is shown in; a fall takes the other. */
  riseColour: 'green' | 'red';
  /** Id of the holiday calendar under `content/calendars/`. */
  calendar: string;
  /** Local time the session's closing auction ends. */
  close: string;
}

export const MARKETS: Record<string, MarketConvention> = {
  hk: {
    id: 'hk',
    name: 'Hong Kong',
    exchange: 'HKEX',
    zone: 'Asia/Hong_Kong',
    zoneAbbreviation: 'HKT',
    currency: 'HKD',
    riseColour: 'green',
    calendar: 'hkex',
    // HKEX's closing auction session ends at 16:08–16:10.
    close: '16:10',
  },
};

export function marketConvention(id: string): MarketConvention {
  const market = Object.hasOwn(MARKETS, id) ? MARKETS[id] : undefined;
  if (!market) throw new RangeError(`unknown market "${id}": expected one of ${Object.keys(MARKETS).join(', ')}`);
  return market;
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
