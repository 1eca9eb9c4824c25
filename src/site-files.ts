import { pageModified } from './model/dates.js';
import { digest } from './model/hash.js';
import { indexableLanguages } from './model/indexing.js';
import type { InputHashes } from './model/inputs.js';
import { pageFile, type PageRef } from './model/pages.js';
import type { SearchPage } from './model/search.js';
import type { Site } from './model/types.js';
import { robotsTxt, sitemapFiles, sitemapNames, sitemapPages, urlsPerSitemap, type ChunkedFile } from './render/sitemap.js';
import { ownCode } from './tool-code.js';
import { searchEngineVersion } from './write/search-index.js';

/** Hash of what every page is made with: the templates, the assets and the renderer's own code. */
export function rendererHash(site: Site): string {
  return digest(ownCode(), JSON.stringify(site.templates), JSON.stringify(site.assets), JSON.stringify(site.binaryAssets), site.search ? 'search' : '');
}

/**
 * What the search index is made from, before any page is rendered: the indexer's version and
 * which pages it holds (their contents are in the pages' own hashes). Undefined with search off.
 */
export function searchInputsHash(site: Site, pages: readonly SearchPage[]): string | undefined {
  return site.search ? digest('search', searchEngineVersion(), ...pages.map((page) => page.file)) : undefined;
}

/**
 * Hashes of the files beside the pages, from their inputs, so a no-op build need not make them:
 * the sitemap depends on the pages and languages, robots.txt on the base URL.
 */
export function extraHashes(site: Site): Record<string, string> {
  const listed = sitemapPages(site);
  const structure = digest(ownCode(), site.baseUrl, JSON.stringify(site.languages), ...listed.map((page) => `${pageFile(page)} ${indexableLanguages(site, page).join()} ${pageModified(site, page) ?? ''}`));
  const hashes: Record<string, string> = { 'robots.txt': digest(ownCode(), site.baseUrl) };
  for (const name of sitemapNames(listed.length, urlsPerSitemap(site.languages.length, site.baseUrl))) hashes[name] = digest(name, structure);
  for (const [name, content] of Object.entries(site.assets)) hashes[`assets/${name}`] = digest(content);
  for (const [name, base64] of Object.entries(site.binaryAssets)) hashes[`assets/${name}`] = digest(base64);
  return hashes;
}

export function extraFiles(site: Site): ChunkedFile[] {
  const files: ChunkedFile[] = [...sitemapFiles(site), { name: 'robots.txt', chunks: () => [robotsTxt(site)] }];
  for (const [name, content] of Object.entries(site.assets)) files.push({ name: `assets/${name}`, chunks: () => [content] });
  for (const [name, base64] of Object.entries(site.binaryAssets)) files.push({ name: `assets/${name}`, chunks: () => [Buffer.from(base64, 'base64')] });
  return files;
}

/** What a build's output is made from: each file with the hash of its inputs (the pages in order, then the files beside them), and the hash of the whole. */
export interface OutputHashes {
  /** Made for the caller, which may add to it (the search index's files, once known). */
  readonly files: Record<string, string>;
  readonly build: string;
  /** Per language, what its pages are made from part by part (InputHashes.components), for the next build to compare. */
  readonly components: Record<string, Readonly<Record<string, string>>>;
}

/**
 * Hashes every page's inputs, a few milliseconds at a time: meanwhile the preview server answers
 * its readers, and a build that renders before the hashes are done hands its worker threads their
 * next batches. `known` holds hashes made already (the searchable pages', see write/index-first.ts);
 * `hashOf` gives the others, taken from an earlier build where it can (InputHashes.reusing).
 */
export async function hashOutput(site: Site, pages: readonly PageRef[], hashes: InputHashes, searchable: readonly SearchPage[], known: ReadonlyMap<string, string> = new Map(), hashOf = hashes.reusing(undefined), withExtras = true): Promise<OutputHashes> {
  const files: Record<string, string> = {};
  // What the build hash is made of: each file and its hash, in the table's order (the table as JSON, made for it alone, cost 25–60 ms more).
  const entries: string[] = [];
  for (const [index, page] of pages.entries()) {
    const file = pageFile(page);
    const hash = known.get(file) ?? hashOf(page, file);
    files[file] = hash;
    entries.push(`${file} ${hash}`);
    if (index % 250 === 249) await new Promise((resolve) => setImmediate(resolve));
  }
  // A shard's output has only pages: the files beside them depend on every page, and are the merge's.
  if (withExtras) {
    for (const [file, hash] of Object.entries(extraHashes(site))) {
      files[file] = hash;
      entries.push(`${file} ${hash}`);
    }
  }
  return { files, components: hashes.allComponents(), build: digest(searchInputsHash(site, searchable) ?? '', ...entries) };
}
