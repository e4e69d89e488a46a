/**
 * The HTML a report body may hold: an allowlist, enforced by hast-util-sanitize with `BODY_HTML` as
 * its schema. Content arrives by pull request, so a body's markup is untrusted.
 *
 * - `htmlRefusal` (called by `parseReportBody`, so by the content check and the compiler alike)
 *   asks the sanitiser about every lower-case tag an author wrote (`<abbr title="…">`) and every
 *   Markdown link and image: a tag, an attribute or a link address the sanitiser would drop is
 *   refused at its line, named.
 * - `sanitizeBody` (called by the compiler) runs the sanitiser over the finished HTML, what the
 *   Markdown made of the body included, as the last step before it is written.
 *
 * The allowlist: the elements Markdown writes (paragraphs, headings, lists, quotes, code, tables,
 * emphasis, links, images, footnotes, task lists) and, written as tags, `abbr`, `b`, `i`, `s`,
 * `u`, `em`, `strong`, `small`, `mark`, `q`, `cite`, `dfn`, `kbd`, `code`, `sub`, `sup`, `ins`,
 * `del`, `time`, `span` and `br`, with `title`, `lang` and `dir` on any of them, `cite` on `q`,
 * `ins` and `del`, and `dateTime` on `time`. Links (`href`) and images (`src`) may point only at
 * http, https, mailto (links) or a relative address. Anything else (`<script>`, `<style>`,
 * `<iframe>`, `<meta>`, `<form>`, event handlers such as `onerror`, `style`, `class`,
 * `javascript:` addresses) is refused. README.md, "HTML in a report", says the same for authors.
 */
import type { Element, Nodes as HastNodes, Properties, Root as HastRoot } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import type { Nodes } from 'mdast';
import { find, html } from 'property-information';
import type { WrittenAttributes } from './components.ts';
import { refusalAt, type ReportBodyError } from './refusal.ts';

/** Tags an author may write in a body, beyond what Markdown writes. */
export const AUTHOR_TAGS = ['abbr', 'b', 'br', 'cite', 'code', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u'] as const;

/** Tags Markdown writes (GFM tables, task lists and footnotes included). */
const MARKDOWN_TAGS = ['a', 'blockquote', 'br', 'code', 'del', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'img', 'input', 'li', 'ol', 'p', 'pre', 'section', 'strong', 'sup', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul'];

const ALIGN: [string, ...string[]] = ['style', 'text-align: left', 'text-align: center', 'text-align: right'];

/** The allowlist, as hast-util-sanitize's schema (property names are hast's: `className`, `dateTime`). */
export const BODY_HTML: Schema = {
  tagNames: [...new Set([...MARKDOWN_TAGS, ...AUTHOR_TAGS])],
  attributes: {
    '*': ['title', 'lang', 'dir'],
    // Links: the address; mentions the compiler links carry `entity-link`; the rest is GFM footnotes.
    a: ['href', 'id', ['className', 'entity-link', 'data-footnote-backref'], 'dataFootnoteRef', 'dataFootnoteBackref', 'ariaDescribedBy', 'ariaLabel'],
    img: ['src', 'alt'],
    code: [['className', /^language-[\w-]+$/]],
    h1: ['id'],
    h2: ['id', ['className', 'sr-only']],
    h3: ['id'],
    h4: ['id'],
    h5: ['id'],
    h6: ['id'],
    li: ['id', ['className', 'task-list-item']],
    ol: ['start', ['className', 'contains-task-list']],
    ul: [['className', 'contains-task-list']],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    section: ['dataFootnotes', ['className', 'footnotes']],
    th: [ALIGN],
    td: [ALIGN],
    q: ['cite'],
    ins: ['cite'],
    del: ['cite'],
    time: ['dateTime'],
  },
  ancestors: { tbody: ['table'], td: ['table'], th: ['table'], thead: ['table'], tr: ['table'] },
  required: { input: { type: 'checkbox', disabled: true } },
  protocols: { href: ['http', 'https', 'mailto'], src: ['http', 'https'], cite: ['http', 'https'] },
  // Ids are the compiler's (heading slugs, footnotes), already unique on the page: kept as written.
  clobber: [],
  clobberPrefix: '',
  // Dropped with their content, never unwrapped into the page as text.
  strip: ['script', 'style', 'textarea', 'title', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'select'],
};

/** The hast properties of a tag's written attributes: `class` → `className`, `http-equiv` → `httpEquiv`. */
export function htmlProperties(written: WrittenAttributes): Properties {
  const properties: Properties = {};
  for (const [name, value] of Object.entries(written)) {
    const info = find(html, name);
    properties[info.property] =
      value === true ? true
      : info.spaceSeparated ? value.split(/\s+/).filter(Boolean)
      : info.commaSeparated ? value.split(',').map((part) => part.trim())
      : value;
  }
  return properties;
}

/** The tag an ancestor in the mdast tree becomes, for the sanitiser's `ancestors` rule (a `td` needs a `table`). */
function tagOf(node: Nodes): string | undefined {
  if (node.type === 'table') return 'table';
  if (node.type === 'tableRow') return 'tr';
  if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[a-z]/.test(node.name)) return node.name;
  return undefined;
}

/**
 * What the sanitiser keeps of one element, in the context of its ancestors: its properties, or
 * undefined when it drops the element itself.
 */
function kept(element: Element, ancestors: readonly string[]): Properties | undefined {
  // Only the element carries a position, so it can be told apart from the ancestors around it.
  let tree: Element = { ...element, children: [], position: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } };
  for (const tagName of [...ancestors].reverse()) tree = { type: 'element', tagName, properties: {}, children: [tree] };
  let found: Properties | undefined;
  const look = (node: HastNodes) => {
    if (node.type === 'element' && node.position) found = node.properties;
    if ('children' in node) for (const child of node.children) look(child);
  };
  look(sanitize({ type: 'root', children: [tree] }, BODY_HTML));
  return found;
}

