/**
 * The one parse of a report body. The content check walks the tree this returns, and the compiler
 * (`compileReportBody` in report-body.ts) turns the same tree into HTML, so the two can never
 * disagree about what a body holds.
 *
 * The parser is Sätteri's MDX parser (`mdxToMdast`), the one @astrojs/mdx uses, with GFM and smart
 * punctuation. The tree is MDX **mdast** (https://github.com/syntax-tree/mdast and
 * https://github.com/syntax-tree/mdast-util-mdx-jsx), every node with a `position` whose lines and
 * columns are the report file's (the body is parsed after as many blank lines as the front matter
 * takes). The node types a check may rely on:
 *
 * - blocks: `root`, `paragraph`, `heading` (`depth` 1–6), `list` (`ordered`) / `listItem`,
 *   `blockquote`, `code` (`lang`, `value`), `table` / `tableRow` / `tableCell`, `thematicBreak`,
 *   `definition`, `footnoteDefinition`;
 * - inline: `text` (`value`, smart quotes and dashes already applied), `emphasis`, `strong`,
 *   `delete`, `inlineCode`, `break`, `link` (`url`, `title`), `image` (`url`, `alt`),
 *   `linkReference` / `imageReference`, `footnoteReference`;
 * - MDX: `mdxJsxFlowElement` (a tag alone on its lines, children are blocks) and
 *   `mdxJsxTextElement` (a tag inside a paragraph, children are inline), each with `name`
 *   (`null` for a fragment `<>`) and `attributes`: `mdxJsxAttribute` with `name` and `value`
 *   (a string for `name="…"`, `null` for a bare boolean attribute such as `signed`, an
 *   `mdxJsxAttributeValueExpression` for `name={…}`) or `mdxJsxExpressionAttribute` (`{...spread}`).
 *   Capitalised names are report components (components.ts); lower-case names are HTML elements,
 *   held to the allowlist in html.ts.
 *   `mdxFlowExpression` / `mdxTextExpression` (`{…}`; only comments `{/* … *\/}` are accepted) and
 *   `mdxjsEsm` (`import`/`export`, refused) complete the set. MDX has no raw `html` nodes: markup is
 *   always parsed as JSX.
 *
 * `refusals` holds what the compiler would refuse, each with its line and column: MDX that does not
 * parse; anything that needs JavaScript to render (expressions, import/export, spread or
 * expression attributes); an unknown component, an attribute its schema (components.ts) does not
 * accept, content inside a component that wraps none; HTML outside the allowlist and link
 * addresses other than http(s), mailto or relative (html.ts). The compiler throws the first; the check
 * reports them all. `components` holds every component use that parsed, with its typed props.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { mdxToMdast, type MdxJsxFlowElement, type MdxJsxTextElement } from 'satteri';
import { refusalAt, ReportBodyError } from './refusal.ts';
import { htmlRefusal } from './html.ts';
import { isComponentName, MDX_COMPONENTS, parseComponentProps, REPORT_COMPONENTS, type ComponentName, type ComponentProps, type WrittenAttributes } from './components.ts';

/** What the parser is asked for; it decides the HTML, so it is part of a compiled body's cache key. */
export const BODY_FEATURES = { gfm: true, smartPunctuation: true } as const;

export { refusalAt, ReportBodyError };

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;
export type BodyNode = Nodes;

/** One use of a report component whose attributes parsed: its props, and its node for the line. */
export type ComponentUse = { [N in ComponentName]: { name: N; props: ComponentProps<N>; node: JsxElement } }[ComponentName];

export interface ParsedReportBody {
  /** The body's MDX mdast tree, positions in file lines; an empty root when the MDX does not parse. */
  tree: Root;
  /** The file line the body starts on. */
  firstLine: number;
  /** What the compiler refuses, in document order. Empty for a body that compiles. */
  refusals: ReportBodyError[];
  /** Every component whose attributes parsed, in document order, for the checks that need a session. */
  components: ComponentUse[];
}

