import { execFile, type ChildProcess } from 'node:child_process';
import { readFileSync, promises as fs } from 'node:fs';
import { constants, setPriority } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SearchPage } from '../model/search.js';

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

async function readTree(dir: string): Promise<SearchFile[]> {
  const names = (await fs.readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join('/'));
  return Promise.all(names.map(async (name) => ({ name, content: await fs.readFile(path.join(dir, name)) })));
}

/**
 * Indexes pages of `dir` with Pagefind's program, each into the index of its `<html lang>`, and
 * returns the files of the index in memory. The program indexes a folder, on several threads; it is
 * given one of links to the pages to index (inside `dir`, so links can be made), since picking them
 * out of the whole output with a glob would read every page.
 */
export async function runIndexer(dir: string, pages: readonly SearchPage[], background = false): Promise<SearchFile[]> {
  const program = await indexer().catch((error: unknown) => {
    throw new SearchIndexError(reason(error));
  });
  const work = await fs.mkdtemp(path.join(dir, '.search-'));
  try {
    const site = path.join(work, 'site');
    await fs.mkdir(site);
    const folders = new Set(pages.map((page) => path.posix.dirname(page.file)));
    for (const folder of folders) await fs.mkdir(path.join(site, folder), { recursive: true });
    await Promise.all(pages.map((page) => fs.link(path.join(dir, page.file), path.join(site, page.file))));
    await runProgram(program, ['--site', 'site', '--output-path', 'index', '--quiet'], work, background);
    return (await readTree(path.join(work, 'index'))).filter((file) => !UNUSED.test(file.name));
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

/** Writes files of the index into `out`/pagefind/, each a new one. */
export async function writeSearchFiles(out: string, files: readonly SearchFile[]): Promise<void> {
  const target = (file: SearchFile) => path.join(out, SEARCH_FOLDER, file.name);
  for (const folder of new Set(files.map((file) => path.dirname(target(file))))) await fs.mkdir(folder, { recursive: true });
  await Promise.all(files.map((file) => fs.writeFile(target(file), file.content, { flag: 'wx' })));
}
