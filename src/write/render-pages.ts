import { existsSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Piscina } from 'piscina';
import { lazyModule } from '../lazy-module.js';
import { pageDir, type PageRef } from '../model/pages.js';
import type { Site } from '../model/types.js';
import { rendererFor } from '../render/renderer.js';
import { trace } from '../trace.js';
import { collectGarbage } from './collect-garbage.js';
import { runRenderTask, type PageJob, type RenderTask, type RenderTaskResult } from './render-task.js';
import { IN_PROCESS_BELOW } from './in-process.js';


/**
 * V8 grows a heap by a factor it takes from the heap's limit: up to 4× for the default limit of a
 * machine with several GB, about 1.6× for 512 MB. Left to the default, each worker's old generation
 * grew to 80–105 MB around 35–48 MB of live objects, and a build of the bundled site peaked at
 * 356–428 MB; limited, at 296–312 MB (75,000 pages: 289–320 MB against 370–436), in the same time.
 * The limit is no cap on a site: it stays ten times above what a worker was measured to hold, 14–20
 * times the site model's JSON and about 20 KB a code and language, whichever is more.
 * A smaller young generation than V8's default costs no measurable time either.
 */
export function workerHeapLimits(site: Site, siteJsonBytes: number): { maxYoungGenerationSizeMb: number; maxOldGenerationSizeMb: number } {
  const localizedCodes = site.languages.length * site.families.reduce((n, family) => n + family.codes.length, 0);
  const heldMb = Math.max((20 * siteJsonBytes) / 2 ** 20, (20 * localizedCodes) / 1024);
  return { maxYoungGenerationSizeMb: 12, maxOldGenerationSizeMb: Math.max(512, Math.ceil(10 * heldMb)) };
}

/** Stops the worker threads of the render running now, or started for one to come, if any: for an interrupted or failed build. */
export let stopWorkers: (() => Promise<void>) | undefined;

const WORKER_FILE = new URL('./render-worker.js', import.meta.url);

/** Loaded with the first pool: a build that renders in this thread (most after an edit, every small one) need not spend about 20 ms on it. */
const piscina = lazyModule<typeof import('piscina')>('piscina');

function makePool(site: Site, workers: number): Piscina {
  return new (piscina().Piscina)({
    filename: WORKER_FILE.href,
    workerData: { site },
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
    // Tasks start in the order given (by default, one the busy workers cannot take yet goes to the back of the queue).
    stricterFIFO: true,
    resourceLimits: workerHeapLimits(site, JSON.stringify(site).length),
  });
}

/** Worker threads started before their render (see startWorkers), not yet taken by it. */
let started: { readonly site: Site; readonly workers: number; readonly pool: Piscina } | undefined;

/**
 * Starts the worker threads of a render to come, when it will render `pages` pages, so that they
 * load (the renderer's modules, the site, the templates) while the build hashes its pages' inputs
 * on the other core: 0.74–0.88 s to the first batch against 1.12–1.32 s (four alternating clean builds
 * of the benchmark corpus on a RAM disk). The next renderPages of the same site takes them;
 * stopWorkers stops them if none comes.
 */
export function startWorkers(site: Site, workers: number, pages: number): void {
  if (workers <= 1 || pages < IN_PROCESS_BELOW || !existsSync(WORKER_FILE)) return;
  const pool = makePool(site, workers);
  started = { site, workers, pool };
  stopWorkers = async () => {
    started = undefined;
    stopWorkers = undefined;
    await pool.destroy();
  };
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The first jobs of a render, and what to do once they are written (the rest may still be rendering): it is given the hashes asked for so far. */
export interface FirstWritten {
  readonly jobs: number;
  readonly then: (hashes: Readonly<Record<string, string>>) => void;
}

export interface RenderOptions {
  /** Worker threads for many pages; 1 renders in this thread. */
  readonly workers: number;
  readonly onProgress?: (done: number) => void;
  readonly firstWritten?: FirstWritten;
  /** Fewer pages to render than this are rendered in this thread (IN_PROCESS_BELOW unless told). */
  readonly inProcessBelow?: number;
}

/** Renders the jobs, in this thread or on worker threads, in their order: the first `firstWritten.jobs` before any other. */
export async function renderPages(site: Site, task: Omit<RenderTask, 'jobs'>, jobs: readonly PageJob[], options: RenderOptions): Promise<RenderTaskResult> {
  const { workers, onProgress, firstWritten } = options;
  const head = firstWritten?.jobs ?? 0;
  const groups = [jobs.slice(0, head), jobs.slice(head)] as const;
  const total = { rendered: 0, reused: 0, hashes: {} as Record<string, string> };
  const add = (r: RenderTaskResult) => {
    total.rendered += r.rendered;
    total.reused += r.reused;
    Object.assign(total.hashes, r.hashes);
    onProgress?.(total.rendered + total.reused);
  };
  const prestarted = started;
  started = undefined;
  const fits = prestarted !== undefined && prestarted.site === site && prestarted.workers === workers;
  if (prestarted && !fits) await stopWorkers?.();
  // Run from TypeScript sources (as under vitest) there is no compiled worker: render here instead.
  if (workers <= 1 || jobs.filter((j) => !j.reuse && j.from === undefined).length < (options.inProcessBelow ?? IN_PROCESS_BELOW) || !existsSync(WORKER_FILE)) {
    if (fits) await stopWorkers?.();
    const renderer = rendererFor(site);
    const renderHere = async (group: readonly PageJob[]) => {
      // Small batches: a preview server rendering here answers its readers between them.
      for (const batch of batches(group, 50)) {
        add(runRenderTask(renderer, { ...task, jobs: batch }));
        // Let progress output and signals through between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await renderHere(groups[0]);
    firstWritten?.then(total.hashes);
    await renderHere(groups[1]);
    return total;
  }
  // What this thread holds while the workers render weighs on the peak: see collectGarbage.
  collectGarbage();
  trace('garbage collected');
  const pool = fits ? prestarted.pool : makePool(site, workers);
  let first = true;
  stopWorkers = () => pool.destroy();
  try {
    // Small enough batches that neither thread waits long for the other at the end.
    const size = Math.max(50, Math.ceil(jobs.length / (workers * 40)));
    const run = (batch: readonly PageJob[]) =>
      pool.run({ ...task, jobs: batch } satisfies RenderTask).then((r: RenderTaskResult) => {
        if (first) trace('workers: first batch done');
        first = false;
        add(r);
      });
    const firstBatches = Promise.all(batches(groups[0], size).map(run));
    const others = batches(groups[1], size).map(run);
    if (firstWritten) void firstBatches.then(() => firstWritten.then(total.hashes), () => undefined);
    await Promise.all([firstBatches, ...others]);
  } finally {
    stopWorkers = undefined;
    await pool.destroy();
  }
  return total;
}

/** The folders that hold page folders, one per language and one per family in it, for the pages given (a shard's may lack the home and family pages), relative to the output; each page makes its own. */
export function containerFolders(pages: readonly PageRef[]): string[] {
  const folders = new Set<string>();
  for (const page of pages) {
    if (page.kind === 'chooser' || page.kind === 'notFound') continue;
    folders.add(pageDir(page.kind === 'home' ? page : { kind: 'family', lang: page.lang, family: page.family }));
  }
  return [...folders];
}

/** Makes container folders (containerFolders) in `out`. */
export async function makeContainers(out: string, folders: readonly string[]): Promise<void> {
  for (const folder of folders) await fs.mkdir(path.join(out, folder), { recursive: true });
}
