/**
 * `npm run prose-corpus`: the prose check on the corpus of tests/fixtures/prose/ (sentences in the
 * style of Hong Kong wraps, each labelled right or wrong against a synthetic session), printed as
 * a confusion table by pattern and by kind of planted error, then every false alarm and miss.
 *
 * A sentence is flagged when the check gives it an error or a warning. A false alarm is a flagged
 * right sentence; a miss is a wrong sentence not flagged. tests/unit/prose-corpus.test.ts fails
 * on any false alarm and on recall below 95 %.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseProse, proseEntities, type ProseEntity } from '../src/check/prose.ts';
import type { Problem } from '../src/config/problem.ts';
import { buildSession, type SessionView } from '../src/lib/session.ts';
import { indexSchema, securitySchema, snapshotSchema, type MarketIndex, type Security } from '../src/schemas/index.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
export const CORPUS_DIR = join(root, 'tests/fixtures/prose');

export type ErrorKind = 'figure' | 'direction' | 'entity' | 'digits' | 'approximation';

export interface CorpusCase {
  session: string;
  pattern: string;
  text: string;
  /** undefined: right as written; otherwise the kind of the planted error. */
  wrong?: ErrorKind;
  line: number;
}

export interface CaseResult extends CorpusCase {
  problems: Problem[];
  unchecked: number;
  flagged: boolean;
}

const KINDS = new Set<ErrorKind>(['figure', 'direction', 'entity', 'digits', 'approximation']);

/** The cases of a corpus file: each line as written, and one planted variant per {right|wrong:kind}. */
export function parseCorpus(text: string): CorpusCase[] {
  const cases: CorpusCase[] = [];
  let session = '';
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    if (line.startsWith('@session ')) {
      session = line.slice('@session '.length).trim();
      return;
    }
    const bar = line.indexOf(' | ');
    if (bar < 0) throw new Error(`corpus line ${i + 1}: expected "pattern | text"`);
    let head = line.slice(0, bar).trim();
    const body = line.slice(bar + 3).trim();
    let wrongAsWritten: ErrorKind | undefined;
    const bang = /^!(\w+)\s+(.*)$/.exec(head);
    if (bang) {
      if (!KINDS.has(bang[1] as ErrorKind)) throw new Error(`corpus line ${i + 1}: unknown kind ${bang[1]}`);
      wrongAsWritten = bang[1] as ErrorKind;
      head = bang[2];
    }
    const groups = [...body.matchAll(/\{([^{}|]*)\|([^{}:]*):(\w+)\}/g)];
    const right = body.replace(/\{([^{}|]*)\|([^{}:]*):(\w+)\}/g, '$1');
    cases.push({ session, pattern: head, text: right, wrong: wrongAsWritten, line: i + 1 });
    for (const group of groups) {
      const kind = group[3] as ErrorKind;
      if (!KINDS.has(kind)) throw new Error(`corpus line ${i + 1}: unknown kind ${kind}`);
      const variant = body.slice(0, group.index).replace(/\{([^{}|]*)\|([^{}:]*):(\w+)\}/g, '$1') + group[2] + body.slice(group.index + group[0].length).replace(/\{([^{}|]*)\|([^{}:]*):(\w+)\}/g, '$1');
      cases.push({ session, pattern: head, text: variant, wrong: kind, line: i + 1 });
    }
  });
  return cases;
}

interface Fixture {
  session: SessionView;
  securities: Map<string, Security>;
  indices: Map<string, MarketIndex>;
  entities: ProseEntity[];
}

/** The registries of content/ (names are not market data) plus the corpus's own securities. */
function registries(): { securities: Map<string, Security>; indices: Map<string, MarketIndex> } {
  const read = (folder: string) => {
    try {
      return readdirSync(folder).filter((n) => n.endsWith('.json')).map((n) => JSON.parse(readFileSync(join(folder, n), 'utf8')) as unknown);
    } catch {
      return [];
    }
  };
  const securities = new Map<string, Security>();
  for (const raw of [...read(join(root, 'content/securities')), ...read(join(CORPUS_DIR, 'securities'))]) {
    const s = securitySchema.parse(raw);
    securities.set(s.ticker, s);
  }
  const indices = new Map<string, MarketIndex>();
  for (const raw of read(join(root, 'content/indices'))) {
    const x = indexSchema.parse(raw);
    indices.set(x.symbol, x);
  }
  return { securities, indices };
}

