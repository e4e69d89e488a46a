/**
 * A report's MDX body, compiled once when the content is loaded into what the report page needs to
 * render it: runs of finished HTML with the report components between them.
 *
 *     "<p>SMIC rallied ", { name: "Fig", props: { of: "00981.HK.changePercent" } }, " at the close…</p>"
 *
 * The text is parsed by Sätteri's MDX parser, the one @astrojs/mdx uses, with the same features
 * (GFM, smart punctuation); headings get the same ids (github-slugger) and mentions of securities and
 * indices become links (src/lib/entities.ts). Keeping the body as data instead of compiling one
 * JavaScript module per report is what lets an archive of thousands of reports build in one page
 * module: bundling no longer grows with the archive, and an unchanged report is not parsed again.
 *
 * A body holds Markdown and the components in `MDX_COMPONENTS` with quoted attributes; anything that
 * needs JavaScript to run (`{expressions}`, `import`/`export`) is refused with its line.
 */
import type { Element, ElementContent, Nodes, Parents, Root, RootContent, Text } from 'hast';
import { toHtml } from 'hast-util-to-html';
import Slugger from 'github-slugger';
import { mdxToHast, mdxToMdast } from 'satteri';
import { MDX_COMPONENTS, type MdxComponentName } from '../check/components.ts';
import type { Segment } from '../lib/entities.ts';

/** A run of finished HTML, or a component with its attributes and what it wraps. */
export type BodyNode = string | ComponentNode;

export interface ComponentNode {
  name: MdxComponentName;
  props: Record<string, string | true>;
  children: BodyNode[];
}

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface ReportBody {
  nodes: BodyNode[];
  headings: Heading[];
}

/** What the parser is asked for; it decides the HTML, so it is part of a compiled body's cache key. */
export const BODY_FEATURES = { gfm: true, smartPunctuation: true } as const;

export class ReportBodyError extends Error {
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly field: string;
  constructor(line: number | undefined, column: number | undefined, field: string, message: string) {
    super(message);
    this.name = 'ReportBodyError';
    this.line = line;
    this.column = column;
    this.field = field;
  }
}

/** Elements whose text is never turned into links: headings, links, code. */
const NO_LINKS = new Set(['a', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'script', 'style']);
const HEADING = /^h[1-6]$/;
const PLACEHOLDER = /<!--closing-bell:(\d+)-->/;

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}
interface JsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
  children: RootContent[];
  position?: { start: { line: number; column: number } };
}

type AnyNode = Nodes | JsxElement | { type: string; position?: JsxElement['position']; value?: string; children?: unknown[] };

function isJsx(node: AnyNode): node is JsxElement {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

function refusalAt(node: AnyNode, field: string, message: string): ReportBodyError {
  return new ReportBodyError(node.position?.start.line, node.position?.start.column, field, message);
}

function refuse(node: AnyNode, field: string, message: string): never {
  throw refusalAt(node, field, message);
}

/**
 * What a body may not hold, one node at a time: anything that needs JavaScript to render. The
 * compiler and the content check both ask this, so the two refuse the same things in the same words.
 */
function refusal(node: AnyNode): ReportBodyError | undefined {
  if (node.type === 'mdxjsEsm') return refusalAt(node, 'import/export', 'found an import or export line, expected none: every report component is available without importing it');
  if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && !isComment(node)) {
    return refusalAt(node, '{…}', 'found a JavaScript expression, expected text or a component; write a figure as <Fig of="…" />');
  }
  if (!isJsx(node)) return undefined;
  const tag = `<${node.name ?? ''}>`;
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) return refusalAt(node, tag, `found a spread attribute {…} on ${tag}, expected attributes written name="value"`);
    if (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== 'string') {
      return refusalAt(node, `<${node.name} ${attribute.name}>`, `found an expression {…}, expected a quoted value such as ${attribute.name}="…"`);
    }
  }
  return undefined;
}

/** Parses a body, with `firstLine` blank lines before it so positions are the file's lines. */
function parseBody<T>(parse: (source: string, options: { features: typeof BODY_FEATURES }) => T, source: string, firstLine: number): T {
  try {
    return parse('\n'.repeat(Math.max(0, firstLine - 1)) + source, { features: BODY_FEATURES });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const place = /(\d+):(\d+)/.exec(message);
    throw new ReportBodyError(place ? Number(place[1]) : undefined, place ? Number(place[2]) : undefined, 'MDX', `found MDX that does not parse: ${message}`);
  }
}

/**
 * Everything in a body that the compiler would refuse for needing JavaScript, and MDX that does not
 * parse, each with its line: the content check reports these with every other problem, before a
 * build, in `npm run check` and in the dev overlay.
 */
export function bodyRefusals(source: string, firstLine = 1): ReportBodyError[] {
  let tree: AnyNode;
  try {
    tree = parseBody(mdxToMdast, source, firstLine) as AnyNode;
  } catch (e) {
    if (e instanceof ReportBodyError) return [e];
    throw e;
  }
  const found: ReportBodyError[] = [];
  const visit = (node: AnyNode) => {
    const refused = refusal(node);
    if (refused) found.push(refused);
    if ('children' in node && Array.isArray(node.children)) for (const child of node.children as AnyNode[]) visit(child);
  };
  visit(tree);
  return found;
}

