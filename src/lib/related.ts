/**
 * Related reports: those that share the most with a report. A shared security weighs most (a
 * reader of the SMIC wrap wants the next SMIC story), then a shared tag, then a shared index (most
 * Hong Kong wraps quote the HSI, so it says little on its own). Ties go to the newer report.
 */
export interface Relatable {
  id: string;
  /** Session date, YYYY-MM-DD. */
  date: string;
  tickers: readonly string[];
  tags: readonly string[];
  indices: readonly string[];
}

export const RELATED_WEIGHTS = { ticker: 3, tag: 2, index: 1 } as const;

const shared = (x: readonly string[], y: readonly string[]) => x.filter((item) => y.includes(item)).length;

export function relatedScore(a: Relatable, b: Relatable): number {
  return (
    shared(a.tickers, b.tickers) * RELATED_WEIGHTS.ticker +
    shared(a.tags, b.tags) * RELATED_WEIGHTS.tag +
    shared(a.indices, b.indices) * RELATED_WEIGHTS.index
  );
}

/**
 * The reports most related to `report`, best first, at most `limit`. A report that shares only
 * indices is not listed: every wrap of a market quotes its benchmark.
 */
export function relatedReports<T extends Relatable>(report: Relatable, candidates: readonly T[], limit = 5): T[] {
  return candidates
    .filter((candidate) => candidate.id !== report.id)
    .map((candidate) => ({ candidate, score: relatedScore(report, candidate) }))
    .filter(({ candidate }) => shared(report.tickers, candidate.tickers) + shared(report.tags, candidate.tags) > 0)
    .sort((x, y) => y.score - x.score || y.candidate.date.localeCompare(x.candidate.date) || x.candidate.id.localeCompare(y.candidate.id))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}
