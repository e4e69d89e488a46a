import { describe, expect, it } from 'vitest';
import {
  formatMonth,
  formatSessionDate,
  formatShortDate,
  formatZonedDateTime,
  formatZonedTime,
  isWeekendDay,
  monthKey,
  zonedDay,
} from '../../src/lib/dates.ts';

const HK = 'Asia/Hong_Kong';
const NY = 'America/New_York';

describe('the test zone', () => {
  // A session day read as a UTC instant and formatted in New York falls on the day before, so every
  // day-level case below would fail if the code used the host's zone.
  it('is America/New_York, west of UTC, so a host-zone slip shows', () => {
    expect(process.env.TZ).toBe(NY);
    expect(new Date(2025, 0, 1).getTimezoneOffset()).not.toBe(0);
    expect(new Date(2025, 0, 1).getTimezoneOffset()).toBe(300);
    expect(new Date(Date.UTC(2025, 9, 24)).getDate()).toBe(23);
  });
});

const BAD_DAYS = ['2025-02-30', '2023-02-29', '2025-13-01', '2025-00-10', '', 'not a date', ' 2025-10-24'];

describe('formatSessionDate', () => {
  it.each([
    ['2025-10-24', 'Friday, 24 October 2025'],
    ['2025-01-01', 'Wednesday, 1 January 2025'],
    ['2025-12-31', 'Wednesday, 31 December 2025'],
    ['2024-02-29', 'Thursday, 29 February 2024'],
    ['2025-11-02', 'Sunday, 2 November 2025'], // New York leaves summer time
    ['2026-03-08', 'Sunday, 8 March 2026'], // New York starts summer time
    ['1999-12-31', 'Friday, 31 December 1999'],
  ])('%s → %s', (day, expected) => {
    expect(formatSessionDate(day)).toBe(expected);
  });

  it.each(BAD_DAYS)('throws a RangeError for %j', (day) => {
    expect(() => formatSessionDate(day)).toThrow(RangeError);
    expect(() => formatSessionDate(day)).toThrow(`"${day}" is not a date written YYYY-MM-DD`);
  });
});

describe('formatShortDate', () => {
  it.each([
    ['2025-10-24', '24 Oct 2025'],
    ['2025-01-01', '1 Jan 2025'],
    ['2025-09-05', '5 Sep 2025'],
    ['2025-12-31', '31 Dec 2025'],
  ])('%s → %s', (day, expected) => {
    expect(formatShortDate(day)).toBe(expected);
  });

  it.each(BAD_DAYS)('throws a RangeError for %j', (day) => {
    expect(() => formatShortDate(day)).toThrow(RangeError);
  });
});

describe('monthKey', () => {
  it.each([
    ['2025-10-24', '2025-10'],
    ['2025-01-01', '2025-01'],
    ['2025-12-31', '2025-12'],
    ['2024-03-01', '2024-03'],
  ])('%s → %s', (day, expected) => {
    expect(monthKey(day)).toBe(expected);
  });

  it.each(BAD_DAYS)('throws a RangeError for %j', (day) => {
    expect(() => monthKey(day)).toThrow(RangeError);
  });
});

describe('formatMonth', () => {
  it.each([
    ['2025-10', 'October 2025'],
    ['2025-01', 'January 2025'],
    ['2025-12', 'December 2025'],
  ])('%s → %s', (key, expected) => {
    expect(formatMonth(key)).toBe(expected);
  });

  it('names the month monthKey gives a day', () => {
    expect(formatMonth(monthKey('2025-03-01'))).toBe('March 2025');
  });

  it.each(['2025-13', '2025-00', '', '2025-1'])('throws a RangeError for %j', (key) => {
    expect(() => formatMonth(key)).toThrow(RangeError);
    expect(() => formatMonth(key)).toThrow(`"${key}-01" is not a date written YYYY-MM-DD`);
  });
});

describe('isWeekendDay', () => {
  it.each([
    ['2025-10-24', false], // Friday
    ['2025-10-25', true], // Saturday
    ['2025-10-26', true], // Sunday
    ['2025-10-27', false], // Monday
    ['2025-01-04', true], // Saturday
    ['2025-01-06', false], // Monday
    ['2024-02-29', false], // Thursday
  ])('%s → %s', (day, expected) => {
    expect(isWeekendDay(day)).toBe(expected);
  });

  it.each(BAD_DAYS)('throws a RangeError for %j', (day) => {
    expect(() => isWeekendDay(day)).toThrow(RangeError);
  });
});

