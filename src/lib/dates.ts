/**
 * Dates and times in the market's zone, with date-fns. A session date ("2025-10-24") is a day on the
 * exchange's calendar, not an instant, so it is read and formatted in UTC where no host zone can
 * shift it; a publication time is an instant, shown in the market's zone.
 */
import { tz } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { isWeekend } from 'date-fns/isWeekend';
import { parseISO } from 'date-fns/parseISO';

const UTC = tz('UTC');

/**
 * Remembers a function of one day's text. A build formats the same few hundred session dates on
 * every page, and a zoned date-fns format costs far more than a map lookup.
 */
function byDay<T>(compute: (isoDay: string) => T): (isoDay: string) => T {
  const known = new Map<string, T>();
  return (isoDay) => {
    if (known.has(isoDay)) return known.get(isoDay)!;
    const value = compute(isoDay);
    known.set(isoDay, value);
    return value;
  };
}

function day(isoDay: string) {
  const date = parseISO(isoDay, { in: UTC });
  if (Number.isNaN(date.getTime())) throw new RangeError(`"${isoDay}" is not a date written YYYY-MM-DD`);
  return date;
}

/** "2025-10-24" → "Friday, 24 October 2025". */
export const formatSessionDate: (isoDay: string) => string = byDay((isoDay) => format(day(isoDay), 'EEEE, d MMMM yyyy', { in: UTC }));

/** "2025-10-24" → "24 Oct 2025", for lists and tables. */
export const formatShortDate: (isoDay: string) => string = byDay((isoDay) => format(day(isoDay), 'd MMM yyyy', { in: UTC }));

/** "2025-10-24" → "2025-10", the key reports are grouped by in the archive. */
export const monthKey: (isoDay: string) => string = byDay((isoDay) => format(day(isoDay), 'yyyy-MM', { in: UTC }));

/** "2025-10" → "October 2025". */
export const formatMonth: (key: string) => string = byDay((key) => format(day(`${key}-01`), 'MMMM yyyy', { in: UTC }));

/** Saturday or Sunday, whatever the host's zone. */
export const isWeekendDay: (isoDay: string) => boolean = byDay((isoDay) => isWeekend(day(isoDay), { in: UTC }));

/** An instant in a zone: ("2025-10-24T10:30:00Z", "Asia/Hong_Kong", "HKT") → "18:30 HKT". */
export function formatZonedTime(instant: string, zone: string, abbreviation: string): string {
  return `${format(parseISO(instant), 'HH:mm', { in: tz(zone) })} ${abbreviation}`;
}

/** → "24 October 2025, 18:30 HKT". */
export function formatZonedDateTime(instant: string, zone: string, abbreviation: string): string {
  return `${format(parseISO(instant), 'd MMMM yyyy, HH:mm', { in: tz(zone) })} ${abbreviation}`;
}

/** The calendar day an instant falls on in a zone: the day a reader there would give it. */
export function zonedDay(instant: string, zone: string): string {
  return format(parseISO(instant), 'yyyy-MM-dd', { in: tz(zone) });
}
