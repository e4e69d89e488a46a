import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entityMatcher } from '../../src/lib/entities.ts';
import { bodyRefusals, compileReportBody, ReportBodyError, type BodyNode, type ComponentNode } from '../../src/markdown/report-body.ts';
import { splitFrontmatter } from '../../src/sources/files.ts';
import { parseReportBody, walk } from '../../src/check/body/parse.ts';
import { sanitizeBody } from '../../src/check/body/html.ts';
import { toHtml } from 'hast-util-to-html';

const noLinks = entityMatcher([]);
const links = entityMatcher([
  { names: ['00981.HK', 'SMIC'], href: '/tickers/00981-hk/', title: 'SMIC, 00981.HK' },
  { names: ['HSI', 'Hang Seng Index'], href: '/indices/hsi/', title: 'Hang Seng Index' },
]);

const components = (nodes: readonly BodyNode[]): ComponentNode[] =>
  nodes.flatMap((node) => (typeof node === 'string' ? [] : [node, ...components(node.children)]));
/** The HTML with every component written as a marker, to read a body as one string. */
const flat = (nodes: readonly BodyNode[]): string =>
  nodes.map((node) => (typeof node === 'string' ? node : `[${node.name}${JSON.stringify(node.props)}${flat(node.children)}]`)).join('');

function refusal(source: string): ReportBodyError {
  try {
    compileReportBody(source, noLinks);
  } catch (e) {
    if (e instanceof ReportBodyError) return e;
    throw e;
  }
  throw new Error('the body was accepted');
}

