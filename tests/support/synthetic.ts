/** The synthetic archive lives with the benchmark, which uses it too; tests import it from here. */
export { tickerOf, tradingDays, writeSyntheticArchive, type SyntheticOptions } from '../../bench/synthetic.ts';
