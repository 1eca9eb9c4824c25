import { linkSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pageId, type PageRef } from '../model/pages.js';
import type { Site } from '../model/types.js';
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

/**
 * Renders (or hard-links from the previous output) a batch of pages into the staging folder.
 * Runs in a worker thread, or in the main thread for a one-worker build.
 */
export function runRenderTask(renderer: Renderer, task: RenderTask): RenderTaskResult {
  let rendered = 0;
  let reused = 0;
  let bytes = 0;
  for (const job of task.jobs) {
    const target = path.join(task.staging, job.file);
    mkdirSync(path.dirname(target), { recursive: true });
    if (job.reuse && task.previous) {
      try {
        linkSync(path.join(task.previous, job.file), target);
        reused++;
        continue;
      } catch {
        // The previous file is gone or on another file system: render it instead.
      }
    }
    let html: string;
    try {
      html = renderer.render(job.page).html;
    } catch (error) {
      throw new RenderError(`templates/pages/${job.page.kind}.hbs (or a partial it uses), page ${pageId(job.page)}: ${(error as Error).message}`, { cause: error });
    }
    writeFileSync(target, html);
    bytes += Buffer.byteLength(html);
    rendered++;
  }
  return { rendered, reused, bytes };
}

/** A page that could not be rendered: a template fault the checks before rendering could not see. */
export class RenderError extends Error {
  override name = 'RenderError';
}

export function createRenderer(site: Site): Renderer {
  return new Renderer(site);
}
