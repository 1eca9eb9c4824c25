import { existsSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Piscina } from 'piscina';
import { pageDir, type PageRef } from '../model/pages.js';
import type { Site } from '../model/types.js';
import { rendererFor } from '../render/renderer.js';
import { trace } from '../trace.js';
import { runRenderTask, type PageJob, type RenderTask, type RenderTaskResult } from './render-task.js';

/**
 * Fewer pages to render than this are rendered in this thread. A worker thread costs about 0.4 s of
 * CPU to start (loading the renderer, receiving the site, compiling templates), which rendering
 * here repays below about 4,000 pages at 100–200 µs a page (measured with npm run bench: a code
 * changed renders about 1,000 pages, a label changed about 5,000).
 */
const IN_PROCESS_BELOW = 4000;

/** Stops the worker threads of the render running now, if any: for an interrupted build. */
export let stopWorkers: (() => Promise<void>) | undefined;

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function renderPages(site: Site, task: Omit<RenderTask, 'jobs'>, jobs: readonly PageJob[], workers: number, onProgress?: (done: number) => void): Promise<RenderTaskResult> {
  const total = { rendered: 0, reused: 0, bytes: 0 };
  const add = (r: RenderTaskResult) => {
    total.rendered += r.rendered;
    total.reused += r.reused;
    total.bytes += r.bytes;
    onProgress?.(total.rendered + total.reused);
  };
  const toRender = jobs.filter((j) => !j.reuse).length;
  const workerFile = new URL('./render-worker.js', import.meta.url);
  // Run from TypeScript sources (as under vitest) there is no compiled worker: render here instead.
  if (workers <= 1 || toRender < IN_PROCESS_BELOW || !existsSync(workerFile)) {
    const renderer = rendererFor(site);
    // Small batches: a preview server rendering here answers its readers between them.
    for (const batch of batches(jobs, 50)) {
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

/** The folders that hold page folders, one per language and one per family in it; each page makes its own. */
export async function makeContainers(out: string, pages: readonly PageRef[]): Promise<void> {
  for (const page of pages) if (page.kind === 'home' || page.kind === 'family') await fs.mkdir(path.join(out, pageDir(page)), { recursive: true });
}

