import type { InputHashes } from '../model/inputs.js';
import type { PageRef } from '../model/pages.js';
import type { SearchPage } from '../model/search.js';
import type { Site } from '../model/types.js';
import { trace } from '../trace.js';
import type { Staging } from './output.js';
import { makeContainers, renderPages } from './render-pages.js';
import type { PageJob, RenderTaskResult } from './render-task.js';

/** A page of the search index with the page it is. */
export type SearchRef = SearchPage & { readonly page: PageRef };

/** The input hashes of the search index's pages, made before the others' (a few hundredths of a second for 1,800 pages). */
export function searchableHashes(refs: readonly SearchRef[], hashes: InputHashes): Map<string, string> {
  return new Map(refs.map(({ page, file }) => [file, hashes.page(page, file)]));
}

/**
 * Whether the index should start before the other pages are hashed: some searchable pages are made
 * from other inputs than the published output's (so the build is no no-op), but fewer than half.
 * When most are, the change is one every page shows (a template, a shared label, the tool), most
 * pages render on worker threads, and those render the searchable pages first anyway: rendering
 * them here first would leave the other core idle.
 */
export function startsIndexFirst(known: ReadonlyMap<string, string>, published: Readonly<Record<string, string>>): boolean {
  let changed = 0;
  for (const [file, hash] of known) if (published[file] !== hash) changed++;
  return changed > 0 && changed * 2 < known.size;
}

export interface IndexFirst<S> {
  readonly rendered: RenderTaskResult;
  /** The files written or linked here, which the rest of the build leaves alone. */
  readonly done: ReadonlySet<string>;
  readonly indexing: Promise<S>;
}

/**
 * Renders (or links from the published output) the searchable pages the staging folder does not
 * hold as they are now, in this thread, and starts the search index on them: Pagefind then runs on
 * the other core while this one hashes the other pages' inputs and renders those that changed. A
 * change to one English code text of the benchmark corpus renders some 50 searchable pages, and
 * Pagefind indexes the 402 English ones in about 0.5 s: after all pages were hashed it was the
 * build's last half second.
 */
export async function indexFirst<S>(
  site: Site,
  staging: Staging,
  published: { readonly dir: string; readonly files: Readonly<Record<string, string>> },
  refs: readonly SearchRef[],
  known: ReadonlyMap<string, string>,
  pages: readonly PageRef[],
  index: (written: Readonly<Record<string, string>>) => Promise<S>,
): Promise<IndexFirst<S>> {
  await makeContainers(staging.dir, pages);
  const holds = (file: string) => Object.hasOwn(staging.holds, file);
  const jobs: PageJob[] = refs
    .filter(({ file }) => !(holds(file) && staging.holds[file] === known.get(file)))
    .map(({ page, file }) => ({ page, file, reuse: published.files[file] === known.get(file), replace: holds(file), hashBytes: true }));
  const rendered = await renderPages(site, { staging: staging.dir, previous: published.dir, trash: staging.trash }, jobs, { workers: 1 });
  trace(`searchable pages rendered (${jobs.length}) before the other pages' hashes`);
  const indexing = index(rendered.hashes);
  // Settled before a failure is reported: the caller removes the folder the index is made in.
  indexing.catch(() => undefined);
  return { rendered, done: new Set(jobs.map((job) => job.file)), indexing };
}