function textOf(node: AnyNode): string {
  if (node.type === 'text') return (node as Text).value;
  return 'children' in node && Array.isArray(node.children) ? (node.children as AnyNode[]).map(textOf).join('') : '';
}

/** An MDX comment, `{/* … *\/}`, says nothing to the reader and is dropped. */
function isComment(node: AnyNode): boolean {
  const value = 'value' in node ? node.value : undefined;
  return typeof value === 'string' && /^\s*\/\*[\s\S]*\*\/\s*$/.test(value);
}

/**
 * A copy of a string that shares no memory with the source it was cut from: the engine may keep a
 * cut-out string as a view of the whole source, and compiled bodies live as long as the build.
 */
function own(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** A tag's attributes as props; `refusal` has already turned away any that are not literal. */
function literalAttributes(node: JsxElement): Record<string, string | true> {
  const props: Record<string, string | true> = {};
  for (const attribute of node.attributes) {
    if (!attribute.name) continue;
    props[own(attribute.name)] = typeof attribute.value === 'string' ? own(attribute.value) : true;
  }
  return props;
}

interface Context {
  link: (text: string) => Segment[];
  slugger: Slugger;
  headings: Heading[];
}

/**
 * Links entity mentions, gives headings their ids and turns lower-case JSX tags (`<sup>`) into
 * ordinary elements; components stay as they are for `split` to cut out.
 */
function prepare(nodes: readonly AnyNode[], context: Context, linking: boolean): RootContent[] {
  const out: RootContent[] = [];
  for (const node of nodes) {
    const refused = refusal(node);
    if (refused) throw refused;
    // What is left of MDX's expressions are comments, which say nothing to the reader.
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') continue;
    if (isJsx(node)) {
      const name = node.name ?? '';
      if (/^[a-z]/.test(name)) {
        const element: Element = { type: 'element', tagName: name, properties: literalAttributes(node), children: [] };
        element.children = prepare(node.children, context, linking && !NO_LINKS.has(name)) as ElementContent[];
        out.push(element);
        continue;
      }
      if (!(MDX_COMPONENTS as readonly string[]).includes(name)) {
        refuse(node, `<${name || '>'}>`, `found unknown component <${name}>, expected one of ${MDX_COMPONENTS.map((c) => `<${c}>`).join(', ')}`);
      }
      out.push({ ...node, children: prepare(node.children, context, linking) } as unknown as RootContent);
      continue;
    }
    if (node.type === 'text') {
      const segments = linking ? context.link((node as Text).value) : [];
      if (!segments.some((segment) => segment.href)) {
        out.push(node as Text);
        continue;
      }
      for (const segment of segments) {
        out.push(
          segment.href
            ? { type: 'element', tagName: 'a', properties: { href: segment.href, className: ['entity-link'], title: segment.title }, children: [{ type: 'text', value: segment.text }] }
            : { type: 'text', value: segment.text },
        );
      }
      continue;
    }
    if (node.type === 'element') {
      const element = node as Element;
      const copy: Element = { ...element, children: prepare(element.children, context, linking && !NO_LINKS.has(element.tagName)) as ElementContent[] };
      if (HEADING.test(element.tagName)) {
        const text = textOf(copy);
        const existing = element.properties?.id;
        const slug = typeof existing === 'string' ? existing : context.slugger.slug(text);
        context.headings.push({ depth: Number(element.tagName[1]), slug: own(slug), text: own(text) });
        copy.properties = { ...element.properties, id: slug };
      }
      out.push(copy);
      continue;
    }
    out.push(node as RootContent);
  }
  return out;
}

/** Cuts prepared nodes into HTML runs and components, each component's children cut the same way. */
function split(nodes: readonly RootContent[]): BodyNode[] {
  const components: ComponentNode[] = [];
  const swap = (node: RootContent): RootContent => {
    if (isJsx(node as AnyNode)) {
      const jsx = node as unknown as JsxElement;
      components.push({ name: own(jsx.name ?? '') as MdxComponentName, props: literalAttributes(jsx), children: split(jsx.children) });
      return { type: 'comment', value: `closing-bell:${components.length - 1}` };
    }
    if ('children' in node) return { ...node, children: (node as Parents).children.map(swap) } as RootContent;
    return node;
  };
  const html = toHtml({ type: 'root', children: nodes.map(swap) } satisfies Root);
  const parts = html.split(PLACEHOLDER);
  const out: BodyNode[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 1) out.push(components[Number(part)]);
    else if (part !== '') out.push(part);
  });
  return out;
}

/**
 * Compiles a report body. `source` is the MDX after its front matter; `firstLine` is the file line it
 * starts on, so a refused construct is reported at its line in the file.
 */
export function compileReportBody(source: string, link: (text: string) => Segment[], firstLine = 1): ReportBody {
  const tree = parseBody(mdxToHast, source, firstLine) as AnyNode;
  const context: Context = { link, slugger: new Slugger(), headings: [] };
  const prepared = prepare((tree as Root).children as AnyNode[], context, true);
  return { nodes: split(prepared), headings: context.headings };
}
