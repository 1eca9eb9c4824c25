import { isIndexable } from './indexing.js';
import { pageDir, pageFile, type PageRef } from './pages.js';
import type { Site } from './types.js';

/**
 * Whether a page's main content goes into the search index of its language. The same pages as
 * search engines are invited to index: a generated comparison would bury the written ones (every
 * code is on 40-odd of them, saying what its own page says), and a page whose content is not
 * translated would answer a search in Vietnamese with English text. The chooser and the 404 page
 * speak every language at once, so they belong to no language's index.
 */
export function isSearchable(site: Site, page: PageRef): boolean {
  return site.search && page.kind !== 'chooser' && page.kind !== 'notFound' && isIndexable(site, page);
}

/** A page of the index: its file under the output folder, and its address from the site's root as Pagefind gives it back. */
export interface SearchPage {
  readonly file: string;
  readonly url: string;
}

export function searchPages(site: Site, pages: readonly PageRef[]): SearchPage[] {
  return pages.filter((page) => isSearchable(site, page)).map((page) => ({ file: pageFile(page), url: `/${pageDir(page)}/` }));
}
