/**
 * Generated content for property tests (fast-check): the seed's snapshot, front matter and body,
 * mutated at random, some ways an author might get them wrong and some ways an attacker would.
 * Everything here is synthetic, made from the seed; nothing is written to content/.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { splitFrontmatter } from '../../src/sources/files.ts';

export const SEED_SNAPSHOT = readFileSync('content/markets/hk/2025-10-24.json', 'utf8');
export const SEED_REPORT = readFileSync('content/reports/2025-10-24-smic-rally.mdx', 'utf8');
const parts = splitFrontmatter(SEED_REPORT)!;
export const SEED_FRONTMATTER = parts.frontmatter;
export const SEED_BODY = parts.body;

/** Text from the whole of Unicode, with the characters that break parsers and terminals more often. */
const anyText = (maxLength = 24) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ maxLength }),
    fc.constantFrom('', ' ', 'TODO', '\u202e', '\u0000', '\r\n', '"', "'", '<', '>', '&', '{', '}', '---', ':', '- ', '\t', '\\', '…', '0', '-1', '1e400', 'NaN'),
  );

/** A JSON value of any kind, small. */
const anyValue = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -1e12, max: 1e12 }) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }) },
  { weight: 2, arbitrary: anyText() },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, { moreThan: 8 }, { around: 0 }, { lessThan: -1 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

type Json = unknown;
/** Every path to a value in a JSON document. */
function pathsOf(value: Json, path: (string | number)[] = []): (string | number)[][] {
  const here = [path];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...path, i]))];
  if (value && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...path, k]))];
  return here;
}

function setAt(root: Json, path: (string | number)[], change: (value: Json) => Json | typeof REMOVE): Json {
  if (path.length === 0) {
    const next = change(root);
    return next === REMOVE ? {} : next;
  }
  const [head, ...rest] = path;
  const copy: any = Array.isArray(root) ? [...root] : { ...(root as object) };
  if (rest.length === 0) {
    const next = change(copy[head]);
    if (next === REMOVE) {
      if (Array.isArray(copy)) copy.splice(head as number, 1);
      else delete copy[head];
    } else copy[head] = next;
    return copy;
  }
  copy[head] = setAt(copy[head], rest, change);
  return copy;
}
const REMOVE = Symbol('remove');

/** One change to a parsed snapshot: a value replaced, removed, nudged, or a key added. */
const snapshotEdit = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: anyValue }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('nudge' as const), at: fc.nat(), by: fc.constantFrom(1, -1, 10, 0.5, 1000) }),
  fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: fc.constantFrom('note', 'direction', 'channel', 'changePercent', 'extra', 'close'), value: anyValue }),
);

/** One change to a text: characters inserted, a slice deleted or repeated. */
const textEdit = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: anyText(12) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
);

function applyTextEdit(text: string, edit: { kind: 'insert' | 'delete' | 'repeat'; at: number; text?: string; length?: number }): string {
  const at = text.length === 0 ? 0 : edit.at % (text.length + 1);
  if (edit.kind === 'insert') return text.slice(0, at) + edit.text + text.slice(at);
  if (edit.kind === 'delete') return text.slice(0, at) + text.slice(at + edit.length!);
  return text.slice(0, at) + text.slice(at, at + edit.length!) + text.slice(at);
}

/** The seed snapshot, untouched (often: the other parts then get the attention), edited as data, or edited as text. */
export const snapshotText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(SEED_SNAPSHOT) },
  {
    weight: 3,
    arbitrary: fc.array(snapshotEdit, { minLength: 1, maxLength: 3 }).map((edits) => {
      let data: Json = JSON.parse(SEED_SNAPSHOT);
      for (const edit of edits) {
        const paths = pathsOf(data);
        const path = paths[edit.at % paths.length];
        data = setAt(data, path, (value) => {
          if (edit.kind === 'set') return edit.value;
          if (edit.kind === 'remove') return REMOVE;
          if (edit.kind === 'nudge') return typeof value === 'number' ? value + edit.by : value;
          return value && typeof value === 'object' && !Array.isArray(value) ? { ...value, [edit.key]: edit.value } : value;
        });
      }
      return JSON.stringify(data, null, 2);
    }),
  },
  { weight: 1, arbitrary: fc.array(textEdit, { minLength: 1, maxLength: 3 }).map((edits) => edits.reduce(applyTextEdit, SEED_SNAPSHOT)) },
);

/** Front matter values an author might write, good and bad. */
const fieldValue = fc.oneof(
  anyText(30).map((t) => JSON.stringify(t)),
  fc.constantFrom('2025-10-24', '2025-10-25', '2025-02-30', '2025-10-24T18:30:00+08:00', '2025-10-24T09:00:00+08:00', '2099-01-01T00:00:00Z', 'hk', 'us', '[]', '[HSI]', '[00981.HK]', 'true', 'yes', '~', '|', '>', '&a', '*a', '!!binary AA=='),
);
const FIELDS = ['title', 'description', 'date', 'market', 'published', 'authors', 'tickers', 'indices', 'tags', 'corrections', 'draft', 'extra'];

