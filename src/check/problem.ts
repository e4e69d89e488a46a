/**
 * A problem found in the content, and how it is printed:
 *
 *     content/markets/hk/2025-10-24.json:7:31  indices[0].close  found -26160, expected a number above zero
 *
 * Editors and terminals turn `path:line:column` into a link to the place.
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  file: string;
  line: number;
  column: number;
  /** The field (`stocks[0].close`) or construct (`<Fig of>`) at fault; empty for the whole file. */
  field: string;
  message: string;
}

/** `['stocks', 0, 'close']` → `stocks[0].close`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

export function formatProblem(problem: Problem): string {
  const place = `${problem.file}:${problem.line}:${problem.column}`;
  const label = problem.severity === 'warning' ? 'warning: ' : '';
  return [place, problem.field, `${label}${problem.message}`].filter(Boolean).join('  ');
}

export function formatReport(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const lines = sortProblems(problems).map(formatProblem);
  const summary = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  return [...lines, summary].join('\n');
}

/** By file, then line, then column: the order an author fixes them in. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(byPlace);
}

function byPlace(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}

/**
 * A problem as a GitHub Actions workflow command, so a pull request shows it on the changed line:
 * `::error file=content/x.json,line=7,col=24,title=indices[0].close::found "26,160", expected a number`.
 * Property values and the message are escaped as GitHub's documentation for workflow commands says.
 */
export function formatGithub(problem: Problem): string {
  const property = (value: string) => escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const properties = [`file=${property(problem.file)}`, `line=${problem.line}`, `col=${problem.column}`];
  if (problem.field) properties.push(`title=${property(problem.field)}`);
  return `::${problem.severity} ${properties.join(',')}::${escapeData(problem.message)}`;
}

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
