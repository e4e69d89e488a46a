import { describe, expect, it } from 'vitest';
import { HEAP_FLOOR_MB, heapBudgetMb, withHeapBudget } from '../../src/lib/heap.ts';

describe('heapBudgetMb', () => {
  it('gives small archives the floor and grows linearly with the archive', () => {
    expect(heapBudgetMb(1)).toBe(HEAP_FLOOR_MB);
    expect(heapBudgetMb(250)).toBe(HEAP_FLOOR_MB);
    expect(heapBudgetMb(4000)).toBe(HEAP_FLOOR_MB);
    expect(heapBudgetMb(6000)).toBe(691);
    expect(heapBudgetMb(10000)).toBe(1066);
    expect(heapBudgetMb(20000)).toBe(2003);
  });
});

describe('withHeapBudget', () => {
  it('adds the budget to what NODE_OPTIONS already says', () => {
    expect(withHeapBudget(undefined, 10000)).toBe('--max-old-space-size=1066');
    expect(withHeapBudget('--enable-source-maps', 10000)).toBe('--enable-source-maps --max-old-space-size=1066');
  });

  it('keeps a heap size the author chose', () => {
    expect(withHeapBudget('--max-old-space-size=4096', 10000)).toBe('--max-old-space-size=4096');
  });
});
