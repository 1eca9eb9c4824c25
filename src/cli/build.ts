import path from 'node:path';
import { build } from '../build.js';
import { hasErrors } from '../diagnostics.js';
import { describeSubset, PREVIEW_FOLDER, previewName, subsetOf } from '../subset.js';
import { resolveBaseUrl, resolveCommon, type CommonOptions } from './options.js';
import { plural, printDiagnostics, type Output } from './report.js';
import { countText } from '../count-text.js';

export interface BuildCommandOptions extends CommonOptions {
  readonly out?: string;
  readonly baseUrl?: string;
  readonly strict?: boolean;
  readonly jobs?: number;
  readonly search?: boolean;
}

export async function buildCommand(options: BuildCommandOptions, output: Output): Promise<number> {
  const started = performance.now();
  const common = resolveCommon(options);
  const baseUrl = resolveBaseUrl(common.root, options.baseUrl);
  const subset = subsetOf(common);
  // A subset never lands in dist/ by default: a preview of one language must not unpublish the others.
  const out = path.resolve(common.root, options.out ?? (subset ? path.join(PREVIEW_FOLDER, previewName(subset)) : 'dist'));
  const shown = path.relative(process.cwd(), out) || out;
  if (subset) output.out(`building only ${describeSubset(subset)} into ${shown}${options.out === undefined ? ' (a subset never replaces dist/; --out chooses another folder)' : ''}`);
  // Loaded for a terminal only: a build whose output is piped or logged has no bar to draw.
  const cliProgress = process.stdout.isTTY ? (await import('cli-progress')).default : undefined;
  const bar = cliProgress ? new cliProgress.SingleBar({ format: 'rendering [{bar}] {value}/{total} pages', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic) : undefined;
  let barStarted = false;
  const result = await build({
    ...common,
    baseUrl,
    out,
    strict: options.strict ?? false,
    jobs: options.jobs,
    search: options.search,
    onProgress: bar
      ? (done, total) => {
          if (!barStarted) bar.start(total, 0);
          barStarted = true;
          bar.update(done);
        }
      : undefined,
  }).finally(() => bar?.stop());
  printDiagnostics(result.diagnostics, output);
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (!result.ok || hasErrors(result.diagnostics)) {
    output.err(`build failed: ${plural(errors, 'error', 'errors')}, ${plural(warnings, 'warning', 'warnings')}; ${shown} was left as it was`);
    return 1;
  }
  const missing = `missing translations: ${plural(result.missingLabels, 'label', 'labels')}, ${plural(result.missingContent, 'content field', 'content fields')}`;
  const work = result.upToDate ? 'up to date, nothing rewritten' : `${countText(result.rendered)} rendered, ${countText(result.reused)} reused`;
  const indexable = `indexable pages: ${result.indexable.map((c) => `${c.lang} ${countText(c.indexable)}`).join(', ')}`;
  output.out(`built ${plural(result.pages, 'page', 'pages')} in ${plural(result.languages, 'language', 'languages')} (${work}), ${plural(warnings, 'warning', 'warnings')}, ${missing}, ${indexable}, ${seconds} s`);
  return 0;
}
