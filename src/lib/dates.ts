/**
 * Dates and times in the market's zone, with date-fns. A session date ("2025-10-24") is a day on the
 * exchange's calendar, not an instant, so it is read and formatted in UTC where no host zone can
 * shift it; a publication time is an instant, shown in the market's zone.
 */
import { TZDate, tz } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { formatISO } from 'date-fns/formatISO';
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
  // parseISO also reads "2025" or "2025-10" as a day; a session date is always the full YYYY-MM-DD.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(isoDay) ? parseISO(isoDay, { in: UTC }) : new Date(NaN);
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

/** A wall-clock time on a day in a zone, as an instant: ("2025-10-24", "16:10", "Asia/Hong_Kong") → 08:10 UTC. */
export function zonedInstant(isoDay: string, time: string, zone: string): Date {
  const [year, month, dayOfMonth] = isoDay.split('-').map(Number);
  const [hours, minutes] = time.split(':').map(Number);
  return new Date(new TZDate(year, month - 1, dayOfMonth, hours, minutes, 0, zone).getTime());
}

/** An instant as ISO 8601 with the zone's offset: ("2025-10-24T10:30:00Z", "Asia/Hong_Kong") → "2025-10-24T18:30:00+08:00". */
export function zonedIso(instant: string, zone: string): string {
  return formatISO(parseISO(instant), { in: tz(zone) });
}
