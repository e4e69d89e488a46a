/**
 * Figures with the digits their author wrote. JSON numbers lose trailing zeros ("80.00" parses as
 * 80), so the snapshot's text is read again with its literals (jsonc-parser's syntax tree) and each
 * stated figure is given the fraction digits it was written with. The check and the build both go
 * through here, so the page, the open data and the share image print "80.00" where the file says so.
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { Snapshot } from '../schemas/index.ts';
import type { Stated } from './stated.ts';

/** The literal text of the value at `path`, or undefined. */
export type LiteralAt = (path: readonly (string | number)[]) => string | undefined;

/** Literals from a JSON text. */
export function jsonLiterals(text: string): LiteralAt {
  const tree: Node | undefined = parseTree(text);
  return (path) => {
    const node = tree && findNodeAtLocation(tree, path as (string | number)[]);
    return node ? text.slice(node.offset, node.offset + node.length) : undefined;
  };
}

/** The fraction digits a number was written with: "80.00" → 2, "26160" → 0; undefined for anything else. */
export function decimalsWritten(literal: string | undefined): number | undefined {
  const match = literal === undefined ? null : /^-?\d+(?:\.(\d+))?$/.exec(literal.trim());
  return match ? (match[1]?.length ?? 0) : undefined;
}

function isStated(value: unknown): value is Stated {
  return typeof value === 'object' && value !== null && 'qualifier' in value && 'value' in value && typeof (value as Stated).value === 'number';
}

const KEYS: Record<Stated['qualifier'], string | undefined> = { exact: undefined, moreThan: 'moreThan', lessThan: 'lessThan', around: 'around' };

/** A copy of the snapshot whose every stated figure carries the decimals written in the file. */
export function withWrittenDecimals<T extends Snapshot>(snapshot: T, literal: LiteralAt): T {
  const walk = (value: unknown, path: (string | number)[]): unknown => {
    if (isStated(value)) {
      const key = KEYS[value.qualifier];
      const decimals = decimalsWritten(literal(key ? [...path, key] : path));
      return decimals === undefined ? value : { ...value, decimals };
    }
    if (Array.isArray(value)) return value.map((item, i) => walk(item, [...path, i]));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, [...path, key])]));
    }
    return value;
  };
  return walk(snapshot, []) as T;
}
