import { promises as fs } from 'node:fs';
import path from 'node:path';
import { discardFolder, emptyTrashLater } from './trash.js';
import type { SearchPage } from '../model/search.js';
import { belongsTo, ENTRY_FILE, mergeEntries, ownerOf, parseEntry, type EntryLanguage, type SearchEntry } from './search-entry.js';
import { runIndexer, runIndexerOnDisk, type IndexFile, type IndexerOptions, type SearchFile } from './search-index.js';

/** An index as Pagefind made it, of one language or several: the entry file of that run (its languages by Pagefind's key, `<html lang>` in lower case), the languages' own files, the engine's. */
export interface LanguageIndex<F extends IndexFile = IndexFile> {
  readonly entry: SearchEntry;
  /** The languages' own files, by name under the index's folder. */
  readonly own: readonly F[];
  /** The engine's files, the same for every language: its scripts and the stemmer-less wasm. */
  readonly engine: readonly F[];
}

/** The files of one run of the indexer, as one index: its entry file, the files of its languages, the engine's. */
export function indexFromFiles<F extends IndexFile>(files: readonly F[]): LanguageIndex<F> {
  const entryFile = files.find((file) => file.name === ENTRY_FILE);
  if (!entryFile || !('content' in entryFile)) throw new Error(`the search index has no ${ENTRY_FILE}`);
  const entry = parseEntry(entryFile.content);
  const own: F[] = [];
  const engine: F[] = [];
  for (const file of files) if (file !== entryFile) (ownerOf(entry, file.name) === undefined ? engine : own).push(file);
  return { entry, own, engine };
}

/**
 * An index of several languages made in one run, as the index of each group (one language each, in
 * their order): the entry file's line of its language, the files that are its own, the engine's. A
 * group Pagefind found nothing to index in has no line and no files, as when it is made alone.
 */
export function languagesOf<F extends IndexFile>(whole: LanguageIndex<F>, groups: readonly (readonly SearchPage[])[]): LanguageIndex<F>[] {
  return groups.map((pages) => {
    // Pagefind's key for a language is its `<html lang>` in lower case.
    const key = pages[0]?.lang.toLowerCase();
    const language = key === undefined ? undefined : whole.entry.languages[key];
    if (key === undefined || language === undefined) return { entry: { ...whole.entry, languages: {} }, own: [], engine: whole.engine };
    return { entry: { ...whole.entry, languages: { [key]: language } }, own: whole.own.filter((file) => belongsTo(key, language, file.name)), engine: whole.engine };
  });
}

/**
 * The index of each group of pages, left where the indexer made it, and how to discard what is not
 * moved out of there. The groups are indexed in one run of Pagefind, which makes each language's
 * files as it makes them alone (search-entry.ts): ten runs of one language each took 3.6 s of CPU
 * for the benchmark corpus's 1,824 searchable pages, one run of all 2.9 s.
 */
export async function indexLanguagesOnDisk(dir: string, groups: readonly (readonly SearchPage[])[], options: IndexerOptions = {}): Promise<{ readonly made: LanguageIndex[]; release(): Promise<void> }> {
  // Pagefind fails on no page at all: nothing to index, nothing made.
  if (groups.length === 0) return { made: [], release: async () => undefined };
  const { files, work } = await runIndexerOnDisk(dir, groups.flat(), options);
  const release = () => discardFolder(work, options.trash);
  try {
    return { made: languagesOf(indexFromFiles(files), groups), release };
  } catch (error) {
    await release();
    throw error;
  }
}

/** The files of a whole index made of languages made apart or split from one run (languagesOf): each language's own, the engine's once, one entry file. */
export function joinLanguages<F extends IndexFile>(made: readonly LanguageIndex<F>[], kept: ReadonlyMap<string, EntryLanguage> = new Map(), base?: SearchEntry): (F | SearchFile)[] {
  const languages = new Map(kept);
  const files = new Map<string, F | SearchFile>();
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
 * The whole index of `pages` for the preview server, which keeps it in memory: made in one run (as
 * the build makes it), at low priority, so that updates of the pages run first. The indexer's work
 * folders are removed by a process of their own: removing their thousands of files here queued
 * as many requests in libuv's shared threads, before those of the preview's next update.
 */
export async function indexPages(dir: string, pages: readonly SearchPage[]): Promise<SearchFile[]> {
  if (pages.length === 0) return [];
  const trash = await fs.mkdtemp(path.join(dir, '.search-trash-'));
  try {
    return await runIndexer(dir, pages, { background: true, trash });
  } finally {
    emptyTrashLater(trash);
  }
}
