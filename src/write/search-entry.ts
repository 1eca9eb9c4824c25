/**
 * Pagefind's entry file and which of an index's files belong to which language. Pagefind indexes
 * each language on its own: the files of a language made alone are the bytes it makes for that
 * language among others, so an index can be put together from languages made at different times.
 */

/** The file a page's search script reads first: the version and, per language, its index. */
export const ENTRY_FILE = 'pagefind-entry.json';

/** One language in the entry file: the name of its index files, its stemmer (null without one), its pages. */
export interface EntryLanguage {
  readonly hash: string;
  readonly wasm: string | null;
  readonly page_count: number;
}

export interface SearchEntry {
  readonly version: string;
  readonly languages: Readonly<Record<string, EntryLanguage>>;
  readonly [other: string]: unknown;
}

export function parseEntry(bytes: Uint8Array | string): SearchEntry {
  const entry = JSON.parse(typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8')) as SearchEntry;
  if (typeof entry?.version !== 'string' || typeof entry.languages !== 'object' || entry.languages === null) throw new Error(`not a Pagefind entry file: ${String(bytes).slice(0, 80)}`);
  return entry;
}

/**
 * Whether a file of the index (its path under the index's folder) is one language's: its metadata,
 * its word and fragment chunks (named after the language's key), and its stemmer.
 */
export function belongsTo(key: string, language: EntryLanguage, name: string): boolean {
  if (name === `pagefind.${language.hash}.pf_meta`) return true;
  if (language.wasm !== null && name === `wasm.${language.wasm}.pagefind`) return true;
  const slash = name.indexOf('/');
  return slash > 0 && name.startsWith(`${key}_`, slash + 1);
}

/** The key of the language in `entry` that a file belongs to, or undefined for a file of the engine's (its script, its stemmer-less wasm). */
export function ownerOf(entry: SearchEntry, name: string): string | undefined {
  return Object.entries(entry.languages).find(([key, language]) => belongsTo(key, language, name))?.[0];
}

/**
 * The entry file for languages made separately: the version and settings of `base`, the languages
 * in Pagefind's order (by key), written as Pagefind writes it.
 */
export function mergeEntries(base: SearchEntry, languages: ReadonlyMap<string, EntryLanguage>): string {
  const keys = [...languages.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify({ ...base, languages: Object.fromEntries(keys.map((key) => [key, languages.get(key)!])) });
}
