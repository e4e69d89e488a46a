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

/**
 * Content is untrusted, and a message may quote it: every text a problem prints is one line, with
 * control and invisible characters (bidirectional overrides, zero-width spaces) escaped, and cut
 * short. Messages quote files through `excerpt`; this is the net under that, applied to every
 * problem printed.
 */
export const MAX_MESSAGE = 600;
const MAX_FIELD = 120;
// Every C0 and C1 control, and the invisible characters that reorder or hide text on screen.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

function printable(text: string, max: number): string {
  // Line breaks and tabs stay: the formats escape them (GitHub) or show them as they are meant.
  const escaped = text.replace(INVISIBLE, (c) => (c === '\n' || c === '\r' || c === '\t' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  return escaped.length <= max ? escaped : `${escaped.slice(0, max)}… (${escaped.length - max} more characters)`;
}

/** A problem whose texts are safe to print: see `MAX_MESSAGE`. */
export function boundProblem(problem: Problem): Problem {
  return { ...problem, file: printable(problem.file, 300), field: printable(problem.field, MAX_FIELD), message: printable(problem.message, MAX_MESSAGE) };
}

/**
 * A short piece of a file, quoted and escaped, for a message: at most `max` characters of it, then
 * `…`. Whatever a file holds, a message shows no more of it than this.
 */
export function excerpt(text: string, max = 40): string {
  const cut = [...text];
  const shown = cut.length > max ? `${cut.slice(0, max).join('')}…` : text;
  return JSON.stringify(shown).replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function formatProblem(raw: Problem): string {
  const problem = boundProblem(raw);
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
export function formatGithub(raw: Problem): string {
  const problem = boundProblem(raw);
  const property = (value: string) => escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const properties = [`file=${property(problem.file)}`, `line=${problem.line}`, `col=${problem.column}`];
  if (problem.field) properties.push(`title=${property(problem.field)}`);
  return `::${problem.severity} ${properties.join(',')}::${escapeData(problem.message)}`;
}

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
