/**
 * Trading days. A day is a trading day when it is a weekday and not on the exchange's holiday list.
 * A calendar only speaks for the years it lists: a day outside them is refused, never assumed open.
 */
import { isWeekendDay } from './dates.ts';

export interface HolidayCalendar {
  id: string;
  years: number[];
  holidays: { date: string; name: string }[];
}

export type TradingDayVerdict =
  | { trading: true }
  | { trading: false; reason: string };

export function tradingDayVerdict(isoDay: string, calendar: HolidayCalendar): TradingDayVerdict {
  const year = Number(isoDay.slice(0, 4));
  if (!calendar.years.includes(year)) {
    return {
      trading: false,
      reason: `the ${calendar.id} calendar covers ${calendar.years.join(', ')} only; add ${year}'s holidays to content/calendars/${calendar.id}.json to publish for ${year}`,
    };
  }
  if (isWeekendDay(isoDay)) return { trading: false, reason: `${isoDay} is a weekend` };
  const holiday = calendar.holidays.find((h) => h.date === isoDay);
  if (holiday) return { trading: false, reason: `${isoDay} is a ${calendar.id} holiday (${holiday.name})` };
  return { trading: true };
}
