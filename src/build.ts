import { availableParallelism } from 'node:os';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Piscina } from 'piscina';
import { applyStrict, hasErrors, type Diagnostic } from './diagnostics.js';
import { trace } from './trace.js';
import { pageModified } from './model/dates.js';
import { digest } from './model/hash.js';
import { indexableCounts, indexableLanguages, type IndexableCount } from './model/indexing.js';
import { InputHashes } from './model/inputs.js';
import { allPages, pageDir, pageFile, type PageRef } from './model/pages.js';
import { searchPages, type SearchPage } from './model/search.js';
import type { Site } from './model/types.js';
import { validateProject, type ProjectOptions } from './project.js';
import { Renderer } from './render/renderer.js';
import { robotsTxt, sitemapFiles, sitemapNames, sitemapPages, urlsPerSitemap, type ChunkedFile } from './render/sitemap.js';
import { sameSubset, subsetOf, type Subset } from './subset.js';
import { checkOutputFolder, checkSubsetOutput, createStaging, discardStaging, publishStaging, removeInterrupted, recoverOutput, removeStale, topLevelMatches, writeChunks } from './write/output.js';
import { readManifest, TOOL_VERSION, writeMarker, type Manifest } from './write/ownership.js';
import { runRenderTask, type PageJob, type RenderTask, type RenderTaskResult } from './write/render-task.js';
import { indexPages, reuseSearchIndex, searchEngineVersion, writeSearchFiles } from './write/search-index.js';

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
}

export interface BuildResult {
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly pages: number;
  readonly rendered: number;
  readonly reused: number;
  readonly bytes: number;
  readonly languages: number;
  readonly upToDate: boolean;
  readonly missingLabels: number;
  readonly missingContent: number;
  /** Per published language, its indexable pages (empty when the build stopped before the site was made). */
  readonly indexable: readonly IndexableCount[];
  /** The pages of the search index (undefined with search off); an update in place leaves the index to the caller. */
  readonly searchPages?: readonly SearchPage[];
}

let toolFingerprint: string | undefined;

