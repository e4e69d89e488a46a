/**
 * Trading days. A day is a trading day when it is a weekday and not on the exchange's holiday list.
 * A calendar only speaks for the years it lists: a day outside them is refused, never assumed open.
 * Calendars are generated (`npm run calendars`), so an uncovered year is a generator's limit, not
 * something to type by hand.
 */
import { isWeekendDay } from './dates.ts';

export interface CalendarDay {
  date: string;
  name: string;
}

export interface HolidayCalendar {
  id: string;
  years: number[];
  holidays: CalendarDay[];
  /** Trading days that close early (the market's `halfDayClose`). */
  halfDays?: CalendarDay[];
}

export type TradingDayVerdict =
  | { trading: true; halfDay?: CalendarDay }
  | { trading: false; reason: string };

export function tradingDayVerdict(isoDay: string, calendar: HolidayCalendar): TradingDayVerdict {
  const year = Number(isoDay.slice(0, 4));
  if (!calendar.years.includes(year)) {
    return {
      trading: false,
      reason: `the ${calendar.id} calendar covers ${describeYears(calendar.years)} only; content/calendars/${calendar.id}.json is made by \`npm run calendars\`, whose holiday library has no ${year} for this exchange`,
    };
  }
  if (isWeekendDay(isoDay)) return { trading: false, reason: `${isoDay} is a weekend` };
  const holiday = calendar.holidays.find((h) => h.date === isoDay);
  if (holiday) return { trading: false, reason: `${isoDay} is a ${calendar.id} holiday (${holiday.name})` };
  const halfDay = calendar.halfDays?.find((h) => h.date === isoDay);
  return halfDay ? { trading: true, halfDay } : { trading: true };
}

/** 2000, 2001, …, 2030 → "2000–2030"; gaps kept: "2018–2020, 2024". */
export function describeYears(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j;
  }
  return runs.join(', ');
}

export interface CalendarProblem {
  /** Path of the field in the calendar file: ['years', 3], ['holidays', 12, 'date']. */
  path: (string | number)[];
  message: string;
}

/**
 * What makes a calendar unsafe to check dates against: a covered year with no holiday (every
 * exchange closes on some weekday each year, so the list was left out and a holiday would pass as a
 * trading day), a day outside the covered years, a weekend listed, a half day that is also closed.
 */
export function calendarProblems(calendar: HolidayCalendar): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const covered = new Set(calendar.years);
  const holidayYears = new Set(calendar.holidays.map((h) => Number(h.date.slice(0, 4))));
  calendar.years.forEach((year, i) => {
    if (!holidayYears.has(year)) {
      problems.push({ path: ['years', i], message: `found ${year} with no holiday listed, expected the year's weekday holidays (run \`npm run calendars\`) or the year left out of years` });
    }
  });
  const closed = new Set<string>();
  for (const [list, days] of [['holidays', calendar.holidays], ['halfDays', calendar.halfDays ?? []]] as const) {
    days.forEach((day, i) => {
      const year = Number(day.date.slice(0, 4));
      if (!covered.has(year)) problems.push({ path: [list, i, 'date'], message: `found ${day.date}, outside the years the calendar covers (${describeYears(calendar.years)}), expected ${year} in years or the day removed` });
      else if (isWeekendDay(day.date)) problems.push({ path: [list, i, 'date'], message: `found ${day.date}, a weekend, expected weekdays only (weekends are closed without being listed)` });
      else if (list === 'halfDays' && closed.has(day.date)) problems.push({ path: [list, i, 'date'], message: `found ${day.date} both as a holiday and a half day, expected one or the other` });
      if (list === 'holidays') closed.add(day.date);
    });
  }
  return problems;
}
