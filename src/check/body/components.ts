/**
 * The report components: every tag a report body may use, with one zod schema per tag for its
 * attributes as an author writes them (`<IndexTable only="HSI, HSTECH" />`, `<Fig of="…" signed />`).
 *
 * This registry is the single source for
 * - the content check and the compiler (`parseReportBody` in parse.ts refuses an unknown tag, an
 *   unknown attribute or a wrong value at its line, naming what is allowed),
 * - the renderer (the compiled body holds each component's parsed props: `only` is a list by the
 *   time a component sees it),
 * - the components' TypeScript props (`ComponentProps<'IndexTable'>`), and
 * - the README's component reference (a unit test keeps the two in step).
 *
 * Attribute values are text in quotes; an attribute written alone (`signed`) is `true`. Checks that
 * need the report's session (does the figure exist, is the ticker in the snapshot) are in
 * src/check/components.ts, against the parsed props.
 */
import { z } from 'astro/zod';
import { MOVER_SORTS } from '../../lib/movers.ts';
import { indexSymbol, isoDate, tickerCode } from '../../schemas/index.ts';

/** An attribute written alone, with no value: `<Fig of="HSI.change" signed />`. */
const flag = (name: string) =>
  z.literal(true, { error: (issue) => `found ${name}=${JSON.stringify(issue.input)}, expected ${name} written alone, with no value` });

/** Text in quotes, not empty. */
const text = (name: string, example: string) =>
  z.string({ error: () => `found ${name} written alone, expected ${name}="…" such as ${name}="${example}"` }).trim().min(1, `found an empty ${name}, expected text such as ${name}="${example}"`);

/**
 * A list of index symbols, written in one attribute separated by commas: `only="HSI, HSTECH"`.
 * Parsed into the list, in the order written; each must be an index of the report's session.
 */
const indexList = z
  .string({ error: () => 'found only written alone, expected index symbols separated by commas, such as only="HSI, HSTECH"' })
  .transform((value, context) => {
    const symbols = value.split(',').map((symbol) => symbol.trim());
    for (const symbol of symbols) {
      const parsed = indexSymbol.safeParse(symbol);
      if (!parsed.success) {
        context.addIssue({ code: 'custom', message: `found ${JSON.stringify(symbol)} in only="${value}", expected index symbols separated by commas, such as only="HSI, HSTECH"` });
        return z.NEVER;
      }
    }
    const repeated = symbols.find((symbol, i) => symbols.indexOf(symbol) !== i);
    if (repeated) {
      context.addIssue({ code: 'custom', message: `found ${repeated} twice in only="${value}", expected each index once` });
      return z.NEVER;
    }
    return symbols;
  });

const direction = z.enum(['southbound', 'northbound'], {
  error: (issue) => `found direction=${JSON.stringify(issue.input)}, expected "southbound" or "northbound"`,
});

/**
 * A component's attributes, as a strict object (an attribute not listed is refused), and whether
 * the tag wraps Markdown (`<Risks>…</Risks>`); one that does not is written alone, `<Fig … />`.
 */
const component = <T extends z.ZodRawShape>(shape: T, wraps = false) => ({ attributes: z.strictObject(shape), wraps });

/**
 * Every report component by the name an author writes. `src/components/mdx.ts` maps each to its
 * Astro component (its type requires one for every name here).
 */
export const REPORT_COMPONENTS = {
  IndexTable: component({ only: indexList.optional(), caption: text('caption', 'Hong Kong indices').optional() }),
  StockCard: component({ ticker: tickerCode }),
  MarketStats: component({}),
  FlowTable: component({ direction: direction.optional() }),
  Drivers: component({ title: text('title', 'Drivers Behind the Rally').optional() }, true),
  Driver: component({ title: text('title', 'Policy Support') }, true),
  Risks: component({ title: text('title', 'Risks and Considerations').optional() }, true),
  Fig: component({ of: text('of', 'HSI.close'), signed: flag('signed').optional() }),
  IndexMovesChart: component({ only: indexList.optional() }),
  FlowChart: component({ direction: direction.optional() }),
  PriceChart: component({ ticker: tickerCode, from: isoDate.optional(), to: isoDate.optional() }),
  /** Many stocks in one table, sorted when the site is built (src/lib/movers.ts). */
  MoversTable: component({
    sort: z
      .enum(MOVER_SORTS, {
        error: (issue) => `found sort=${JSON.stringify(issue.input)}, expected one of ${MOVER_SORTS.map((sort) => `"${sort}"`).join(', ')}`,
      })
      .optional(),
    order: z.enum(['descending', 'ascending'], { error: (issue) => `found order=${JSON.stringify(issue.input)}, expected "descending" or "ascending"` }).optional(),
    caption: text('caption', 'Hong Kong movers').optional(),
  }),
  /** A sentence a person checked against the source where the prose check cannot (src/check/prose/). */
  Checked: component({ reason: text('reason', 'the source says both') }, true),
};

export type ComponentName = keyof typeof REPORT_COMPONENTS;

/** The names, in registry order: what the check lists when a tag is unknown. */
export const MDX_COMPONENTS = Object.keys(REPORT_COMPONENTS) as ComponentName[];

type Output<N extends ComponentName> = z.output<(typeof REPORT_COMPONENTS)[N]['attributes']>;

/**
 * A component's props once its attributes are parsed: what the Astro component receives. A
 * component without attributes has no props (zod types its empty object as an index signature).
 */
export type ComponentProps<N extends ComponentName> = string extends keyof Output<N> ? Record<never, never> : Output<N>;

/** A component's attributes as a report writes them: text, or `true` for one written alone. */
export type WrittenAttributes = Record<string, string | true>;

export function isComponentName(name: string): name is ComponentName {
  return Object.hasOwn(REPORT_COMPONENTS, name);
}

export interface AttributeProblem {
  /** The attribute the problem is about, or '' for the tag as a whole. */
  attribute: string;
  message: string;
}

/** Parses a component's written attributes with its schema: the props, or every problem with them. */
export function parseComponentProps<N extends ComponentName>(
  name: N,
  written: WrittenAttributes,
): { ok: true; props: ComponentProps<N> } | { ok: false; problems: AttributeProblem[] } {
  const { attributes } = REPORT_COMPONENTS[name];
  const result = attributes.safeParse(written);
  if (result.success) return { ok: true, props: result.data as ComponentProps<N> };
  const allowed = Object.keys(attributes.shape);
  const problems = result.error.issues.flatMap((issue): AttributeProblem[] => {
    const attribute = String(issue.path[0] ?? '');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        attribute: key,
        message: `found unknown attribute ${key} on <${name}>, expected ${allowed.length > 0 ? `only ${allowed.join(', ')}` : 'no attributes'}`,
      }));
    }
    if (issue.code === 'invalid_type' && written[attribute] === undefined) {
      return [{ attribute, message: `found <${name}> without ${attribute}="…", expected it: ${attribute} is required` }];
    }
    return [{ attribute, message: issue.message }];
  });
  return { ok: false, problems };
}

/** Parses attributes that are known to be valid (the compiled body was checked when it was made). */
export function componentProps<N extends ComponentName>(name: N, written: WrittenAttributes): ComponentProps<N> {
  const parsed = parseComponentProps(name, written);
  if (!parsed.ok) throw new Error(`<${name}>: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.props;
}
