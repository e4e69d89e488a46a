/**
 * Content files read as text, parsed with their positions kept, so that every problem can point at
 * a line and column: JSON through jsonc-parser's syntax tree, front matter through the `yaml`
 * package's document model. Both parsers run in strict modes (no comments or trailing commas in
 * JSON; YAML 1.2, where `2025-10-24` stays text and cannot silently roll over to another day).
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { LineCounter, parseDocument, isMap, isScalar, type Document } from 'yaml';
import { excerpt, fieldName, type Problem } from '../config/problem.ts';

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
  /** Text fields still holding a scaffold's `TODO`, each as a problem at the field. */
  todos?: Problem[];
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

/**
 * How deep objects and arrays may nest in a content file. A snapshot nests four deep; the limit
 * leaves room and stops a file nested thousands deep before any recursive parser sees it (jsonc-parser
 * overflows the stack at about 10,000).
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Where a JSON text first nests deeper than `max` (the offset of that bracket), read in one pass
 * without recursion; undefined when it never does. Brackets inside strings do not count.
 */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return i;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return undefined;
}

export function parseJsonSource(file: string, text: string): ParseResult {
  const at = lineIndex(text);
  if (text.trim() === '') return fail(file, { line: 1, column: 1 }, '', 'found an empty file, expected a JSON object');
  const deep = jsonTooDeep(text);
  if (deep !== undefined) {
    return fail(file, at(deep), '', `found objects or arrays nested more than ${MAX_JSON_DEPTH} deep, expected at most ${MAX_JSON_DEPTH} (a snapshot nests 4 deep)`);
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  if (errors.length > 0 || !tree) {
    // Later errors are mostly echoes of the first one; the first is the one to fix.
    const [first] = errors;
    return fail(file, at(first?.offset ?? 0), '', `invalid JSON: ${first ? jsonErrorText(first, text) : 'found no value'}`);
  }
  const { duplicates, todos } = jsonTreeProblems(file, tree, at);
  if (duplicates.length > 0) return { ok: false, problems: duplicates };
  return {
    ok: true,
    source: {
      file,
      data: JSON.parse(text),
      todos,
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

/**
 * What JSON allows and the content does not: a key twice in one object (JSON.parse keeps the last
 * one without a word), refused at the second; and a scaffold's `TODO` left in any text, in a
 * snapshot or a registry alike (`source` included).
 */
function jsonTreeProblems(file: string, tree: Node, at: (offset: number) => Position): { duplicates: Problem[]; todos: Problem[] } {
  const duplicates: Problem[] = [];
  const todos: Problem[] = [];
  const stack: { node: Node; path: (string | number)[] }[] = [{ node: tree, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (node.type === 'object') {
      const seen = new Map<string, Node>();
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key) continue;
        const name = String(key.value);
        const first = seen.get(name);
        if (first) {
          const line = at(first.offset).line;
          duplicates.push({ severity: 'error', file, ...at(key.offset), field: fieldName([...path, name]), message: `found the key ${excerpt(name)} a second time in this object (first on line ${line}), expected each key once: JSON would keep only the last` });
        } else {
          seen.set(name, key);
        }
        if (value) stack.push({ node: value, path: [...path, name] });
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, i) => stack.push({ node: child, path: [...path, i] }));
    } else if (node.type === 'string' && typeof node.value === 'string' && /\bTODO\b/.test(node.value)) {
      todos.push({ severity: 'error', file, ...at(node.offset), field: fieldName(path), message: `found ${excerpt(node.value)}, a TODO placeholder, expected what the source states` });
    }
  }
  const byPlace = (a: Problem, b: Problem) => a.line - b.line || a.column - b.column;
  return { duplicates: duplicates.sort(byPlace), todos: todos.sort(byPlace) };
}

function jsonErrorText(error: ParseError, text: string): string {
  const before = text.slice(0, error.offset).trimEnd();
  const after = text.slice(error.offset).trimStart();
  if (before.endsWith(',') && /^[}\]]/.test(after)) {
    return `found a comma before "${after[0]}", expected another value after it or no comma (JSON allows no trailing comma)`;
  }
  const found = text.slice(error.offset, error.offset + Math.max(1, Math.min(error.length, 20)));
  const what = printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return found ? `${what}, found ${excerpt(found, 20)}` : `${what}, found the end of the file`;
}

export interface MdxParts {
  /** The front matter's text, without its `---` fences. */
  frontmatter: string;
  /** Offset of the front matter's first character in the file. */
  frontmatterOffset: number;
  body: string;
  bodyOffset: number;
  /** The file line the body starts on, counted from 1. */
  bodyLine: number;
}

/** Splits an MDX file into its YAML front matter and its body. */
export function splitFrontmatter(text: string): MdxParts | undefined {
  const match = /^---\r?\n([\s\S]*?\r?\n)?---(\r?\n|$)/.exec(text);
  if (!match) return undefined;
  const frontmatter = match[1] ?? '';
  return { frontmatter, frontmatterOffset: match[0].indexOf('\n') + 1, body: text.slice(match[0].length), bodyOffset: match[0].length, bodyLine: match[0].split('\n').length };
}

/**
 * Front matter read before, by its text: YAML's core schema gives plain JSON values, so a cache can
 * keep them and a later run skip the YAML parse of an unchanged report (the place of a field is
 * then found by parsing it when a problem asks for one).
 */
export interface FrontmatterMemo {
  get(frontmatter: string): unknown;
  set(frontmatter: string, data: unknown): void;
}

const parseYaml = (frontmatter: string) => parseDocument(frontmatter, { lineCounter: new LineCounter(), uniqueKeys: true, prettyErrors: false, schema: 'core' });

export function parseFrontmatterSource(file: string, text: string, memo?: FrontmatterMemo): ParseResult {
  const at = lineIndex(text);
  const parts = splitFrontmatter(text);
  if (!parts) {
    return fail(file, { line: 1, column: 1 }, '', 'found no front matter, expected the file to start with a --- line, the report\'s fields, and another --- line');
  }
  const known = memo?.get(parts.frontmatter);
  if (known !== undefined) {
    let doc: Document | undefined;
    return { ok: true, source: { file, data: known, locate: (path) => at(parts.frontmatterOffset + yamlOffset((doc ??= parseYaml(parts.frontmatter)), path)) } };
  }
  let doc: Document;
  let data: unknown;
  try {
    doc = parseYaml(parts.frontmatter);
    data = doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // The yaml package recurses; front matter nested thousands deep (or an alias bomb) must not
    // crash the check.
    const why = error instanceof RangeError ? 'found fields nested too deep to read' : `found front matter that cannot be read (${excerpt(error instanceof Error ? error.message : String(error), 80)})`;
    return fail(file, at(parts.frontmatterOffset), '', `${why}, expected the report's fields, a few levels deep at most`);
  }
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
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return fail(file, at(parts.frontmatterOffset), '', 'found no fields in the front matter, expected title, date, market and the other report fields');
  }
  memo?.set(parts.frontmatter, data);
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
