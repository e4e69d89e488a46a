/**
 * `npm run new -- --market hk --date 2025-10-27 --title "Tech Stocks Rebound"`
 *
 * Writes a session snapshot and a report for a trading day, every field stubbed with a TODO.
 * Refuses a day the market is closed, and never overwrites a file: an existing snapshot is kept
 * (several reports may share a session), an existing report stops the command.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { calendarSchema, isoDate } from '../src/schemas/index.ts';
import { tradingDayVerdict } from '../src/lib/calendar.ts';
import { MARKETS } from '../src/lib/market.ts';
import { contentRoot } from '../src/check/paths.ts';
import { scaffold } from '../src/check/scaffold.ts';

const usage = 'usage: npm run new -- --market hk --date YYYY-MM-DD --title "Headline"';
function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(1);
}

const { values } = parseArgs({ options: { market: { type: 'string', default: 'hk' }, date: { type: 'string' }, title: { type: 'string' } } });
const market = MARKETS[values.market ?? ''];
if (!market) fail(`found market "${values.market}", expected one of ${Object.keys(MARKETS).join(', ')}`);
const date = isoDate.safeParse(values.date);
if (!date.success) fail(`--date: ${date.error.issues[0].message}`);
if (!values.title?.trim()) fail('found no title, expected --title "Headline"');

const root = contentRoot();
const calendarFile = join(root, 'calendars', `${market.calendar}.json`);
const calendar = calendarSchema.parse(JSON.parse(readFileSync(calendarFile, 'utf8')));
const verdict = tradingDayVerdict(date.data, calendar);
if (!verdict.trading) fail(`found ${date.data}, expected a ${market.exchange} trading day: ${verdict.reason}`);

const { snapshot, report } = scaffold({ market, date: date.data, title: values.title });
const reportPath = join(root, report.path);
if (existsSync(reportPath)) fail(`${reportPath} already exists; nothing was written (choose another --title)`);
const snapshotPath = join(root, snapshot.path);
if (existsSync(snapshotPath)) {
  console.log(`kept     ${snapshotPath} (the session already has a snapshot)`);
} else {
  mkdirSync(dirname(snapshotPath), { recursive: true });
  writeFileSync(snapshotPath, snapshot.text, { flag: 'wx' });
  console.log(`created  ${snapshotPath}`);
}
mkdirSync(dirname(reportPath), { recursive: true });
writeFileSync(reportPath, report.text, { flag: 'wx' });
console.log(`created  ${reportPath}`);
console.log('\nReplace every TODO (the README lists each field), then run `npm run check`.');
