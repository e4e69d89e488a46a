/**
 * The prose of a report body, read from the MDX tree the compiler parses (Sätteri's mdast, with
 * positions): blocks of text a reader reads, split into sentences, every character tied back to
 * its offset in the body so a problem points at the file's line and column.
 *
 * - A block is a paragraph, a heading or a table cell, wherever it sits: in a list item, a block
 *   quote or a component's children (`<Driver>`, `<Risks>` … are walked as prose). Attribute values
 *   are never prose.
 * - Emphasis, strong, links (their text) and lower-case inline HTML (`<sup>`) are read through.
 *   Code, images, HTML and expressions are not prose: each becomes one space.
 * - A `<Fig of="…"/>` becomes {@link FIG_MARK}, one character, and a {@link FigRef} carrying its
 *   path: a figure bound to the data, never a number typed by hand.
 * - A `<Checked reason="…">…</Checked>` is read through like emphasis, and its span is returned as
 *   a {@link CheckedSpan}: the sentences inside it were checked by a person.
 *
 * Blocks are split into sentences at `.`, `!`, `?` and `…` followed by white space and a capital,
 * a digit, a quote or a figure, except after an abbreviation (see {@link isAbbreviation}).
 */

/** Stands for a `<Fig/>` in sentence text; a private-use character, so no pattern mistakes it for prose. */
export const FIG_MARK = '\uE000';

/** The component that marks a sentence as checked by a person. */
export const CHECKED_COMPONENT = 'Checked';

export interface FigRef {
  /** Offset of the mark in the sentence text. */
  index: number;
  /** The `of` attribute: `HSI.close`, `00981.HK.changePercent`, `turnover`. */
  path: string;
}

export interface CheckedSpan {
  /** Offsets in the block text. */
  start: number;
  end: number;
  reason: string;
  /** Offset in the body of the `<Checked` tag. */
  at: number;
}

export interface Block {
  /** What a reader reads, figures as {@link FIG_MARK}. */
  text: string;
  /** For each character of `text`, its offset in the body. */
  offsets: number[];
  figs: FigRef[];
  checked: CheckedSpan[];
}

export interface Sentence {
  text: string;
  /** For each character of `text`, its offset in the body. */
  offsets: number[];
  figs: FigRef[];
  /** The `<Checked>` mark around the sentence, if any. */
  checked?: CheckedSpan;
  /** The paragraph (block) it belongs to, counted from 0: generic references resolve within it. */
  block: number;
}

/** The few mdast fields the adapter reads; Sätteri's tree has them all. */
export interface MdNode {
  type: string;
  value?: unknown;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdNode[];
  position?: { start: { offset?: number; line: number; column: number }; end: { offset?: number; line: number; column: number } };
}

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const SKIPPED = new Set(['code', 'inlineCode', 'html', 'image', 'imageReference', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'footnoteReference', 'definition', 'yaml', 'toml']);

/**
 * The blocks of prose of a body's tree. `source` is the text the tree was parsed from and
 * `shift` what to subtract from a tree offset to get an offset in the body (the blank lines put
 * before the body so that positions are the file's lines).
 */
export function proseBlocks(tree: MdNode, source: string, shift = 0): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;

  const flush = () => {
    if (current && current.text.trim() !== '') blocks.push(current);
    current = undefined;
  };
  const open = () => (current ??= { text: '', offsets: [], figs: [], checked: [] });
  const push = (text: string, offsets: number[]) => {
    const block = open();
    block.text += text;
    for (const o of offsets) block.offsets.push(o - shift);
  };
  const startOf = (node: MdNode) => node.position?.start.offset ?? 0;

  const visit = (node: MdNode, inBlock: boolean) => {
    if (node.type === 'text') {
      push(String(node.value ?? ''), align(String(node.value ?? ''), source, startOf(node), node.position?.end.offset ?? source.length));
      return;
    }
    if (node.type === 'break') {
      push(' ', [startOf(node)]);
      return;
    }
    if (SKIPPED.has(node.type)) {
      if (inBlock) push(' ', [startOf(node)]);
      return;
    }
    if (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') {
      const name = node.name ?? '';
      if (name === 'Fig') {
        const of = node.attributes?.find((a) => a.name === 'of')?.value;
        const block = open();
        block.figs.push({ index: block.text.length, path: typeof of === 'string' ? of : '' });
        push(FIG_MARK, [startOf(node)]);
        return;
      }
      if (name === CHECKED_COMPONENT) {
        const attribute = node.attributes?.find((a) => a.name === 'reason')?.value;
        const reason = typeof attribute === 'string' ? attribute : '';
        const at = startOf(node) - shift;
        if (node.type === 'mdxJsxFlowElement') {
          // Around paragraphs: every block inside is marked whole.
          flush();
          const first = blocks.length;
          for (const child of node.children ?? []) visit(child, false);
          flush();
          for (const block of blocks.slice(first)) block.checked.push({ start: 0, end: block.text.length, reason, at });
          return;
        }
        const start = open().text.length;
        for (const child of node.children ?? []) visit(child, inBlock);
        if (current) current.checked.push({ start, end: current.text.length, reason, at });
        return;
      }
      // Component tags end a block; their children (Driver, Risks…) are prose of their own.
      if (node.type === 'mdxJsxFlowElement' && /^[A-Z]/.test(name)) {
        flush();
        for (const child of node.children ?? []) visit(child, false);
        flush();
        return;
      }
      for (const child of node.children ?? []) visit(child, inBlock);
      return;
    }
    if (BLOCKS.has(node.type)) {
      flush();
      for (const child of node.children ?? []) visit(child, true);
      flush();
      return;
    }
    for (const child of node.children ?? []) visit(child, inBlock);
  };
  visit(tree, false);
  flush();
  return blocks;
}

