/**
 * An MDX body turned into the sentences a reader reads, each with its offsets in the body.
 *
 * The body is first *masked*: everything that is not prose becomes spaces, so the masked text has
 * exactly the body's length and every offset in it is an offset in the body. What is masked:
 * fenced code, `import`/`export` lines, comments, `{…}` expressions, inline code, link targets,
 * images, URLs, Markdown markers (`#`, `-`, `1.`, `>`, `*`, `_`, `|`) and every JSX tag. A block
 * component tag (`<IndexTable />`, `<Driver title="…">`, `</Driver>`) also ends the sentence
 * before it (its attributes are not prose); the text between `<Driver>` and `</Driver>` is prose.
 * A `<Fig of="…"/>` stays in its sentence as {@link FIG_MARK} followed by spaces and is returned as
 * a {@link FigRef}: it is a figure bound to the data, never a number typed by hand.
 *
 * Blocks (paragraphs, list items, headings, table cells, component bodies) are then split into
 * sentences at `.`, `!`, `?` and `…` followed by white space and a capital, a digit, a quote or a
 * figure, except after an abbreviation (see {@link isAbbreviation}). Decimals (0.7) and tickers
 * (00981.HK) never split: their dot is not followed by white space.
 */

/** Stands for a `<Fig/>` in masked text; a private-use character, so no pattern mistakes it for prose. */
export const FIG_MARK = '\uE000';
/** Marks a block boundary in masked text (U+2029 PARAGRAPH SEPARATOR). */
const BREAK = '\u2029';

export interface FigRef {
  /** Offsets of the whole tag in the body. */
  start: number;
  end: number;
  /** The `of` attribute: `HSI.close`, `00981.HK.changePercent`, `turnover`. */
  path: string;
}

export interface Sentence {
  /** Offsets in the body: `body.slice(start, end)` is the sentence as written. */
  start: number;
  end: number;
  /** The sentence masked (same length as `end - start`): prose only, figures as {@link FIG_MARK}. */
  text: string;
  /** The figures inside the sentence, offsets in the body. */
  figs: FigRef[];
}

export interface MaskedBody {
  /** The body with everything but prose blanked; the same length as the body. */
  text: string;
  figs: FigRef[];
}

