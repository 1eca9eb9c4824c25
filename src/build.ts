import { applyStrict, hasErrors, type Diagnostic } from './diagnostics.js';
import type { IndexableCount } from './model/indexing.js';
import type { SearchPage } from './model/search.js';
import { digest } from './model/hash.js';
import { FileStamps } from './load/file-stamps.js';
import { sourceFingerprint } from './load/fingerprint.js';
import { repositoryHead } from './load/history.js';
import { PACKAGE_ROOT } from './package.js';
import type { ProjectOptions } from './project.js';
import type { Shard } from './model/shards.js';
import { subsetOf } from './subset.js';
import { ownCode } from './tool-code.js';
import { trace } from './trace.js';
import { checkOutputFolder, checkPartialOutput, outputPathProblems, partialOverFull, recoverOutput, stampsFile, topLevelMatches } from './write/output.js';
import type { Priority } from './write/in-place.js';
import { readManifestHead, storedReport, TOOL_VERSION } from './write/ownership.js';

export interface BuildOptions extends ProjectOptions {
  readonly out: string;
  readonly strict: boolean;
  /** Worker threads; 1 renders in this thread. Default: one per core. */
  readonly jobs?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Update an earlier output where it stands instead of replacing it whole: only changed pages are
   * written. For the preview server, where a reader should see a change at once and an
   * interrupted update costs nothing; never for publishing.
   */
  readonly inPlace?: boolean;
  /** With inPlace: pages to bring up to date before any other (those a preview has open). */
  readonly priority?: Priority;
  /** With inPlace: pages rendered in memory and dropped, so that the code a preview's first updates run is compiled before them. */
  readonly warm?: number;
  /** Render only this share of the pages, and nothing that depends on all of them (sitemap, assets, search index): see model/shards.ts. */
  readonly shard?: Shard;
  /** Take every page from these outputs of `build --shard` instead of rendering it (a merge); they must be every shard of one split of this site. */
  readonly fromShards?: readonly string[];
}

export interface BuildResult {
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly pages: number;
  readonly rendered: number;
  readonly reused: number;
  readonly languages: number;
  readonly upToDate: boolean;
  readonly missingLabels: number;
  readonly missingContent: number;
  /** Per published language, its indexable pages (empty when the build stopped before the site was made). */
  readonly indexable: readonly IndexableCount[];
  /** The pages of the search index (undefined with search off); an update in place leaves the index to the caller. */
  readonly searchPages?: readonly SearchPage[];
  /** After an update in place: the files it wrote or removed. */
  readonly written?: readonly string[];
}

/**
 * The fingerprint of everything a build reads: the sources' bytes, the commit they are dated from
 * (pages carry the date of their content's last commit), the tool's code and the options that
 * choose what is built.
 */
async function fingerprint(options: BuildOptions, stamps: FileStamps): Promise<string> {
  const chosen = JSON.stringify([options.baseUrl, options.languages ?? null, options.families ?? null, options.search ?? null, ...(options.shard ? [options.shard] : [])]);
  const head = repositoryHead(options.root);
  return digest(sourceFingerprint(options.root, PACKAGE_ROOT, stamps), await head, ownCode(stamps), chosen);
}

/** Keeps what the fingerprint learnt of the files' bytes beside the output, after a build that succeeded (a refused output finds nothing new beside it). */
async function keepStamps(result: BuildResult, out: string, stamps: FileStamps | undefined): Promise<BuildResult> {
  const file = stamps && result.ok ? await stampsFile(out) : undefined;
  if (stamps && file) stamps.write(file);
  return result;
}

/**
 * validate → model → render → write; nothing in `out` changes unless every step succeeds. When
 * the sources are byte for byte those of the build that made `out`, nothing is read or parsed:
 * its diagnostics and counts, kept in the manifest, are reported again, as the full build would.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  trace('start');
  const subset = subsetOf(options);
  // An update in place is for a preview, whose watcher saw a file change: reading every source to
  // learn whether one did would only delay the page its reader has open.
  const stamps = options.inPlace ? undefined : FileStamps.read(await stampsFile(options.out));
  const sources = stamps && (await fingerprint(options, stamps));
  const unsafe = outputPathProblems(options.root, options.out);
  // A manifest read whole is parsed and checked entry by entry; its head alone, with the hash of its table, says as much here.
  const head = unsafe.length === 0 && sources !== undefined ? await readManifestHead(options.out) : undefined;
  const report = head?.version === TOOL_VERSION && head.sources === sources ? storedReport(head) : undefined;
  trace('fingerprint sources');
  // A merge checks its shards whatever its output holds.
  if (head && report && !options.fromShards && (await topLevelMatches(options.out, head.top))) {
    const problems = subset && !head.subset ? [partialOverFull(options.root, options.out, subset)] : [];
    const diagnostics = applyStrict([...report.diagnostics, ...problems], options.strict);
    const counts = { diagnostics, missingLabels: report.missingLabels, missingContent: report.missingContent, rendered: 0 };
    if (hasErrors(diagnostics)) return { ...counts, ok: false, pages: 0, reused: 0, languages: 0, upToDate: false, indexable: [] };
    await recoverOutput(options.out);
    return keepStamps({ ...counts, ok: true, pages: report.pages, reused: report.pages, languages: report.languages, upToDate: true, indexable: report.indexable, written: [] }, options.out, stamps);
  }
  const [outputProblems, partialProblems] = await Promise.all([checkOutputFolder(options.root, options.out), checkPartialOutput(options.root, options.out, subset, options.shard)]);
  const { fullBuild } = await import('./full-build.js');
  const result = await fullBuild(options, { sources, outputProblems: [...outputProblems, ...partialProblems] });
  return keepStamps(result, options.out, stamps);
}
