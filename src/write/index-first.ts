import type { PageRef } from '../model/pages.js';
import type { SearchRef } from '../model/search.js';
import type { Site } from '../model/types.js';
import { trace } from '../trace.js';
import { renderPages } from './render-pages.js';
import type { PageJob, RenderTask, RenderTaskResult } from './render-task.js';

/** The input hashes of the search index's pages, made before the others' (a few hundredths of a second for 1,800 pages). */
export function searchableHashes(refs: readonly SearchRef[], hashOf: (page: PageRef, file: string) => string): Map<string, string> {
  return new Map(refs.map(({ page, file }) => [file, hashOf(page, file)]));
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
 * Renders (or links from the published output) the searchable pages' jobs, in this thread, and
 * starts the search index on them: Pagefind then runs on the other core while this one hashes the
 * other pages' inputs and renders those that changed. A change to one English code text of the
 * benchmark corpus renders some 50 searchable pages, and Pagefind indexes the 402 English ones in
 * about 0.5 s: after all pages were hashed it was the build's last half second.
 */
export async function indexFirst<S>(site: Site, task: Omit<RenderTask, 'jobs'>, jobs: readonly PageJob[], index: (written: Readonly<Record<string, string>>) => Promise<S>): Promise<IndexFirst<S>> {
  const rendered = await renderPages(site, task, jobs.map((job) => ({ ...job, hashBytes: true })), { workers: 1 });
  trace(`searchable pages rendered (${jobs.length}) before the other pages' hashes`);
  const indexing = index(rendered.hashes);
  // Settled before a failure is reported: the caller removes the folder the index is made in.
  indexing.catch(() => undefined);
  return { rendered, done: new Set(jobs.map((job) => job.file)), indexing };
}
