import { describe, expect, it } from 'vitest';
import { tradingDayVerdict, type HolidayCalendar, type TradingDayVerdict } from '../../src/lib/calendar.ts';

const CALENDAR: HolidayCalendar = {
  id: 'hkex',
  years: [2025, 2026],
  holidays: [
    { date: '2025-01-01', name: 'The first day of January' },
    { date: '2025-10-29', name: 'Chung Yeung Festival' },
    { date: '2025-11-01', name: 'Synthetic Saturday holiday' },
    { date: '2026-01-01', name: 'The first day of January' },
  ],
};

const notCovered = (year: number) =>
  `the hkex calendar covers 2025, 2026 only; add ${year}'s holidays to content/calendars/hkex.json to publish for ${year}`;

describe('tradingDayVerdict', () => {
  it.each<[string, TradingDayVerdict]>([
    ['2025-10-24', { trading: true }], // Friday
    ['2025-10-27', { trading: true }], // Monday: Sunday evening in New York
    ['2025-01-06', { trading: true }], // Monday
    ['2026-12-31', { trading: true }], // Thursday, last day covered
    ['2025-10-25', { trading: false, reason: '2025-10-25 is a weekend' }],
    ['2025-10-26', { trading: false, reason: '2025-10-26 is a weekend' }],
    ['2025-10-29', { trading: false, reason: '2025-10-29 is a hkex holiday (Chung Yeung Festival)' }],
    ['2025-01-01', { trading: false, reason: '2025-01-01 is a hkex holiday (The first day of January)' }],
    // A holiday on a weekend is given as a weekend.
    ['2025-11-01', { trading: false, reason: '2025-11-01 is a weekend' }],
    // Outside the covered years nothing is assumed, not even for a weekday or a weekend.
    ['2024-12-31', { trading: false, reason: notCovered(2024) }],
    ['2027-01-04', { trading: false, reason: notCovered(2027) }],
    ['2027-01-02', { trading: false, reason: notCovered(2027) }],
  ])('%s → %o', (day, expected) => {
    expect(tradingDayVerdict(day, CALENDAR)).toEqual(expected);
  });

  it('names the calendar it was given', () => {
    const calendar: HolidayCalendar = { id: 'syn', years: [2030], holidays: [{ date: '2030-01-02', name: 'Synthetic Day' }] };
    expect(tradingDayVerdict('2030-01-02', calendar)).toEqual({ trading: false, reason: '2030-01-02 is a syn holiday (Synthetic Day)' });
    expect(tradingDayVerdict('2031-01-02', calendar)).toEqual({
      trading: false,
      reason: "the syn calendar covers 2030 only; add 2031's holidays to content/calendars/syn.json to publish for 2031",
    });
  });

  it('throws a RangeError for a day that is not on the calendar', () => {
    expect(() => tradingDayVerdict('2025-02-30', CALENDAR)).toThrow(RangeError);
    expect(() => tradingDayVerdict('2025-02-30', CALENDAR)).toThrow('"2025-02-30" is not a date written YYYY-MM-DD');
  });
});
