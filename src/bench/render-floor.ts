import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { resolveBaseUrl } from '../cli/options.js';

interface RenderFloorTask {
  readonly renderFloorOf: string;
  readonly baseUrl: string;
  /** This thread renders the pages whose index modulo `threads` is `share`. */
  readonly share: number;
  readonly threads: number;
}

/** What a thread says: ready (site loaded, renderer made), then its share rendered. */
type ThreadMessage = { readonly ready: true } | { readonly pages: number; readonly characters: number };

export interface RenderFloor {
  readonly pages: number;
  readonly threads: number;
  /** Seconds from the threads being told to start, each with its site loaded, until the last was done: the render alone, nothing written. */
  readonly seconds: number;
  /** Characters of HTML rendered, to check the render made what a build makes. */
  readonly characters: number;
}

/**
 * The cost of rendering alone: every page of the project at `root` rendered in memory and dropped,
 * a share per thread, `threads` threads at once, each with the site loaded before the clock starts.
 * One thread gives the render's CPU time; one per core what this machine's cores really give at
 * once (two threads of a virtual machine may run at less than twice the speed of one).
 */
export async function renderFloor(root: string, threads = 1): Promise<RenderFloor> {
  const baseUrl = resolveBaseUrl(root, undefined);
  const workers = Array.from({ length: threads }, (_, share) => new Worker(new URL(import.meta.url), { workerData: { renderFloorOf: root, baseUrl, share, threads } satisfies RenderFloorTask }));
  const next = (worker: Worker) =>
    new Promise<ThreadMessage>((resolve, reject) => {
      const failed = (error: unknown) => reject(error instanceof Error ? error : new Error(`the render floor's thread exited (${String(error)}) before it reported`));
      worker.once('message', (message: ThreadMessage) => {
        worker.off('error', failed).off('exit', failed);
        resolve(message);
      });
      worker.once('error', failed).once('exit', failed);
    });
  try {
    await Promise.all(workers.map(next));
    const started = process.hrtime.bigint();
    const done = Promise.all(workers.map(next));
    for (const worker of workers) worker.postMessage('go');
    const shares = (await done) as Array<{ pages: number; characters: number }>;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { pages: shares.reduce((n, s) => n + s.pages, 0), threads, seconds, characters: shares.reduce((n, s) => n + s.characters, 0) };
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

async function renderShare({ renderFloorOf: root, baseUrl, share, threads }: RenderFloorTask): Promise<void> {
  const { validateProject } = await import('../project.js');
  const { allPages } = await import('../model/pages.js');
  const { rendererFor } = await import('../render/renderer.js');
  const { site } = await validateProject({ root, baseUrl });
  if (!site) throw new Error(`the project at ${root} does not validate: there is nothing to render`);
  const renderer = rendererFor(site);
  const pages = allPages(site).filter((_, index) => index % threads === share);
  parentPort!.once('message', () => {
    let characters = 0;
    for (const page of pages) characters += renderer.render(page).html.length;
    parentPort!.postMessage({ pages: pages.length, characters } satisfies ThreadMessage);
  });
  parentPort!.postMessage({ ready: true } satisfies ThreadMessage);
}

if (!isMainThread && typeof (workerData as Partial<RenderFloorTask> | undefined)?.renderFloorOf === 'string') await renderShare(workerData as RenderFloorTask);
