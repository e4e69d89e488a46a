import { describe, expect, it } from 'vitest';
import { isListed, lastUpdate, publicationState } from '../../src/lib/publication.ts';

const NOW = new Date('2025-11-01T00:00:00Z');

describe('publicationState', () => {
  it.each([
    [{ published: '2025-10-24T18:30:00+08:00' }, 'published'],
    [{ published: '2025-11-01T08:00:00+08:00' }, 'published'],
    [{ published: '2025-11-01T08:00:01+08:00' }, 'scheduled'],
    [{ published: '2025-10-24T18:30:00+08:00', draft: true }, 'draft'],
    [{ published: '2099-01-01T00:00:00Z', draft: true }, 'draft'],
  ])('%o → %s', (report, state) => expect(publicationState(report, NOW)).toBe(state));
});

describe('isListed', () => {
  it.each([
    ['published', false, true],
    ['scheduled', false, false],
    ['draft', false, false],
    ['scheduled', true, true],
    ['draft', true, true],
  ] as const)('%s in dev=%s → %s', (state, dev, listed) => expect(isListed(state, dev)).toBe(listed));
});

describe('lastUpdate', () => {
  const at = (first: string, last: string) => ({ first: { date: first }, last: { date: last } });
  it('is the latest change to the report or its snapshot after the report was first committed', () => {
    expect(lastUpdate(at('2025-10-24T10:31:00Z', '2025-10-25T01:00:00Z'), at('2025-10-24T10:00:00Z', '2025-10-26T02:00:00Z'))).toBe('2025-10-26T02:00:00Z');
    expect(lastUpdate(at('2025-10-24T10:31:00Z', '2025-10-25T01:00:00Z'), at('2025-10-24T10:00:00Z', '2025-10-24T10:00:00Z'))).toBe('2025-10-25T01:00:00Z');
  });
  it('is undefined when nothing changed since, or there is no history', () => {
    expect(lastUpdate(at('2025-10-24T10:31:00Z', '2025-10-24T10:31:00Z'), at('2025-10-24T10:00:00Z', '2025-10-24T10:31:00Z'))).toBeUndefined();
    expect(lastUpdate(undefined, at('2025-10-24T10:00:00Z', '2025-10-26T00:00:00Z'))).toBeUndefined();
  });
});