export function isJsx(node: { type: string }): node is JsxElement {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

/** An MDX comment, `{/* … *\/}`, says nothing to the reader and is accepted. */
export function isComment(node: { type: string; value?: unknown }): boolean {
  return (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && typeof node.value === 'string' && /^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value);
}

/** Every node of a tree, parents before their children, in document order, with its ancestors. */
export function walk(tree: Nodes, visit: (node: Nodes, ancestors: readonly Nodes[]) => void): void {
  const ancestors: Nodes[] = [];
  const go = (node: Nodes) => {
    visit(node, ancestors);
    if (!('children' in node)) return;
    ancestors.push(node);
    for (const child of node.children as RootContent[]) go(child);
    ancestors.pop();
  };
  go(tree);
}

/** What a body may not hold because it needs JavaScript to render, one node at a time. */
function scriptRefusal(node: Nodes): ReportBodyError | undefined {
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

/**
 * A tag's attributes as the author wrote them: text, or `true` for one written alone. Expression
 * and spread attributes are left out (refused by `scriptRefusal`); `repeated` names any written twice.
 */
export function writtenAttributes(node: JsxElement): { written: WrittenAttributes; repeated: string[] } {
  const written: WrittenAttributes = {};
  const repeated: string[] = [];
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') continue;
    if (Object.hasOwn(written, attribute.name)) repeated.push(attribute.name);
    if (typeof attribute.value === 'string') written[attribute.name] = attribute.value;
    else if (attribute.value === null || attribute.value === undefined) written[attribute.name] = true;
  }
  return { written, repeated };
}

/** Whether a node holds anything a reader would see (not only white space). */
function hasContent(node: JsxElement): boolean {
  return node.children.some((child) => child.type !== 'text' || child.value.trim() !== '');
}

/** A report component's tag: known, with attributes its schema accepts, and content only if it wraps. */
function componentRefusals(node: JsxElement, uses: ComponentUse[]): ReportBodyError[] {
  const name = node.name ?? '';
  if (!isComponentName(name)) {
    return [refusalAt(node, `<${name}>`, `found unknown component <${name}>, expected one of ${MDX_COMPONENTS.map((c) => `<${c}>`).join(', ')}`)];
  }
  const found: ReportBodyError[] = [];
  const { written, repeated } = writtenAttributes(node);
  for (const attribute of repeated) found.push(refusalAt(node, `<${name} ${attribute}>`, `found ${attribute} twice on <${name}>, expected it once`));
  const parsed = parseComponentProps(name, written);
  if (parsed.ok) uses.push({ name, props: parsed.props, node } as ComponentUse);
  else for (const problem of parsed.problems) found.push(refusalAt(node, problem.attribute ? `<${name} ${problem.attribute}>` : `<${name}>`, problem.message));
  if (!REPORT_COMPONENTS[name].wraps && hasContent(node)) {
    found.push(refusalAt(node, `<${name}>`, `found text or tags inside <${name}>, expected none: write it alone as <${name} … />`));
  }
  return found;
}

/**
 * Parses a report body once. `body` is the MDX after the front matter; `firstLine` is the file line
 * it starts on, so every position in the tree, and every refusal, is the file's line and column.
 */
export function parseReportBody(body: string, firstLine = 1): ParsedReportBody {
  let tree: Root;
  try {
    tree = mdxToMdast('\n'.repeat(Math.max(0, firstLine - 1)) + body, { features: BODY_FEATURES }) as Root;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const place = /(\d+):(\d+)/.exec(message);
    const refusal = new ReportBodyError(place ? Number(place[1]) : undefined, place ? Number(place[2]) : undefined, 'MDX', `found MDX that does not parse: ${message}`);
    return { tree: { type: 'root', children: [] }, firstLine, refusals: [refusal], components: [] };
  }
  const refusals: ReportBodyError[] = [];
  const components: ComponentUse[] = [];
  walk(tree, (node, ancestors) => {
    const refused = scriptRefusal(node);
    if (refused) refusals.push(refused);
    else if (isJsx(node) && node.name === null) refusals.push(refusalAt(node, '<>', 'found a fragment <>…</>, expected Markdown or a component'));
    else if (isJsx(node) && /^[a-z]/.test(node.name ?? '')) refusals.push(...htmlRefusal(node, ancestors, writtenAttributes(node).written));
    else if (isJsx(node)) refusals.push(...componentRefusals(node, components));
    else refusals.push(...htmlRefusal(node, ancestors));
  });
  return { tree, firstLine, refusals, components };
}
