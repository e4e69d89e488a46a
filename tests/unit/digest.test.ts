import { describe, expect, it } from 'vitest';
import { dataDigest } from '../../src/lib/digest.ts';

describe('dataDigest', () => {
  const session = { date: '2025-10-24', stocks: new Map([['00981.HK', { close: 80, tags: new Set(['chips']) }]]) };

  it('is the same for the same data, however its objects were built', () => {
    expect(dataDigest({ a: 1, b: [1, 2] })).toBe(dataDigest({ b: [1, 2], a: 1 }));
    expect(dataDigest(session)).toBe(dataDigest({ stocks: new Map([['00981.HK', { tags: new Set(['chips']), close: 80 }]]), date: '2025-10-24' }));
  });

  it('changes with any value, also inside Maps and Sets, where JSON sees nothing', () => {
    const changed = { ...session, stocks: new Map([['00981.HK', { close: 81, tags: new Set(['chips']) }]]) };
    expect(dataDigest(changed)).not.toBe(dataDigest(session));
    expect(dataDigest({ ...session, stocks: new Map([['00981.HK', { close: 80, tags: new Set(['banks']) }]]) })).not.toBe(dataDigest(session));
    expect(dataDigest({ a: undefined })).not.toBe(dataDigest({}));
    expect(dataDigest([1, 2])).not.toBe(dataDigest([2, 1]));
    expect(dataDigest(new Date('2025-10-24T10:30:00Z'))).not.toBe(dataDigest(new Date('2025-10-24T10:31:00Z')));
  });
});
