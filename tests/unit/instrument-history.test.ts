import { describe, expect, it } from 'vitest';
import { closesChart, instrumentHistory } from '../../src/lib/instrument-history.ts';
import { MARKETS } from '../../src/lib/market.ts';
import type { QuoteView, SessionView } from '../../src/lib/session.ts';
import type { Stated } from '../../src/lib/stated.ts';

const exact = (value: number): Stated => ({ value, qualifier: 'exact' });
const around = (value: number): Stated => ({ value, qualifier: 'around' });

/** SYNTHETIC sessions, newest first as the data layer gives them. */
function session(date: string, stocks: Partial<QuoteView>[], indices: Partial<QuoteView>[] = []): SessionView {
  const quote = (kind: 'stock' | 'index', parts: Partial<QuoteView>): QuoteView => ({ kind, market: MARKETS.hk, id: 'SYN01.HK', name: 'Synthetic One', percentDerived: false, ...parts });
  return { market: MARKETS.hk, date, source: 'synthetic', indices: indices.map((p) => quote('index', p)), stocks: stocks.map((p) => quote('stock', { currency: 'HKD', ...p })), flows: [] };
}

const sessions = [
  session('2030-01-04', [{ close: exact(12.5), change: exact(0.5), changePercent: exact(4.1667), percentDerived: true, direction: 'up' }]),
  session('2030-01-03', [{ close: around(12), direction: 'down' }]),
  session('2030-01-02', [{ id: 'SYN02.HK' }]),
  session('2030-01-01', [{ close: exact(12.2), change: exact(-0.3), changePercent: exact(-2.459), percentDerived: true, direction: 'down' }]),
];

describe('instrumentHistory', () => {
  it('lists every session quoting the stock, newest first, with its close in its currency and its moves', () => {
    const rows = instrumentHistory(sessions, 'stock', 'SYN01.HK');
    expect(rows.map((r) => [r.session.date, r.close, r.points?.text, r.percent?.text, r.points?.tone])).toEqual([
      ['2030-01-04', 'HKD\u00a012.5', '+0.5', '+4.17\u00a0%', 'green'],
      ['2030-01-03', 'around HKD\u00a012', undefined, undefined, undefined],
      ['2030-01-01', 'HKD\u00a012.2', '−0.3', '−2.46\u00a0%', 'red'],
    ]);
  });

  it('colours each move by the instrument’s own market', () => {
    const cn = [session('2030-01-01', [], [{ id: 'SYNCN', market: MARKETS.cn, close: exact(100), change: exact(1), changePercent: exact(1.01), percentDerived: true, direction: 'up' }])];
    expect(instrumentHistory(cn, 'index', 'SYNCN')[0].points?.tone).toBe('red');
  });
});

describe('closesChart', () => {
  it('draws the exact closes oldest first, leaves out an approximate one and says so', () => {
    const spec = closesChart(instrumentHistory(sessions, 'stock', 'SYN01.HK'), { id: 'SYN01.HK', name: 'Synthetic One' })!;
    expect(spec.kind).toBe('line');
    expect(spec.values).toEqual([12.2, 12.5]);
    expect(spec.names).toEqual(['1 Jan 2030', '4 Jan 2030']);
    expect(spec.table.rows).toEqual([['1 Jan 2030', 'HKD\u00a012.2'], ['4 Jan 2030', 'HKD\u00a012.5']]);
    expect(spec.valueTitle).toBe('Close (HKD)');
    expect(spec.tone).toBe('green');
    expect(spec.notes).toEqual(['One session states no exact close (only a bound, an approximation or none) and is not drawn; the table below lists every session.']);
    expect(spec.title).toBe('Synthetic One (SYN01.HK), close in each reported session, 1 Jan 2030 to 4 Jan 2030');
  });

  it('draws nothing with fewer than two exact closes', () => {
    expect(closesChart(instrumentHistory(sessions.slice(0, 2), 'stock', 'SYN01.HK'), { id: 'SYN01.HK', name: 'Synthetic One' })).toBeUndefined();
    expect(closesChart([], { id: 'SYN01.HK', name: 'Synthetic One' })).toBeUndefined();
  });

  it('writes an index in points', () => {
    const indexSessions = [
      session('2030-01-02', [], [{ id: 'SYNI', close: exact(26160) }]),
      session('2030-01-01', [], [{ id: 'SYNI', close: exact(25968) }]),
    ];
    const spec = closesChart(instrumentHistory(indexSessions, 'index', 'SYNI'), { id: 'SYNI', name: 'Synthetic Index' })!;
    expect(spec.valueTitle).toBe('Close (points)');
    expect(spec.texts).toEqual(['25,968', '26,160']);
  });
});
