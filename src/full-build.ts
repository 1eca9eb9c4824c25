import { availableParallelism } from 'node:os';
import path from 'node:path';
import { applyStrict, hasErrors, type Diagnostic } from './diagnostics.js';
import { trace } from './trace.js';
import { digest } from './model/hash.js';
import { hashIn } from './model/hash-table.js';
import { indexableCounts } from './model/indexing.js';
import { InputHashes } from './model/inputs.js';
import { allPages, pageFile, type PageRef } from './model/pages.js';
import type { BuildOptions, BuildResult } from './build.js';
import { parseMemo } from './load/parse-memo.js';
import { validateProject } from './project.js';
import { extraFiles, hashOutput, rendererHash } from './site-files.js';
import { subsetOf, type Subset } from './subset.js';
import { ownCode } from './tool-code.js';
import { renderFirst, updateInPlace, warmRenderer } from './write/in-place.js';
import { keptRecordFile, parseMemoFile, createStaging, publishStaging, removeInterrupted, removeTree, recoverOutput, removeStale, topLevelMatches, writeChunks } from './write/output.js';
import { copyOutputLater } from './write/kept-copy.js';
import { writeKeptRecord } from './write/kept-record.js';
import { readManifest, TOOL_VERSION, writeMarker, type BuildReport, type Manifest } from './write/ownership.js';
import { containerFolders, makeContainers, startWorkers, stopWorkers } from './write/render-pages.js';
import { renderAndIndex } from './write/render-and-index.js';
import type { PageJob } from './write/render-task.js';
import { SEARCH_FOLDER, searchEngineVersion, stopIndexing } from './write/search-index.js';
import { makeSearchIndex, type MadeSearchIndex } from './write/search-update.js';
import { emptyTrashLater } from './write/trash.js';
import { searchPageRefs } from './model/search.js';
import { describeShard, shardPages, type Shard } from './model/shards.js';
import { readShardFolders } from './write/shard-folders.js';
import { indexFirst, searchableHashes, startsIndexFirst, type IndexFirst } from './write/index-first.js';

/** The manifest with the subset or shard of this build, or neither for a whole site: its manifest is written as it always was. */
function withSelection(manifest: Manifest, subset: Subset | undefined, shard?: Shard): Manifest {
  const { subset: _old, shard: _oldShard, ...rest } = manifest;
  return { ...rest, ...(subset && { subset }), ...(shard && { shard }) };
}

/** What the build found before it began: the fingerprint of its sources (none for an update in place) and the problems of its output folder. */
export interface Preflight {
  readonly sources: string | undefined;
  readonly outputProblems: readonly Diagnostic[];
}

/**
 * validate → model → render → write. Nothing in `out` changes unless every step succeeds. What the
 * build parsed is remembered beside the output for the next build (after a success only: a
 * refused output must find nothing new beside it).
 */
export async function fullBuild(options: BuildOptions, preflight: Preflight): Promise<BuildResult> {
  const memo = hasErrors(preflight.outputProblems) ? undefined : await parseMemoFile(options.out);
  if (memo) await parseMemo.load(memo, ownCode());
  let result: BuildResult;
  try {
    result = await buildFromSources(options, preflight);
  } finally {
    // Worker threads started for a render that did not come (a failure before it).
    await stopWorkers?.();
  }
  const saveTo = result.ok ? await parseMemoFile(options.out) : undefined;
  if (saveTo) await parseMemo.save(saveTo, ownCode());
  return result;
}

