import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { countText } from '../count-text.js';

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export const processOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export function printDiagnostics(list: readonly Diagnostic[], output: Output): void {
  for (const d of list) output.err(formatDiagnostic(d));
}

export function diagnosticsJson(list: readonly Diagnostic[]): string {
  return JSON.stringify(list.map((d) => ({ file: d.file, line: d.line, column: d.column, severity: d.severity, rule: d.rule, message: d.message })), null, 2);
}

export function plural(n: number, one: string, many: string): string {
  return `${countText(n)} ${n === 1 ? one : many}`;
}