const LINK_EXPECTED = 'expected an http, https or mailto address, or a relative one such as /reports/…';

/** The attributes of `written` the sanitiser drops from an element it keeps. */
function droppedAttributes(written: WrittenAttributes, properties: Properties, safe: Properties): string[] {
  return Object.keys(written).filter((name) => {
    const property = find(html, name).property;
    return !Object.hasOwn(safe, property) || JSON.stringify(safe[property]) !== JSON.stringify(properties[property]);
  });
}

/**
 * Every tag, attribute and link address in a body that the allowlist does not allow, at its line:
 * lower-case tags are HTML (components are capitalised), Markdown links and images are checked
 * for their address.
 */
export function htmlRefusal(node: Nodes, ancestors: readonly Nodes[], written?: WrittenAttributes): ReportBodyError[] {
  const context = ancestors.map(tagOf).filter((tag): tag is string => tag !== undefined);
  if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && written) {
    const name = node.name ?? '';
    const properties = htmlProperties(written);
    const safe = kept({ type: 'element', tagName: name, properties, children: [] }, context);
    if (!safe) {
      return [refusalAt(node, `<${name}>`, `found <${name}>, expected Markdown, a report component or HTML from the allowlist: ${AUTHOR_TAGS.map((tag) => `<${tag}>`).join(', ')}`)];
    }
    const allowed = allowedAttributes(name);
    return droppedAttributes(written, properties, safe).map((attribute) => {
      const value = written[attribute];
      const address = typeof value === 'string' && allowed.includes(attribute) && Object.hasOwn(BODY_HTML.protocols ?? {}, find(html, attribute).property);
      return refusalAt(
        node,
        `<${name} ${attribute}>`,
        address
          ? `found ${attribute}=${JSON.stringify(value)}, ${LINK_EXPECTED}`
          : `found ${attribute}${value === true ? '' : `=${JSON.stringify(value)}`} on <${name}>, expected ${allowed.length > 0 ? `only ${allowed.join(', ')}` : 'no attributes'}`,
      );
    });
  }
  if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
    const tagName = node.type === 'image' ? 'img' : 'a';
    const key = node.type === 'image' ? 'src' : 'href';
    const safe = kept({ type: 'element', tagName, properties: { [key]: node.url }, children: [] }, context);
    if (!safe || safe[key] !== node.url) {
      return [refusalAt(node, node.type === 'image' ? 'image' : 'link', `found ${node.type === 'image' ? 'an image at' : 'a link to'} ${JSON.stringify(node.url)}, ${LINK_EXPECTED}`)];
    }
  }
  return [];
}

/** The attributes the allowlist gives a tag, as an author writes them (`datetime`, not `dateTime`). */
function allowedAttributes(tagName: string): string[] {
  const names = [...(BODY_HTML.attributes?.[tagName] ?? []), ...(BODY_HTML.attributes?.['*'] ?? [])]
    .map((definition) => (typeof definition === 'string' ? definition : definition[0]))
    .map((property) => find(html, property).attribute);
  return [...new Set(names)];
}

/** The compiled HTML of a body, through the sanitiser: what the allowlist does not allow is dropped. */
export function sanitizeBody(tree: HastRoot, placeholders: boolean): HastRoot {
  return sanitize(tree, { ...BODY_HTML, allowComments: placeholders }) as HastRoot;
}