async function buildFromSources(options: BuildOptions, preflight: Preflight): Promise<BuildResult> {
  const subset = subsetOf(options);
  const outputProblems = preflight.outputProblems;
  const project = await validateProject(options);
  trace('load and validate');
  const diagnostics = applyStrict([...project.diagnostics, ...outputProblems], options.strict);
  const missingLabels = project.labelReports.reduce((n, r) => n + r.missing.length, 0);
  const missingContent = project.contentReports.filter((r) => r.tag !== 'en').reduce((n, r) => n + r.missing.length, 0);
  const failed = { diagnostics, pages: 0, rendered: 0, reused: 0, languages: 0, upToDate: false, missingLabels, missingContent, indexable: [] };
  if (hasErrors(diagnostics) || !project.site) return { ...failed, ok: false };
  const site = project.site;
  const hashes = new InputHashes(site, rendererHash(site));
  // The pages a reader has open in the preview first, before anything about the whole site is worked out.
  const inPlace = options.inPlace ? await readManifest(options.out) : undefined;
  let listed: readonly PageRef[] | undefined;
  const everyPage = () => (listed ??= allPages(site));
  const first = inPlace && options.priority ? await renderFirst(site, options.out, inPlace, everyPage, hashes, options.priority) : [];
  if (first.length > 0) trace('open pages rendered first');
  const { shard } = options;
  // A shard renders its pages as a whole build would (a search box included), but no index: that is the merge's.
  const pages = shard ? shardPages(everyPage(), shard) : everyPage();
  if (options.inPlace && options.warm) warmRenderer(site, pages, options.warm);
  const searchRefs = shard ? [] : searchPageRefs(site, pages);
  const searchable = searchRefs.map(({ lang, file }) => ({ lang, file }));
  const indexes = site.search && !shard;
  const base = { ...failed, indexable: indexableCounts(site), searchPages: indexes ? searchable : undefined };
  // What a later build with the same sources says without reading them: the same warnings and counts.
  const stamp = (pages: number) => {
    const report: BuildReport = { diagnostics: project.diagnostics, pages, missingLabels, missingContent, indexable: base.indexable, languages: site.languages.length };
    return { sources: preflight.sources, report };
  };

  await recoverOutput(options.out);

  const previous = options.inPlace ? inPlace : await readManifest(options.out);
  const workers = options.jobs ?? availableParallelism();
  // With no earlier output, every page renders.
  if (!previous && !options.inPlace && !options.fromShards) startWorkers(site, workers, pages.length);
  // Equal inputs give equal output: when nothing changed, a build need not even hash its pages. An
  // update in place skips this: its watcher saw a change, and the page a reader has open waits.
  const siteJson = options.inPlace ? '' : JSON.stringify(site);
  const inputsOfShare = (share: Shard | undefined) => digest(ownCode(), siteJson, site.search ? searchEngineVersion() : '', ...(share ? [describeShard(share)] : []));
  const inputsHash = options.inPlace ? undefined : inputsOfShare(shard);
  trace('read the manifest, hash the site model');
  const fromShards = options.fromShards ? await readShardFolders(options.root, options.fromShards, pages, inputsOfShare) : undefined;
  if (fromShards && !fromShards.folders) return { ...failed, diagnostics: [...diagnostics, ...fromShards.diagnostics], ok: false };
  /** The manifest of this build's output, once its files are known. */
  const manifestOf = (made: Pick<Manifest, 'build' | 'files' | 'searched'> & { readonly components: Manifest['components'] }, pageCount: number): Manifest =>
    withSelection({ tool: 'code-compare', version: TOOL_VERSION, inputs: inputsHash ?? '', build: made.build, ...stamp(pageCount), files: made.files, ...(made.searched && { searched: made.searched }), components: made.components }, subset, shard);
  const sameTool = previous?.version === TOOL_VERSION;
  if (sameTool && inputsHash !== undefined && previous?.inputs === inputsHash && (await topLevelMatches(options.out, previous.files))) {
    // The sources differ (else the build would not have read them): the manifest learns the new ones.
    const pageCount = Object.keys(previous.files).filter((f) => f.endsWith('.html')).length;
    await writeMarker(options.out, withSelection({ ...previous, ...stamp(pageCount) }, subset, shard));
    return { ...base, pages: pageCount, languages: site.languages.length, ok: true, upToDate: true, reused: pageCount };
  }

  // Some searchable pages made from new inputs: the index may start before the other pages are hashed.
  const earlier = sameTool ? previous : undefined;
  const hashOf = hashes.reusing(earlier);
  const known = earlier && !options.inPlace && site.search ? searchableHashes(searchRefs, hashOf) : undefined;
  const searchFirst = known !== undefined && startsIndexFirst(known, earlier!.files);
  const hashing = hashOutput(site, pages, hashes, searchable, known, hashOf, !shard);
  // Awaited below, whenever the build needs the hashes: until then a failure must not count as unhandled.
  hashing.catch(() => undefined);
  let planned = previous && !searchFirst ? await hashing : undefined;
  const summary = { ...base, pages: pages.length, languages: site.languages.length };
  if (planned) {
    trace('hash page inputs');
    // The previous manifest lists the search index's files too, which only indexing names.
    if (sameTool && previous?.build === planned.build && (await topLevelMatches(options.out, previous.files))) {
      await writeMarker(options.out, withSelection({ ...previous, inputs: inputsHash ?? '', ...stamp(pages.length), components: planned.components }, subset, shard));
      return { ...summary, ok: true, upToDate: true, reused: pages.length };
    }
    if (inPlace) {
      const result = await updateInPlace(site, options, inPlace, manifestOf(planned, pages.length), pages, first);
      return { ...summary, ok: true, ...result };
    }
  }

  const staging = await createStaging(options.out, earlier);
  trace('staging folder');
  // With a kept output to start from, few pages are linked: the index can run beside the hashing.
  const indexHere = searchFirst && staging.kept;
  // With nothing earlier to keep, every page renders whatever its inputs: the build hashes them, for the manifest, while the pages render.
  if (!planned && !indexHere && (previous !== undefined || staging.kept)) planned = await hashing;
  /** A file's input hash; none before the hashes are done, in a build that renders every page. */
  const inputsOf = (file: string) => known?.get(file) ?? planned?.files[file];
  let indexed: IndexFirst<MadeSearchIndex> | undefined;
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
    // Worker threads write until they are stopped: stop them, then remove what they wrote.
    // Exit 130 whatever happens: a staging folder left behind (a slow disk, a late write) is
    // removed by the next build, as after a kill.
    void (async () => {
      try {
        stopIndexing();
        await stopWorkers?.().catch(() => undefined);
        await removeInterrupted(staging.dir);
      } catch {
        // left for the next build
      } finally {
        process.exit(130);
      }
    })();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const task = { staging: staging.dir, previous: previous ? options.out : undefined, trash: staging.trash };
    const index = (written: Readonly<Record<string, string>>) => makeSearchIndex(staging, searchable, inputsOf, previous && { dir: options.out, files: previous.files, searched: previous.searched }, written);
    // A kept output already holds most pages: only those whose inputs differ are linked or rendered.
    const upToDate = (file: string) => {
      const held = staging.holds.get(file);
      return held !== undefined && held === inputsOf(file);
    };
    const from = fromShards?.folders?.folderOf;
    const jobFor = (page: PageRef, file: string): PageJob | undefined => {
      const held = staging.holds.get(file);
      const inputs = inputsOf(file);
      if (held !== undefined && held === inputs) return undefined;
      // Linked from the published output when it holds the page made from the same inputs, else rendered.
      return { page, file, reuse: previous !== undefined && inputs !== undefined && hashIn(previous.files, file) === inputs, replace: held !== undefined, from: from?.(file) };
    };
    const containers = containerFolders(pages);
    await makeContainers(staging.dir, containers);
    if (indexHere) {
      indexed = await indexFirst(site, task, searchRefs.flatMap(({ page, file }) => jobFor(page, file) ?? []), index);
      planned = await hashing;
      trace('hash page inputs');
    }
    // The search index's files are sorted out once the pages it is made from are written.
    // The folders this build's pages go into stay, even where only stale pages were in them (a shard's, over an output of other pages).
    await removeStale(staging.dir, staging.holds.files().filter((file) => inputsOf(file) === undefined && !file.startsWith(`${SEARCH_FOLDER}/`)), new Set(containers));
    const jobs: PageJob[] = [];
    for (const page of pages) {
      const file = pageFile(page);
      const job = indexed?.done.has(file) ? undefined : jobFor(page, file);
      if (job) jobs.push(job);
    }
    const kept = pages.length - jobs.length - (indexed?.done.size ?? 0);
    trace(`plan: ${jobs.length} pages to link or render`);
    const { rendered: result, search } = await renderAndIndex({
      site,
      task,
      jobs,
      workers,
      onProgress: (done) => options.onProgress?.(kept + done, pages.length),
      searchable,
      index: indexes ? index : undefined,
      started: indexed?.indexing,
      // After the pages, not beside them: writing the sitemap while the workers render gained no time and cost 20–40 MB more at the peak.
      after: async () => {
        for (const file of shard ? [] : extraFiles(site)) if (!upToDate(file.name)) await writeChunks(path.join(staging.dir, file.name), file.chunks());
      },
    });
    if (search) trace(`search index: ${search.summary}`);
    // The hashes are this build's own: the index's files join them as they are, without a copy of 50,000 entries.
    const { files, build, components } = planned ?? (await hashing);
    if (!planned) trace('page inputs hashed');
    const manifest = manifestOf({ build, files: search ? Object.assign(files, search.files) : files, searched: search?.searched, components }, pages.length);
    const filesHash = await writeMarker(staging.dir, manifest);
    const { keptEarlier } = await publishStaging(staging.dir, options.out);
    // The output just replaced is kept: the next build starts from it, and learns what it holds from this record.
    if (keptEarlier && earlier && filesHash !== undefined) {
      const record = await keptRecordFile(options.out);
      if (record) await writeKeptRecord(record, { files: manifest.files, filesHash }, earlier, pages.length);
    }
    trace('publish');
    // A preview server updates its output in place: it never starts from a kept one.
    if (!keptEarlier && !options.inPlace) await copyOutputLater(options.out, Object.keys(manifest.files).length);
    if (staging.trash) emptyTrashLater(staging.trash);
    return { ...summary, ok: true, rendered: result.rendered + (indexed?.rendered.rendered ?? 0), reused: result.reused + (indexed?.rendered.reused ?? 0) + kept };
  } catch (error) {
    // Stopping the workers fails the render; the signal handler removes the staging folder and exits 130.
    if (interrupted) await new Promise<never>(() => undefined);
    await indexed?.indexing.catch(() => undefined);
    await removeTree(staging.dir);
    if (staging.trash) emptyTrashLater(staging.trash);
    const message = (error as Error).message ?? String(error);
    // A RenderError loses its class crossing from a worker thread, but keeps its message.
    const fault = /^(?:RenderError: )?(\S+) \(or a partial it uses\), (.*)$/s.exec(message);
    if (fault) {
      const [, file, detail] = fault;
      return { ...summary, ok: false, diagnostics: [...diagnostics, { file: file!, line: 1, column: 1, severity: 'error', rule: 'template-render', message: `rendering failed (in it or a partial it uses): ${detail}` }] };
    }
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
