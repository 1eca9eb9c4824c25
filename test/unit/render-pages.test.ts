import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { allPages, pageFile } from '../../src/model/pages.js';
import { searchPages } from '../../src/model/search.js';
import { validateProject } from '../../src/project.js';
import type { PageJob } from '../../src/write/render-task.js';
import { IN_PROCESS_BELOW } from '../../src/write/in-process.js';
import { BASE, makeSite, makeTempDir, REPO } from '../support/site.js';

// The compiled module: run from TypeScript sources there is no worker file, and every page renders in this thread.
const lib = (await import(pathToFileURL(path.join(REPO, 'lib/write/render-pages.js')).href)) as typeof import('../../src/write/render-pages.js');
const { containerFolders, makeContainers, renderPages, startWorkers } = lib;

/** `jobs` repeated until there are at least `count` (a page rendered again is written over). */
function atLeast(jobs: readonly PageJob[], count: number): PageJob[] {
  const out: PageJob[] = [];
  while (out.length < count) out.push(...jobs);
  return out;
}

async function miniSite() {
  const root = makeSite({ fixture: 'mini', fromProject: ['templates', 'locales/en.json'] });
  const site = (await validateProject({ root, baseUrl: BASE })).site!;
  const pages = allPages(site);
  const staging = makeTempDir('code-compare-staging-');
  mkdirSync(staging, { recursive: true });
  await makeContainers(staging, containerFolders(pages));
  const jobs: PageJob[] = pages.map((page) => ({ page, file: pageFile(page), reuse: false, replace: false }));
  return { site, pages, staging, jobs };
}

/** Counts the worker threads this process makes from now on, and those of them still running. */
function watchThreads() {
  let made = 0;
  let exited = 0;
  const onWorker = (worker: Worker) => {
    made++;
    worker.once('exit', () => exited++);
  };
  process.on('worker', onWorker);
  return { made: () => made, running: () => made - exited, stop: () => process.off('worker', onWorker) };
}

/** A turn of the event loop: a new thread is announced on the next tick. */
const aTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('rendering on worker threads', () => {
  it('writes the first jobs before the others, in the order given', async () => {
    const { site, pages, staging, jobs } = await miniSite();
    const searchable = new Set(searchPages(site, pages).map((page) => page.file));
    // Batches of 50: the first group takes at least four, the rest at least ten more.
    const first = atLeast(jobs.filter((job) => searchable.has(job.file)), 200);
    const rest = atLeast(jobs.filter((job) => !searchable.has(job.file)), 500);
    let done = 0;
    let seen: { done: number; firstWritten: boolean } | undefined;
    const result = await renderPages(site, { staging }, [...first, ...rest], {
      workers: 2,
      inProcessBelow: 0,
      onProgress: (count) => (done = count),
      firstWritten: { jobs: first.length, then: () => (seen = { done, firstWritten: first.every((job) => existsSync(path.join(staging, job.file))) }) },
    });
    expect(result.rendered).toBe(first.length + rest.length);
    expect(seen?.firstWritten).toBe(true);
    // Told once the first group was written, while most of the rest was still to render; a queue
    // that sent a batch the busy threads could not take to its back told it only at the end.
    expect(seen!.done).toBeLessThanOrEqual(first.length + 150);
  });

  it('writes the same bytes on worker threads as in this thread', async () => {
    const { site, staging, jobs } = await miniSite();
    const here = makeTempDir('code-compare-staging-');
    mkdirSync(here, { recursive: true });
    await makeContainers(here, containerFolders(allPages(site)));
    await renderPages(site, { staging }, jobs, { workers: 2, inProcessBelow: 0 });
    await renderPages(site, { staging: here }, jobs, { workers: 1 });
    expect(jobs.length).toBeGreaterThan(10);
    for (const job of jobs) expect(readFileSync(path.join(staging, job.file), 'utf8'), job.file).toBe(readFileSync(path.join(here, job.file), 'utf8'));
  });

  it('takes the worker threads started before it, and leaves none running', async () => {
    const { site, staging, jobs } = await miniSite();
    const threads = watchThreads();
    startWorkers(site, 2, 50_000);
    await aTurn();
    expect(threads.made()).toBe(2);
    const result = await renderPages(site, { staging }, jobs, { workers: 2, inProcessBelow: 0 });
    threads.stop();
    expect(result.rendered).toBe(jobs.length);
    expect(jobs.every((job) => existsSync(path.join(staging, job.file)))).toBe(true);
    // The render made no threads of its own, and stopped those it took.
    expect(threads.made()).toBe(2);
    expect(threads.running()).toBe(0);
    expect(lib.stopWorkers).toBeUndefined();
  });

  it('stops the worker threads started before it when it renders in this thread', async () => {
    const { site, staging, jobs } = await miniSite();
    const threads = watchThreads();
    startWorkers(site, 2, 50_000);
    const result = await renderPages(site, { staging }, jobs, { workers: 2 });
    threads.stop();
    expect(result.rendered).toBe(jobs.length);
    expect(threads.made()).toBe(2);
    expect(threads.running()).toBe(0);
    expect(lib.stopWorkers).toBeUndefined();
  });

  it('starts none for fewer pages than are worth a thread, or for one thread', async () => {
    const { site } = await miniSite();
    const threads = watchThreads();
    startWorkers(site, 2, IN_PROCESS_BELOW - 1);
    startWorkers(site, 1, 50_000);
    await aTurn();
    expect(threads.made()).toBe(0);
    expect(lib.stopWorkers).toBeUndefined();
    // What a failed build does with threads started for a render that never came.
    startWorkers(site, 2, 50_000);
    await aTurn();
    expect(threads.made()).toBe(2);
    await lib.stopWorkers!();
    threads.stop();
    expect(threads.running()).toBe(0);
    expect(lib.stopWorkers).toBeUndefined();
  });
});
