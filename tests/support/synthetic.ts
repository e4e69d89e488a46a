/** The synthetic archive lives with the benchmark, which uses it too; tests import it from here. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export { tickerOf, tradingDays, writeSyntheticArchive, type SyntheticOptions } from '../../bench/synthetic.ts';

/** The synthetic price history (tests/fixtures/prices/SYN01.HK.csv). */
export const SYNTHETIC_PRICES = readFileSync('tests/fixtures/prices/SYN01.HK.csv', 'utf8');

/**
 * Adds the synthetic security SYN01.HK to a content copy, with a price file (the fixture, or the
 * text given) named `file` (SYN01.HK unless given): the real securities have no prices.
 */
export function addPricedSecurity(content: string, csv = SYNTHETIC_PRICES, file = 'SYN01.HK'): void {
  writeFileSync(join(content, 'securities/SYN01.HK.json'), JSON.stringify({ ticker: 'SYN01.HK', name: 'Synthetic Holdings 01', exchange: 'HKEX', market: 'hk', currency: 'HKD' }));
  mkdirSync(join(content, 'prices'), { recursive: true });
  writeFileSync(join(content, `prices/${file}.csv`), csv);
}
