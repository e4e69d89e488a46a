/**
 * `npm run register -- --from ListOfSecurities.csv [--category Equity]`
 *
 * Imports securities from HKEX's list of securities (saved as CSV): one registry file each in
 * content/securities/, named for the ticker. Never overwrites a file an author has edited: an
 * existing file is replaced only while it is still the untouched stub `npm run new` wrote.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { MARKETS } from '../src/lib/market.ts';
import { contentRoot } from '../src/config/paths.ts';
import { readHkexList, securityStub } from './lib/scaffold.ts';

const usage = 'usage: npm run register -- --from ListOfSecurities.csv [--category Equity] (repeat --category for more)';
const { values } = parseArgs({ options: { from: { type: 'string' }, category: { type: 'string', multiple: true } } });
if (!values.from) {
  console.error(`found no --from, expected the exchange's list of securities as CSV\n${usage}`);
  process.exit(1);
}
let list;
try {
  list = readHkexList(readFileSync(values.from, 'utf8'), values.category?.length ? values.category : undefined);
} catch (e) {
  console.error(`${values.from}: ${(e as Error).message}`);
  process.exit(1);
}
const root = contentRoot();
const counts = { created: 0, replaced: 0, kept: 0, same: 0 };
for (const { ticker, file } of list.securities) {
  const path = join(root, file.path);
  if (existsSync(path)) {
    const current = readFileSync(path, 'utf8');
    if (current === file.text) {
      counts.same++;
    } else if (current === securityStub(ticker, MARKETS.hk).text) {
      writeFileSync(path, file.text);
      console.log(`replaced ${path} (an untouched stub)`);
      counts.replaced++;
    } else {
      console.log(`kept     ${path} (already registered)`);
      counts.kept++;
    }
    continue;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.text, { flag: 'wx' });
  counts.created++;
}
for (const skipped of list.skipped) console.log(`skipped  ${values.from}:${skipped.line} (${skipped.reason})`);
console.log(`\n${counts.created} created, ${counts.replaced} stubs filled, ${counts.kept} kept as edited, ${counts.same} unchanged, ${list.skipped.length} rows skipped.`);