export const frontmatterText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(SEED_FRONTMATTER) },
  {
    weight: 3,
    arbitrary: fc.record({ field: fc.constantFrom(...FIELDS), value: fieldValue }).map(({ field, value }) => {
      const lines = SEED_FRONTMATTER.split('\n');
      const i = lines.findIndex((line) => line.startsWith(`${field}:`));
      if (i < 0) return `${SEED_FRONTMATTER}${field}: ${value}\n`;
      // Replaces the field and any list under it.
      let end = i + 1;
      while (end < lines.length && /^\s+-?/.test(lines[end]) && lines[end].trim() !== '') end++;
      return [...lines.slice(0, i), `${field}: ${value}`, ...lines.slice(end)].join('\n');
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ title: anyText(60) }).map(({ title }) => SEED_FRONTMATTER.replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`)),
  },
  { weight: 1, arbitrary: fc.array(textEdit, { minLength: 1, maxLength: 2 }).map((edits) => edits.reduce(applyTextEdit, SEED_FRONTMATTER)) },
);

/** Pieces of report bodies: the components with good and bad attributes, Markdown, and hostile input. */
const snippet = fc.oneof(
  fc.constantFrom(
    '<Fig of="HSI.close" />', '<Fig of="HSI.change" />', '<Fig of="00981.HK.close" />', '<Fig of="turnover" />', '<Fig of="03690.HK.southboundNetInflow" />',
    '<Fig of="HSI.nope" />', '<Fig />', '<Fig of="" />',
    '<StockCard ticker="00981.HK" />', '<StockCard ticker="09988.HK" />', '<StockCard ticker="XXXX.HK" />', '<StockCard />',
    '<IndexTable />', '<FlowTable />', '<MarketStats />', '<IndexMovesChart />', '<FlowChart />',
    '<PriceChart ticker="00981.HK" />',
    '<Drivers title="Why">\n  <Driver title="One">\n    A driver.\n  </Driver>\n</Drivers>',
    '<Risks title="Risks">\n  - A risk.\n</Risks>',
    '<Unknown />', '<Fig of="HSI.close">', '</Drivers>',
    '## A heading', '### A heading', '> A quote.', '- An item\n- Another', '1. First', '| a | b |\n|---|---|\n| 1 | 2 |',
    '**bold** and _italic_', '[a link](https://example.com/)', '[a link](javascript:alert(1))', '![an image](x.png)', '`code`', '```\ncode\n```',
    'HSI rose 192 points to 26,160.', 'SMIC (00981.HK) fell 8%.', 'Turnover was HK$226.61 billion.',
    '{1 + 1}', 'import x from "y"', 'export const a = 1', '<script>alert(1)</script>', '<div onclick="x">x</div>', '<!-- a comment -->',
    '<meta http-equiv="refresh" content="0;url=https://example.com">', '<iframe src="https://example.com"></iframe>', '<', '&', '&amp;', '\\', '---', '***',
    'TODO', '', '\n', '<br>', '<b>bold</b>',
  ),
  anyText(30),
);

export const bodyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(SEED_BODY) },
  {
    weight: 4,
    arbitrary: fc.array(fc.record({ at: fc.nat(), snippet }), { minLength: 1, maxLength: 4 }).map((inserts) => {
      const paragraphs = SEED_BODY.split('\n\n');
      for (const { at, snippet } of inserts) paragraphs.splice(at % (paragraphs.length + 1), 0, snippet);
      return paragraphs.join('\n\n');
    }),
  },
  {
    weight: 1,
    arbitrary: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }).map((drops) => {
      const paragraphs = SEED_BODY.split('\n\n');
      for (const at of drops) paragraphs.splice(at % paragraphs.length, 1);
      return paragraphs.join('\n\n');
    }),
  },
  { weight: 1, arbitrary: fc.array(textEdit, { minLength: 1, maxLength: 3 }).map((edits) => edits.reduce(applyTextEdit, SEED_BODY)) },
  { weight: 1, arbitrary: fc.array(snippet, { maxLength: 5 }).map((pieces) => `\n${pieces.join('\n\n')}\n`) },
);

/** A whole case: a snapshot and a report (its front matter and body). */
export const contentCase = fc.record({ snapshot: snapshotText, frontmatter: frontmatterText, body: bodyText });
export type ContentCase = { snapshot: string; frontmatter: string; body: string };

export function reportText(c: ContentCase): string {
  return `---\n${c.frontmatter}---\n${c.body}`;
}
