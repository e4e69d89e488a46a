/**
 * `npm run check`: the content check on its own, every problem at once, each as
 * `path:line:column  field  what was found, what was expected`. Exits 1 when any is an error.
 * `--format github` prints GitHub Actions `::error file=…,line=…,col=…::…` commands instead, so a pull
 * request shows each problem on its line.
 */
import { checkContentCached } from '../src/check/cached.ts';
import { buildTime, contentRoot } from '../src/config/paths.ts';
import { parseArgs } from 'node:util';
import { formatGithub, formatReport, sortProblems } from '../src/config/problem.ts';
import type { MarkedSentence } from '../src/check/prose.ts';

const { values } = parseArgs({ options: { format: { type: 'string', default: 'text' } } });
if (values.format !== 'text' && values.format !== 'github') {
  console.error(`found --format ${values.format}, expected text or github`);
  process.exit(2);
}
const marked: MarkedSentence[] = [];
// Each report's results are kept by digest beside the build's cache: an unchanged report's body and prose are not checked again.
const problems = checkContentCached({ root: contentRoot(), now: buildTime(), onMarked: (m) => marked.push(m) });
// Sentences a person marked as checked: listed so a reviewer sees every one, with its reason.
const marks = marked.map((m) => `${m.file}:${m.line}:${m.column}  <Checked>  marked as checked by a person: ${m.reason} (clears ${m.cleared.length} problem${m.cleared.length === 1 ? '' : 's'})`);
const markCount = `${marked.length} marked sentence${marked.length === 1 ? '' : 's'}`;
if (values.format === 'github') {
  // One workflow command per problem: GitHub shows each on its line in the pull request.
  for (const problem of sortProblems(problems)) console.log(formatGithub(problem));
  for (const m of marked) console.log(`::notice file=${m.file},line=${m.line},col=${m.column}::marked as checked by a person: ${m.reason}`);
  console.log(`${formatReport(problems).split('\n').at(-1)}, ${markCount}`);
} else {
  for (const line of marks) console.log(line);
  console.log(`${formatReport(problems)}, ${markCount}`);
}
process.exit(problems.some((p) => p.severity === 'error') ? 1 : 0);
