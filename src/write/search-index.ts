import { readFileSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SearchPage } from '../model/search.js';
import type { Staging } from './output.js';

/** The output's folder for the search index, beside the pages. */
export const SEARCH_FOLDER = 'pagefind';

/** One file of the index, by its path under SEARCH_FOLDER. */
export interface SearchFile {
  readonly name: string;
  readonly content: Uint8Array;
}

/** Pagefind's ready-made interfaces: the site brings its own search box, so only the runtime and the indexes are published. */
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

/** Pages handed to the indexer at a time: it parses them on its own threads while the next are read. */
const BATCH = 32;

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

// Pagefind runs one service per process: indexes are made one after the other.
let queue: Promise<unknown> = Promise.resolve();
let running = false;

/** Stops an index being made (for a server shutting down): its promise is then rejected. */
export async function stopIndexing(): Promise<void> {
  if (running) await (await import('pagefind')).close();
}

/**
 * Indexes pages of `dir` with Pagefind, each into the index of its `<html lang>`, and returns the
 * files of the index in memory. Pagefind's service process is stopped afterwards.
 */
export function indexPages(dir: string, pages: readonly SearchPage[]): Promise<SearchFile[]> {
  const run = queue.then(() => makeIndex(dir, pages));
  queue = run.catch(() => undefined);
  return run;
}

async function makeIndex(dir: string, pages: readonly SearchPage[]): Promise<SearchFile[]> {
  const pagefind = await import('pagefind');
  running = true;
  try {
    const created = await pagefind.createIndex({}).catch((error: unknown) => ({ errors: [reason(error)], index: undefined }));
    const index = created.index;
    if (!index) throw new SearchIndexError(created.errors.join('; ') || 'no index');
    for (let start = 0; start < pages.length; start += BATCH) {
      const batch = pages.slice(start, start + BATCH);
      const contents = await Promise.all(batch.map((page) => fs.readFile(path.join(dir, page.file), 'utf8')));
      // Handed over in the pages' order, so the same pages make the same index.
      const added = await Promise.all(batch.map((page, i) => index.addHTMLFile({ url: page.url, content: contents[i]! }).catch((error: unknown) => ({ errors: [reason(error)] }))));
      const failed = added.findIndex((answer) => answer.errors.length > 0);
      if (failed >= 0) throw new SearchIndexError(`${batch[failed]!.file}: ${added[failed]!.errors.join('; ')}`);
    }
    const written = await index.getFiles().catch((error: unknown) => ({ errors: [reason(error)], files: [] }));
    if (written.errors.length > 0) throw new SearchIndexError(written.errors.join('; '));
    return written.files.filter((file) => !UNUSED.test(file.path)).map((file) => ({ name: file.path, content: file.content }));
  } finally {
    running = false;
    await pagefind.close();
  }
}

/** Writes the index into `out`/pagefind/, each file a new one; returns their paths under `out`. */
export async function writeSearchFiles(out: string, files: readonly SearchFile[]): Promise<string[]> {
  const names: string[] = [];
  // Sorted: Pagefind gives its files in no fixed order, and the manifest lists them as written.
  for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const name = `${SEARCH_FOLDER}/${file.name}`;
    const target = path.join(out, name);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, file.content, { flag: 'wx' });
    names.push(name);
  }
  return names;
}

/** A search index already made, in an earlier output, with the manifest that lists its files. */
export interface EarlierIndex {
  readonly dir: string;
  readonly files: Readonly<Record<string, string>>;
}

const indexFiles = (files: Readonly<Record<string, string>>) => Object.keys(files).filter((file) => file.startsWith(`${SEARCH_FOLDER}/`));

/**
 * Puts the search index in place when an earlier one was made from the same pages: kept when the
 * staging folder holds it, else hard-linked from the published output. Its files then join the
 * build's, and the answer is true. Otherwise the staging folder's index is removed (its files may
 * be links shared with the published output: removed, never written over), to be made anew.
 */
export async function reuseSearchIndex(staging: Staging, indexHash: string | undefined, files: Record<string, string>, published?: EarlierIndex): Promise<boolean> {
  const madeFrom = (list: Readonly<Record<string, string>>, names: readonly string[]) => indexHash !== undefined && names.length > 0 && names.every((file) => list[file] === indexHash);
  const held = indexFiles(staging.holds);
  if (madeFrom(staging.holds, held)) {
    for (const file of held) files[file] = indexHash!;
    return true;
  }
  const folder = path.join(staging.dir, SEARCH_FOLDER);
  await fs.rm(folder, { recursive: true, force: true });
  const linkable = published ? indexFiles(published.files) : [];
  if (!published || !madeFrom(published.files, linkable)) return false;
  try {
    for (const file of linkable) {
      await fs.mkdir(path.dirname(path.join(staging.dir, file)), { recursive: true });
      await fs.link(path.join(published.dir, file), path.join(staging.dir, file));
    }
  } catch {
    // Gone, or on another file system: made anew.
    await fs.rm(folder, { recursive: true, force: true });
    return false;
  }
  for (const file of linkable) files[file] = indexHash!;
  return true;
}
