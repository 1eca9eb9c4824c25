import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Pagefind's pagefind-entry.json: its indexes by language. */
export interface SearchEntry {
  readonly version: string;
  readonly languages: Readonly<Record<string, { readonly hash: string; readonly page_count: number }>>;
}

/** One page as Pagefind stored it for excerpts: the text it indexed and the page's address. */
export interface IndexedPage {
  readonly language: string;
  readonly url: string;
  readonly content: string;
  readonly title: string;
}

export function readSearchEntry(dist: string): SearchEntry {
  return JSON.parse(readFileSync(path.join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as SearchEntry;
}

/** Every page of the index, read back from its fragment file (gzip, a signature, then JSON). */
export function readIndexedPages(dist: string): IndexedPage[] {
  const folder = path.join(dist, 'pagefind/fragment');
  if (!existsSync(folder)) return [];
  return readdirSync(folder).map((name) => {
    const raw = gunzipSync(readFileSync(path.join(folder, name))).toString('utf8');
    const fragment = JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string; content: string; meta: { title?: string } };
    return { language: name.slice(0, name.indexOf('_')), url: fragment.url, content: fragment.content, title: fragment.meta.title ?? '' };
  }).sort((a, b) => a.url.localeCompare(b.url));
}
