/**
 * Markets, calendars and registries through the content check, in-process on copies of `content/`:
 * a wrap quoting five regional indices passes with each index in its own market; every market's
 * generated calendar refuses its holidays and the years it does not cover; a half day's early close
 * is enforced; `npm run new` stubs unknown tickers and indices; `npm run register` imports a list.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/check/index.ts';
import { MARKET_LIST } from '../../src/lib/market.ts';
import { copyContent } from '../support/site.ts';
import { REGIONAL_REPORT, REGIONAL_SNAPSHOT, writeRegionalWrap } from '../support/regional.ts';

const NOW = new Date('2025-11-01T00:00:00Z');
const check = (content: string, now = NOW) => checkContent({ root: relative('.', content), now, history: { files: new Map(), readAt: () => new Map() } as never });
const errorsIn = (problems: ReturnType<typeof checkContent>, file: string) =>
  problems.filter((p) => p.severity === 'error' && p.file.endsWith(file)).map((p) => `${p.line}:${p.column} ${p.field} ${p.message}`);

function writeReport(content: string, name: string, fields: { market: string; date: string; published: string }): string {
  const path = join(content, 'reports', `${name}.mdx`);
  writeFileSync(path, `---\ntitle: Synthetic ${name}\ndescription: A synthetic report for a test.\ndate: ${fields.date}\nmarket: ${fields.market}\npublished: ${fields.published}\nauthors:\n  - Test Desk\n---\n\nA synthetic paragraph.\n`);
  return `reports/${name}.mdx`;
}

describe('a wrap quoting regional indices', () => {
  it('passes the check with each index registered to its own market', () => {
    const content = copyContent('regional');
    writeRegionalWrap(content);
    const problems = check(content);
    expect(errorsIn(problems, REGIONAL_REPORT)).toEqual([]);
    expect(errorsIn(problems, REGIONAL_SNAPSHOT)).toEqual([]);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('is held to the close of every market it quotes: a US index cannot be in an evening Hong Kong wrap of the same day', () => {
    const content = copyContent('regional-us');
    writeRegionalWrap(content, { extra: [{ symbol: 'SYNUS', name: 'Synthetic US Index', market: 'us', close: 100, change: 1 }] });
    expect(errorsIn(check(content), REGIONAL_REPORT)).toEqual([
      '6:1 published found 2025-10-27T18:30:00+08:00, expected a time after the United States close (the session quotes United States instruments) (2025-10-27 16:00 ET)',
    ]);
    // After 16:00 in New York (04:00 the next morning in Hong Kong) it may be published.
    const later = copyContent('regional-us-later');
    writeRegionalWrap(later, { published: '2025-10-28T04:05:00+08:00', extra: [{ symbol: 'SYNUS', name: 'Synthetic US Index', market: 'us', close: 100, change: 1 }] });
    expect(errorsIn(check(later), REGIONAL_REPORT)).toEqual([]);
  });
});

describe('generated calendars', () => {
  const calendars = MARKET_LIST.map((market) => {
    const calendar = JSON.parse(readFileSync(`content/calendars/${market.calendar}.json`, 'utf8')) as { years: number[]; holidays: { date: string; name: string }[]; generator: { libraries: { name: string; version: string }[] } };
    return { market, calendar };
  });

  it.each(calendars.map(({ market, calendar }) => [market.id, calendar] as const))('%s: records its generator and lists holidays in every year it covers', (_, calendar) => {
    expect(calendar.generator.libraries.length).toBeGreaterThan(0);
    for (const year of calendar.years) expect(calendar.holidays.some((h) => h.date.startsWith(`${year}-`)), `${year}`).toBe(true);
  });

  it('covers 2000 through 2030 wherever a library publishes the years', () => {
    const spans = Object.fromEntries(calendars.map(({ market, calendar }) => [market.id, `${calendar.years[0]}–${calendar.years.at(-1)} (${calendar.years.length})`]));
    expect(spans).toEqual({
      hk: '2000–2030 (31)',
      cn: '2000–2026 (27)',
      us: '2000–2030 (31)',
      jp: '2000–2030 (31)',
      kr: '2018–2027 (10)',
      au: '2000–2030 (31)',
      nz: '2000–2030 (31)',
    });
  });

  it('agrees with the HKEX holidays published for 2025 and 2026', () => {
    const published = JSON.parse(readFileSync('tests/fixtures/calendars/hkex-published-2025-2026.json', 'utf8')) as { holidays: { date: string }[] };
    const generated = calendars.find((c) => c.market.id === 'hk')!.calendar.holidays.map((h) => h.date).filter((d) => d >= '2025' && d < '2027');
    expect(generated).toEqual(published.holidays.map((h) => h.date));
  });

  it('refuses a holiday in each market, in the first and the last year it covers, and the years outside', () => {
    const content = copyContent('holidays');
    const expectations: [string, RegExp][] = [];
    for (const { market, calendar } of calendars) {
      const [first, last] = [calendar.years[0], calendar.years.at(-1)!];
      for (const year of [first, last]) {
        const holiday = calendar.holidays.find((h) => h.date.startsWith(`${year}-`))!;
        const file = writeReport(content, `holiday-${market.id}-${year}`, { market: market.id, date: holiday.date, published: `${holiday.date}T23:59:00Z` });
        expectations.push([file, new RegExp(`found ${holiday.date}, expected a ${market.exchange} trading day: ${holiday.date} is a ${market.calendar} holiday`)]);
      }
      for (const year of [first - 1, last + 1]) {
        const date = `${year}-03-01`;
        const file = writeReport(content, `outside-${market.id}-${year}`, { market: market.id, date, published: `${date}T23:59:00Z` });
        expectations.push([file, new RegExp(`found ${date}, expected a ${market.exchange} trading day: the ${market.calendar} calendar covers ${first}–${last} only`)]);
      }
    }
    const problems = check(content, new Date('2032-01-01T00:00:00Z'));
    for (const [file, message] of expectations) {
      expect(errorsIn(problems, file).filter((m) => m.includes(' date ')).join('\n'), file).toMatch(message);
    }
  });

  it('refuses a calendar year with no holidays listed', () => {
    const content = copyContent('empty-year');
    const path = join(content, 'calendars/hkex.json');
    const calendar = JSON.parse(readFileSync(path, 'utf8'));
    calendar.holidays = calendar.holidays.filter((h: { date: string }) => !h.date.startsWith('2024-'));
    calendar.halfDays = calendar.halfDays.filter((h: { date: string }) => !h.date.startsWith('2024-'));
    writeFileSync(path, JSON.stringify(calendar, null, 2));
    expect(errorsIn(check(content), 'calendars/hkex.json')).toEqual([
      expect.stringMatching(/^\d+:\d+ years\[24\] found 2024 with no holiday listed, expected the year's weekday holidays/),
    ]);
  });
});

describe('half days', () => {
  it.each<[string, string, string, string | undefined]>([
    // Christmas Eve 2025: HKEX closes at noon, its closing auction by 12:10.
    ['after the half-day close', '2025-12-24', '2025-12-24T12:30:00+08:00', undefined],
    ['before the half-day close', '2025-12-24', '2025-12-24T12:05:00+08:00', 'found 2025-12-24T12:05:00+08:00, expected a time after the HKEX half-day close (2025-12-24 12:10 HKT)'],
    ['at 12:30 on a full day', '2025-12-23', '2025-12-23T12:30:00+08:00', "found 2025-12-23T12:30:00+08:00, expected a time after the session's close (2025-12-23 16:10 HKT)"],
  ])('a Hong Kong report published %s', (_, date, published, message) => {
    const content = copyContent('half-day');
    const file = writeReport(content, `half-${date}`, { market: 'hk', date, published });
    const found = errorsIn(check(content, new Date('2026-01-01T00:00:00Z')), file).filter((m) => m.includes(' published '));
    expect(found.map((m) => m.replace(/^\d+:\d+ published /, ''))).toEqual(message ? [message] : []);
  });
});

function run(script: string, content: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [script, ...args], { env: { ...process.env, CLOSING_BELL_CONTENT: content }, encoding: 'utf8' });
  return { code: result.status, output: result.stdout + result.stderr };
}

describe('registries that fill themselves', () => {
  it('npm run new scaffolds a 2023 session with stubs for unknown tickers and indices, which the check refuses until filled', () => {
    const content = copyContent('new-2023');
    const { code, output } = run('scripts/new.ts', content, '--market', 'hk', '--date', '2023-06-15', '--title', 'Synthetic 2023 Wrap', '--tickers', '00981.HK,91001.HK', '--indices', 'HSI,SYNJP,N225');
    expect(code, output).toBe(0);
    expect(output).toContain(`created  ${join(content, 'securities/91001.HK.json')} (registry stub)`);
    expect(output).toContain(`created  ${join(content, 'indices/SYNJP.json')} (registry stub)`);
    // Registered ones are left alone.
    expect(output).not.toContain('securities/00981.HK.json');
    expect(JSON.parse(readFileSync(join(content, 'securities/91001.HK.json'), 'utf8'))).toMatchObject({ exchange: 'HKEX', market: 'hk', currency: 'HKD' });
    const snapshot = JSON.parse(readFileSync(join(content, 'markets/hk/2023-06-15.json'), 'utf8'));
    expect(snapshot.indices.map((i: { symbol: string }) => i.symbol)).toEqual(['HSI', 'SYNJP', 'N225']);
    // A configured market's main index gets its own market and name: no `market: "hk"` for the Nikkei.
    expect(JSON.parse(readFileSync(join(content, 'indices/N225.json'), 'utf8'))).toEqual({ symbol: 'N225', name: 'Nikkei 225', market: 'jp', aliases: ['TODO: other names prose may use, or remove'] });
    expect(snapshot.stocks.map((s: { ticker: string }) => s.ticker)).toEqual(['00981.HK', '91001.HK']);

    const problems = check(content, new Date('2024-01-01T00:00:00Z'));
    expect(errorsIn(problems, 'securities/91001.HK.json').map((m) => m.replace(/^\d+:\d+ /, '').replace(/ found .*/, ''))).toEqual(['name', 'fullName', 'sector', 'aliases[0]']);
    expect(errorsIn(problems, 'securities/91001.HK.json').every((m) => m.includes('a TODO placeholder'))).toBe(true);
    expect(errorsIn(problems, 'indices/SYNJP.json').join('\n')).toMatch(/market found "TODO: its own market \(hk, cn, us, jp, kr, au, nz\)", expected one of hk, cn, us, jp, kr, au, nz/);
    // No calendar problem: 2023 is generated.
    expect(errorsIn(problems, '2023-06-15-synthetic-2023-wrap.mdx').filter((m) => / (date|market) /.test(m))).toEqual([]);
  });

  it('npm run register imports the equities of an HKEX list, one file each, never overwriting an edited one', () => {
    const content = copyContent('register');
    const fixture = 'tests/fixtures/registry/synthetic-hkex-list-of-securities.csv';
    // An untouched stub from `npm run new` is filled in; an edited file (SMIC, 00981.HK) is kept.
    run('scripts/new.ts', content, '--date', '2025-10-27', '--title', 'Stub', '--tickers', '91004.HK');
    const smic = readFileSync(join(content, 'securities/00981.HK.json'), 'utf8');
    const { code, output } = run('scripts/register.ts', content, '--from', fixture);
    expect(code, output).toBe(0);
    expect(JSON.parse(readFileSync(join(content, 'securities/91001.HK.json'), 'utf8'))).toEqual({ ticker: '91001.HK', name: 'SYNTHETIC ALPHA', exchange: 'HKEX', market: 'hk', currency: 'HKD', boardLot: 500 });
    expect(JSON.parse(readFileSync(join(content, 'securities/91002.HK.json'), 'utf8'))).toMatchObject({ name: 'SYNTHETIC BETA-W', boardLot: 1000 });
    expect(JSON.parse(readFileSync(join(content, 'securities/91004.HK.json'), 'utf8'))).toMatchObject({ name: 'SYNTHETIC STUB CO', boardLot: 2000 });
    expect(readFileSync(join(content, 'securities/00981.HK.json'), 'utf8')).toBe(smic);
    expect(existsSync(join(content, 'securities/91003.HK.json'))).toBe(false);
    expect(output).toContain(`kept     ${join(content, 'securities/00981.HK.json')} (already registered)`);
    expect(output).toContain(`${fixture}:7 (category "Derivative Warrants")`);
    expect(output).toContain(`${fixture}:9 (stock code "ABC" is not a number of up to five digits)`);
    expect(output).toContain('2 created, 1 stubs filled, 1 kept as edited, 0 unchanged, 2 rows skipped.');
    // What it wrote passes the check; a second run changes nothing.
    expect(errorsIn(check(content), 'securities/')).toEqual([]);
    expect(run('scripts/register.ts', content, '--from', fixture).output).toContain('0 created, 0 stubs filled, 1 kept as edited, 3 unchanged');
  });
});
