/** What the body compiler refuses, with the file line and column it is at. */
export class ReportBodyError extends Error {
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly field: string;
  constructor(line: number | undefined, column: number | undefined, field: string, message: string) {
    super(message);
    this.name = 'ReportBodyError';
    this.line = line;
    this.column = column;
    this.field = field;
  }
}

/** A refusal at a node's start. */
export function refusalAt(node: { position?: { start: { line: number; column: number } } }, field: string, message: string): ReportBodyError {
  return new ReportBodyError(node.position?.start.line, node.position?.start.column, field, message);
}
