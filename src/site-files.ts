import { pageModified } from './model/dates.js';
import { digest } from './model/hash.js';
import { indexableLanguages } from './model/indexing.js';
import { pageFile } from './model/pages.js';
import { byLanguage, type SearchPage } from './model/search.js';
import type { Site } from './model/types.js';
import { robotsTxt, sitemapFiles, sitemapNames, sitemapPages, urlsPerSitemap, type ChunkedFile } from './render/sitemap.js';
import { ownCode } from './tool-code.js';
import { searchEngineVersion } from './write/search-index.js';

/** Hash of what every page is made with: the templates, the assets and the renderer's own code. */
export function rendererHash(site: Site): string {
  return digest(ownCode(), JSON.stringify(site.templates), JSON.stringify(site.assets), JSON.stringify(site.binaryAssets), site.search ? 'search' : '');
}

/** What the search index is made from, part by part: each file of the index is listed in the manifest with the hash of its part. */
export interface SearchHashes {
  /** The whole index (its entry file): every language's part. */
  readonly whole: string;
  /** The indexer's own files: its version. */
  readonly engine: string;
  /** Each language's index, by the site's language tag: the files of its pages, by the hashes of their inputs. */
  readonly languages: ReadonlyMap<string, { readonly hash: string; readonly pages: readonly SearchPage[] }>;
}

/** Undefined with search off. The page hashes already hold the tool's code; the indexer's version is added. */
export function searchHashes(site: Site, pages: readonly SearchPage[], files: Readonly<Record<string, string>>): SearchHashes | undefined {
  if (!site.search) return undefined;
  const engine = digest('search engine', searchEngineVersion());
  const languages = new Map([...byLanguage(pages)].map(([lang, group]) => [lang, { hash: digest(engine, lang, ...group.map((page) => `${page.file} ${files[page.file]}`)), pages: group }]));
  return { whole: digest(engine, ...[...languages].map(([lang, { hash }]) => `${lang} ${hash}`)), engine, languages };
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

