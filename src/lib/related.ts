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
  return relatedFinder(candidates, limit)(report);
}

const collator = new Intl.Collator();

/**
 * Higher score first, then the newer session, then the id in the reader's collation. Dates are all
 * written YYYY-MM-DD, so comparing them as strings is comparing them as days.
 */
function ranksBefore(x: { score: number; candidate: Relatable }, y: { score: number; candidate: Relatable }): boolean {
  if (x.score !== y.score) return x.score > y.score;
  if (x.candidate.date !== y.candidate.date) return x.candidate.date > y.candidate.date;
  return collator.compare(x.candidate.id, y.candidate.id) < 0;
}

/**
 * `relatedReports` over one fixed set of candidates, for asking about many reports: the candidates
 * are indexed once by security and tag, so each question visits only the reports that share one of
 * them and keeps the best `limit` as it goes, instead of scoring and sorting the whole archive. A
 * site of N reports asks N times, so this is what keeps related links linear rather than N².
 */
export function relatedFinder<T extends Relatable>(candidates: readonly T[], limit = 5): (report: Relatable) => T[] {
  const byTicker = new Map<string, number[]>();
  const byTag = new Map<string, number[]>();
  const byIndex = new Map<string, number[]>();
  const post = (index: Map<string, number[]>, key: string, i: number) => {
    const list = index.get(key);
    if (list) list.push(i);
    else index.set(key, [i]);
  };
  candidates.forEach((candidate, i) => {
    for (const ticker of new Set(candidate.tickers)) post(byTicker, ticker, i);
    for (const tag of new Set(candidate.tags)) post(byTag, tag, i);
    for (const symbol of new Set(candidate.indices)) post(byIndex, symbol, i);
  });
  const tickerHits = new Uint32Array(candidates.length);
  const tagHits = new Uint32Array(candidates.length);
  const indexHits = new Uint32Array(candidates.length);

  return (report) => {
    const touched: number[] = [];
    // Every occurrence in the report counts, as in relatedScore.
    for (const ticker of report.tickers) {
      for (const i of byTicker.get(ticker) ?? []) {
        if (tickerHits[i] === 0 && tagHits[i] === 0) touched.push(i);
        tickerHits[i] += 1;
      }
    }
    for (const tag of report.tags) {
      for (const i of byTag.get(tag) ?? []) {
        if (tickerHits[i] === 0 && tagHits[i] === 0) touched.push(i);
        tagHits[i] += 1;
      }
    }
    // Indices only add to the score of a report that shares a security or tag.
    for (const symbol of report.indices) for (const i of byIndex.get(symbol) ?? []) indexHits[i] += 1;
    const best: { score: number; candidate: T }[] = [];
    for (const i of touched) {
      const candidate = candidates[i];
      const score = tickerHits[i] * RELATED_WEIGHTS.ticker + tagHits[i] * RELATED_WEIGHTS.tag + indexHits[i] * RELATED_WEIGHTS.index;
      tickerHits[i] = 0;
      tagHits[i] = 0;
      if (candidate.id === report.id || limit <= 0) continue;
      if (best.length === limit && score < best[limit - 1].score) continue;
      const entry = { score, candidate };
      if (best.length === limit && !ranksBefore(entry, best[limit - 1])) continue;
      let at = best.length;
      while (at > 0 && ranksBefore(entry, best[at - 1])) at -= 1;
      best.splice(at, 0, entry);
      if (best.length > limit) best.pop();
    }
    for (const symbol of report.indices) for (const i of byIndex.get(symbol) ?? []) indexHits[i] = 0;
    return best.map(({ candidate }) => candidate);
  };
}
