import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allPages, pageFile } from '../../src/model/pages.js';
import { searchPages } from '../../src/model/search.js';
import { validateProject } from '../../src/project.js';
import type { PageJob } from '../../src/write/render-task.js';
import { BASE, makeSite, makeTempDir, REPO } from '../support/site.js';

// The compiled module: run from TypeScript sources there is no worker file, and every page renders in this thread.
const { makeContainers, renderPages } = (await import(pathToFileURL(path.join(REPO, 'lib/write/render-pages.js')).href)) as typeof import('../../src/write/render-pages.js');

/** `jobs` repeated until there are at least `count` (a page rendered again is written over). */
function atLeast(jobs: readonly PageJob[], count: number): PageJob[] {
  const out: PageJob[] = [];
  while (out.length < count) out.push(...jobs);
  return out;
}

describe('rendering on worker threads', () => {
  it('writes the first jobs before the others, in the order given', async () => {
    const root = makeSite({ fixture: 'mini', fromProject: ['templates', 'locales/en.json'] });
    const site = (await validateProject({ root, baseUrl: BASE })).site!;
    const pages = allPages(site);
    const staging = makeTempDir('code-compare-staging-');
    mkdirSync(staging, { recursive: true });
    await makeContainers(staging, pages);
    const searchable = new Set(searchPages(site, pages).map((page) => page.file));
    const jobs = pages.map((page) => ({ page, file: pageFile(page), reuse: false, replace: false }));
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
});
