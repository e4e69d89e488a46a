/**
 * A report's MDX body, compiled when its page renders into what the page needs: runs of finished
 * HTML with the report components between them.
 *
 *     "<p>SMIC rallied ", { name: "Fig", props: { of: "00981.HK.changePercent" } }, " at the close…</p>"
 *
 * The text is parsed once by `parseReportBody` (parse.ts: Sätteri's MDX parser, GFM, smart
 * punctuation), the same tree the content check walks; its mdast becomes hast through
 * mdast-util-to-hast, headings get ids (github-slugger) and mentions of securities and indices
 * become links (src/lib/entities.ts). Keeping the body as data instead of compiling one
 * JavaScript module per report is what lets an archive of thousands of reports build in one page
 * module: bundling does not grow with the archive, and an unchanged report's page is kept.
 *
 * A body holds Markdown and the components of `REPORT_COMPONENTS` (src/check/body/components.ts) with quoted
 * attributes, which reach the components parsed by their schemas; what `parseReportBody` refuses
 * (anything that needs JavaScript, an unknown tag or attribute, a wrong value) stops with its line.
 */
import type { Element, ElementContent, Nodes, Parents, Root, RootContent, Text } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import Slugger from 'github-slugger';
import { componentProps, isComponentName, type ComponentName, type ComponentProps } from '../check/body/components.ts';
import type { Segment } from '../lib/entities.ts';
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'satteri';
import { htmlProperties, sanitizeBody } from '../check/body/html.ts';
import { splitFrontmatter } from '../sources/files.ts';
import { BODY_FEATURES, parseReportBody, refusalAt, ReportBodyError, type ParsedReportBody } from '../check/body/parse.ts';

export { BODY_FEATURES, ReportBodyError };

/** A run of finished HTML, or a component with its attributes and what it wraps. */
export type BodyNode = string | ComponentNode;

/** A report component with its parsed, typed props (src/check/body/components.ts) and what it wraps. */
export type ComponentNode = { [N in ComponentName]: { name: N; props: ComponentProps<N>; children: BodyNode[] } }[ComponentName];

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface ReportBody {
  nodes: BodyNode[];
  headings: Heading[];
}

/** Elements whose text is never turned into links: headings, links, code. */
const NO_LINKS = new Set(['a', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'script', 'style']);
const HEADING = /^h[1-6]$/;
const PLACEHOLDER = /<!--closing-bell:(\d+)-->/;
/** MDX nodes the mdast-to-hast conversion keeps as they are (their children converted), for `prepare`. */
const MDX_NODES = ['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm'] as const;

/** A component or lower-case tag once the tree is hast: its children are hast too. */
type JsxElement = MdxJsxFlowElementHast | MdxJsxTextElementHast;

function isJsx(node: { type: string }): node is JsxElement {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

type AnyNode = Nodes | JsxElement | { type: string; position?: JsxElement['position']; value?: string; children?: unknown[] };

function refuse(node: AnyNode, field: string, message: string): never {
  throw refusalAt(node, field, message);
}

/**
 * Everything in a body that the compiler would refuse for needing JavaScript, and MDX that does not
 * parse, each with its line.
 */
export function bodyRefusals(source: string, firstLine = 1): ReportBodyError[] {
  return parseReportBody(source, firstLine).refusals;
}

function textOf(node: AnyNode): string {
  if (node.type === 'text') return (node as Text).value;
  return 'children' in node && Array.isArray(node.children) ? (node.children as AnyNode[]).map(textOf).join('') : '';
}

/** A tag's attributes as props; the parse has already refused any that are not literal. */
function literalAttributes(node: JsxElement): Record<string, string | true> {
  const props: Record<string, string | true> = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') continue;
    props[attribute.name] = typeof attribute.value === 'string' ? attribute.value : true;
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
    // What is left of MDX's expressions are comments, which say nothing to the reader.
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') continue;
    if (isJsx(node)) {
      const name = node.name ?? '';
      if (/^[a-z]/.test(name)) {
        const element: Element = { type: 'element', tagName: name, properties: htmlProperties(literalAttributes(node)), children: [] };
        element.children = prepare(node.children, context, linking && !NO_LINKS.has(name)) as ElementContent[];
        out.push(element);
        continue;
      }
      if (!isComponentName(name)) refuse(node, `<${name}>`, `found unknown component <${name}>`);
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
        context.headings.push({ depth: Number(element.tagName[1]), slug, text });
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
      const name = jsx.name as ComponentName;
      // Parsed with the component's schema; `own` through JSON so no prop shares memory with the source.
      const props = JSON.parse(JSON.stringify(componentProps(name, literalAttributes(jsx)))) as ComponentProps<typeof name>;
      components.push({ name, props, children: split(jsx.children as RootContent[]) } as ComponentNode);
      return { type: 'comment', value: `closing-bell:${components.length - 1}` };
    }
    if ('children' in node) return { ...node, children: (node as Parents).children.map(swap) } as RootContent;
    return node;
  };
  // Through the sanitiser with the body's HTML allowlist (html.ts), components' placeholders kept.
  const html = toHtml(sanitizeBody({ type: 'root', children: nodes.map(swap) } satisfies Root, true));
  const parts = html.split(PLACEHOLDER);
  const out: BodyNode[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 1) out.push(components[Number(part)]);
    else if (part !== '') out.push(part);
  });
  return out;
}

/**
 * Satteri's own mdast-to-hast conversion writes a table column's alignment as a style, as the
 * reports have always been published; the unified conversion writes the obsolete `align` attribute.
 */
function alignAsStyle(node: Nodes): void {
  if (node.type === 'element' && (node.tagName === 'th' || node.tagName === 'td') && typeof node.properties.align === 'string') {
    const { align, ...rest } = node.properties;
    node.properties = { style: `text-align: ${align}`, ...rest };
  }
  if ('children' in node) for (const child of node.children) alignAsStyle(child as Nodes);
}

/**
 * Compiles a report body: its source (the MDX after the front matter, with `firstLine` the file line
 * it starts on) or the tree `parseReportBody` made of it. The first refusal is thrown with its line
 * in the file.
 */
export function compileReportBody(body: string | ParsedReportBody, link: (text: string) => Segment[], firstLine = 1): ReportBody {
  const parsed = typeof body === 'string' ? parseReportBody(body, firstLine) : body;
  if (parsed.refusals.length > 0) throw parsed.refusals[0];
  const tree = toHast(parsed.tree, { passThrough: [...MDX_NODES] }) as Root;
  alignAsStyle(tree);
  const context: Context = { link, slugger: new Slugger(), headings: [] };
  const prepared = prepare(tree.children as AnyNode[], context, true);
  return { nodes: split(prepared), headings: context.headings };
}

/**
 * Compiles the body of a report file, given its whole text and its path for messages. A refusal
 * stops with `file:line:column  field  message`, the line counted in the file.
 */
export function compileReportFile(text: string, filePath: string, link: (text: string) => Segment[]): ReportBody {
  const parts = splitFrontmatter(text);
  if (!parts) throw new Error(`${filePath}:1  found no front matter, expected the file to start with a --- line`);
  try {
    return compileReportBody(parts.body, link, parts.bodyLine);
  } catch (e) {
    if (!(e instanceof ReportBodyError)) throw e;
    throw new Error(`${filePath}:${e.line ?? 1}:${e.column ?? 1}  ${e.field}  ${e.message}`, { cause: e });
  }
}
