/**
 * `npm run check`: the content check on its own, every problem at once, each as
 * `path:line:column  field  what was found, what was expected`. Exits 1 when any is an error.
 */
import { checkContent } from '../src/check/index.ts';
import { contentRoot } from '../src/check/paths.ts';
import { formatReport } from '../src/check/problem.ts';

const problems = checkContent({ root: contentRoot(), now: new Date() });
console.log(problems.length === 0 ? 'Content check: no problems.' : formatReport(problems));
process.exit(problems.some((p) => p.severity === 'error') ? 1 : 0);
