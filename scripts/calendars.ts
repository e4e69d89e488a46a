/**
 * `npm run calendars` — writes content/calendars/<id>.json for every market in data/markets.json,
 * 2000 through 2030, from maintained holiday libraries, never from hand-typed lists:
 *
 * - date-holidays (Hong Kong, United States, Japan, Australia, New Zealand): rules for every year,
 *   lunar dates included, in one library kept up to date by its maintainers;
 * - holiday-calendar (mainland China): the State Council's yearly arrangements as published, since
 *   the exchanges close on the arranged weekdays too, which no rule can compute; published years only;
 * - @hyunbinseo/holidays-kr (South Korea): the official gazette's holidays, three-day Seollal and
 *   Chuseok included, which date-holidays lists as one day; published years only.
 *
 * Each exchange's own rules (which holidays close it, its half days) are applied here; closures
 * no library knows are in data/calendar-overrides.json, each with its source. Every calendar
 * records the generator and the libraries' versions. Run again after updating a library.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Holidays from 'date-holidays';
import { isWeekendDay } from '../src/lib/dates.ts';
import { MARKET_LIST, type MarketConvention } from '../src/lib/market.ts';

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2030;

interface Day {
  date: string;
  name: string;
}

export interface GeneratedCalendar {
  id: string;
  name: string;
  market: string;
  source: string;
  generator: { command: string; libraries: { name: string; version: string }[]; overrides: string };
  years: number[];
  holidays: Day[];
  halfDays: Day[];
}

const require = createRequire(import.meta.url);
function versionOf(name: string): { name: string; version: string } {
  const manifest = require(`${name}/package.json`) as { version: string };
  return { name, version: manifest.version };
}

const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const dayOf = (date: string) => date.slice(0, 10);
const shiftDay = (isoDay: string, days: number) => new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const isSunday = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`).getUTCDay() === 0;

/** date-holidays' holidays of a year, by type, with English names and local days. */
function library(country: string, state?: string) {
  const holidays = state ? new Holidays(country, state) : new Holidays(country);
  return (year: number, types: string[]) =>
    (holidays.getHolidays(year, 'en') || []).filter((h) => types.includes(h.type)).map((h) => ({ date: dayOf(h.date), name: h.name, substitute: Boolean(h.substitute) }));
}

/**
 * Hong Kong's general holidays: when two fall on one day (Easter Monday and Ching Ming in 2010),
 * the General Holidays Ordinance moves the second to the next day that is neither a Sunday nor a
 * holiday; date-holidays lists both on the same day, so the move is made here.
 */
export function hongKongHolidays(year: number): Day[] {
  const listed = library('HK')(year, ['public']);
  const taken = new Set<string>();
  const out: Day[] = [];
  for (const h of listed) {
    let date = h.date;
    if (taken.has(date)) {
      do date = shiftDay(date, 1);
      while (taken.has(date) || isSunday(date) || listed.some((other) => other.date === date));
      out.push({ date, name: `The day following ${h.name.replace(/^The day following /, '')}` });
    } else {
      out.push({ date, name: h.name });
    }
    taken.add(date);
  }
  return out;
}

/** HKEX trades a morning only on the eves of Christmas, New Year and Lunar New Year, when those are trading days. */
export function hongKongHalfDays(year: number, closed: Set<string>): Day[] {
  const lunarNewYear = library('HK')(year, ['public']).find((h) => /^Lunar New Year/.test(h.name))?.date;
  const eves: Day[] = [
    ...(lunarNewYear ? [{ date: shiftDay(lunarNewYear, -1), name: "Lunar New Year's Eve" }] : []),
    { date: `${year}-12-24`, name: 'Christmas Eve' },
    { date: `${year}-12-31`, name: "New Year's Eve" },
  ];
  return eves.filter((d) => d.date.startsWith(String(year)) && !isWeekendDay(d.date) && !closed.has(d.date));
}

/**
 * NYSE: the federal holidays without Columbus Day and Veterans Day, plus Good Friday; Juneteenth
 * from 2022; a Saturday holiday closes the Friday before, except New Year's Day (NYSE Rule 7.2).
 */
export function nyseHolidays(year: number): Day[] {
  const holidays = new Holidays('US');
  holidays.setHoliday('easter -2', { name: 'Good Friday', type: 'public' });
  return holidays
    .getHolidays(year, 'en')
    .filter((h) => h.type === 'public')
    .map((h) => ({ date: dayOf(h.date), name: h.name.replace(/ \(substitute day\)$/, ' (observed)') }))
    .filter((h) => !/^(Columbus Day|Veterans Day)/.test(h.name))
    .filter((h) => !(h.name.startsWith('Juneteenth') && year < 2022))
    .filter((h) => !(h.name.startsWith("New Year's Day") && h.date.endsWith('-12-31')))
    .map((h) => (h.name === 'Labour Day' ? { ...h, name: 'Labor Day' } : h));
}

