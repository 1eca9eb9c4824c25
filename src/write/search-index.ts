import { execFile, type ChildProcess } from 'node:child_process';
import { linkSync, mkdirSync, readFileSync, promises as fs } from 'node:fs';
import { constants, setPriority } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SearchPage } from '../model/search.js';
import { ENTRY_FILE } from './search-entry.js';
import { discardFolder } from './trash.js';

/** The output's folder for the search index, beside the pages. */
export const SEARCH_FOLDER = 'pagefind';

/** One file of the index, by its path under SEARCH_FOLDER. */
export interface SearchFile {
  readonly name: string;
  readonly content: Uint8Array;
}

/** Pagefind's ready-made interfaces: the site brings its own search box, so only the runtime and the indexes are published. */
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

let engineVersion: string | undefined;

/** The version of Pagefind, so a new one makes a new index. */
export function searchEngineVersion(): string {
  if (engineVersion === undefined) {
    const main = fileURLToPath(import.meta.resolve('pagefind'));
    engineVersion = (JSON.parse(readFileSync(path.join(path.dirname(main), '..', 'package.json'), 'utf8')) as { version: string }).version;
  }
  return engineVersion;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A failure of the indexer: not the project's fault, so the build stops as an internal error, with what to do about it. */
export class SearchIndexError extends Error {
  override name = 'SearchIndexError';

  constructor(detail: string) {
    super(`the search index could not be built (Pagefind): ${detail}; build with --no-search to publish without it`);
  }
}

const running = new Set<ChildProcess>();

/** Stops every index being made (for a server shutting down): their promises are then rejected. */
export function stopIndexing(): void {
  for (const child of running) child.kill();
}

/** Pagefind's program, as its package finds it (PAGEFIND_EXTENDED_BINARY_PATH overrides). */
async function indexer(): Promise<string> {
  const { resolveBinaryPath } = (await import(new URL('./resolveBinary.js', import.meta.resolve('pagefind')).href)) as { resolveBinaryPath(names: string[]): string };
  return resolveBinaryPath(['pagefind_extended', 'pagefind']);
}

/** Runs the indexer in `cwd`, without the caller's PAGEFIND_* settings (it would read them as its own). */
function runProgram(program: string, args: readonly string[], cwd: string, background: boolean): Promise<void> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PAGEFIND_')));
  return new Promise((resolve, reject) => {
    const child = execFile(program, args, { cwd, env, maxBuffer: 16 * 2 ** 20 }, (error, _stdout, stderr) => {
      running.delete(child);
      if (error) reject(new SearchIndexError(`${reason(error)}${stderr.trim() ? `: ${stderr.trim()}` : ''}`));
      else resolve();
    });
    running.add(child);
    // Below the process's own work (a preview's updates), where the system allows it.
    if (background && child.pid !== undefined) {
      try {
        setPriority(child.pid, constants.priority.PRIORITY_LOW);
      } catch {
        // not allowed here: it runs at the usual priority
      }
    }
  });
}

/** The files under `dir`, by their paths with `/`. */
async function treeNames(dir: string): Promise<string[]> {
  return (await fs.readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join('/'));
}

/** Where a file of the index was left by the indexer, to be moved into place rather than read and written again. */
export interface DiskFile {
  readonly name: string;
  readonly at: string;
}

export type IndexFile = SearchFile | DiskFile;

export interface IndexerOptions {
  /** At low priority, below the process's own work (a preview's updates). */
  readonly background?: boolean;
  /** A folder emptied after the build (see write/trash.ts): work folders are moved there instead of being removed, which takes 80–220 ms. */
  readonly trash?: string;
}

/**
 * Indexes pages of `dir` with Pagefind's program, each into the index of its `<html lang>`, into
 * `work`/index; the names of the files made there. The program indexes a folder, on several threads;
 * it is given one of links to the pages to index (inside `dir`, so links can be made), since picking
 * them out of the whole output with a glob would walk every folder.
 */
async function indexInto(work: string, dir: string, pages: readonly SearchPage[], background: boolean): Promise<string[]> {
  const program = await indexer().catch((error: unknown) => {
    throw new SearchIndexError(reason(error));
  });
  const site = path.join(work, 'site');
  // A few hundred folders, made here a slice at a time: 402 took 9–18 ms, through the thread pool one at a time 24–45.
  await inSlices([...new Set(pages.map((page) => path.posix.dirname(page.file)))], (folder) => mkdirSync(path.join(site, folder), { recursive: true }));
  const link = (page: SearchPage) => [path.join(dir, page.file), path.join(site, page.file)] as const;
  if (background) await inSlices(pages, (page) => linkSync(...link(page)));
  else await Promise.all(pages.map((page) => fs.link(...link(page))));
  await runProgram(program, ['--site', 'site', '--output-path', 'index', '--quiet'], work, background);
  return (await treeNames(path.join(work, 'index'))).filter((name) => !UNUSED.test(name));
}

/**
 * Runs `each` on the items in this thread, a slice at a time, letting other work through between
 * slices. For work in the background: a promise for each of thousands of files queues them all at
 * once in libuv's four shared threads, and a preview update's own reads waited behind them (saved
 * files took 300–600 ms to show while the preview's search index was being made, 150–250 otherwise).
 */
export async function inSlices<T, R>(items: readonly T[], each: (item: T) => R, size = 64): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const item of items.slice(i, i + size)) results.push(each(item));
  }
  return results;
}

/** The files of the index of `pages` (see indexInto), in memory. */
export async function runIndexer(dir: string, pages: readonly SearchPage[], options: IndexerOptions = {}): Promise<SearchFile[]> {
  const { files, work } = await runIndexerOnDisk(dir, pages, options);
  try {
    const read = (file: DiskFile) => ({ name: file.name, content: readFileSync(file.at) });
    if (options.background) return await inSlices(files, (file) => ('at' in file ? read(file) : file));
    return await Promise.all(files.map(async (file) => ('at' in file ? { name: file.name, content: await fs.readFile(file.at) } : file)));
  } finally {
    await discardFolder(work, options.trash);
  }
}

/**
 * The files of the index of `pages` (see indexInto) where the indexer left them, in a work folder
 * inside `dir` that the caller discards; only the entry file is read. For the benchmark corpus (ten
 * languages), reading the files and writing them again took about 0.8 s of a 3.6 s index.
 */
export async function runIndexerOnDisk(dir: string, pages: readonly SearchPage[], options: IndexerOptions = {}): Promise<{ readonly files: IndexFile[]; readonly work: string }> {
  const work = await fs.mkdtemp(path.join(dir, '.search-'));
  try {
    const names = await indexInto(work, dir, pages, options.background ?? false);
    const files = await Promise.all(names.map(async (name): Promise<IndexFile> => {
      const at = path.join(work, 'index', name);
      return name === ENTRY_FILE ? { name, content: await fs.readFile(at) } : { name, at };
    }));
    return { files, work };
  } catch (error) {
    await discardFolder(work, options.trash);
    throw error;
  }
}

/** Writes files of the index into `out`/pagefind/, each a new one; those left on disk by the indexer are moved there. */
export async function writeSearchFiles(out: string, files: readonly IndexFile[]): Promise<void> {
  const target = (file: IndexFile) => path.join(out, SEARCH_FOLDER, file.name);
  for (const folder of new Set(files.map((file) => path.dirname(target(file))))) mkdirSync(folder, { recursive: true });
  await Promise.all(files.map((file) => ('at' in file ? fs.rename(file.at, target(file)) : fs.writeFile(target(file), file.content, { flag: 'wx' }))));
}
