import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePriceCsv, priceRange, tradingDaysBetween } from '../../src/lib/prices.ts';
import type { HolidayCalendar } from '../../src/lib/calendar.ts';

const calendar = JSON.parse(readFileSync('content/calendars/hkex.json', 'utf8')) as HolidayCalendar;
const HEADER = 'date,open,high,low,close,volume';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n') + '\n';

describe('parsePriceCsv', () => {
  it('reads the synthetic fixture: every trading day, a suspension with its note, oldest first', () => {
    const { bars, problems } = parsePriceCsv(readFileSync('tests/fixtures/prices/SYN01.HK.csv', 'utf8'), calendar);
    expect(problems).toEqual([]);
    expect(bars).toHaveLength(70);
    expect(bars[0]).toEqual({ date: '2025-07-21', open: 49.5, high: 50.58, low: 49.4, close: 50.43, volume: 7564336 });
    expect(bars.find((b) => b.date === '2025-09-01')).toEqual({ date: '2025-09-01', note: 'Synthetic suspension: no trading' });
  });

  it('accepts a vendor header in any case and Windows line ends', () => {
    const { bars, problems } = parsePriceCsv('Date,Open,High,Low,Close,Volume\r\n2025-10-23,1,2,0.5,1.5,100\r\n2025-10-24,1.5,2,1,1.8,0\r\n', calendar);
    expect(problems).toEqual([]);
    expect(bars.map((b) => b.close)).toEqual([1.5, 1.8]);
  });

  it.each([
    ['a header with another column', 'date,open,high,low,close,adj close,volume\n2025-10-24,1,2,0.5,1.5,1.5,100\n', 1, '', /found the header date,open,high,low,close,adj close,volume, expected the header date,open,high,low,close,volume/],
    ['an empty file', '', 1, '', /found an empty file/],
    ['a header and nothing else', `${HEADER}\n`, 1, '', /found a header and no prices/],
    ['an unclosed quote', csv('2025-10-23,1,2,0.5,1.5,100', '2025-10-24,"1,2,0.5,1.5,100'), 3, '', /invalid CSV: .*quote/i],
    ['too few fields', csv('2025-10-23,1,2,0.5,1.5,100', '2025-10-24,1,2,0.5'), 3, '', /found 4 fields, expected 6/],
    ['a day written another way', csv('24/10/2025,1,2,0.5,1.5,100'), 2, 'date', /found "24\/10\/2025", expected a date written YYYY-MM-DD/],
    ['a day that does not exist', csv('2025-02-30,1,2,0.5,1.5,100'), 2, 'date', /found 2025-02-30, which is not a day of the calendar/],
    ['dates out of order', csv('2025-10-24,1,2,0.5,1.5,100', '2025-10-23,1,2,0.5,1.5,100'), 3, 'date', /found 2025-10-23 after 2025-10-24 \(line 2\), expected dates in ascending order/],
    ['a day twice', csv('2025-10-24,1,2,0.5,1.5,100', '2025-10-24,1,2,0.5,1.5,100'), 3, 'date', /found 2025-10-24 a second time \(also on line 2\)/],
    ['a weekend', csv('2025-10-25,1,2,0.5,1.5,100'), 2, 'date', /found 2025-10-25, expected a trading day: 2025-10-25 is a weekend/],
    ['a holiday', csv('2025-10-29,1,2,0.5,1.5,100'), 2, 'date', /2025-10-29 is a hkex holiday \(Chung Yeung Festival\)/],
    ['a gap on trading days', csv('2025-10-20,1,2,0.5,1.5,100', '2025-10-24,1,2,0.5,1.5,100'), 3, 'date', /found 2025-10-24 right after 2025-10-20, expected a line for each trading day in between \(2025-10-21, 2025-10-22, 2025-10-23\)/],
    ['a zero price', csv('2025-10-24,1,2,0,1.5,100'), 2, 'low', /found "0", expected a price above zero/],
    ['a negative price', csv('2025-10-24,1,2,0.5,-1.5,100'), 2, 'close', /found "-1.5", expected a price above zero/],
    ['thousands separators', csv('2025-10-24,1,2,0.5,"1,500",100'), 2, 'close', /found "1,500", expected a price above zero written as a plain number/],
    ['a fractional volume', csv('2025-10-24,1,2,0.5,1.5,100.5'), 2, 'volume', /found "100.5", expected a whole number of shares/],
    ['a missing close', csv('2025-10-24,1,2,0.5,,100'), 2, 'close', /found no close for 2025-10-24, expected all of open, high, low, close and volume/],
    ['a day without prices or a note', 'date,open,high,low,close,volume,note\n2025-10-24,,,,,,\n', 2, 'close', /found no prices for 2025-10-24, expected .* or a note/],
    ['a high below the close', csv('2025-10-24,1,1.2,0.5,1.5,100'), 2, 'high', /found a high of 1.2 below the day's close 1.5/],
    ['a low above the open', csv('2025-10-24,1,2,1.1,1.5,100'), 2, 'low', /found a low of 1.1 above the day's open 1/],
  ])('refuses %s, naming the line', (_, text, line, field, message) => {
    const { problems } = parsePriceCsv(text, calendar);
    expect(problems).toEqual([expect.objectContaining({ line, field, message: expect.stringMatching(message) })]);
  });

  it('lists every bad line of a file, not only the first', () => {
    const { problems } = parsePriceCsv(csv('2025-10-22,1,2,0.5,1.5,100', '2025-10-23,1,2,0.5,-1,100', '2025-10-24,1,2,0.5,1.5,x'), calendar);
    expect(problems.map((p) => `${p.line} ${p.field}`)).toEqual(['3 close', '4 volume']);
  });

  it('without a calendar, checks order and numbers but not trading days', () => {
    expect(parsePriceCsv(csv('2025-10-25,1,2,0.5,1.5,100')).problems).toEqual([]);
  });
});

describe('tradingDaysBetween and priceRange', () => {
  it('skips weekends and holidays between two days', () => {
    expect(tradingDaysBetween('2025-10-24', '2025-10-31', calendar)).toEqual(['2025-10-27', '2025-10-28', '2025-10-30']);
    expect(tradingDaysBetween('2025-10-23', '2025-10-24', calendar)).toEqual([]);
  });

  it('keeps the days from and to, both included', () => {
    const bars = ['2025-10-22', '2025-10-23', '2025-10-24'].map((date) => ({ date }));
    expect(priceRange(bars, '2025-10-23', '2025-10-24').map((b) => b.date)).toEqual(['2025-10-23', '2025-10-24']);
    expect(priceRange(bars, undefined, '2025-10-22').map((b) => b.date)).toEqual(['2025-10-22']);
  });
});
