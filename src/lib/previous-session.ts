/**
 * The trading day before a session, by the market's holiday calendar: what "the previous close"
 * of a session refers to.
 */
import { tradingDayVerdict, type HolidayCalendar } from './calendar.ts';

/** The last trading day before `isoDay`, or undefined where the calendar cannot say (a year it does not list). */
export function previousTradingDay(isoDay: string, calendar: HolidayCalendar): string | undefined {
  const day = new Date(`${isoDay}T00:00:00Z`);
  // Holidays and weekends never run to more than a fortnight.
  for (let i = 0; i < 15; i++) {
    day.setUTCDate(day.getUTCDate() - 1);
    const iso = day.toISOString().slice(0, 10);
    if (!calendar.years.includes(Number(iso.slice(0, 4)))) return undefined;
    if (tradingDayVerdict(iso, calendar).trading) return iso;
  }
  return undefined;
}
