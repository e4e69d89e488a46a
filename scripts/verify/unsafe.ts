/**
 * Markup that defeats a content security policy or escapes Astro's escaping: `set:html` in the
 * sources, inline event handlers (`onclick="…"`) and `javascript:` URLs in the sources or the output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesOf, type Problem } from './site.ts';

/** Inline event handler attributes inside a tag: `<button onclick=…>`. */
const HANDLER = /<[a-zA-Z][^<>]*?\s(on[a-z]+)\s*=/g;
/** `javascript:` as the value of a URL attribute, quoted or not, in any case, with leading blanks. */
const JS_URL = /\s(?:href|src|action|formaction|xlink:href|data)\s*=\s*["']?\s*javascript:/gi;
const SET_HTML = /\bset:html\b/g;
/**
 * The allowed uses, one line each:
 * - src/components/JsonLd.astro writes JSON made safe by jsonForScript into a
 *   `<script type="application/ld+json">` (Astro's text escaping would break the JSON);
 * - src/components/ReportBody.astro writes a report body's HTML runs, which hast-util-to-html
 *   serialised from the parsed report with every text escaped (src/markdown/report-body.ts).
 */
const ALLOWED_SET_HTML = [
  { file: /(^|\/)src\/components\/JsonLd\.astro$/, line: /^<script type="application\/ld\+json" set:html=\{json\} \/>$/ },
  { file: /(^|\/)src\/components\/ReportBody\.astro$/, line: /^ {2}if \(typeof node === 'string'\) return <Fragment set:html=\{node\} \/>;$/ },
];

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

function scan(text: string, where: string, patterns: Array<[RegExp, (match: RegExpMatchArray) => string]>): Problem[] {
  const problems: Problem[] = [];
  for (const [pattern, describe] of patterns) {
    for (const match of text.matchAll(pattern)) {
      problems.push({ where: `${where}:${lineOf(text, match.index ?? 0)}`, message: describe(match) });
    }
  }
  return problems;
}

const outputPatterns: Array<[RegExp, (match: RegExpMatchArray) => string]> = [
  [HANDLER, (m) => `inline event handler ${m[1]}="…": move it to a bundled script`],
  [JS_URL, () => 'javascript: URL: use a link to a page or a bundled script'],
];

/** Built HTML and SVG files. */
export function checkOutput(root: string): Problem[] {
  return filesOf(root)
    .filter((file) => /\.(html|svg)$/.test(file))
    .flatMap((file) => scan(readFileSync(join(root, file), 'utf8'), file, outputPatterns));
}

/** Source folders: components, layouts, pages and content (`.astro`, `.mdx`, `.md`, `.html`). */
export function checkSources(folders: string[]): Problem[] {
  return folders.flatMap((folder) =>
    filesOf(folder)
      .filter((file) => /\.(astro|mdx|md|html)$/.test(file))
      .flatMap((file) =>
        scan(withoutAllowedSetHtml(readFileSync(join(folder, file), 'utf8'), join(folder, file)), join(folder, file), [
          [SET_HTML, () => 'set:html renders unescaped HTML: pass text or components instead'],
          ...outputPatterns,
        ]),
      ),
  );
}

/** Blanks the allowed lines (and only them) before scanning. */
function withoutAllowedSetHtml(text: string, path: string): string {
  const allowed = ALLOWED_SET_HTML.find((use) => use.file.test(path));
  if (!allowed) return text;
  return text
    .split('\n')
    .map((line) => (allowed.line.test(line) ? '' : line))
    .join('\n');
}
