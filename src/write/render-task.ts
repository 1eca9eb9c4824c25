import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pageId, type PageRef } from '../model/pages.js';
import { Renderer } from '../render/renderer.js';

export interface PageJob {
  readonly page: PageRef;
  /** Relative file path the page is written to. */
  readonly file: string;
  /** Set when the previous output holds this page made from the same inputs. */
  readonly reuse: boolean;
}

export interface RenderTask {
  readonly staging: string;
  readonly previous?: string;
  readonly jobs: readonly PageJob[];
}

export interface RenderTaskResult {
  readonly rendered: number;
  readonly reused: number;
  readonly bytes: number;
}

/** File operations in flight at once: the disk overlaps them, and rendering goes on meanwhile. */
const IN_FLIGHT = 32;

async function makeDir(dir: string): Promise<void> {
  await fs.mkdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}

/**
 * Renders (or hard-links from the previous output) a batch of pages into the staging folder.
 * Runs in a worker thread, or in the main thread for a one-worker build. The folders of languages
 * and families must exist already; each page creates only its own folder.
 */
export async function runRenderTask(renderer: Renderer, task: RenderTask): Promise<RenderTaskResult> {
  let rendered = 0;
  let reused = 0;
  let bytes = 0;
  const pending = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    const entry = work.finally(() => pending.delete(entry));
    pending.add(entry);
  };
  for (const job of task.jobs) {
    const target = path.join(task.staging, job.file);
    if (job.reuse && task.previous) {
      const source = path.join(task.previous, job.file);
      track(
        makeDir(path.dirname(target))
          .then(() => fs.link(source, target))
          .then(
            () => void reused++,
            // The previous file is gone or on another file system: render it instead.
            () => writePage(renderer, job, target).then((size) => {
              bytes += size;
              rendered++;
            }),
          ),
      );
    } else {
      const html = renderPage(renderer, job);
      bytes += Buffer.byteLength(html);
      rendered++;
      track(makeDir(path.dirname(target)).then(() => fs.writeFile(target, html)));
    }
    if (pending.size >= IN_FLIGHT) await Promise.race(pending);
  }
  await Promise.all(pending);
  return { rendered, reused, bytes };
}

function renderPage(renderer: Renderer, job: PageJob): string {
  try {
    return renderer.render(job.page).html;
  } catch (error) {
    throw new RenderError(`templates/pages/${job.page.kind}.hbs (or a partial it uses), page ${pageId(job.page)}: ${(error as Error).message}`, { cause: error });
  }
}

async function writePage(renderer: Renderer, job: PageJob, target: string): Promise<number> {
  const html = renderPage(renderer, job);
  await fs.writeFile(target, html);
  return Buffer.byteLength(html);
}

/** A page that could not be rendered: a template fault the checks before rendering could not see. */
export class RenderError extends Error {
  override name = 'RenderError';
}