/** NYSE closes at 13:00 the day after Thanksgiving and on the eves of Christmas and Independence Day that are trading days. */
export function nyseHalfDays(year: number, holidays: Day[], closed: Set<string>): Day[] {
  const thanksgiving = holidays.find((h) => h.name.startsWith('Thanksgiving'))?.date;
  return [
    { date: `${year}-07-03`, name: 'Day before Independence Day' },
    ...(thanksgiving ? [{ date: shiftDay(thanksgiving, 1), name: 'Day after Thanksgiving' }] : []),
    { date: `${year}-12-24`, name: 'Christmas Eve' },
  ].filter((d) => !isWeekendDay(d.date) && !closed.has(d.date));
}

/** JPX: national holidays (substitutes included) and the year-end break, 31 December to 3 January ("bank" days in date-holidays). */
export function jpxHolidays(year: number): Day[] {
  return library('JP')(year, ['public', 'bank']).map(({ date, name }) => ({ date, name }));
}

/** ASX: the national holidays as New South Wales observes them; it trades on NSW Labour Day. */
export function asxHolidays(year: number): Day[] {
  return library('AU', 'NSW')(year, ['public'])
    .filter((h) => !/^Labour Day/.test(h.name))
    .map(({ date, name }) => ({ date, name }));
}

/** ASX ends trading early (14:10 auction) on Christmas Eve and New Year's Eve when they are trading days. */
export function asxHalfDays(year: number, closed: Set<string>): Day[] {
  return [
    { date: `${year}-12-24`, name: 'Christmas Eve' },
    { date: `${year}-12-31`, name: "New Year's Eve" },
  ].filter((d) => !isWeekendDay(d.date) && !closed.has(d.date));
}

/** NZX: New Zealand's national public holidays with their Monday substitutes; no regional anniversary days. */
export function nzxHolidays(year: number): Day[] {
  return library('NZ')(year, ['public']).map(({ date, name }) => ({ date, name }));
}

interface ChinaDay {
  date: string;
  name_en: string;
  type: 'public_holiday' | 'transfer_workday';
}

/** SSE and SZSE: the State Council's arranged days off; weekends stay closed even when arranged as workdays. */
export function chinaHolidays(year: number): Day[] | undefined {
  let data: { dates: ChinaDay[] };
  try {
    data = require(`holiday-calendar/data/CN/${year}.json`) as { dates: ChinaDay[] };
  } catch {
    return undefined;
  }
  return data.dates.filter((d) => d.type === 'public_holiday').map((d) => ({ date: d.date, name: d.name_en }));
}

const KOREAN_NAMES: Record<string, string> = {
  '1월 1일': "New Year's Day",
  설날: 'Seollal (Lunar New Year)',
  '설날 전날': 'The day before Seollal',
  '설날 다음 날': 'The day after Seollal',
  '3ㆍ1절': 'Independence Movement Day',
  삼일절: 'Independence Movement Day',
  노동절: 'Labour Day',
  어린이날: "Children's Day",
  '부처님 오신 날': "Buddha's Birthday",
  부처님오신날: "Buddha's Birthday",
  현충일: 'Memorial Day',
  제헌절: 'Constitution Day',
  광복절: 'Liberation Day',
  추석: 'Chuseok',
  '추석 전날': 'The day before Chuseok',
  '추석 다음 날': 'The day after Chuseok',
  개천절: 'National Foundation Day',
  한글날: 'Hangul Day',
  기독탄신일: 'Christmas Day',
};

/** The gazette's Korean names in English: "대체공휴일(추석)" → "Substitute holiday (Chuseok)", elections by kind. */
export function koreanHolidayName(name: string): string {
  if (KOREAN_NAMES[name]) return KOREAN_NAMES[name];
  const substitute = /^대체공휴일\((.+)\)$/.exec(name);
  if (substitute) return `Substitute holiday (${koreanHolidayName(substitute[1])})`;
  if (/대통령선거/.test(name)) return 'Presidential election day';
  if (/국회의원선거/.test(name)) return 'National Assembly election day';
  if (/지방선거/.test(name)) return 'Local elections day';
  if (/^임시공휴일/.test(name)) return 'Temporary public holiday';
  return name;
}

/** KRX: the gazette's public holidays, Labour Day (1 May) and the year-end closing day (last weekday of December). */
export async function krxHolidays(year: number): Promise<Day[] | undefined> {
  const { getHolidayPreset } = (await import('@hyunbinseo/holidays-kr')) as unknown as { getHolidayPreset: (year: string) => Promise<Record<string, string[]>> };
  let preset: Record<string, string[]>;
  try {
    preset = await getHolidayPreset(String(year));
  } catch {
    return undefined;
  }
  const days: Day[] = Object.entries(preset).map(([date, names]) => ({
    date,
    name: names.map(koreanHolidayName).join(', '),
  }));
  if (!preset[`${year}-05-01`]) days.push({ date: `${year}-05-01`, name: 'Labour Day' });
  let last = `${year}-12-31`;
  while (isWeekendDay(last) || preset[last]) last = shiftDay(last, -1);
  days.push({ date: last, name: 'Year-end closing day' });
  return days;
}