describe('compileReportBody', () => {
  it('keeps an inline figure inside its paragraph, between the HTML before and after it', () => {
    const { nodes } = compileReportBody('SMIC rallied <Fig of="00981.HK.changePercent" /> at the close.', noLinks);
    expect(nodes).toEqual(['<p>SMIC rallied ', { name: 'Fig', props: { of: '00981.HK.changePercent' }, children: [] }, ' at the close.</p>']);
  });

  it('keeps the space between two adjacent figures', () => {
    const { nodes } = compileReportBody('Closed at <Fig of="HSI.close" /> <Fig of="HSI.change" />.', noLinks);
    expect(flat(nodes)).toBe('<p>Closed at [Fig{"of":"HSI.close"}] [Fig{"of":"HSI.change"}].</p>');
  });

  it('compiles what a component wraps as Markdown, and nests components', () => {
    const source = ['<Drivers title="Why">', '  <Driver title="Policy">', '    Beijing **backed** chips.', '  </Driver>', '</Drivers>'].join('\n');
    const { nodes } = compileReportBody(source, noLinks);
    const [drivers] = components(nodes);
    expect(drivers).toMatchObject({ name: 'Drivers', props: { title: 'Why' } });
    const [driver] = components(drivers.children);
    expect(driver.props).toEqual({ title: 'Policy' });
    expect(flat(driver.children)).toBe('<p>Beijing <strong>backed</strong> chips.</p>');
  });

  it('writes Markdown as @astrojs/mdx does: smart quotes, GFM tables, heading ids', () => {
    const source = ['## SMIC’s "Performance"', '', '| a | b |', '|---|---|', '| 1 | 2 |', '', "It's up -- again."].join('\n');
    const { nodes, headings } = compileReportBody(source, noLinks);
    const html = flat(nodes);
    expect(html).toContain('<h2 id="smics-performance">SMIC’s “Performance”</h2>');
    expect(html).toContain('<table>');
    expect(html).toContain('It’s up – again.');
    expect(headings).toEqual([{ depth: 2, slug: 'smics-performance', text: 'SMIC’s “Performance”' }]);
  });

  it('gives repeated headings distinct ids', () => {
    const { headings } = compileReportBody('## Risks\n\n## Risks', noLinks);
    expect(headings.map((h) => h.slug)).toEqual(['risks', 'risks-1']);
  });

  it('links every security and index the prose names, but not inside headings or links', () => {
    const source = '## SMIC today\n\nSMIC (00981.HK) lifted the HSI. [HSI](https://example.com)';
    const html = flat(compileReportBody(source, links).nodes);
    expect(html).toContain('<h2 id="smic-today">SMIC today</h2>');
    expect(html).toContain('<a href="/tickers/00981-hk/" class="entity-link" title="SMIC, 00981.HK">SMIC</a> (<a href="/tickers/00981-hk/" class="entity-link" title="SMIC, 00981.HK">00981.HK</a>)');
    expect(html).toContain('the <a href="/indices/hsi/" class="entity-link" title="Hang Seng Index">HSI</a>.');
    expect(html).toContain('<a href="https://example.com">HSI</a>');
  });

  it('links names inside what a component wraps', () => {
    const { nodes } = compileReportBody('<Risks title="Risks">\n  SMIC is expensive.\n</Risks>', links);
    expect(flat(components(nodes)[0].children)).toContain('class="entity-link"');
  });

  it('escapes text that looks like markup', () => {
    expect(flat(compileReportBody('Spreads of 5 &lt; 6 and AT&amp;T.', noLinks).nodes)).toBe('<p>Spreads of 5 &#x3C; 6 and AT&#x26;T.</p>');
  });

  it('writes lower-case tags as HTML elements and drops MDX comments', () => {
    const html = flat(compileReportBody('Yield 3<sup>rd</sup> day. {/* check with the desk */}', noLinks).nodes);
    expect(html).toBe('<p>Yield 3<sup>rd</sup> day. </p>');
  });

  it('takes an attribute without a value as true', () => {
    const [figure] = components(compileReportBody('Up <Fig of="HSI.change" signed />.', noLinks).nodes);
    expect(figure.props).toEqual({ of: 'HSI.change', signed: true });
  });

  it('hands a component its props parsed by its schema: a list is a list', () => {
    const [table, chart] = components(compileReportBody('<IndexTable only="HSTECH, HSI" />\n\n<IndexMovesChart only="HSI" />', noLinks).nodes);
    expect(table.props).toEqual({ only: ['HSTECH', 'HSI'] });
    expect(chart.props).toEqual({ only: ['HSI'] });
  });

  it('compiles the seed report: every figure and component the article uses, in order', () => {
    const text = readFileSync('content/reports/2025-10-24-smic-rally.mdx', 'utf8');
    const parts = splitFrontmatter(text)!;
    const { nodes, headings } = compileReportBody(parts.body, noLinks);
    const used = components(nodes);
    expect(used.filter((c) => c.name === 'Fig').map((c) => c.props.of)).toEqual([...text.matchAll(/<Fig of="([^"]+)"/g)].map((m) => m[1]));
    expect(new Set(used.map((c) => c.name))).toEqual(new Set([...text.matchAll(/<([A-Z]\w+)/g)].map((m) => m[1])));
    expect(headings.map((h) => h.text)).toEqual(['Market Context', 'SMIC’s Performance', 'Conclusion']);
  });
});

describe('compileReportBody refuses what needs JavaScript, with its line', () => {
  it('an expression in the text', () => {
    const error = refusal('First line.\n\nThe HSI closed at {26160}.');
    expect(error).toMatchObject({ line: 3, field: '{…}' });
    expect(error.message).toMatch(/found a JavaScript expression, expected text or a component/);
  });

  it('an expression as an attribute value', () => {
    const error = refusal('<Fig of={"HSI.close"} />');
    expect(error).toMatchObject({ line: 1, field: '<Fig of>' });
    expect(error.message).toMatch(/expected a quoted value such as of="…"/);
  });

  it('an import line', () => {
    expect(refusal('import X from "./x.astro"\n\nText.')).toMatchObject({ line: 1, field: 'import/export' });
  });

  it('an unknown component', () => {
    const error = refusal('Text.\n\n<IndexTabel />');
    expect(error).toMatchObject({ line: 3, field: '<IndexTabel>' });
    expect(error.message).toMatch(/expected one of <IndexTable>/);
  });

  it('MDX that does not parse', () => {
    expect(refusal('<Risks title="x">\n\nunclosed').field).toBe('MDX');
  });

  it('counts lines from the top of the file when told where the body starts', () => {
    try {
      compileReportBody('Text {1 + 1}', noLinks, 12);
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ line: 12 });
    }
  });
});

