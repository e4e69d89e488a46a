import { describe, expect, it } from 'vitest';
import type { Direction } from '../../src/lib/change.ts';
import { MARKETS, type MarketConvention } from '../../src/lib/market.ts';
import { moveView, quoteMoves, type MoveView } from '../../src/lib/moves.ts';
import type { QuoteView } from '../../src/lib/session.ts';
import { exact, type Stated } from '../../src/lib/stated.ts';

const more = (value: number): Stated => ({ value, qualifier: 'moreThan' });
const less = (value: number): Stated => ({ value, qualifier: 'lessThan' });
const around = (value: number): Stated => ({ value, qualifier: 'around' });

/** Writes the expected strings readably: `_` is a no-break space. */
const t = (text: string) => text.replaceAll('_', '\u00a0');

const HK = MARKETS.hk;
/** A market where a rise is red, as in mainland China. */
const RED_RISE: MarketConvention = { ...HK, id: 'syn', riseColour: 'red' };

const UP = { arrow: '▲', tone: 'green', words: 'up' } as const;
const DOWN = { arrow: '▼', tone: 'red', words: 'down' } as const;
const FLAT = { arrow: '', tone: 'neutral', words: 'unchanged' } as const;
const UNSTATED = { arrow: '', tone: 'neutral', words: 'direction not stated' } as const;

describe('moveView', () => {
  it.each<[Stated, 'points' | 'percent', Direction | undefined, number | undefined, MoveView]>([
    // Exact moves carry their sign.
    [exact(192), 'points', 'up', undefined, { text: '+192', ...UP }],
    [exact(-63), 'points', 'down', undefined, { text: '−63', ...DOWN }],
    [exact(0), 'points', 'flat', undefined, { text: '0', ...FLAT }],
    [exact(192.456), 'points', 'up', 1, { text: '+192.5', ...UP }],
    [exact(1234.5), 'points', 'up', undefined, { text: '+1,234.5', ...UP }],
    [exact(0.7394), 'percent', 'up', undefined, { text: t('+0.7394_%'), ...UP }],
    [exact(0.7394), 'percent', 'up', 1, { text: t('+0.7_%'), ...UP }],
    [exact(0.7394), 'percent', 'up', 2, { text: t('+0.74_%'), ...UP }],
    [exact(-1.25), 'percent', 'down', 2, { text: t('−1.25_%'), ...DOWN }],
    [exact(0), 'percent', 'flat', 1, { text: t('0.0_%'), ...FLAT }],
    [exact(-0.04), 'percent', 'down', 1, { text: t('0.0_%'), ...DOWN }],
    [exact(-0.04), 'percent', 'down', undefined, { text: t('−0.04_%'), ...DOWN }],
    // Trailing zeros as written: "80.00", "−0.270".
    [exact(-0.27), 'percent', 'down', 3, { text: t('−0.270_%'), ...DOWN }],
    [exact(80), 'points', 'up', 2, { text: '+80.00', ...UP }],
    [exact(-0.05), 'percent', 'down', 1, { text: t('−0.1_%'), ...DOWN }],
    // A bound or approximation keeps its words and drops the sign.
    [more(8), 'percent', 'up', 0, { text: t('more than 8_%'), ...UP }],
    [more(8), 'percent', 'up', undefined, { text: t('more than 8_%'), ...UP }],
    [more(8.5), 'percent', 'up', 1, { text: t('more than 8.5_%'), ...UP }],
    [less(2), 'percent', undefined, 0, { text: t('less than 2_%'), ...UNSTATED }],
    [around(-3.5), 'percent', 'down', 1, { text: t('around 3.5_%'), ...DOWN }],
    [around(26000), 'points', undefined, undefined, { text: 'around 26,000', ...UNSTATED }],
    [more(100), 'points', 'up', undefined, { text: 'more than 100', ...UP }],
    // Without its sign a negative bound swaps its words: below −2 % is a fall of more than 2 %.
    [less(-2), 'percent', 'down', 0, { text: t('more than 2_%'), ...DOWN }],
    [more(-2), 'percent', 'down', 0, { text: t('less than 2_%'), ...DOWN }],
    [less(-100), 'points', 'down', undefined, { text: 'more than 100', ...DOWN }],
  ])('moveView(%o, %s, %s, hk) written with %s decimals → %o', (figure, unit, direction, decimals, expected) => {
    expect(moveView(decimals === undefined ? figure : { ...figure, decimals }, unit, direction, HK)).toEqual(expected);
  });

  it.each<[Direction | undefined, string]>([
    ['up', 'red'],
    ['down', 'green'],
    ['flat', 'neutral'],
    [undefined, 'neutral'],
  ])('colours %s %s where a rise is red', (direction, tone) => {
    expect(moveView(exact(1), 'points', direction, RED_RISE).tone).toBe(tone);
  });

  it('takes the direction it is given, not the figure’s sign', () => {
    expect(moveView(exact(5), 'points', undefined, HK)).toEqual({ text: '+5', ...UNSTATED });
  });

  it.each([NaN, Infinity])('throws a RangeError for %s', (value) => {
    expect(() => moveView(exact(value), 'points', 'up', HK)).toThrow(RangeError);
    expect(() => moveView(more(value), 'percent', 'up', HK)).toThrow(RangeError);
  });
});