interface Override extends Day {
  source: string;
}

/** Builds one market's calendar; `undefined` years (no published data) are left out of `years`. */
export async function generateCalendar(market: MarketConvention, overrides: Record<string, Override[]>): Promise<GeneratedCalendar> {
  const holidays: Day[] = [];
  const halfDays: Day[] = [];
  const covered: number[] = [];
  let libraries: string[] = ['date-holidays'];
  for (const year of years(FIRST_YEAR, LAST_YEAR)) {
    let listed: Day[] | undefined;
    let half: (closed: Set<string>, listed: Day[]) => Day[] = () => [];
    switch (market.calendar) {
      case 'hkex':
        listed = hongKongHolidays(year);
        half = (closed) => hongKongHalfDays(year, closed);
        break;
      case 'nyse':
        listed = nyseHolidays(year);
        half = (closed, l) => nyseHalfDays(year, l, closed);
        break;
      case 'jpx':
        listed = jpxHolidays(year);
        break;
      case 'asx':
        listed = asxHolidays(year);
        half = (closed) => asxHalfDays(year, closed);
        break;
      case 'nzx':
        listed = nzxHolidays(year);
        break;
      case 'sse':
        libraries = ['holiday-calendar'];
        listed = chinaHolidays(year);
        break;
      case 'krx':
        libraries = ['@hyunbinseo/holidays-kr'];
        listed = await krxHolidays(year);
        break;
      default:
        throw new Error(`no generator rule for calendar "${market.calendar}" (market ${market.id}); add one to scripts/calendars.ts`);
    }
    if (!listed) continue;
    const extra = (overrides[market.calendar] ?? []).filter((o) => o.date.startsWith(`${year}-`));
    // Only weekdays: a weekend is closed without being listed.
    const byDate = new Map<string, Day>();
    for (const day of [...listed, ...extra.map(({ date, name }) => ({ date, name }))]) {
      if (!day.date.startsWith(`${year}-`) || isWeekendDay(day.date)) continue;
      const known = byDate.get(day.date);
      byDate.set(day.date, known ? { date: day.date, name: known.name.includes(day.name) ? known.name : `${known.name}; ${day.name}` } : day);
    }
    const closed = new Set(byDate.keys());
    holidays.push(...[...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)));
    halfDays.push(...half(closed, [...byDate.values()]));
    covered.push(year);
  }
  return {
    id: market.calendar,
    name: `${market.exchanges.join(' and ')} trading calendar (${market.name})`,
    market: market.id,
    source: market.sources.calendar ?? `${market.exchanges.join(' and ')} closes on the public holidays listed; weekends are closed and not listed.`,
    generator: { command: 'npm run calendars', libraries: libraries.map(versionOf), overrides: 'data/calendar-overrides.json' },
    years: covered,
    holidays,
    halfDays: halfDays.sort((a, b) => a.date.localeCompare(b.date)),
  };
}

/** One calendar as its file is written: one holiday a line, so a regeneration diffs by day. */
export function calendarText(calendar: GeneratedCalendar): string {
  const line = (day: Day) => `    ${JSON.stringify(day).replace(/^\{"date":/, '{ "date": ').replace(/,"name":/, ', "name": ').replace(/\}$/, ' }')}`;
  const { holidays, halfDays, ...head } = calendar;
  const headText = JSON.stringify(head, null, 2).replace(/\n\}$/, '');
  const years = `"years": [${calendar.years.join(', ')}]`;
  return `${headText.replace(/"years": \[[^\]]*\]/s, years)},\n  "holidays": [\n${holidays.map(line).join(',\n')}\n  ],\n  "halfDays": [\n${halfDays.map(line).join(',\n')}\n  ]\n}\n`;
}

if (import.meta.main) {
  const root = process.env.CLOSING_BELL_CONTENT ?? 'content';
  const overrides = JSON.parse(readFileSync('data/calendar-overrides.json', 'utf8')) as Record<string, Override[]>;
  for (const market of MARKET_LIST) {
    const calendar = await generateCalendar(market, overrides);
    const file = join(root, 'calendars', `${calendar.id}.json`);
    writeFileSync(file, calendarText(calendar));
    const span = calendar.years.length ? `${calendar.years[0]}–${calendar.years[calendar.years.length - 1]}` : 'no year';
    console.log(`wrote ${file}: ${span}, ${calendar.holidays.length} holidays, ${calendar.halfDays.length} half days (${calendar.generator.libraries.map((l) => `${l.name} ${l.version}`).join(', ')})`);
  }
}
