import { spawn } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, promises as fs, readdirSync, type Stats } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { keptOutput, removeTree } from './output.js';
import { isRealFolder, lstatPath, markStaging, MARKER, readManifest, writeMarker } from './ownership.js';
import { processAlive } from './process-alive.js';

/**
 * A build starts from the output the build before it replaced, kept in the cache folder (see
 * createStaging): only the files whose inputs changed are written there. After a build that had
 * no earlier output there is none, and the next build made a whole folder tree of hard links to
 * the output before writing anything: 5,000 folders and 50,000 links for the benchmark's site,
 * most of the first edit's time. So after such a build the copy is made at once, in a process of
 * its own that the build does not wait for, and the next build finds it kept as if replaced.
 *
 * Smaller outputs are left to the next build: linking a few hundred files costs it little.
 */
export const COPY_FROM_FILES = 2000;

const COPY_MAIN = new URL('./kept-copy-main.js', import.meta.url);
const COPY = '.copy-';

/** The folder the copy of `out` is made in, beside the kept output: named after the process that asked for it. */
function copyFolder(out: string, owner: number): string {
  return `${keptOutput(out)}${COPY}${owner}`;
}

/** The copies of `out` under way, by the folders they are made in (their owners may have ended). */
export function copiesUnderWay(out: string): string[] {
  const kept = keptOutput(out);
  const prefix = `${path.basename(kept)}${COPY}`;
  let names: string[];
  try {
    names = readdirSync(path.dirname(kept));
  } catch {
    return [];
  }
  return names.filter((name) => name.startsWith(prefix)).map((name) => path.join(path.dirname(kept), name));
}

/** The process a copy's folder is named after: the build that made it, then the process making the copy. */
export function copyOwner(folder: string): number {
  return Number(folder.slice(folder.lastIndexOf(COPY) + COPY.length));
}

/**
 * Makes the copy of a just published output in a process of its own: its folder first, marked as
 * this tool's, so that whoever looks sees a copy under way. Nothing is started where the compiled
 * program is missing (run from TypeScript sources, as under vitest), nor without a cache folder.
 */
export async function copyOutputLater(out: string, files: number): Promise<void> {
  if (files < COPY_FROM_FILES || !existsSync(COPY_MAIN)) return;
  const kept = keptOutput(out);
  if (!(await isRealFolder(path.dirname(kept))) || (await lstatPath(kept)) !== undefined) return;
  const folder = copyFolder(out, process.pid);
  try {
    await fs.mkdir(folder);
    await markStaging(folder);
    const child = spawn(process.execPath, [fileURLToPath(COPY_MAIN), out, folder], { detached: true, stdio: 'ignore' });
    child.on('error', () => void removeTree(folder));
    child.unref();
  } catch {
    await removeTree(folder).catch(() => undefined);
  }
}

/** Who a marker file is: a build that replaces the output makes a new one. */
const identity = (stats: Stats | undefined | 'not-a-folder') => (typeof stats === 'object' ? `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}` : undefined);

/**
 * Links every file `out`'s manifest lists into the folder given (renamed after this process), then gives it the same manifest and
 * renames it to the kept output. Gives up, removing the folder, when the output was replaced
 * meanwhile (its links could mix two builds), when a kept output appeared meanwhile, or on any
 * error. Copies left by processes that ended are removed first. True when the copy was kept.
 */
export async function copyOutput(out: string, given: string): Promise<boolean> {
  // Named after this process from here on: the build that made the folder may have ended already.
  const folder = copyFolder(out, process.pid);
  if (given !== folder && !(await fs.rename(given, folder).then(() => true, () => false))) return false;
  for (const other of copiesUnderWay(out)) {
    const owner = copyOwner(other);
    if (other !== folder && Number.isInteger(owner) && !processAlive(owner)) await removeTree(other).catch(() => undefined);
  }
  const marker = path.join(out, MARKER);
  try {
    const before = identity(await lstatPath(marker));
    const manifest = await readManifest(out);
    if (before === undefined || manifest === undefined) throw new Error('no output to copy');
    const made = new Set<string>();
    for (const file of Object.keys(manifest.files)) {
      const dir = path.posix.dirname(file);
      if (dir !== '.' && !made.has(dir)) {
        mkdirSync(path.join(folder, dir), { recursive: true });
        made.add(dir);
      }
      linkSync(path.join(out, file), path.join(folder, file));
    }
    if (identity(await lstatPath(marker)) !== before) throw new Error('the output was replaced while it was copied');
    await writeMarker(folder, manifest);
    if ((await lstatPath(keptOutput(out))) !== undefined) throw new Error('an output is kept already');
    await fs.rename(folder, keptOutput(out));
    return true;
  } catch {
    await removeTree(folder).catch(() => undefined);
    return false;
  }
}
