import type { SearchPage } from '../model/search.js';
import type { Site } from '../model/types.js';
import { trace } from '../trace.js';
import { renderPages } from './render-pages.js';
import type { PageJob, RenderTask, RenderTaskResult } from './render-task.js';

export interface RenderAndIndex<S> {
  readonly site: Site;
  readonly task: Omit<RenderTask, 'jobs'>;
  readonly jobs: readonly PageJob[];
  readonly workers: number;
  readonly onProgress?: (done: number) => void;
  /** The pages in the search index: once those among the jobs are written, the index can be made. */
  readonly searchable: readonly SearchPage[];
  /** Makes the index from the pages in the staging folder, given the hashes of the bytes of those just rendered; undefined without search. */
  readonly index?: (written: Readonly<Record<string, string>>) => Promise<S>;
  /** Writes what follows the pages (the sitemap): after the pages, beside the index. */
  readonly after?: () => Promise<void>;
  /** The index, started already on pages written before these jobs (see index-first.ts): awaited after them. */
  readonly started?: Promise<S>;
}

/** Links to an earlier output's pages from which on the index follows the pages. */
const MANY_LINKS = 4000;

/**
 * Renders the jobs and makes the search index. Pagefind runs on threads of its own: the searchable
 * pages are rendered first (hashing their bytes as they are written, so the index reads none back),
 * and it indexes them while the rest render. A code changed in the benchmark corpus renders 1,080
 * pages in this thread in 1.1–1.4 s, and its English index took 0.6–0.8 s after them; beside them,
 * the render took 0.1–0.3 s longer and the index ended 0.1–0.15 s after it. A clean build of the
 * corpus on worker threads: 15.3 s against 17.0 s (means of four alternating runs on a RAM disk, page
 * hashes from the workers included). Not when the jobs are mostly links to an earlier output's pages
 * (the first change after a clean build links 49,000): linking took 4.8–6.4 s beside the index in two
 * runs against 2.7–2.8 s after it, so the index follows the pages then. A merge's links from its
 * shards are left beside the index: a merge of 50,522 pages took 4.99–5.31 s so on a RAM disk against
 * 5.19–6.86 s with the index after them (5.51–8.36 s against 7.60–11.17 s on ext4).
 */
export async function renderAndIndex<S>(work: RenderAndIndex<S>): Promise<{ readonly rendered: RenderTaskResult; readonly search?: S }> {
  const { site, task, workers, onProgress, index, after, started } = work;
  if (started) {
    const rendered = await renderPages(site, task, work.jobs, { workers, onProgress });
    await after?.();
    trace('render and write the other pages, sitemap, robots.txt, assets');
    return { rendered, search: await started };
  }
  const searchable = new Set(index ? work.searchable.map((page) => page.file) : []);
  const first = work.jobs.filter((job) => searchable.has(job.file)).map((job) => ({ ...job, hashBytes: true }));
  const jobs = [...first, ...work.jobs.filter((job) => !searchable.has(job.file))];
  const beside = index !== undefined && work.jobs.filter((job) => job.reuse).length < MANY_LINKS;
  let indexing: Promise<S> | undefined;
  let rendered: RenderTaskResult;
  try {
    rendered = await renderPages(site, task, jobs, {
      workers,
      onProgress,
      firstWritten: beside
        ? {
            jobs: first.length,
            then: (written) => {
              trace(`searchable pages rendered (${first.length})`);
              indexing = index(written);
              // Settled before a failed render is reported: the caller removes the folder the index is made in.
              indexing.catch(() => undefined);
            },
          }
        : undefined,
    });
    await after?.();
  } catch (error) {
    await indexing?.catch(() => undefined);
    throw error;
  }
  trace(beside ? 'render and write the other pages, sitemap, robots.txt, assets' : 'render and write pages, sitemap, robots.txt, assets');
  return { rendered, search: index && (await (indexing ?? index(rendered.hashes))) };
}
