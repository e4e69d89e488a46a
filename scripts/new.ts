/**
 * `npm run new -- --market hk --date 2025-10-27 --title "Tech Stocks Rebound" --tickers 00700.HK,09988.HK --indices HSI,N225`
 *
 * Writes a session snapshot and a report for a trading day, every field stubbed with a TODO, and a
 * registry stub (content/securities/, content/indices/) for each ticker or index not registered yet.
 * Refuses a day the market is closed, and never overwrites a file: an existing snapshot is kept
 * (several reports may share a session), an existing report stops the command, an existing
 * registry file is left as it is.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { calendarSchema, indexSymbol, isoDate, tickerCode } from '../src/schemas/index.ts';
import { tradingDayVerdict } from '../src/lib/calendar.ts';
import { MARKETS } from '../src/lib/market.ts';
import { contentRoot } from '../src/config/paths.ts';
import { indexStub, scaffold, securityStub, type ScaffoldFile } from './lib/scaffold.ts';

const usage = 'usage: npm run new -- --market hk --date YYYY-MM-DD --title "Headline" [--tickers 00700.HK,09988.HK] [--indices HSI,N225]';
function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    market: { type: 'string', default: 'hk' },
    date: { type: 'string' },
    title: { type: 'string' },
    tickers: { type: 'string', default: '' },
    indices: { type: 'string', default: '' },
  },
});
const market = Object.hasOwn(MARKETS, values.market ?? '') ? MARKETS[values.market!] : undefined;
if (!market) fail(`found market "${values.market}", expected one of ${Object.keys(MARKETS).join(', ')}`);
const date = isoDate.safeParse(values.date);
if (!date.success) fail(`--date: ${date.error.issues[0].message}`);
if (!values.title?.trim()) fail('found no title, expected --title "Headline"');
const list = (text: string) => [...new Set(text.split(',').map((item) => item.trim()).filter(Boolean))];
const tickers = list(values.tickers ?? '');
const indices = list(values.indices ?? '');
for (const ticker of tickers) if (!tickerCode.safeParse(ticker).success) fail(`--tickers: found "${ticker}", expected a ticker such as 00700.HK`);
for (const symbol of indices) if (!indexSymbol.safeParse(symbol).success) fail(`--indices: found "${symbol}", expected an index symbol such as HSI`);

const root = contentRoot();
const calendarFile = join(root, 'calendars', `${market.calendar}.json`);
const calendar = calendarSchema.parse(JSON.parse(readFileSync(calendarFile, 'utf8')));
const verdict = tradingDayVerdict(date.data, calendar);
if (!verdict.trading) fail(`found ${date.data}, expected a ${market.exchange} trading day: ${verdict.reason}`);

const { snapshot, report } = scaffold({ market, date: date.data, title: values.title, tickers, indices });
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

const stubs: ScaffoldFile[] = [...tickers.map((ticker) => securityStub(ticker, market)), ...indices.map(indexStub)];
let stubbed = 0;
for (const stub of stubs) {
  const path = join(root, stub.path);
  if (existsSync(path)) continue;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, stub.text, { flag: 'wx' });
  console.log(`created  ${path} (registry stub)`);
  stubbed++;
}
if (verdict.halfDay) console.log(`\n${date.data} is a half day (${verdict.halfDay.name}): ${market.exchange} closes at ${market.halfDayClose} ${market.zoneAbbreviation}.`);
console.log(`\nReplace every TODO (the README lists each field${stubbed ? '; registry stubs included' : ''}), then run \`npm run check\`.`);
