import { promises as fs } from 'node:fs';
import path from 'node:path';
import { bytesHash, digest } from '../model/hash.js';
import { trace } from '../trace.js';
import { byLanguage, type SearchPage } from '../model/search.js';
import type { Staging } from './output.js';
import { recordTable, type FileTable } from './file-table.js';
import { ENTRY_FILE, parseEntry, type EntryLanguage, type SearchEntry } from './search-entry.js';
import { SEARCH_FOLDER, searchEngineVersion, writeSearchFiles } from './search-index.js';
import { indexLanguagesOnDisk, joinLanguages, type LanguageIndex } from './search-languages.js';

/** An earlier output and, from its manifest, the files it lists and the hashes of its searchable pages' bytes. */
export interface EarlierOutput {
  readonly dir: string;
  readonly files: Readonly<Record<string, string>>;
  readonly searched?: Readonly<Record<string, string>>;
}

/** What the search index is made of, part by part: each file of the index is listed in the manifest with the hash of its part. */
export interface SearchHashes {
  /** The whole index (its entry file): every language's part. */
  readonly whole: string;
  /** The indexer's own files: its version. */
  readonly engine: string;
  /** Each language's index, by the site's language tag: its pages, by the bytes written. */
  readonly languages: ReadonlyMap<string, { readonly hash: string; readonly pages: readonly SearchPage[] }>;
}

/**
 * Hashes of the index's parts from the pages as written, not from their inputs: a change to an
 * English text re-renders every language's page of the code, but the page of a language that has
 * its own translation comes out the same, and its index need not be made again. A page's bytes are
 * read and hashed unless `known` has them (a page made from the same inputs as an earlier one).
 */
export async function searchHashes(dir: string, pages: readonly SearchPage[], known: (file: string) => string | undefined = () => undefined): Promise<SearchHashes & { readonly pageHashes: Record<string, string> }> {
  const engine = digest('search engine', searchEngineVersion());
  const hashed = await Promise.all(pages.map(async (page) => known(page.file) ?? bytesHash(await fs.readFile(path.join(dir, page.file)))));
  const pageHashes = Object.fromEntries(pages.map((page, i) => [page.file, hashed[i]!]));
  const languages = new Map([...byLanguage(pages)].map(([lang, group]) => [lang, { hash: digest(engine, lang, ...group.map((page) => `${page.file} ${pageHashes[page.file]}`)), pages: group }]));
  return { whole: digest(engine, ...[...languages].map(([lang, { hash }]) => `${lang} ${hash}`)), engine, languages, pageHashes };
}

/** The search index a build made: what it says of it, the hashes of the pages' bytes and the index's files, for the manifest. */
export interface MadeSearchIndex {
  readonly summary: string;
  readonly searched: Record<string, string>;
  /** Each file of the index with the hash of its part, by name. */
  readonly files: Record<string, string>;
}

/**
 * Makes the build's search index in the staging folder once the searchable pages are written
 * there: hashes them (those just rendered were hashed as they were written: `written`), keeps what
 * it can, indexes the rest. `inputs` gives a page's input hash, where the build has it: a page an
 * earlier output holds from the same inputs has the bytes hashed then.
 */
export async function makeSearchIndex(staging: Staging, pages: readonly SearchPage[], inputs: (file: string) => string | undefined, published?: EarlierOutput, written: Readonly<Record<string, string>> = {}): Promise<MadeSearchIndex> {
  // Equal inputs make equal bytes: a page as the staging folder or the published output holds it is as hashed then.
  const sameAs = (earlier: string | undefined, file: string) => earlier !== undefined && earlier === inputs(file);
  const known = (file: string) => written[file] ?? (sameAs(staging.holds.get(file), file) ? staging.searched?.[file] : sameAs(published?.files[file], file) ? published?.searched?.[file] : undefined);
  const hashes = await searchHashes(staging.dir, pages, known);
  trace('search index: pages hashed');
  const plan = await planSearchIndex(staging, hashes, published);
  const groups = [...plan.toIndex.values()];
  const { made, release } = await indexLanguagesOnDisk(staging.dir, groups, { trash: staging.trash });
  let files: Record<string, string>;
  try {
    files = await plan.finish(made);
  } finally {
    await release();
  }
  return { summary: `${groups.reduce((n, group) => n + group.length, 0)} pages in ${groups.length} ${groups.length === 1 ? 'language' : 'languages'}`, searched: hashes.pageHashes, files };
}

/** Where a part of the index made earlier is: the files under `dir` listed with the part's hash. */
interface Found {
  readonly hash: string;
  readonly dir: string;
  readonly names: readonly string[];
  readonly inStaging: boolean;
}

/** What a build does with the search index: the parts it keeps, the languages it has Pagefind make again. */
export interface SearchPlan {
  /** The pages of each language to index again, by the site's language tag. */
  readonly toIndex: ReadonlyMap<string, readonly SearchPage[]>;
  /** Writes what was made (one index per entry of `toIndex`, in its order) beside what was kept; gives every file of the index with the hash of its part, by name. */
  finish(made: readonly LanguageIndex[]): Promise<Record<string, string>>;
}

/** The index's files of a manifest's table by the hash they are listed with. */
function indexFilesByHash(table: FileTable): Map<string, string[]> {
  const byHash = new Map<string, string[]>();
  const prefix = `${SEARCH_FOLDER}/`;
  for (const file of table.files()) {
    if (!file.startsWith(prefix)) continue;
    const hash = table.get(file)!;
    const names = byHash.get(hash);
    if (names) names.push(file);
    else byHash.set(hash, [file]);
  }
  return byHash;
}

async function readEntry(dir: string): Promise<SearchEntry | undefined> {
  try {
    return parseEntry(await fs.readFile(path.join(dir, SEARCH_FOLDER, ENTRY_FILE)));
  } catch {
    return undefined;
  }
}

