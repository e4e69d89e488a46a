/**
 * The prose check on the corpus of tests/fixtures/prose/ (`npm run prose-corpus` prints the table):
 * no false alarm on a right sentence, and at least 95 % of planted errors caught.
 */
import { describe, expect, it } from 'vitest';
import { confusion, parseCorpus, runCorpus } from '../../scripts/prose-corpus.ts';

describe('the prose corpus', () => {
  const results = runCorpus();
  const table = confusion(results, (r) => r.pattern);

  it('holds at least 300 sentences, with planted errors of every kind', () => {
    expect(results.length).toBeGreaterThanOrEqual(300);
    expect(new Set(results.filter((r) => r.wrong).map((r) => r.wrong))).toEqual(new Set(['figure', 'direction', 'entity', 'digits', 'approximation']));
  });

  it('raises no error or warning on a right sentence', () => {
    const alarms = results.filter((r) => !r.wrong && r.flagged).map((r) => `line ${r.line}: ${r.text} → ${r.problems.map((p) => p.message).join(' | ')}`);
    expect(alarms).toEqual([]);
  });

  it('catches at least 95 % of planted errors', () => {
    expect(table.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('reads {right|wrong:kind} groups as one right sentence and one planted variant each', () => {
    expect(parseCorpus('@session s\nlevel | The HSI {rose|fell:direction} {1.2 %|2.1 %:digits}.').map((c) => [c.text, c.wrong])).toEqual([
      ['The HSI rose 1.2 %.', undefined],
      ['The HSI fell 1.2 %.', 'direction'],
      ['The HSI rose 2.1 %.', 'digits'],
    ]);
  });
});
