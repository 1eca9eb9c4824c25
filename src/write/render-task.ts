import { constants, copyFileSync, linkSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bytesHash } from '../model/hash.js';
import { pageId, type PageRef } from '../model/pages.js';
import { Renderer } from '../render/renderer.js';
import { moveToTrash, removeFile } from './trash.js';

export interface PageJob {
  readonly page: PageRef;
  /** Relative file path the page is written to. */
  readonly file: string;
  /** Set when the previous output holds this page made from the same inputs. */
  readonly reuse: boolean;
  /**
   * Set when the target may exist already. It is then removed, never written over: it may be a
   * hard link shared with the published output.
   */
  readonly replace: boolean;
  /** Set for a page of the search index: the bytes written are hashed here, so the index need not read them back. */
  readonly hashBytes?: boolean;
  /** A folder holding this page as made from the same inputs, to link (or copy) it from: a merge's shard. */
  readonly from?: string;
}

export interface RenderTask {
  readonly staging: string;
  readonly previous?: string;
  /** Where replaced files go when the staging folder is a kept output (see makeTrash); else they are removed. */
  readonly trash?: string;
  readonly jobs: readonly PageJob[];
}

export interface RenderTaskResult {
  readonly rendered: number;
  readonly reused: number;
  /** The hashes of the bytes of the rendered pages whose jobs asked for them, by file. */
  readonly hashes: Readonly<Record<string, string>>;
}

function makeDir(dir: string): void {
  try {
    mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** Writes a page; one replaced whose folder turns out to be gone gets the folder made. */
function writeNew(target: string, html: string, replaced: boolean): void {
  try {
    writeFileSync(target, html);
  } catch (error) {
    if (!replaced || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    makeDir(path.dirname(target));
    writeFileSync(target, html);
  }
}

/**
 * Renders (or hard-links from the previous output) a batch of pages into the staging folder.
 * Runs in a worker thread, or in the main thread for a one-worker build. The folders of languages
 * and families must exist already; each page creates only its own folder.
 *
 * File operations are synchronous on purpose: a worker has nothing else to do while the kernel
 * creates a folder or copies a page into the page cache, and a synchronous call costs one system
 * call where a promise costs a trip through libuv's four shared threads (measured: about a third
 * less time per page on ext4 and on tmpfs).
 */
export function runRenderTask(renderer: Renderer, task: RenderTask): RenderTaskResult {
  let rendered = 0;
  let reused = 0;
  const hashes: Record<string, string> = {};
  for (const job of task.jobs) {
    const target = path.join(task.staging, job.file);
    // A page the staging folder holds already has its folder (asking for it again costs an exception: 9–60 µs); another gets its own.
    if (job.replace) {
      if (task.trash) moveToTrash(target, task.trash, job.file);
      else removeFile(target);
    } else {
      makeDir(path.dirname(target));
    }
    if (job.from !== undefined && takeFrom(path.join(job.from, job.file), target)) {
      reused++;
      continue;
    }
    if (job.reuse && task.previous) {
      try {
        linkSync(path.join(task.previous, job.file), target);
        reused++;
        continue;
      } catch {
        // The previous file is gone or on another file system: render it instead.
      }
    }
    const html = renderPage(renderer, job);
    writeNew(target, html, job.replace);
    if (job.hashBytes) hashes[job.file] = bytesHash(html);
    rendered++;
  }
  return { rendered, reused, hashes };
}

/** Links a page from another folder, or copies it from another file system; false if it is not there (the page is then rendered: equal inputs, equal bytes). */
function takeFrom(source: string, target: string): boolean {
  try {
    linkSync(source, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') return false;
  }
  try {
    copyFileSync(source, target, constants.COPYFILE_EXCL);
    return true;
  } catch {
    return false;
  }
}

function renderPage(renderer: Renderer, job: PageJob): string {
  try {
    return renderer.render(job.page).html;
  } catch (error) {
    throw new RenderError(`templates/pages/${job.page.kind}.hbs (or a partial it uses), page ${pageId(job.page)}: ${(error as Error).message}`, { cause: error });
  }
}

/** A page that could not be rendered: a template fault the checks before rendering could not see. */
export class RenderError extends Error {
  override name = 'RenderError';
}
