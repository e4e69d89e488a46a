import { describe, expect, it, vi } from 'vitest';
import { groupBy } from '../../src/lib/group.ts';

const first = (text: string) => text.slice(0, 1);

describe('groupBy', () => {
  it.each<[string, string[], (item: string) => string, [string, string[]][]]>([
    ['no items', [], first, []],
    ['one item', ['a1'], first, [['a', ['a1']]]],
    ['keys in first-seen order, not sorted', ['b1', 'a1', 'b2'], first, [['b', ['b1', 'b2']], ['a', ['a1']]]],
    ['items in their order within a group', ['a3', 'a1', 'a2'], first, [['a', ['a3', 'a1', 'a2']]]],
    ['every item its own group', ['x', 'y', 'z'], (s) => s, [['x', ['x']], ['y', ['y']], ['z', ['z']]]],
    ['one group for all', ['x', 'y', 'z'], () => 'all', [['all', ['x', 'y', 'z']]]],
    ['an empty key', ['x', 'y'], () => '', [['', ['x', 'y']]]],
    ['keys named like Object members', ['a', 'b', 'c'], (s) => ({ a: '__proto__', b: 'constructor', c: '__proto__' })[s]!, [
      ['__proto__', ['a', 'c']],
      ['constructor', ['b']],
    ]],
    ['keys that differ in case', ['A', 'a'], (s) => s, [['A', ['A']], ['a', ['a']]]],
    ['months of reports, newest first', ['2025-10-24', '2025-10-02', '2025-09-30', '2025-10-01'], (d) => d.slice(0, 7), [
      ['2025-10', ['2025-10-24', '2025-10-02', '2025-10-01']],
      ['2025-09', ['2025-09-30']],
    ]],
  ])('%s', (_, items, keyOf, expected) => {
    expect(groupBy(items, keyOf)).toEqual(expected);
  });

  it('keeps the items themselves and leaves the input alone', () => {
    const a = { key: 'k', n: 1 };
    const b = { key: 'k', n: 2 };
    const items = Object.freeze([a, b]);
    const [[key, group]] = groupBy(items, (item) => item.key);
    expect(key).toBe('k');
    expect(group[0]).toBe(a);
    expect(group[1]).toBe(b);
    expect(items).toEqual([a, b]);
  });

  it('asks for each item’s key once, in order', () => {
    const keyOf = vi.fn(first);
    groupBy(['b1', 'a1', 'b2'], keyOf);
    expect(keyOf.mock.calls.map(([item]) => item)).toEqual(['b1', 'a1', 'b2']);
  });
});