export function loadFixtures(): Map<string, Fixture> {
  const { securities, indices } = registries();
  const fixtures = new Map<string, Fixture>();
  for (const name of readdirSync(CORPUS_DIR).filter((n) => /^synthetic-.*\.json$/.test(n))) {
    const snapshot = snapshotSchema.parse(JSON.parse(readFileSync(join(CORPUS_DIR, name), 'utf8')));
    const session = buildSession(snapshot, { securities, indices });
    fixtures.set(name.replace(/\.json$/, ''), { session, securities, indices, entities: proseEntities(session, securities, indices) });
  }
  return fixtures;
}

export function runCorpus(): CaseResult[] {
  const fixtures = loadFixtures();
  const cases = parseCorpus(readFileSync(join(CORPUS_DIR, 'corpus.txt'), 'utf8'));
  return cases.map((c) => {
    const fixture = fixtures.get(c.session);
    if (!fixture) throw new Error(`corpus line ${c.line}: no fixture session ${c.session}`);
    const text = `---\ntitle: corpus\n---\n\n${c.text}\n`;
    const analysis = analyseProse({ file: 'corpus.mdx', text, ...fixture });
    return { ...c, problems: analysis.problems, unchecked: analysis.unchecked.length, flagged: analysis.problems.length > 0 };
  });
}

export interface Table {
  rows: { name: string; right: number; falseAlarms: number; wrong: number; caught: number; missed: number }[];
  total: { right: number; falseAlarms: number; wrong: number; caught: number; missed: number };
  recall: number;
}

export function confusion(results: CaseResult[], by: (r: CaseResult) => string): Table {
  const rows = new Map<string, Table['rows'][number]>();
  const total = { right: 0, falseAlarms: 0, wrong: 0, caught: 0, missed: 0 };
  for (const r of results) {
    const name = by(r);
    const row = rows.get(name) ?? { name, right: 0, falseAlarms: 0, wrong: 0, caught: 0, missed: 0 };
    rows.set(name, row);
    for (const t of [row, total]) {
      if (r.wrong) {
        t.wrong++;
        if (r.flagged) t.caught++;
        else t.missed++;
      } else {
        t.right++;
        if (r.flagged) t.falseAlarms++;
      }
    }
  }
  return { rows: [...rows.values()].sort((a, b) => a.name.localeCompare(b.name)), total, recall: total.wrong ? total.caught / total.wrong : 1 };
}

export function formatTable(title: string, table: Table): string {
  const header = [title.padEnd(16), 'right', 'false alarms', 'wrong', 'caught', 'missed'];
  const line = (cells: (string | number)[]) => cells.map((c, i) => (i === 0 ? String(c).padEnd(16) : String(c).padStart(14))).join('');
  return [line(header), ...table.rows.map((r) => line([r.name, r.right, r.falseAlarms, r.wrong, r.caught, r.missed])), line(['total', table.total.right, table.total.falseAlarms, table.total.wrong, table.total.caught, table.total.missed])].join('\n');
}

function main(): void {
  const results = runCorpus();
  const byPattern = confusion(results, (r) => r.pattern);
  const byKind = confusion(results.filter((r) => r.wrong), (r) => r.wrong!);
  console.log(`${results.length} sentences (${byPattern.total.right} right, ${byPattern.total.wrong} with a planted error), 2 synthetic sessions\n`);
  console.log(formatTable('pattern', byPattern));
  console.log('');
  console.log(formatTable('planted error', byKind));
  const unchecked = results.reduce((n, r) => n + r.unchecked, 0);
  console.log(`\nfalse alarms: ${byPattern.total.falseAlarms}; recall: ${(byPattern.recall * 100).toFixed(1)} % (${byPattern.total.caught}/${byPattern.total.wrong}); numbers and words read but not checked: ${unchecked}`);
  const alarms = results.filter((r) => !r.wrong && r.flagged);
  const misses = results.filter((r) => r.wrong && !r.flagged);
  if (alarms.length) console.log(`\nFalse alarms:\n${alarms.map((r) => `  line ${r.line} [${r.pattern}] ${r.text}\n${r.problems.map((p) => `      ${p.severity}: ${p.message}`).join('\n')}`).join('\n')}`);
  if (misses.length) console.log(`\nMisses:\n${misses.map((r) => `  line ${r.line} [${r.pattern}, ${r.wrong}] ${r.text}`).join('\n')}`);
  if (process.argv.includes('--verbose')) {
    for (const r of results.filter((x) => x.wrong && x.flagged)) console.log(`  caught line ${r.line}: ${r.text}\n      ${r.problems[0].message}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
