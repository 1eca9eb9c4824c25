import { spawn } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { keptOutput, removeTree } from './output.js';
import { isRealFolder, lstatPath, markerIdentity, markStaging, readManifest, writeMarker } from './ownership.js';
import { foldersNamedAfter, processAlive } from './process-alive.js';

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

/** A copy of an output under way: its folder, and the process it is named after (the build that made it, then the process making the copy). */
export interface CopyUnderWay {
  readonly folder: string;
  readonly owner: number;
}

/** The copies of `out` under way (their owners may have ended). */
export function copiesUnderWay(out: string): CopyUnderWay[] {
  const kept = keptOutput(out);
  return foldersNamedAfter(path.dirname(kept), `${path.basename(kept)}${COPY}`);
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
    if (other.folder !== folder && !processAlive(other.owner)) await removeTree(other.folder).catch(() => undefined);
  }
  try {
    const before = await markerIdentity(out);
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
    if ((await markerIdentity(out)) !== before) throw new Error('the output was replaced while it was copied');
    await writeMarker(folder, manifest);
    if ((await lstatPath(keptOutput(out))) !== undefined) throw new Error('an output is kept already');
    await fs.rename(folder, keptOutput(out));
    return true;
  } catch {
    await removeTree(folder).catch(() => undefined);
    return false;
  }
}
