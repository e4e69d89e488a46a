/**
 * `node scripts/calendar-candidates.ts` — how far the holiday libraries agree, on weekdays, with a
 * published list or with each other; the figures behind the choice of library for each calendar in
 * scripts/calendars.ts. Prints one line per comparison.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Holidays from 'date-holidays';
import { isWeekendDay } from '../src/lib/dates.ts';
import { hongKongHolidays, krxHolidays } from './calendars.ts';

const require = createRequire(import.meta.url);
const weekdays = (dates: string[]) => new Set(dates.filter((d) => !isWeekendDay(d)));
const dh = (country: string, year: number, types: string[]) =>
  (new Holidays(country).getHolidays(year, 'en') || []).filter((h) => types.includes(h.type)).map((h) => h.date.slice(0, 10));
const cal = (region: string, year: number): string[] | undefined => {
  try {
    return (require(`holiday-calendar/data/${region}/${year}.json`) as { dates: { date: string; type: string }[] }).dates.filter((d) => d.type === 'public_holiday').map((d) => d.date);
  } catch {
    return undefined;
  }
};

function compare(label: string, years: number[], a: (y: number) => string[] | undefined | Promise<string[] | undefined>, b: (y: number) => string[] | undefined | Promise<string[] | undefined>) {
  return (async () => {
    let both = 0, onlyA = 0, onlyB = 0, covered = 0;
    const differences: string[] = [];
    for (const year of years) {
      const [x, y] = await Promise.all([a(year), b(year)]);
      if (!x || !y) continue;
      covered++;
      const [sx, sy] = [weekdays(x), weekdays(y)];
      for (const d of sx) if (sy.has(d)) both++; else { onlyA++; differences.push(`+${d}`); }
      for (const d of sy) if (!sx.has(d)) { onlyB++; differences.push(`-${d}`); }
    }
    console.log(`${label}: ${covered} years compared, ${both} weekday holidays in both, ${onlyA} only in the first, ${onlyB} only in the second${differences.length ? ` (${differences.slice(0, 12).join(' ')}${differences.length > 12 ? ' …' : ''})` : ''}`);
  })();
}
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const published = JSON.parse(readFileSync('tests/fixtures/calendars/hkex-published-2025-2026.json', 'utf8')) as { holidays: { date: string }[] };
const publishedDays = (year: number) => published.holidays.map((h) => h.date).filter((d) => d.startsWith(`${year}-`));
await compare('HK 2025–2026, date-holidays (with the ordinance\'s collision rule) vs HKEX\'s published list', [2025, 2026], (y) => hongKongHolidays(y).map((h) => h.date), publishedDays);
await compare('HK 2025–2026, date-holidays as shipped vs HKEX\'s published list', [2025, 2026], (y) => dh('HK', y, ['public']), publishedDays);
await compare('HK 2015–2030, holiday-calendar vs date-holidays', range(2015, 2030), (y) => cal('HK', y), (y) => dh('HK', y, ['public']));
await compare('CN 2015–2026, date-holidays vs holiday-calendar (State Council arrangements)', range(2015, 2026), (y) => dh('CN', y, ['public']), (y) => cal('CN', y));
await compare('JP 2000–2026, date-holidays (public) vs holiday-calendar (Cabinet Office)', range(2000, 2026), (y) => dh('JP', y, ['public']), (y) => cal('JP', y));
await compare('KR 2018–2027, date-holidays vs @hyunbinseo/holidays-kr (official gazette)', range(2018, 2027), (y) => dh('KR', y, ['public']), async (y) => (await krxHolidays(y))?.filter((h) => !/Labour Day|Year-end/.test(h.name)).map((h) => h.date));
