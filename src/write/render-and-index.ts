import type { SearchPage } from '../model/search.js';
import type { Site } from '../model/types.js';
import { trace } from '../trace.js';
import { IN_PROCESS_BELOW, renderPages } from './render-pages.js';
import type { PageJob, RenderTask, RenderTaskResult } from './render-task.js';

export interface RenderAndIndex<S> {
  readonly site: Site;
  readonly task: Omit<RenderTask, 'jobs'>;
  readonly jobs: readonly PageJob[];
  readonly workers: number;
  readonly onProgress?: (done: number) => void;
  /** The pages in the search index: once those among the jobs are written, the index can be made. */
  readonly searchable: readonly SearchPage[];
  /** Makes the index from the pages in the staging folder; undefined without search. */
  readonly index?: () => Promise<S>;
  /** Writes what follows the pages (the sitemap): after the pages, beside the index. */
  readonly after?: () => Promise<void>;
}

/**
 * Renders the jobs and makes the search index. Pagefind runs on threads of its own: when the pages
 * render in this thread (a small change), it is given the searchable pages first and indexes them
 * on the other core while the rest render. A code changed in the benchmark corpus renders 1,080
 * pages in 1.1–1.4 s here, and its English index took 0.6–0.8 s after them; beside them, the render
 * took 0.1–0.3 s longer and the index ended 0.1–0.15 s after it. With worker threads on every core,
 * the index follows the pages: beside them it gained nothing (a label changed: 5,054 pages). So do
 * IN_PROCESS_BELOW jobs or more of any kind, all the pages a small change renders here among them:
 * the first change after a clean build links 49,000 pages, which took 4.8–6.4 s beside the index in
 * two runs against 2.7–2.8 s after it (the disk's state weighs on such runs; nothing shows that
 * linking gains from the overlap).
 */
export async function renderAndIndex<S>(work: RenderAndIndex<S>): Promise<{ readonly rendered: RenderTaskResult; readonly search?: S }> {
  const { site, task, jobs, workers, onProgress, index, after } = work;
  if (!index || jobs.length >= IN_PROCESS_BELOW) {
    const rendered = await renderPages(site, task, jobs, workers, onProgress);
    await after?.();
    trace('render and write pages, sitemap, robots.txt, assets');
    return { rendered, search: index ? await index() : undefined };
  }
  const searchable = new Set(work.searchable.map((page) => page.file));
  const first = jobs.filter((job) => searchable.has(job.file));
  const rest = jobs.filter((job) => !searchable.has(job.file));
  const one = await renderPages(site, task, first, 1, onProgress);
  trace(`searchable pages rendered (${first.length})`);
  const indexing = index();
  // Settled before a failed render is reported: the caller removes the folder the index is made in.
  indexing.catch(() => undefined);
  let two: RenderTaskResult;
  try {
    two = await renderPages(site, task, rest, 1, onProgress && ((done) => onProgress(first.length + done)));
    await after?.();
  } catch (error) {
    await indexing.catch(() => undefined);
    throw error;
  }
  trace('render and write the other pages, sitemap, robots.txt, assets');
  return { rendered: { rendered: one.rendered + two.rendered, reused: one.reused + two.reused }, search: await indexing };
}
