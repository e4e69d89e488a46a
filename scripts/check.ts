/**
 * `npm run check`: the content check on its own, every problem at once, each as
 * `path:line:column  field  what was found, what was expected`. Exits 1 when any is an error.
 * `--format github` prints GitHub Actions `::error file=…,line=…,col=…::…` commands instead, so a pull
 * request shows each problem on its line.
 */
import { checkContent } from '../src/check/index.ts';
import { buildTime, contentRoot } from '../src/check/paths.ts';
import { parseArgs } from 'node:util';
import { formatGithub, formatReport, sortProblems } from '../src/check/problem.ts';

const { values } = parseArgs({ options: { format: { type: 'string', default: 'text' } } });
if (values.format !== 'text' && values.format !== 'github') {
  console.error(`found --format ${values.format}, expected text or github`);
  process.exit(2);
}
const problems = checkContent({ root: contentRoot(), now: buildTime() });
if (values.format === 'github') {
  // One workflow command per problem: GitHub shows each on its line in the pull request.
  for (const problem of sortProblems(problems)) console.log(formatGithub(problem));
  console.log(problems.length === 0 ? 'Content check: no problems.' : formatReport(problems).split('\n').at(-1));
} else {
  console.log(problems.length === 0 ? 'Content check: no problems.' : formatReport(problems));
}
process.exit(problems.some((p) => p.severity === 'error') ? 1 : 0);
