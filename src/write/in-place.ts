import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { InputHashes } from '../model/inputs.js';
import { pageFile, pagesAt, type PageRef } from '../model/pages.js';
import type { Site } from '../model/types.js';
import { rendererFor } from '../render/renderer.js';
import { extraFiles } from '../site-files.js';
import { removeStale, writeChunks } from './output.js';
import { writeMarker, type Manifest } from './ownership.js';
import { containerFolders, makeContainers, renderPages } from './render-pages.js';
import { runRenderTask, type PageJob, type RenderTaskResult } from './render-task.js';

export interface InPlaceOptions {
  readonly out: string;
  readonly jobs?: number;
}

/** Pages to render before all others (those readers have open), and who to tell once they are written. */
export interface Priority {
  /** Output files: `vi/smtp/550/index.html`. */
  readonly files: () => readonly string[];
  /** May return a promise: the update goes on once it settles. */
  readonly written: (files: readonly string[]) => void | Promise<void>;
}

/**
 * Renders and writes the pages of `priority.files()` whose inputs changed since `previous`, before
 * any other page is hashed or rendered, and says which were written: the preview shows the page a
 * reader has open as soon as the site is read. Only their own hashes are computed here.
 */
export async function renderFirst(site: Site, out: string, previous: Manifest, pages: () => readonly PageRef[], hashes: InputHashes, priority: Priority): Promise<string[]> {
  const wanted = new Set(priority.files());
  const jobs: PageJob[] = [];
  if (wanted.size > 0) {
    // Read from their paths: listing the bundled site's 64,000 pages to find them took 50 ms.
    for (const page of pagesAt(site, wanted) ?? pages()) {
      const file = pageFile(page);
      if (wanted.has(file) && previous.files[file] !== hashes.page(page)) jobs.push({ page, file, reuse: false, replace: true });
    }
  }
  if (jobs.length > 0) {
    await makeContainers(out, containerFolders(jobs.map((job) => job.page)));
    runRenderTask(rendererFor(site), { staging: out, jobs });
  }
  const written = jobs.map((job) => job.file);
  await priority.written(written);
  // Let what `written` sent (an HTTP response is flushed on the next tick) go out before the rest of the update.
  await new Promise((resolve) => setImmediate(resolve));
  return written;
}

/**
 * Renders `count` pages spread over the site in memory and drops them. The initial build of a
 * large site renders in worker threads: this thread's render code is then first compiled by the
 * reader's first edits (on the bundled site, the first code and label saved showed after 308 and
 * 349 ms without this, 218 and 276 ms with it).
 */
export function warmRenderer(site: Site, pages: readonly PageRef[], count: number): void {
  const renderer = rendererFor(site);
  const step = Math.max(1, Math.floor(pages.length / count));
  for (let i = 0; i < pages.length; i += step) renderer.render(pages[i]!);
}

/**
 * Writes the pages and files whose inputs changed into `out` (but those already `written` first),
 * and removes those that are gone. The files it wrote, the first ones included, are in `written`.
 */
export async function updateInPlace(site: Site, options: InPlaceOptions, previous: Manifest, next: Manifest, pages: readonly PageRef[], first: readonly string[] = []): Promise<RenderTaskResult & { written: string[] }> {
  const done = new Set(first);
  const changed = (file: string) => previous.files[file] !== next.files[file];
  const jobs: PageJob[] = pages.map((page) => ({ page, file: pageFile(page), reuse: false, replace: true })).filter((job) => changed(job.file) && !done.has(job.file));
  await makeContainers(options.out, containerFolders(pages));
  const result = await renderPages(site, { staging: options.out }, jobs, { workers: options.jobs ?? availableParallelism() });
  const written = [...first, ...jobs.map((job) => job.file)];
  // Only files whose hash changed are made: their chunks are produced lazily, so an unchanged sitemap costs nothing.
  for (const file of extraFiles(site)) {
    if (!changed(file.name)) continue;
    await writeChunks(path.join(options.out, file.name), file.chunks());
    written.push(file.name);
  }
  const gone = Object.keys(previous.files).filter((file) => !Object.hasOwn(next.files, file));
  await removeStale(options.out, gone);
  await writeMarker(options.out, next);
  return { ...result, rendered: result.rendered + first.length, reused: pages.length - jobs.length - first.length, written: [...written, ...gone] };
}
