import path from 'node:path';
import { build } from '../build.js';
import { hasErrors } from '../diagnostics.js';
import { describeSubset, PREVIEW_FOLDER, previewName, subsetOf } from '../subset.js';
import { resolveBaseUrl, resolveCommon, type CommonOptions } from './options.js';
import { plural, printDiagnostics, type Output } from './report.js';
import { countText } from '../count-text.js';
import { describeShard, type Shard } from '../model/shards.js';
import { UsageError } from './usage-error.js';

export interface BuildCommandOptions extends CommonOptions {
  readonly out?: string;
  readonly baseUrl?: string;
  readonly strict?: boolean;
  readonly jobs?: number;
  readonly search?: boolean;
  readonly shard?: Shard;
}

/** `build`, and `merge` when given the folders of shards (`build --shard`) to take the pages from. */
export async function buildCommand(options: BuildCommandOptions, output: Output, shards?: readonly string[]): Promise<number> {
  const started = performance.now();
  const common = resolveCommon(options);
  const baseUrl = resolveBaseUrl(common.root, options.baseUrl);
  const subset = subsetOf(common);
  const { shard } = options;
  if (shard && subset) throw new UsageError('--shard cannot be combined with --lang or --family: shards are shares of the whole site');
  if (shard && options.out === undefined) throw new UsageError("--shard needs --out DIR: a shard's output is a share of the pages, not a site to publish");
  // A subset never lands in dist/ by default: a preview of one language must not unpublish the others.
  const out = path.resolve(common.root, options.out ?? (subset ? path.join(PREVIEW_FOLDER, previewName(subset)) : 'dist'));
  const shown = path.relative(process.cwd(), out) || out;
  // Like --out, relative to the root: `build --shard 2/4 --out shard-2` then `merge shard-1 … shard-4`.
  const fromShards = shards?.map((dir) => path.resolve(common.root, dir));
  if (fromShards?.includes(out)) throw new UsageError(`--out ${shown} is one of the shards: merge into a folder of its own`);
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
    shard,
    fromShards,
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
    output.err(`${shards ? 'merge' : 'build'} failed: ${plural(errors, 'error', 'errors')}, ${plural(warnings, 'warning', 'warnings')}; ${shown} was left as it was`);
    return 1;
  }
  const missing = `missing translations: ${plural(result.missingLabels, 'label', 'labels')}, ${plural(result.missingContent, 'content field', 'content fields')}`;
  const work = result.upToDate ? 'up to date, nothing rewritten' : `${countText(result.rendered)} rendered, ${countText(result.reused)} reused`;
  const indexable = `indexable pages: ${result.indexable.map((c) => `${c.lang} ${countText(c.indexable)}`).join(', ')}`;
  const done = shards ? `merged ${plural(shards.length, 'shard', 'shards')}: ` : shard ? `built ${describeShard(shard)}: ` : 'built ';
  output.out(`${done}${plural(result.pages, 'page', 'pages')} in ${plural(result.languages, 'language', 'languages')} (${work}), ${plural(warnings, 'warning', 'warnings')}, ${missing}, ${indexable}, ${seconds} s`);
  return 0;
}
