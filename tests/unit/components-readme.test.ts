/**
 * The README's component reference and the components' schemas (src/check/body/components.ts) say
 * the same: every component and attribute in one is in the other, required where the schema
 * requires it, and each component is described under "Components" or "Charts".
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MDX_COMPONENTS, REPORT_COMPONENTS } from '../../src/check/body/components.ts';

const readme = readFileSync('README.md', 'utf8');
const section = (heading: string) => {
  const start = readme.indexOf(`\n### ${heading}\n`);
  expect(start, `README has a "### ${heading}" section`).toBeGreaterThan(-1);
  const end = readme.indexOf('\n### ', start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
};
const reference = section('Components') + section('Charts');

/** The rows of the attribute table: component, attribute ('' for none), required. */
function documented(): { component: string; attribute: string; required: boolean }[] {
  return [...reference.matchAll(/^\| `<(\w+)>` \| (?:`(\w+)`|—) \|\s*(yes|no)?\s*\|/gm)].map(([, component, attribute, required]) => ({
    component,
    attribute: attribute ?? '',
    required: required === 'yes',
  }));
}

/** The same, from the schemas. */
function fromSchemas(): { component: string; attribute: string; required: boolean }[] {
  return MDX_COMPONENTS.flatMap((component) => {
    const shape = REPORT_COMPONENTS[component].attributes.shape as Record<string, { safeParse: (v: unknown) => { success: boolean } }>;
    const names = Object.keys(shape);
    if (names.length === 0) return [{ component, attribute: '', required: false }];
    return names.map((attribute) => ({ component, attribute, required: !shape[attribute].safeParse(undefined).success }));
  });
}

const key = (row: { component: string; attribute: string }) => `${row.component}.${row.attribute}`;

describe('README component reference', () => {
  it('lists every component attribute of the schemas, and no other', () => {
    expect(documented().map(key).sort()).toEqual(fromSchemas().map(key).sort());
  });

  it('marks required exactly the attributes a schema requires', () => {
    const required = (rows: ReturnType<typeof documented>) => rows.filter((r) => r.required).map(key).sort();
    expect(required(documented())).toEqual(required(fromSchemas()));
  });

  it('describes each component, and names no tag that is not a component', () => {
    for (const name of MDX_COMPONENTS) expect(reference, `<${name}> described`).toMatch(new RegExp(`\\*\\*\`<${name}[ />]|with \`<${name}[ >]`));
    const described = [...reference.matchAll(/\*\*`<([A-Z]\w*)/g)].map(([, name]) => name);
    for (const name of described) expect(MDX_COMPONENTS).toContain(name);
  });

  it('writes every example tag in a form the schema accepts', () => {
    // Examples such as `<IndexTable only="HSI, HSTECH" />` or `<PriceChart ticker="…" from="…" />` in the reference.
    const examples = [...reference.matchAll(/`<([A-Z]\w*)((?:\s+\w+(?:="[^"`]*")?)*)\s*\/?>`/g)];
    expect(examples.length).toBeGreaterThan(5);
    for (const [example, name, attributes] of examples) {
      if (!(MDX_COMPONENTS as string[]).includes(name) || attributes.includes('…') || !/\/>`$|=/.test(example)) continue;
      const written = Object.fromEntries([...attributes.matchAll(/(\w+)(?:="([^"]*)")?/g)].map(([, attribute, value]) => [attribute, value ?? true]));
      const result = REPORT_COMPONENTS[name as keyof typeof REPORT_COMPONENTS].attributes.safeParse(written);
      expect(result.success, `${example} parses`).toBe(true);
    }
    // A report cannot write an expression (`only={[…]}`): the check refuses it.
    expect(reference).not.toMatch(/\w=\{/);
  });
});

describe('README HTML allowlist', () => {
  it('lists exactly the tags the sanitiser schema lets an author write', async () => {
    const { AUTHOR_TAGS, BODY_HTML } = await import('../../src/check/body/html.ts');
    const start = readme.indexOf('#### HTML in a report');
    expect(start).toBeGreaterThan(-1);
    const bullet = /^- tags: ([\s\S]*?) \(and what Markdown/m.exec(readme.slice(start))?.[1] ?? '';
    const listed = [...bullet.matchAll(/`(\w+)`/g)].map(([, tag]) => tag);
    expect(listed).toEqual([...AUTHOR_TAGS]);
    for (const tag of listed) expect(BODY_HTML.tagNames).toContain(tag);
  });
});