/**
 * The offset in `source` of each character of a text node's value. The value usually is the
 * source slice itself; where it is not (entities decoded, escapes dropped, indentation stripped
 * from a continuation line, smart quotes), each character is matched with the next equal one
 * a few characters on, or else with the next character.
 */
function align(value: string, source: string, from: number, to: number): number[] {
  const offsets = new Array<number>(value.length);
  if (source.slice(from, to) === value) {
    for (let i = 0; i < value.length; i++) offsets[i] = from + i;
    return offsets;
  }
  let j = from;
  for (let i = 0; i < value.length; i++) {
    let k = j;
    const limit = Math.min(to, j + 12);
    while (k < limit && source[k] !== value[i]) k++;
    if (k < limit) {
      offsets[i] = k;
      j = k + 1;
    } else {
      offsets[i] = Math.min(j, Math.max(from, to - 1));
      if (j < to) j++;
    }
  }
  return offsets;
}

/** Abbreviations after which a sentence never ends: titles before a name, "e.g.", months before a day. */
const NEVER_ENDS = new Set(
  'mr. mrs. ms. dr. prof. sr. jr. st. gen. gov. sen. rep. pres. hon. vs. v. e.g. i.e. cf. no. nos. fig. approx. est. ca. jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.'.split(' '),
);
/** Abbreviations that may end a sentence: one does only when the next word usually starts one. */
const MAY_END = new Set('inc. ltd. co. corp. plc. bhd. etc. a.m. p.m.'.split(' '));
/** Words that usually start a sentence; after "U.S." or "Inc." they mean a new sentence began. */
const STARTERS = new Set(
  'a an the this that these those it its in on at as but and however meanwhile moreover still yet also after before while despite although though investors analysts shares stocks markets market trading turnover we they he she there here elsewhere overall separately finally'.split(' '),
);

/** Whether the `.` at `dot` ends an abbreviation rather than the sentence; `next` is the text from the next word on. */
export function isAbbreviation(text: string, dot: number, next: string): boolean {
  let start = dot;
  while (start > 0 && !/\s/.test(text[start - 1])) start--;
  const word = text.slice(start, dot + 1).replace(/^[("“‘'[]+/, '');
  const lower = word.toLowerCase();
  if (NEVER_ENDS.has(lower)) return true;
  const initialism = /^(?:\p{L}\.)+$/u.test(word);
  if (!initialism && !MAY_END.has(lower)) return false;
  const following = /^[\p{L}]+/u.exec(next)?.[0].toLowerCase();
  return !(following && STARTERS.has(following));
}

const ENDERS = '.!?…';
const CLOSERS = `"'”’)]`;

/** The sentences of the blocks, in order. */
export function splitSentences(blocks: readonly Block[]): Sentence[] {
  const out: Sentence[] = [];
  blocks.forEach((block, n) => {
    const { text } = block;
    let start = 0;
    const push = (end: number) => {
      let s = start;
      let e = end;
      while (s < e && /\s/.test(text[s])) s++;
      while (e > s && /\s/.test(text[e - 1])) e--;
      if (e <= s) return;
      const checked = block.checked.find((c) => c.start <= s + 1 && c.end >= e - 1) ?? block.checked.find((c) => c.start < e && c.end > s);
      out.push({
        text: text.slice(s, e).replace(/[\r\n\t]/g, ' '),
        offsets: block.offsets.slice(s, e),
        figs: block.figs.filter((f) => f.index >= s && f.index < e).map((f) => ({ ...f, index: f.index - s })),
        checked,
        block: n,
      });
    };
    for (let i = 0; i < text.length; i++) {
      if (!ENDERS.includes(text[i])) continue;
      let j = i;
      while (j + 1 < text.length && ENDERS.includes(text[j + 1])) j++;
      let k = j;
      while (k + 1 < text.length && CLOSERS.includes(text[k + 1])) k++;
      const after = k + 1;
      if (after < text.length && !/\s/.test(text[after])) {
        i = k;
        continue;
      }
      let next = after;
      while (next < text.length && /\s/.test(text[next])) next++;
      if (next >= text.length) break;
      const opens = /[\p{Lu}\p{N}"“‘'([\uE000]/u.test(text[next]);
      if (!opens || (text[i] === '.' && j === i && isAbbreviation(text, i, text.slice(next)))) {
        i = k;
        continue;
      }
      push(after);
      start = next;
      i = k;
    }
    push(text.length);
  });
  return out;
}