const quote = (parts: Partial<QuoteView>): QuoteView => ({ kind: 'index', market: HK, id: 'SYNI', name: 'Synthetic Index', percentDerived: false, ...parts });

describe('quoteMoves', () => {
  it.each<[string, QuoteView, string | undefined, string | undefined, MoveView['tone'] | undefined]>([
    ['a derived percent shows the house precision, two decimals', quote({ change: exact(192), changePercent: { ...exact(0.7393715), decimals: 2 }, percentDerived: true, direction: 'up' }), '+192', '+0.74_%', 'green'],
    ['a fall', quote({ change: exact(-63), changePercent: { ...exact(-0.6728613), decimals: 2 }, percentDerived: true, direction: 'down' }), '−63', '−0.67_%', 'red'],
    ['a stated percent shows the digits written', quote({ change: { ...exact(-0.22), decimals: 2 }, changePercent: { ...exact(-0.27), decimals: 2 }, direction: 'down' }), '−0.22', '−0.27_%', 'red'],
    ['a stated percent shows its own decimals', quote({ changePercent: exact(1.25), direction: 'up' }), undefined, '+1.25_%', 'green'],
    ['a stated whole percent shows none', quote({ changePercent: exact(8), direction: 'up' }), undefined, '+8_%', 'green'],
    ['a bound keeps its decimals', quote({ changePercent: more(8.5), direction: 'up' }), undefined, 'more than 8.5_%', 'green'],
    ['more than 8 %', quote({ changePercent: more(8), direction: 'up' }), undefined, 'more than 8_%', 'green'],
    ['a negative bound reads as a size', quote({ changePercent: less(-2), direction: 'down' }), undefined, 'more than 2_%', 'red'],
    ['points only', quote({ change: around(100), direction: 'up' }), 'around 100', undefined, 'green'],
  ])('%s', (_, view, points, percent, tone) => {
    const moves = quoteMoves(view);
    expect(moves.points?.text).toBe(points === undefined ? undefined : t(points));
    expect(moves.percent?.text).toBe(percent === undefined ? undefined : t(percent));
    for (const move of [moves.points, moves.percent]) if (move) expect(move.tone).toBe(tone);
  });

  it('gives no move for a quote without figures, only a stated direction', () => {
    expect(quoteMoves(quote({ direction: 'up' }))).toEqual({ points: undefined, percent: undefined });
  });

  it('gives both moves the quote’s direction, in the colours of the quote’s own market', () => {
    const { points, percent } = quoteMoves(quote({ market: RED_RISE, change: exact(192), changePercent: { ...exact(0.7394), decimals: 2 }, percentDerived: true, direction: 'up' }));
    expect(points).toEqual({ text: '+192', arrow: '▲', tone: 'red', words: 'up' });
    expect(percent).toEqual({ text: t('+0.74_%'), arrow: '▲', tone: 'red', words: 'up' });
  });
});
