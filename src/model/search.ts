import { isIndexable } from './indexing.js';
import { pageFile, type PageRef } from './pages.js';
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

/** A page of the index: its language and its file under the output folder (its address, to Pagefind, is that file's folder). */
export interface SearchPage {
  readonly lang: string;
  readonly file: string;
}

export function searchPages(site: Site, pages: readonly PageRef[]): SearchPage[] {
  return searchPageRefs(site, pages).map(({ lang, file }) => ({ lang, file }));
}

/** A page of the search index with the page it is. */
export type SearchRef = SearchPage & { readonly page: PageRef };

/** The pages of the index with the pages they are. */
export function searchPageRefs(site: Site, pages: readonly PageRef[]): SearchRef[] {
  const refs: SearchRef[] = [];
  if (!site.search) return refs;
  for (const page of pages) if ('lang' in page && isSearchable(site, page)) refs.push({ lang: page.lang, file: pageFile(page), page });
  return refs;
}

/** The pages of each language's index, in the order given: each language's index is made, and kept, on its own. */
export function byLanguage(pages: readonly SearchPage[]): Map<string, SearchPage[]> {
  const groups = new Map<string, SearchPage[]>();
  for (const page of pages) {
    const group = groups.get(page.lang);
    if (group) group.push(page);
    else groups.set(page.lang, [page]);
  }
  return groups;
}
