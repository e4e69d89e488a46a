/**
 * A published number never changes silently. These pure functions compare what a report and its
 * snapshot said when first published with what they say now; the check refuses any difference that
 * no correction (dated after publication) explains.
 */

import type { Block } from './prose/tree.ts';

export interface FigureChange {
  /** Where the figure is in the current file (or was, if removed): `['indices', 0, 'close']`. */
  path: (string | number)[];
  /** "HSI close". */
  label: string;
  before?: string;
  after?: string;
}

const KEYED_LISTS: Record<string, (item: Record<string, unknown>) => string> = {
  indices: (item) => String(item.symbol),
  stocks: (item) => String(item.ticker),
  flows: (item) => `${item.ticker} ${item.direction}`,
};

/** Every figure of a snapshot by a stable key: `HSI close` → { path, text }. Lists are keyed by symbol or ticker, so reordering changes nothing. */
export function snapshotFigures(snapshot: unknown): Map<string, { path: (string | number)[]; text: string }> {
  const figures = new Map<string, { path: (string | number)[]; text: string }>();
  if (!snapshot || typeof snapshot !== 'object') return figures;
  for (const [field, value] of Object.entries(snapshot as Record<string, unknown>)) {
    const keyOf = KEYED_LISTS[field];
    if (keyOf && Array.isArray(value)) {
      value.forEach((item: Record<string, unknown>, i) => {
        for (const [name, figure] of Object.entries(item ?? {})) {
          if (isFigure(figure)) figures.set(`${keyOf(item)} ${name}`, { path: [field, i, name], text: JSON.stringify(figure) });
        }
      });
    } else if (isFigure(value)) {
      figures.set(field, { path: [field], text: JSON.stringify(value) });
    }
  }
  return figures;
}

function isFigure(value: unknown): boolean {
  return typeof value === 'number' || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'number'));
}

export function snapshotChanges(published: unknown, current: unknown): FigureChange[] {
  const before = snapshotFigures(published);
  const after = snapshotFigures(current);
  const changes: FigureChange[] = [];
  for (const [label, now] of after) {
    const then = before.get(label);
    if (then?.text !== now.text) changes.push({ path: now.path, label, before: then?.text, after: now.text });
  }
  for (const [label, then] of before) {
    if (!after.has(label)) changes.push({ path: then.path, label, before: then.text });
  }
  return changes;
}

/** A number as written: digits with thousands separators and a decimal part. */
const NUMBER = /\d[\d,]*(?:\.\d+)?/g;

/**
 * The numbers a reader reads in a report's prose, from its parsed tree's blocks (`bodyBlocks`):
 * attribute values, `<Fig/>` (bound to the snapshot), code, link addresses and HTML are not prose.
 * `offset` is the number's place in the body.
 */
export function proseNumbers(blocks: readonly Block[]): { text: string; offset: number }[] {
  return blocks.flatMap((block) => [...block.text.matchAll(NUMBER)].map((m) => ({ text: m[0], offset: block.offsets[m.index] ?? 0 })));
}

/** Numbers in the prose now that the published prose did not have, and those it lost. */
export function proseChanges(published: readonly Block[], current: readonly Block[]): { added: { text: string; offset: number }[]; removed: string[] } {
  const left = new Map<string, number>();
  for (const n of proseNumbers(published)) left.set(n.text, (left.get(n.text) ?? 0) + 1);
  const added: { text: string; offset: number }[] = [];
  for (const n of proseNumbers(current)) {
    const count = left.get(n.text) ?? 0;
    if (count > 0) left.set(n.text, count - 1);
    else added.push(n);
  }
  const removed = [...left].flatMap(([text, count]) => Array.from({ length: count }, () => text));
  return { added, removed };
}

/** Whether a correction dated after publication is on record. */
export function hasCorrectionAfter(corrections: readonly { date: string }[], published: string): boolean {
  return corrections.some((c) => Date.parse(c.date) > Date.parse(published));
}
