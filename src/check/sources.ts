/**
 * Content files read as text, parsed with their positions kept, so that every problem can point at
 * a line and column: JSON through jsonc-parser's syntax tree, front matter through the `yaml`
 * package's document model. Both parsers run in strict modes (no comments or trailing commas in
 * JSON; YAML 1.2, where `2025-10-24` stays text and cannot silently roll over to another day).
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { LineCounter, parseDocument, isMap, isScalar, type Document } from 'yaml';
import type { Problem } from './problem.ts';

export interface Position {
  line: number;
  column: number;
}

/** A parsed file: its data, and where each field of it was written. */
export interface ParsedSource {
  file: string;
  data: unknown;
  /** The place of a field, or of the nearest enclosing field that exists. */
  locate(path: readonly PropertyKey[]): Position;
  /** The field's value as written in the file (`1e400`), where the format keeps it. */
  literal?(path: readonly PropertyKey[]): string | undefined;
}

export type ParseResult = { ok: true; source: ParsedSource } | { ok: false; problems: Problem[] };

/** Offsets to line and column, both counted from 1. */
export function lineIndex(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low] + 1 };
  };
}

/**
 * Bytes to text, refusing what would otherwise be read wrongly without a word: bytes that are not
 * UTF-8 (they would become U+FFFD) and a byte-order mark (invisible, and it breaks JSON parsers).
 */
export function decodeText(file: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; problems: Problem[] } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return fail(file, { line: 1, column: 1 }, '', 'found a byte-order mark (U+FEFF) at the start of the file, expected UTF-8 without one; save the file as "UTF-8" rather than "UTF-8 with BOM"');
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const position = lineIndex(new TextDecoder('utf-8').decode(bytes.subarray(0, offset)))(offset);
    const hex = bytes[offset]?.toString(16).toUpperCase().padStart(2, '0');
    return fail(file, position, '', `found byte 0x${hex}, which is not UTF-8, expected UTF-8 text; re-save the file as UTF-8`);
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let good = 0;
  for (let end = 1; end <= bytes.length; end++) {
    try {
      decoder.decode(bytes.subarray(good, end));
      good = end;
    } catch {
      if (end - good >= 4) return good;
    }
  }
  return good;
}

export function parseJsonSource(file: string, text: string): ParseResult {
  const at = lineIndex(text);
  if (text.trim() === '') return fail(file, { line: 1, column: 1 }, '', 'found an empty file, expected a JSON object');
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  if (errors.length > 0 || !tree) {
    // Later errors are mostly echoes of the first one; the first is the one to fix.
    const [first] = errors;
    return fail(file, at(first?.offset ?? 0), '', `invalid JSON: ${first ? jsonErrorText(first, text) : 'found no value'}`);
  }
  return {
    ok: true,
    source: {
      file,
      data: JSON.parse(text),
      literal(path) {
        const node = findNodeAtLocation(tree, path as (string | number)[]);
        return node ? text.slice(node.offset, node.offset + node.length) : undefined;
      },
      locate(path) {
        for (let length = path.length; length >= 0; length--) {
          const node = findNodeAtLocation(tree, path.slice(0, length) as (string | number)[]);
          if (node) return at(node.parent?.type === 'property' && length > 0 ? node.parent.offset : node.offset);
        }
        return { line: 1, column: 1 };
      },
    },
  };
}

function jsonErrorText(error: ParseError, text: string): string {
  const before = text.slice(0, error.offset).trimEnd();
  const after = text.slice(error.offset).trimStart();
  if (before.endsWith(',') && /^[}\]]/.test(after)) {
    return `found a comma before "${after[0]}", expected another value after it or no comma (JSON allows no trailing comma)`;
  }
  const found = text.slice(error.offset, error.offset + Math.max(1, Math.min(error.length, 20)));
  const what = printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return found ? `${what}, found ${JSON.stringify(found)}` : `${what}, found the end of the file`;
}

export interface MdxParts {
  /** The front matter's text, without its `---` fences. */
  frontmatter: string;
  /** Offset of the front matter's first character in the file. */
  frontmatterOffset: number;
  body: string;
  bodyOffset: number;
}

/** Splits an MDX file into its YAML front matter and its body. */
export function splitFrontmatter(text: string): MdxParts | undefined {
  const match = /^---\r?\n([\s\S]*?\r?\n)?---(\r?\n|$)/.exec(text);
  if (!match) return undefined;
  const frontmatter = match[1] ?? '';
  return { frontmatter, frontmatterOffset: match[0].indexOf('\n') + 1, body: text.slice(match[0].length), bodyOffset: match[0].length };
}

export function parseFrontmatterSource(file: string, text: string): ParseResult {
  const at = lineIndex(text);
  const parts = splitFrontmatter(text);
  if (!parts) {
    return fail(file, { line: 1, column: 1 }, '', 'found no front matter, expected the file to start with a --- line, the report\'s fields, and another --- line');
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(parts.frontmatter, { lineCounter, uniqueKeys: true, prettyErrors: false, schema: 'core' });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        severity: 'error',
        file,
        ...at(parts.frontmatterOffset + error.pos[0]),
        field: '',
        message: `invalid front matter: ${error.message.split('\n')[0]}`,
      })),
    };
  }
  const data = doc.toJS();
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return fail(file, at(parts.frontmatterOffset), '', 'found no fields in the front matter, expected title, date, market and the other report fields');
  }
  return {
    ok: true,
    source: {
      file,
      data,
      locate: (path) => at(parts.frontmatterOffset + yamlOffset(doc, path)),
    },
  };
}

function yamlOffset(doc: Document, path: readonly PropertyKey[]): number {
  for (let length = path.length; length > 0; length--) {
    const prefix = path.slice(0, length) as (string | number)[];
    const parent = length === 1 ? doc.contents : doc.getIn(prefix.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === prefix[length - 1]);
      if (pair && isScalar(pair.key) && pair.key.range) return pair.key.range[0];
    }
    const node = doc.getIn(prefix, true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return node.range[0];
  }
  return 0;
}

function fail(file: string, position: Position, field: string, message: string): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ severity: 'error', file, ...position, field, message }] };
}
