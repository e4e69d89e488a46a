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
  const lines = [...problems].sort(byPlace).map(formatProblem);
  const summary = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  return [...lines, summary].join('\n');
}

function byPlace(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}