describe('bodyRefusals, for the content check', () => {
  it('lists every construct the compiler refuses, each where it is, in the compiler\'s words', () => {
    const source = ['import X from "./x.astro"', '', 'Up {26160} today {/* fine */}.', '', '<Fig of={"HSI.close"} />'].join('\n');
    const found = bodyRefusals(source, 10);
    expect(found.map((e) => [e.line, e.column, e.field])).toEqual([
      [10, 1, 'import/export'],
      [12, 4, '{…}'],
      [14, 1, '<Fig of>'],
    ]);
    expect(found[1].message).toBe(refusal('Up {26160} today.').message);
  });

  it('finds nothing in a body the compiler accepts', () => {
    const text = readFileSync('content/reports/2025-10-24-smic-rally.mdx', 'utf8');
    expect(bodyRefusals(splitFrontmatter(text)!.body)).toEqual([]);
  });

  it('reports MDX that does not parse, with its line', () => {
    const [error] = bodyRefusals('Text.\n\n<Risks title="x">\n\nunclosed {', 5);
    expect(error).toMatchObject({ field: 'MDX' });
    expect(error.message).toMatch(/^found MDX that does not parse: /);
  });
});


describe('parseReportBody: the one tree the check walks and the compiler compiles', () => {
  it('gives every node its line and column in the file', () => {
    const { tree, refusals } = parseReportBody('Intro.\n\n## Moves\n\nUp <Fig of="HSI.close" /> today.', 20);
    expect(refusals).toEqual([]);
    const places: string[] = [];
    walk(tree, (node) => {
      if (node.type === 'heading' || node.type === 'mdxJsxTextElement') places.push(`${node.type}@${node.position?.start.line}:${node.position?.start.column}`);
    });
    expect(places).toEqual(['heading@22:1', 'mdxJsxTextElement@24:4']);
  });

  it('keeps a bare attribute as null and a quoted one as its text', () => {
    const { tree } = parseReportBody('<Drivers title="Why" signed />');
    const [element] = tree.children;
    expect(element.type).toBe('mdxJsxFlowElement');
    if (element.type !== 'mdxJsxFlowElement') return;
    expect(element.attributes.map((a) => [a.type === 'mdxJsxAttribute' ? a.name : '', a.value])).toEqual([['title', 'Why'], ['signed', null]]);
  });

  it('compiles from the tree it was given, the same HTML as from the source', () => {
    const source = 'SMIC <sup>1</sup> rallied <Fig of="00981.HK.changePercent" />.\n\n| a | b |\n|:--|--:|\n| 1 | 2 |';
    const fromTree = compileReportBody(parseReportBody(source), noLinks);
    expect(fromTree).toEqual(compileReportBody(source, noLinks));
    // Satteri's own conversion writes a column's alignment as a style, not the obsolete align attribute.
    expect(flat(fromTree.nodes)).toContain('<th style="text-align: left">a</th>');
    expect(flat(fromTree.nodes)).toContain('<td style="text-align: right">2</td>');
  });

  it('returns an empty tree and the parse error for MDX that does not parse', () => {
    const parsed = parseReportBody('<Risks title="x">\n\nunclosed', 3);
    expect(parsed.tree.children).toEqual([]);
    expect(parsed.refusals.map((r) => r.field)).toEqual(['MDX']);
  });
});

describe('sanitizeBody, the compiler\'s last step', () => {
  it('drops what the allowlist does not allow, even from a tree that skipped the check', () => {
    const tree = {
      type: 'root' as const,
      children: [
        { type: 'element' as const, tagName: 'script', properties: {}, children: [{ type: 'text' as const, value: 'alert(1)' }] },
        { type: 'element' as const, tagName: 'a', properties: { href: 'javascript:alert(1)', onClick: 'x' }, children: [{ type: 'text' as const, value: 'link' }] },
        { type: 'element' as const, tagName: 'abbr', properties: { title: 'Hang Seng Index' }, children: [{ type: 'text' as const, value: 'HSI' }] },
      ],
    };
    expect(toHtml(sanitizeBody(tree, false))).toBe('<a>link</a><abbr title="Hang Seng Index">HSI</abbr>');
  });
});
