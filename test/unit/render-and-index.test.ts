import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesHash } from '../../src/model/hash.js';
import { allPages, pageFile } from '../../src/model/pages.js';
import { searchPages } from '../../src/model/search.js';
import { validateProject } from '../../src/project.js';
import { containerFolders, makeContainers } from '../../src/write/render-pages.js';
import { renderAndIndex } from '../../src/write/render-and-index.js';
import { BASE, makeSite, makeTempDir } from '../support/site.js';

async function miniSite() {
  const root = makeSite({ fixture: 'mini', fromProject: ['templates', 'locales/en.json'] });
  const project = await validateProject({ root, baseUrl: BASE });
  const site = project.site!;
  const pages = allPages(site);
  const staging = makeTempDir('code-compare-staging-');
  mkdirSync(staging, { recursive: true });
  await makeContainers(staging, containerFolders(pages));
  const jobs = pages.map((page) => ({ page, file: pageFile(page), reuse: false, replace: false }));
  return { site, pages, staging, jobs, searchable: searchPages(site, pages) };
}

describe('rendering beside the search index', () => {
  it('starts the index once every searchable page is written, and finishes the other pages too', async () => {
    const { site, staging, jobs, searchable } = await miniSite();
    const searchableFiles = new Set(searchable.map((page) => page.file));
    expect(searchable.length).toBeGreaterThan(0);
    expect(jobs.length).toBeGreaterThan(searchable.length);
    let seenAtStart: { searchable: boolean[]; others: boolean[] } | undefined;
    const { rendered, search } = await renderAndIndex({
      site,
      task: { staging },
      jobs,
      workers: 1,
      searchable,
      index: async () => {
        const written = (file: string) => existsSync(path.join(staging, file));
        seenAtStart = { searchable: searchable.map((page) => written(page.file)), others: jobs.filter((job) => !searchableFiles.has(job.file)).map((job) => written(job.file)) };
        return 'made';
      },
    });
    expect(search).toBe('made');
    expect(seenAtStart!.searchable.every(Boolean)).toBe(true);
    // The index started before the rest was rendered: beside it, not after it.
    expect(seenAtStart!.others.some((written) => !written)).toBe(true);
    expect(rendered.rendered).toBe(jobs.length);
    expect(jobs.every((job) => existsSync(path.join(staging, job.file)))).toBe(true);
  });

  it('gives the index the hashes of the bytes of the searchable pages it rendered, as the files hold them', async () => {
    const { site, staging, jobs, searchable } = await miniSite();
    let given: Readonly<Record<string, string>> = {};
    const { rendered } = await renderAndIndex({
      site,
      task: { staging },
      jobs,
      workers: 1,
      searchable,
      index: async (written) => {
        given = { ...written };
        return 'made';
      },
    });
    expect(Object.keys(given).sort()).toEqual(searchable.map((page) => page.file).sort());
    for (const [file, hash] of Object.entries(given)) expect(hash, file).toBe(bytesHash(readFileSync(path.join(staging, file))));
    // Only those pages: the others' bytes are not hashed.
    expect(Object.keys(rendered.hashes).sort()).toEqual(Object.keys(given).sort());
  });

  it('waits for a failing index before it reports a failed render', async () => {
    const { site, staging, jobs, searchable } = await miniSite();
    let indexSettled = false;
    const broken = jobs.map((job, i) => (i === jobs.length - 1 ? { ...job, page: { ...job.page, kind: 'nonsense' } as unknown as typeof job.page } : job));
    const attempt = renderAndIndex({
      site,
      task: { staging },
      jobs: broken,
      workers: 1,
      searchable,
      index: () => new Promise<never>((_, reject) => setTimeout(() => {
        indexSettled = true;
        reject(new Error('indexer failed'));
      }, 200)),
    });
    await expect(attempt).rejects.toThrow();
    expect(indexSettled).toBe(true);
  });
});
