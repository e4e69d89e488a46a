/**
 * The exchange rules `npm run calendars` applies on top of the holiday libraries, year by year.
 */
import { describe, expect, it } from 'vitest';
import { asxHolidays, hongKongHalfDays, hongKongHolidays, jpxHolidays, koreanHolidayName, nyseHalfDays, nyseHolidays } from '../../scripts/calendars.ts';

const dates = (days: { date: string }[]) => days.map((d) => d.date);

describe('Hong Kong', () => {
  it.each<[number, string, string]>([
    // Easter Monday and Ching Ming on 5 April 2010: the second moves to Tuesday.
    [2010, '2010-04-05', '2010-04-06'],
    // National Day and the day after Mid-Autumn on 1 October 2012.
    [2012, '2012-10-01', '2012-10-02'],
    // Easter Monday and the day after Ching Ming on 6 April 2015.
    [2015, '2015-04-06', '2015-04-07'],
  ])('moves the second of two holidays on one day to the next free day (%s)', (year, shared, moved) => {
    const days = hongKongHolidays(year);
    expect(dates(days)).toContain(shared);
    expect(dates(days)).toContain(moved);
    expect(new Set(dates(days)).size).toBe(days.length);
  });

  it('has half days only on eves that are trading days', () => {
    const closed = (year: number) => new Set(dates(hongKongHolidays(year)));
    expect(hongKongHalfDays(2025, closed(2025))).toEqual([
      { date: '2025-01-28', name: "Lunar New Year's Eve" },
      { date: '2025-12-24', name: 'Christmas Eve' },
      { date: '2025-12-31', name: "New Year's Eve" },
    ]);
    // 2023: Lunar New Year's Eve on a Saturday, both year-end eves on Sundays.
    expect(hongKongHalfDays(2023, closed(2023))).toEqual([]);
  });
});

describe('NYSE', () => {
  it('closes on Good Friday, not on Columbus or Veterans Day', () => {
    const names = nyseHolidays(2024).map((d) => `${d.date} ${d.name}`);
    expect(names).toContain('2024-03-29 Good Friday');
    expect(names.some((n) => /Columbus|Veterans/.test(n))).toBe(false);
  });

  it('closes for Juneteenth from 2022 only', () => {
    expect(nyseHolidays(2021).some((d) => d.name.startsWith('Juneteenth'))).toBe(false);
    expect(dates(nyseHolidays(2022))).toContain('2022-06-20');
  });

  it('does not close the Friday before a Saturday New Year’s Day', () => {
    expect(dates(nyseHolidays(2021))).not.toContain('2021-12-31');
    expect(dates(nyseHolidays(2021))).toContain('2021-12-24');
  });

  it('closes early the day after Thanksgiving and on trading-day eves', () => {
    const holidays = nyseHolidays(2024);
    expect(dates(nyseHalfDays(2024, holidays, new Set(dates(holidays))))).toEqual(['2024-07-03', '2024-11-29', '2024-12-24']);
  });
});

describe('JPX and ASX', () => {
  it('JPX closes from 31 December to 3 January', () => {
    expect(dates(jpxHolidays(2025))).toEqual(expect.arrayContaining(['2025-01-01', '2025-01-02', '2025-01-03', '2025-12-31']));
  });

  it('ASX trades on NSW Labour Day', () => {
    expect(asxHolidays(2025).some((d) => d.name.startsWith('Labour Day'))).toBe(false);
    expect(dates(asxHolidays(2025))).toEqual(['2025-01-01', '2025-01-27', '2025-04-18', '2025-04-19', '2025-04-20', '2025-04-21', '2025-04-25', '2025-06-09', '2025-12-25', '2025-12-26']);
  });
});

describe('koreanHolidayName', () => {
  it.each([
    ['추석', 'Chuseok'],
    ['대체공휴일(추석)', 'Substitute holiday (Chuseok)'],
    ['대체공휴일(3ㆍ1절)', 'Substitute holiday (Independence Movement Day)'],
    ['임시공휴일(대통령선거)', 'Presidential election day'],
    ['제22대국회의원선거', 'National Assembly election day'],
    ['새 이름', '새 이름'],
  ])('%s → %s', (korean, english) => expect(koreanHolidayName(korean)).toBe(english));
});
