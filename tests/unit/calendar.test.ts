import { describe, expect, it } from 'vitest';
import { calendarProblems, describeYears, tradingDayVerdict, type HolidayCalendar, type TradingDayVerdict } from '../../src/lib/calendar.ts';

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
  `the hkex calendar covers 2025–2026 only; content/calendars/hkex.json is made by \`npm run calendars\`, whose holiday library has no ${year} for this exchange`;

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
      reason: 'the syn calendar covers 2030 only; content/calendars/syn.json is made by `npm run calendars`, whose holiday library has no 2031 for this exchange',
    });
  });

  it('gives a half day as a trading day, with its name', () => {
    const calendar: HolidayCalendar = { ...CALENDAR, halfDays: [{ date: '2025-12-24', name: 'Christmas Eve' }] };
    expect(tradingDayVerdict('2025-12-24', calendar)).toEqual({ trading: true, halfDay: { date: '2025-12-24', name: 'Christmas Eve' } });
    expect(tradingDayVerdict('2025-12-23', calendar)).toEqual({ trading: true });
  });

  it('throws a RangeError for a day that is not on the calendar', () => {
    expect(() => tradingDayVerdict('2025-02-30', CALENDAR)).toThrow(RangeError);
    expect(() => tradingDayVerdict('2025-02-30', CALENDAR)).toThrow('"2025-02-30" is not a date written YYYY-MM-DD');
  });
});

describe('describeYears', () => {
  it.each<[number[], string]>([
    [[2025], '2025'],
    [[2025, 2026], '2025–2026'],
    [[2018, 2019, 2020, 2024], '2018–2020, 2024'],
    [[2026, 2025], '2025–2026'],
    [[], ''],
  ])('%j → %s', (years, text) => expect(describeYears(years)).toBe(text));
});

describe('calendarProblems', () => {
  const ok: HolidayCalendar = { id: 'syn', years: [2030], holidays: [{ date: '2030-01-01', name: 'Synthetic Day' }], halfDays: [{ date: '2030-12-24', name: 'Synthetic Eve' }] };

  it('finds nothing in a sound calendar', () => {
    expect(calendarProblems(ok)).toEqual([]);
  });

  it('refuses a covered year with no holiday listed, so a holiday cannot pass as a trading day', () => {
    expect(calendarProblems({ ...ok, years: [2030, 2031] })).toEqual([
      { path: ['years', 1], message: 'found 2031 with no holiday listed, expected the year\'s weekday holidays (run `npm run calendars`) or the year left out of years' },
    ]);
  });

  it.each<[string, Partial<HolidayCalendar>, (string | number)[], RegExp]>([
    ['a holiday outside the years', { holidays: [...ok.holidays, { date: '2031-01-01', name: 'Late' }] }, ['holidays', 1, 'date'], /found 2031-01-01, outside the years the calendar covers \(2030\)/],
    ['a weekend holiday', { holidays: [...ok.holidays, { date: '2030-01-05', name: 'Saturday' }] }, ['holidays', 1, 'date'], /found 2030-01-05, a weekend, expected weekdays only/],
    ['a half day that is also a holiday', { halfDays: [{ date: '2030-01-01', name: 'Both' }] }, ['halfDays', 0, 'date'], /found 2030-01-01 both as a holiday and a half day/],
  ])('refuses %s', (_, change, path, message) => {
    const found = calendarProblems({ ...ok, ...change });
    expect(found).toHaveLength(1);
    expect(found[0].path).toEqual(path);
    expect(found[0].message).toMatch(message);
  });
});