/** A hash of the tool's own compiled code, so a new version of the tool never reuses old pages. */
function ownCode(): string {
  if (toolFingerprint === undefined) {
    const lib = fileURLToPath(new URL('.', import.meta.url));
    const files = readdirSync(lib, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js')).sort();
    toolFingerprint = digest(...files.flatMap((f) => [f, readFileSync(path.join(lib, f), 'utf8')]));
  }
  return toolFingerprint;
}

function rendererHash(site: Site): string {
  return digest(ownCode(), JSON.stringify(site.templates), JSON.stringify(site.assets), JSON.stringify(site.binaryAssets), site.search ? 'search' : '');
}

/**
 * What the search index is made from: the files of the pages it holds, by the hashes of their
 * inputs, and the indexer's version. Undefined with search off.
 */
function searchHash(site: Site, pages: readonly SearchPage[], files: Readonly<Record<string, string>>): string | undefined {
  return site.search ? digest(ownCode(), searchEngineVersion(), ...pages.map((page) => `${page.file} ${files[page.file]}`)) : undefined;
}

/** Stops the worker threads of the render running now, if any: for an interrupted build. */
let stopWorkers: (() => Promise<void>) | undefined;

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function renderPages(site: Site, task: Omit<RenderTask, 'jobs'>, jobs: readonly PageJob[], workers: number, onProgress?: (done: number) => void): Promise<RenderTaskResult> {
  const total = { rendered: 0, reused: 0, bytes: 0 };
  const add = (r: RenderTaskResult) => {
    total.rendered += r.rendered;
    total.reused += r.reused;
    total.bytes += r.bytes;
    onProgress?.(total.rendered + total.reused);
  };
  const toRender = jobs.filter((j) => !j.reuse).length;
  const workerFile = new URL('./write/render-worker.js', import.meta.url);
  // Run from TypeScript sources (as under vitest) there is no compiled worker: render here instead.
  if (workers <= 1 || toRender < 400 || !existsSync(workerFile)) {
    const renderer = new Renderer(site);
    for (const batch of batches(jobs, 500)) {
      add(runRenderTask(renderer, { ...task, jobs: batch }));
      // Let progress output and signals through between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return total;
  }
  const pool: Piscina = new Piscina({
    filename: workerFile.href,
    workerData: { site },
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
    // A smaller young generation than V8's default keeps the peak memory of a 50,000-page build under
    // 350 MB, at no measurable cost in time (measured with npm run bench).
    resourceLimits: { maxYoungGenerationSizeMb: 12 },
  });
  let first = true;
  stopWorkers = () => pool.destroy();
  try {
    // Small enough batches that neither thread waits long for the other at the end.
    const size = Math.max(50, Math.ceil(jobs.length / (workers * 40)));
    await Promise.all(batches(jobs, size).map((batch) => pool.run({ ...task, jobs: batch } satisfies RenderTask).then((r) => {
      if (first) trace('workers: first batch done');
      first = false;
      add(r);
    })));
  } finally {
    stopWorkers = undefined;
    await pool.destroy();
  }
  return total;
}

/**
 * Hashes of the files beside the pages, from their inputs, so a no-op build need not make them:
 * the sitemap depends on the pages and languages, robots.txt on the base URL.
 */
function extraHashes(site: Site): Record<string, string> {
  const listed = sitemapPages(site);
  const structure = digest(ownCode(), site.baseUrl, JSON.stringify(site.languages), ...listed.map((page) => `${pageFile(page)} ${indexableLanguages(site, page).join()} ${pageModified(site, page) ?? ''}`));
  const hashes: Record<string, string> = { 'robots.txt': digest(ownCode(), site.baseUrl) };
  for (const name of sitemapNames(listed.length, urlsPerSitemap(site.languages.length, site.baseUrl))) hashes[name] = digest(name, structure);
  for (const [name, content] of Object.entries(site.assets)) hashes[`assets/${name}`] = digest(content);
  for (const [name, base64] of Object.entries(site.binaryAssets)) hashes[`assets/${name}`] = digest(base64);
  return hashes;
}

function extraFiles(site: Site): ChunkedFile[] {
  const files: ChunkedFile[] = [...sitemapFiles(site), { name: 'robots.txt', chunks: () => [robotsTxt(site)] }];
  for (const [name, content] of Object.entries(site.assets)) files.push({ name: `assets/${name}`, chunks: () => [content] });
  for (const [name, base64] of Object.entries(site.binaryAssets)) files.push({ name: `assets/${name}`, chunks: () => [Buffer.from(base64, 'base64')] });
  return files;
}

/** The folders that hold page folders, one per language and one per family in it; each page makes its own. */
async function makeContainers(out: string, pages: readonly PageRef[]): Promise<void> {
  for (const page of pages) if (page.kind === 'home' || page.kind === 'family') await fs.mkdir(path.join(out, pageDir(page)), { recursive: true });
}

/** Writes the pages and files whose inputs changed into `out`, and removes those that are gone. */
async function updateInPlace(site: Site, options: BuildOptions, previous: Manifest, next: Manifest, pages: readonly PageRef[]): Promise<RenderTaskResult> {
  const changed = (file: string) => previous.files[file] !== next.files[file];
  const jobs: PageJob[] = pages.map((page) => ({ page, file: pageFile(page), reuse: false, replace: true })).filter((job) => changed(job.file));
  await makeContainers(options.out, pages);
  // Starting worker threads costs more than rendering the few pages a single edit touches.
  const result = await renderPages(site, { staging: options.out }, jobs, jobs.length > 2000 ? (options.jobs ?? availableParallelism()) : 1);
  // Only files whose hash changed are made: their chunks are produced lazily, so an unchanged sitemap costs nothing.
  for (const file of extraFiles(site)) if (changed(file.name)) await writeChunks(path.join(options.out, file.name), file.chunks());
  await removeStale(options.out, Object.keys(previous.files).filter((file) => !Object.hasOwn(next.files, file)));
  await writeMarker(options.out, next);
  return { ...result, reused: pages.length - jobs.length };
}

/** The manifest with the subset of this build, or none for a full build: a full manifest is written as it always was. */
function withSubset(manifest: Manifest, subset: Subset | undefined): Manifest {
  const { subset: _old, ...rest } = manifest;
  return subset ? { ...rest, subset } : rest;
}

/** validate → model → render → write. Nothing in `out` changes unless every step succeeds. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  trace('start');
  const subset = subsetOf(options);
  const [project, outputProblems, subsetProblems] = await Promise.all([validateProject(options), checkOutputFolder(options.root, options.out), checkSubsetOutput(options.root, options.out, subset)]);
  trace('load and validate');
  const diagnostics = applyStrict([...project.diagnostics, ...outputProblems, ...subsetProblems], options.strict);
  const missingLabels = project.labelReports.reduce((n, r) => n + r.missing.length, 0);
  const missingContent = project.contentReports.filter((r) => r.tag !== 'en').reduce((n, r) => n + r.missing.length, 0);
  const failed = { diagnostics, pages: 0, rendered: 0, reused: 0, bytes: 0, languages: 0, upToDate: false, missingLabels, missingContent, indexable: [] };
  if (hasErrors(diagnostics) || !project.site) return { ...failed, ok: false };
  const site = project.site;
  const pages: PageRef[] = allPages(site);
  const searchable = searchPages(site, pages);
  const base = { ...failed, indexable: indexableCounts(site), searchPages: site.search ? searchable : undefined };

  await recoverOutput(options.out);

  // Equal inputs give equal output: when nothing changed, a build need not even hash its pages.
  const inputsHash = digest(ownCode(), JSON.stringify(site), site.search ? searchEngineVersion() : '');
  const previous = await readManifest(options.out);
  const sameTool = previous?.version === TOOL_VERSION;
  if (sameTool && previous?.inputs === inputsHash && (await topLevelMatches(options.out, previous.files))) {
    if (!sameSubset(previous.subset, subset)) await writeMarker(options.out, withSubset(previous, subset));
    const pageCount = Object.keys(previous.files).filter((f) => f.endsWith('.html')).length;
    return { ...base, pages: pageCount, languages: site.languages.length, ok: true, upToDate: true, reused: pageCount };
  }

  const hashes = new InputHashes(site, rendererHash(site));
  const files: Record<string, string> = {};
  for (const page of pages) files[pageFile(page)] = hashes.page(page);
  Object.assign(files, extraHashes(site));
  const indexHash = searchHash(site, searchable, files);
  const buildHash = digest(JSON.stringify(files), indexHash ?? '');
  trace('hash page inputs');
  const summary = { ...base, pages: pages.length, languages: site.languages.length };

  // The previous manifest lists the search index's files too, which only indexing names.
  if (sameTool && previous?.build === buildHash && (await topLevelMatches(options.out, previous.files))) {
    await writeMarker(options.out, withSubset({ ...previous, inputs: inputsHash }, subset));
    return { ...summary, ok: true, upToDate: true, reused: pages.length };
  }

  if (options.inPlace && previous) {
    const result = await updateInPlace(site, options, previous, withSubset({ tool: 'code-compare', version: TOOL_VERSION, inputs: inputsHash, build: buildHash, files }, subset), pages);
    return { ...summary, ok: true, ...result };
  }

  const staging = await createStaging(options.out);
  trace('staging folder');
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
    // Worker threads write until they are stopped: stop them, then remove what they wrote.
    // Exit 130 whatever happens: a staging folder left behind (a slow disk, a late write) is
    // removed by the next build, as after a kill.
    void (async () => {
      try {
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
    // A kept output already holds most pages: only those whose inputs differ are linked or rendered.
    const holds = (file: string) => Object.hasOwn(staging.holds, file);
    const upToDate = (file: string) => holds(file) && staging.holds[file] === files[file];
    const indexKept = await reuseSearchIndex(staging, indexHash, files, previous ? { dir: options.out, files: previous.files } : undefined);
    await makeContainers(staging.dir, pages);
    await removeStale(staging.dir, Object.keys(staging.holds).filter((file) => !Object.hasOwn(files, file)));
    const jobs: PageJob[] = [];
    for (const page of pages) {
      const file = pageFile(page);
      if (!upToDate(file)) jobs.push({ page, file, reuse: previous?.files[file] === files[file], replace: holds(file) });
    }
    const kept = pages.length - jobs.length;
    trace(`plan: ${jobs.length} pages to link or render`);
    const result = await renderPages(site, { staging: staging.dir, previous: previous ? options.out : undefined }, jobs, options.jobs ?? availableParallelism(), (done) => options.onProgress?.(kept + done, pages.length));
    // After the pages, not beside them: writing the sitemap while the workers render gained no time and cost 20–40 MB more at the peak.
    for (const file of extraFiles(site)) if (!upToDate(file.name)) await writeChunks(path.join(staging.dir, file.name), file.chunks());
    trace('render and write pages, sitemap, robots.txt, assets');
    if (indexHash !== undefined && !indexKept) {
      for (const name of await writeSearchFiles(staging.dir, await indexPages(staging.dir, searchable))) files[name] = indexHash;
      trace(`search index: ${searchable.length} pages`);
    }
    const manifest = withSubset({ tool: 'code-compare', version: TOOL_VERSION, inputs: inputsHash, build: buildHash, files }, subset);
    await writeMarker(staging.dir, manifest);
    await publishStaging(staging.dir, options.out);
    trace('publish');
    return { ...summary, ok: true, ...result, reused: result.reused + kept };
  } catch (error) {
    // Stopping the workers fails the render; the signal handler removes the staging folder and exits 130.
    if (interrupted) await new Promise<never>(() => undefined);
    await discardStaging(staging.dir);
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
