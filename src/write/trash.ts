import { spawn } from 'node:child_process';
import { promises as fs, renameSync, unlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import path from 'node:path';
import { foldersNamedAfter, processAlive } from './process-alive.js';

const TRASH = '.trash-';

/**
 * A new folder in `cache` for the files this build replaces in a kept output: moved there, not
 * removed. Removing the last link to a file written a build or two before waits until the kernel
 * has written that file to disk (on ext4, 1.7–1.8 s of a worker's 4.6 s when a label changed);
 * a rename does not wait. Folders left by builds that ended are emptied first.
 */
export async function makeTrash(cache: string, output: string): Promise<string> {
  for (const { folder, owner } of trashFolders(cache, output)) if (owner !== process.pid && !processAlive(owner)) emptyTrashLater(folder);
  // A new name for each build: an earlier build of this process (a test's, a preview's) may still have its trash being emptied.
  return fs.mkdtemp(path.join(cache, `${output}${TRASH}${process.pid}-`));
}

/** The trash folders of the output `output` in `cache`, with the process each is named after: the build, then the process emptying it. */
export function trashFolders(cache: string, output: string): Array<{ readonly folder: string; readonly owner: number }> {
  return foldersNamedAfter(cache, `${output}${TRASH}`);
}

/**
 * Moves `file` (the page `name`, `vi/smtp/550/index.html`) into the trash folder; a file already gone
 * is no error. Should the trash folder be gone, the file is removed here: it must not stay, since a
 * page is written as a new file and never over one (it may be a link shared with the published output).
 */
export function moveToTrash(file: string, trash: string, name: string): void {
  try {
    renameSync(file, path.join(trash, name.replaceAll('/', '%')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    removeFile(file);
  }
}

/** Removes a file; one already gone is no error. */
export function removeFile(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Removes a folder the build worked in: moved into the trash when there is one (a rename does not wait for the disk), else removed here. */
export async function discardFolder(folder: string, trash: string | undefined): Promise<void> {
  if (trash && (await fs.rename(folder, path.join(trash, path.basename(folder))).then(() => true, () => false))) return;
  await fs.rm(folder, { recursive: true, force: true });
}

/** A build's trash folder, `dist.trash-4242-a1B2c3`: what comes before the process it is named after, and after. */
const TRASH_NAME = /^(.*\.trash-)\d+(-[A-Za-z0-9]+)?$/;

/**
 * What the emptying process runs: it removes the folder named after it (`PREFIX<its pid>SUFFIX`),
 * or the folder given where the build could not rename it (or it has no such name).
 */
const EMPTY = `
const fs = require('node:fs'), path = require('node:path');
const [folder, prefix, suffix] = process.argv.slice(1);
const named = prefix ? path.join(path.dirname(folder), prefix + process.pid + suffix) : folder;
fs.rmSync(fs.existsSync(named) ? named : folder, { recursive: true, force: true });
`;

/**
 * Removes a trash folder in a process of its own, which the build does not wait for, at low
 * priority where the system allows it: a label step started right after the one before spent
 * 598 ms moving its 5,000 replaced pages into its trash (80 ms with nothing else running), its core
 * taken by the process emptying the trash of the step before. The build names a build's trash folder
 * after that process before it returns, so that a build starting meanwhile, which empties the trash
 * folders of builds that ended, sees it taken and starts no second process on it; the process itself
 * renames nothing (a folder renamed while someone removes the cache folder, a test's cleanup or an
 * `rm -rf`, makes that removal fail).
 */
export function emptyTrashLater(trash: string): void {
  const [, prefix = '', suffix = ''] = TRASH_NAME.exec(path.basename(trash)) ?? [];
  const child = spawn(process.execPath, ['-e', EMPTY, trash, prefix, suffix], { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  if (child.pid !== undefined) {
    try {
      setPriority(child.pid, constants.priority.PRIORITY_LOW);
    } catch {
      // not allowed here: it runs at the usual priority
    }
    if (prefix) {
      try {
        renameSync(trash, path.join(path.dirname(trash), `${prefix}${child.pid}${suffix}`));
      } catch {
        // gone already: the process finds nothing to remove
      }
    }
  }
  child.unref();
}