/** The entry file's line for a language kept from an earlier index: the one whose metadata file is among its files. */
function keptLine(entry: SearchEntry | undefined, names: readonly string[]): [string, EntryLanguage] | undefined {
  return Object.entries(entry?.languages ?? {}).find(([, language]) => names.includes(`${SEARCH_FOLDER}/pagefind.${language.hash}.pf_meta`));
}

/**
 * Plans the search index of a build. Pagefind cannot update an index, but it makes each language's
 * on its own: a language whose searchable pages are all unchanged keeps its files, held by the
 * staging folder or hard-linked from the published output, and only the others are indexed again.
 * Files of the staging folder's index that are not kept are removed first (they may be links
 * shared with the published output: removed, never written over).
 */
export async function planSearchIndex(staging: Staging, hashes: SearchHashes, published?: EarlierOutput): Promise<SearchPlan> {
  const entries = new Map<string, Promise<SearchEntry | undefined>>();
  const entryOf = (dir: string) => entries.get(dir) ?? entries.set(dir, readEntry(dir)).get(dir)!;
  const heldByHash = indexFilesByHash(staging.holds);
  const linkableByHash = published ? indexFilesByHash(recordTable(published.files)) : new Map<string, string[]>();
  const find = (hash: string): Found | undefined => {
    const held = heldByHash.get(hash);
    if (held) return { hash, dir: staging.dir, names: held, inStaging: true };
    const linkable = linkableByHash.get(hash);
    return linkable ? { hash, dir: published!.dir, names: linkable, inStaging: false } : undefined;
  };

  const candidates = new Map<string, { found: Found; line: [string, EntryLanguage]; entry: SearchEntry }>();
  const toIndex = new Map<string, readonly SearchPage[]>();
  for (const [lang, { hash }] of hashes.languages) {
    const found = find(hash);
    const entry = found && (await entryOf(found.dir));
    const line = found && keptLine(entry, found.names);
    if (line) candidates.set(lang, { found: found!, line, entry: entry! });
  }
  // The engine's files come with any language indexed: kept only when every language is. The
  // entry file is never kept: it is written from the languages' lines, as Pagefind writes it.
  const engine = candidates.size === hashes.languages.size ? find(hashes.engine) : undefined;

  const parts = [...candidates.values()].map((candidate) => candidate.found);
  if (engine) parts.push(engine);
  const heldParts = new Set(parts.filter((found) => found.inStaging).flatMap((found) => found.names));
  const remove = (names: readonly string[]) => Promise.all(names.map((name) => fs.rm(path.join(staging.dir, name), { force: true })));
  await remove([...heldByHash.values()].flat().filter((file) => !heldParts.has(file)));
  // A file of the published output may be gone: its part is then made again.
  const taken = async (found: Found) => found.inStaging || (await linkInto(staging.dir, found));

  const keptLanguages = new Map<string, EntryLanguage>();
  // Each kept file with the hash of the part it was kept as: a file of the same name in the other output may be listed with another.
  const kept = new Map<string, string>();
  const keep = (found: Found) => {
    for (const name of found.names) kept.set(name, found.hash);
  };
  let base: SearchEntry | undefined;
  for (const [lang, { pages }] of hashes.languages) {
    const candidate = candidates.get(lang);
    if (candidate && (await taken(candidate.found))) {
      keptLanguages.set(...candidate.line);
      keep(candidate.found);
      base ??= candidate.entry;
    } else {
      toIndex.set(lang, pages);
    }
  }
  const engineKept = engine !== undefined && toIndex.size === 0 && (await taken(engine));
  if (engineKept) keep(engine);
  else if (engine?.inStaging) await remove(engine.names);
  // No engine files to keep (an earlier output lost them): one language made again brings them.
  const [first] = hashes.languages;
  if (toIndex.size === 0 && first && !engineKept) toIndex.set(first[0], first[1].pages);

  return {
    toIndex,
    async finish(made) {
      // No searchable page, no index: Pagefind makes none of nothing.
      if (hashes.languages.size === 0) return {};
      const langs = [...toIndex.keys()];
      const listed = new Map(kept);
      made.forEach((index, i) => {
        for (const file of index.own) listed.set(`${SEARCH_FOLDER}/${file.name}`, hashes.languages.get(langs[i]!)!.hash);
      });
      const fresh = joinLanguages(made, keptLanguages, base).filter((file) => !kept.has(`${SEARCH_FOLDER}/${file.name}`));
      await writeSearchFiles(staging.dir, fresh);
      for (const file of fresh) {
        const name = `${SEARCH_FOLDER}/${file.name}`;
        if (!listed.has(name)) listed.set(name, file.name === ENTRY_FILE ? hashes.whole : hashes.engine);
      }
      // By name: as a clean build lists them, whatever was kept.
      return Object.fromEntries([...listed.keys()].sort().map((name) => [name, listed.get(name)!]));
    },
  };
}

/** Hard-links an earlier output's files into the staging folder (beside it, on the same file system); false, and none linked, if one is gone. */
async function linkInto(staging: string, found: Found): Promise<boolean> {
  try {
    for (const folder of new Set(found.names.map((name) => path.dirname(path.join(staging, name))))) await fs.mkdir(folder, { recursive: true });
    // Settled, all of them, before any is removed again.
    const linked = await Promise.allSettled(found.names.map((name) => fs.link(path.join(found.dir, name), path.join(staging, name))));
    if (linked.some((link) => link.status === 'rejected')) throw new Error('gone');
    return true;
  } catch {
    await Promise.all(found.names.map((name) => fs.rm(path.join(staging, name), { force: true })));
    return false;
  }
}
