export type Severity = 'error' | 'warning';

/** A fault in a user's file, with the position it points at (1-based line and column). */
export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: Severity;
  readonly message: string;
  readonly rule: string;
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

export const START: Position = { line: 1, column: 1 };

export function diagnostic(
  file: string,
  at: Position,
  severity: Severity,
  rule: string,
  message: string,
): Diagnostic {
  return { file, line: at.line, column: at.column, severity, rule, message };
}

/** `codes/smtp/553.md:4:8: error: code must be a string [field-type]` */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.rule}]`;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message);
}

export function hasErrors(list: readonly Diagnostic[], strict = false): boolean {
  return list.some((d) => d.severity === 'error' || (strict && d.severity === 'warning'));
}

/** Under --strict a warning fails the build, so it is reported as the error it then is. */
export function applyStrict(list: readonly Diagnostic[], strict: boolean): Diagnostic[] {
  return list.map((d) => (strict && d.severity === 'warning' ? { ...d, severity: 'error' } : d));
}

/** Converts a 0-based offset in `text` into a 1-based line and column (columns count UTF-16 units). */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
