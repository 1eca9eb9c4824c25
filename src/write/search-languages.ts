import { availableParallelism } from 'node:os';
import { byLanguage, type SearchPage } from '../model/search.js';
import { ENTRY_FILE, mergeEntries, ownerOf, parseEntry, type EntryLanguage, type SearchEntry } from './search-entry.js';
import { runIndexer, type SearchFile } from './search-index.js';

/** One language's index as Pagefind made it: the entry file of that run (its language by Pagefind's key, `<html lang>` in lower case) and the files of the language. */
export interface LanguageIndex {
  readonly entry: SearchEntry;
  /** The language's own files, by name under the index's folder. */
  readonly own: readonly SearchFile[];
  /** The engine's files, the same for every language: its scripts and the stemmer-less wasm. */
  readonly engine: readonly SearchFile[];
}

function split(files: readonly SearchFile[]): LanguageIndex {
  const entryFile = files.find((file) => file.name === ENTRY_FILE);
  if (!entryFile) throw new Error(`the search index has no ${ENTRY_FILE}`);
  const entry = parseEntry(entryFile.content);
  const own: SearchFile[] = [];
  const engine: SearchFile[] = [];
  for (const file of files) if (file !== entryFile) (ownerOf(entry, file.name) === undefined ? engine : own).push(file);
  return { entry, own, engine };
}

/**
 * Makes the index of each group of pages (one language each), `parallel` at a time, the largest
 * first so that none is left alone at the end. Pagefind's program uses every core, but not all the
 * time: two at once on two cores took 4.4 s for the bundled site's ten languages, one at a time 5.3 s.
 */
export async function indexLanguages(dir: string, groups: readonly (readonly SearchPage[])[], options: { readonly parallel?: number; readonly background?: boolean } = {}): Promise<LanguageIndex[]> {
  const parallel = options.parallel ?? Math.min(2, availableParallelism());
  const order = groups.map((_, i) => i).sort((a, b) => groups[b]!.length - groups[a]!.length);
  const made: LanguageIndex[] = new Array(groups.length);
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (next < order.length && !failed) {
      const i = order[next++]!;
      made[i] = split(await runIndexer(dir, groups[i]!, options.background).catch((error: unknown) => {
        failed = true;
        throw error;
      }));
    }
  };
  // Every lane settled before a failure is reported: the caller removes the folder they work in.
  const lanes = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(parallel, groups.length)) }, lane));
  const failure = lanes.find((lane): lane is PromiseRejectedResult => lane.status === 'rejected');
  if (failure) throw failure.reason;
  return made;
}

/** The files of a whole index made of languages made separately: each language's own, the engine's once, one entry file. */
export function joinLanguages(made: readonly LanguageIndex[], kept: ReadonlyMap<string, EntryLanguage> = new Map(), base?: SearchEntry): SearchFile[] {
  const languages = new Map(kept);
  const files = new Map<string, SearchFile>();
  for (const index of made) {
    for (const [key, language] of Object.entries(index.entry.languages)) languages.set(key, language);
    for (const file of [...index.engine, ...index.own]) files.set(file.name, file);
  }
  const entryBase = made[0]?.entry ?? base;
  if (!entryBase) throw new Error('an index needs an entry file to start from');
  files.set(ENTRY_FILE, { name: ENTRY_FILE, content: Buffer.from(mergeEntries(entryBase, languages)) });
  return [...files.values()];
}

/**
 * The whole index of `pages` for the preview server, which keeps it in memory: each language made on
 * its own, then joined; at low priority, so that updates of the pages run first.
 */
export async function indexPages(dir: string, pages: readonly SearchPage[]): Promise<SearchFile[]> {
  const groups = [...byLanguage(pages).values()];
  return groups.length > 0 ? joinLanguages(await indexLanguages(dir, groups, { background: true })) : [];
}
