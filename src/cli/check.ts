import { hasErrors } from '../diagnostics.js';
import { validateProject } from '../project.js';
import { resolveCommon, type CommonOptions } from './options.js';
import { diagnosticsJson, plural, printDiagnostics, type Output } from './report.js';
import { compareDiagnostics } from '../diagnostics.js';

export interface CheckCommandOptions extends CommonOptions {
  readonly json?: boolean;
}

/** Validates codes/, locales/ and templates/ without writing anything. Exit 1 on any error. */
export async function checkCommand(options: CheckCommandOptions, output: Output): Promise<number> {
  const common = resolveCommon(options);
  const project = await validateProject({ ...common, baseUrl: 'https://example.invalid/' });
  const diagnostics = [...project.diagnostics, ...project.checkOnly].sort(compareDiagnostics);
  if (options.json) output.out(diagnosticsJson(diagnostics));
  else {
    printDiagnostics(diagnostics, output);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    output.err(`${plural(errors, 'error', 'errors')}, ${plural(diagnostics.length - errors, 'warning', 'warnings')}`);
  }
  return hasErrors(diagnostics) ? 1 : 0;
}
