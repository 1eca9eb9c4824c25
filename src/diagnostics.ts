import { MAX_REPEATED_DIAGNOSTICS } from './limits.js';
import { countText } from './count-text.js';

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

/** Control characters and line or direction marks, which would break a diagnostic's one line or reorder it. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** `a\nb` → `a\\nb`: what a file name or message holds, on one line and in its order. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** `codes/smtp/553.md:4:8: error: code must be a string [field-type]` */
export function formatDiagnostic(d: Diagnostic): string {
  return `${printable(d.file)}:${d.line}:${d.column}: ${d.severity}: ${printable(d.message)} [${d.rule}]`;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message);
}

/**
 * Keeps the first `limit` diagnostics of each rule in each file (of a sorted list) and counts the
 * rest in the next one, so a file with 100,000 unknown keys prints 21 lines, not 100,000.
 */
export function limitRepeated(list: readonly Diagnostic[], limit = MAX_REPEATED_DIAGNOSTICS): Diagnostic[] {
  const keyOf = (d: Diagnostic) => `${d.file}\u0000${d.rule}\u0000${d.severity}`;
  const totals = new Map<string, number>();
  for (const d of list) totals.set(keyOf(d), (totals.get(keyOf(d)) ?? 0) + 1);
  const seen = new Map<string, number>();
  const out: Diagnostic[] = [];
  for (const d of list) {
    const key = keyOf(d);
    const n = (seen.get(key) ?? 0) + 1;
    const total = totals.get(key)!;
    seen.set(key, n);
    if (n <= limit || total === limit + 1) out.push(d);
    else if (n === limit + 1) out.push({ ...d, message: `${d.message} (and ${countText(total - n)} more like it in this file, not shown)` });
  }
  return out;
}

export function hasErrors(list: readonly Diagnostic[], strict = false): boolean {
  return list.some((d) => d.severity === 'error' || (strict && d.severity === 'warning'));
}

/** Under --strict a warning fails the build, so it is reported as the error it then is. */
export function applyStrict(list: readonly Diagnostic[], strict: boolean): Diagnostic[] {
  return list.map((d) => (strict && d.severity === 'warning' ? { ...d, severity: 'error' } : d));
}

let indexed: { text: string; starts: number[] } | undefined;

/** Offsets where lines of `text` start; kept for the last text, since a file's diagnostics come together. */
function lineStarts(text: string): number[] {
  if (indexed?.text === text) return indexed.starts;
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  indexed = { text, starts };
  return starts;
}

/** Converts a 0-based offset in `text` into a 1-based line and column (columns count UTF-16 units). */
export function positionAt(text: string, offset: number): Position {
  const starts = lineStarts(text);
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}
