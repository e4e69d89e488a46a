/**
 * The archive: reports newest first, grouped by month (date-fns, in src/lib/dates.ts), cut into pages
 * of a screenful or so. Each month is linked from every page to the page where it starts.
 */
import { monthKey } from './dates.ts';

export const ARCHIVE_PAGE_SIZE = 20;

export interface MonthEntry {
  /** "2025-10". */
  key: string;
  /** Reports of the month across the whole archive. */
  count: number;
  /** 1-based page on which the month's first report appears. */
  page: number;
}

/** Months of the archive, newest first, given session dates sorted newest first. */
export function archiveMonths(dates: readonly string[], pageSize = ARCHIVE_PAGE_SIZE): MonthEntry[] {
  const months: MonthEntry[] = [];
  dates.forEach((date, i) => {
    const key = monthKey(date);
    const last = months.at(-1);
    if (last?.key === key) last.count += 1;
    else months.push({ key, count: 1, page: Math.floor(i / pageSize) + 1 });
  });
  return months;
}