/** Inline HTML that sits inside a sentence; any other lower-case tag ends it like a block. */
const INLINE_HTML = new Set(['a', 'abbr', 'b', 'bdi', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']);

const TAG = /<\/?([A-Za-z][\w.:-]*)((?:\s+[^\s"'{}<>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|\{[^{}]*\}))?)*)\s*\/?>|<\/?>/g;

export function maskMdx(body: string): MaskedBody {
  // One UTF-16 code unit per offset, so chars[i] is body[i] for every offset. The masked text is
  // read again after each step; a typed array turns back into a string in one native copy, where an
  // array of one-character strings took a join per step (half the check's time on a large archive).
  const chars = new Uint16Array(body.length);
  for (let i = 0; i < body.length; i++) chars[i] = body.charCodeAt(i);
  const figs: FigRef[] = [];
  let cached: string | undefined = body;
  const set = (i: number, ch: string) => {
    chars[i] = ch.charCodeAt(0);
    cached = undefined;
  };
  const blank = (start: number, end: number, first?: string) => {
    for (let i = start; i < end; i++) if (chars[i] !== NEWLINE) chars[i] = SPACE;
    if (first !== undefined && start < end) chars[start] = first.charCodeAt(0);
    if (start < end) cached = undefined;
  };
  const current = () => (cached ??= fromCodes(chars));

  // Fenced code and ESM lines, line by line.
  let fence: string | undefined;
  let offset = 0;
  for (const line of body.split('\n')) {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== undefined) {
      blank(offset, offset + line.length, BREAK);
      if (opener && opener[1][0] === fence[0] && opener[1].length >= fence.length) fence = undefined;
    } else if (opener) {
      fence = opener[1];
      blank(offset, offset + line.length, BREAK);
    } else if (/^(import|export)\s/.test(line)) {
      blank(offset, offset + line.length, BREAK);
    }
    offset += line.length + 1;
  }

  // Comments, then JSX tags (a <Fig/> kept as a mark), then {…} expressions.
  for (const match of current().matchAll(/<!--[\s\S]*?-->|\{\s*\/\*[\s\S]*?\*\/\s*\}/g)) blank(match.index, match.index + match[0].length);
  for (const match of current().matchAll(/<https?:\/\/[^\s>]+>/g)) blank(match.index, match.index + match[0].length);
  for (const match of current().matchAll(TAG)) {
    const [whole, name = '', attributes = ''] = match;
    const start = match.index;
    const end = start + whole.length;
    if (name === 'Fig' && !whole.startsWith('</')) {
      const path = /\bof\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attributes);
      figs.push({ start, end, path: path?.[1] ?? path?.[2] ?? '' });
      blank(start, end, FIG_MARK);
    } else if (name === 'Fig' || INLINE_HTML.has(name)) {
      blank(start, end);
    } else {
      blank(start, end, BREAK);
    }
  }
  maskExpressions(current(), blank);

  // Inline code, images, links (their text stays), footnote marks, bare URLs, entities, escapes.
  let text = current();
  for (const match of text.matchAll(/(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g)) blank(match.index, match.index + match[0].length);
  text = current();
  for (const match of text.matchAll(/!\[[^\]]*\]\([^)]*\)/g)) blank(match.index, match.index + match[0].length);
  text = current();
  for (const match of text.matchAll(/\[\^[^\]]+\]/g)) blank(match.index, match.index + match[0].length);
  text = current();
  for (const match of text.matchAll(/\[([^\]\n]+)\](\([^)\n]*\)|\[[^\]\n]*\])/g)) {
    blank(match.index, match.index + 1);
    const close = match.index + 1 + match[1].length;
    blank(close, close + 1 + match[2].length);
  }
  text = current();
  for (const match of text.matchAll(/\bhttps?:\/\/[^\s)]+/g)) blank(match.index, match.index + match[0].length);
  text = current();
  for (const match of text.matchAll(/&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);/g)) blank(match.index, match.index + match[0].length);
  text = current();
  for (const match of text.matchAll(/\\(?=[!-\/:-@[-`{-~])/g)) blank(match.index, match.index + 1);

  // Markdown block markers, line by line: each heading, list item, table cell and paragraph is a block.
  text = current();
  offset = 0;
  type BlockKind = 'blank' | 'list' | 'text';
  let previous: BlockKind = 'blank';
  for (const line of text.split('\n')) {
    const end = offset + line.length;
    const newline = end < text.length ? end : -1;
    let kind: BlockKind = 'text';
    let match: RegExpExecArray | null;
    if (line.trim() === '') {
      kind = 'blank';
      if (newline >= 0) set(newline, BREAK);
    } else if ((match = /^( {0,3})(#{1,6})(?=\s|$)/.exec(line))) {
      blank(offset + match[1].length, offset + match[0].length, BREAK);
      const closing = /\s#+\s*$/.exec(line);
      if (closing) blank(offset + closing.index, end);
      if (newline >= 0) set(newline, BREAK);
      kind = 'blank';
    } else if (/^ {0,3}([-*_])(?:\s*\1){2,}\s*$/.test(line) || (previous === 'text' && /^ {0,3}=+\s*$/.test(line))) {
      blank(offset, end, BREAK);
      kind = 'blank';
    } else if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line) && line.includes('|')) {
      blank(offset, end, BREAK);
      kind = 'blank';
    } else {
      const quote = /^(?: {0,3}>\s?)+/.exec(line);
      let from = 0;
      if (quote) {
        blank(offset, offset + quote[0].length, BREAK);
        from = quote[0].length;
      }
      const rest = line.slice(from);
      const bullet = /^(\s*)([-*+])(\s+)/.exec(rest);
      const ordered = /^(\s*)(\d{1,9})([.)])(\s+)/.exec(rest);
      if (bullet) {
        blank(offset + from + bullet[1].length, offset + from + bullet[0].length, BREAK);
        kind = 'list';
      } else if (ordered && (previous !== 'text' || ordered[2] === '1')) {
        blank(offset + from + ordered[1].length, offset + from + ordered[0].length, BREAK);
        kind = 'list';
      } else if (/^\s*\|/.test(rest)) {
        for (let i = from; i < line.length; i++) if (line[i] === '|') set(offset + i, BREAK);
        if (newline >= 0) set(newline, BREAK);
      } else if (previous === 'list') {
        kind = 'list';
      }
    }
    previous = kind;
    offset = end + 1;
  }

  // Emphasis markers: every `*` and `~~`, and `_` at the edge of a word.
  text = current();
  for (const match of text.matchAll(/\*+|~~|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu)) blank(match.index, match.index + match[0].length);

  return { text: current(), figs };
}

const NEWLINE = 10;
const SPACE = 32;

/** The string of UTF-16 code units, in chunks that stay within the engine's argument limit. */
function fromCodes(codes: Uint16Array): string {
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode.apply(null, codes.subarray(i, i + 8192) as unknown as number[]);
  return out;
}

/** Blanks balanced `{…}` JSX expressions that are outside tags (tags are already blank). */
function maskExpressions(text: string, blank: (start: number, end: number) => void): void {
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (text[i] === '}' && depth > 0) {
      depth--;
      if (depth === 0) blank(start, i + 1);
    }
  }
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

/**
 * Whether the `.` at `dot` ends an abbreviation rather than the sentence. `next` is the text from
 * the next word on.
 */
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
/** One of {@link ENDERS}, by code unit: the scan for them reads every character of the body. */
const isEnder = (code: number) => code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026;
const CLOSERS = `"'”’)]`;

/** The sentences of an MDX body, in order, with their offsets in the body. */
export function splitSentences(body: string): Sentence[] {
  const masked = maskMdx(body);
  const sentences: Sentence[] = [];
  let blockStart = 0;
  const text = masked.text;
  for (;;) {
    const found = text.indexOf(BREAK, blockStart);
    const end = found < 0 ? text.length : found;
    splitBlock(text, blockStart, end, sentences);
    if (found < 0) break;
    blockStart = end + 1;
  }
  for (const sentence of sentences) sentence.figs = masked.figs.filter((f) => f.start >= sentence.start && f.start < sentence.end);
  return sentences;
}

function splitBlock(text: string, from: number, to: number, out: Sentence[]): void {
  let start = from;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e), figs: [] });
  };
  for (let i = from; i < to; i++) {
    if (!isEnder(text.charCodeAt(i))) continue;
    let j = i;
    while (j + 1 < to && ENDERS.includes(text[j + 1])) j++;
    let k = j;
    while (k + 1 < to && CLOSERS.includes(text[k + 1])) k++;
    const after = k + 1;
    if (after < to && !/\s/.test(text[after])) {
      i = k;
      continue;
    }
    let next = after;
    while (next < to && /\s/.test(text[next])) next++;
    if (next >= to) break;
    const opens = /[\p{Lu}\p{N}"“‘'([\uE000]/u.test(text[next]);
    if (!opens || (text[i] === '.' && j === i && isAbbreviation(text, i, text.slice(next, to)))) {
      i = k;
      continue;
    }
    push(after);
    start = next;
    i = k;
  }
  push(to);
}