describe('formatZonedTime', () => {
  it.each([
    ['2025-10-24T10:30:00Z', HK, 'HKT', '18:30 HKT'],
    ['2025-10-24T18:30:00+08:00', HK, 'HKT', '18:30 HKT'],
    ['2025-10-24T06:30:00-04:00', HK, 'HKT', '18:30 HKT'],
    ['2025-10-24T10:30:59.999+00:00', HK, 'HKT', '18:30 HKT'],
    ['2025-10-24T15:59:59Z', HK, 'HKT', '23:59 HKT'],
    ['2025-10-24T16:00:00Z', HK, 'HKT', '00:00 HKT'],
    ['2025-10-24T10:30:00Z', 'UTC', 'UTC', '10:30 UTC'],
    ['2025-10-24T10:30:00Z', 'Asia/Kolkata', 'IST', '16:00 IST'],
    ['2025-07-01T12:00:00Z', 'Europe/London', 'BST', '13:00 BST'],
    ['2025-01-01T12:00:00Z', 'Europe/London', 'GMT', '12:00 GMT'],
    // New York's spring-forward gap, 2025-03-09: 01:59 EST is followed by 03:00 EDT.
    ['2025-03-09T06:59:00Z', NY, 'ET', '01:59 ET'],
    ['2025-03-09T07:00:00Z', NY, 'ET', '03:00 ET'],
  ])('(%s, %s, %s) → %s', (instant, zone, abbreviation, expected) => {
    expect(formatZonedTime(instant, zone, abbreviation)).toBe(expected);
  });

  it.each([
    ['not a time', HK],
    ['2025-10-24T10:30:00Z', 'Mars/Olympus_Mons'],
  ])('throws a RangeError for (%j, %j)', (instant, zone) => {
    expect(() => formatZonedTime(instant, zone, 'X')).toThrow(RangeError);
  });
});

describe('formatZonedDateTime', () => {
  it.each([
    ['2025-10-24T10:30:00Z', HK, 'HKT', '24 October 2025, 18:30 HKT'],
    ['2025-10-24T18:30:00+08:00', HK, 'HKT', '24 October 2025, 18:30 HKT'],
    ['2025-10-24T16:30:00Z', HK, 'HKT', '25 October 2025, 00:30 HKT'],
    ['2025-12-31T16:00:00Z', HK, 'HKT', '1 January 2026, 00:00 HKT'],
    ['2025-10-24T03:00:00Z', NY, 'ET', '23 October 2025, 23:00 ET'],
    // New York's fall-back, 2025-11-02: 01:30 happens twice, an hour apart.
    ['2025-11-02T05:30:00Z', NY, 'ET', '2 November 2025, 01:30 ET'],
    ['2025-11-02T06:30:00Z', NY, 'ET', '2 November 2025, 01:30 ET'],
  ])('(%s, %s, %s) → %s', (instant, zone, abbreviation, expected) => {
    expect(formatZonedDateTime(instant, zone, abbreviation)).toBe(expected);
  });

  it('throws a RangeError for an instant that is not one', () => {
    expect(() => formatZonedDateTime('2025-13-01T00:00:00Z', HK, 'HKT')).toThrow(RangeError);
  });
});

describe('zonedDay', () => {
  it.each([
    ['2025-10-24T15:59:59Z', HK, '2025-10-24'],
    ['2025-10-24T16:00:00Z', HK, '2025-10-25'],
    ['2025-10-24T18:00:00Z', HK, '2025-10-25'],
    ['2025-10-25T00:30:00+08:00', HK, '2025-10-25'],
    ['2025-10-25T00:30:00+08:00', 'UTC', '2025-10-24'],
    ['2025-10-24T03:00:00Z', 'UTC', '2025-10-24'],
    ['2025-10-24T03:00:00Z', NY, '2025-10-23'],
    ['2025-12-31T16:00:00Z', HK, '2026-01-01'],
  ])('(%s, %s) → %s', (instant, zone, expected) => {
    expect(zonedDay(instant, zone)).toBe(expected);
  });
});
