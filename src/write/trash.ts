import { spawn } from 'node:child_process';
import { promises as fs, renameSync, unlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import path from 'node:path';
import { ownerOf, processAlive } from './process-alive.js';

const TRASH = '.trash-';

/**
 * A new folder in `cache` for the files this build replaces in a kept output: moved there, not
 * removed. Removing the last link to a file written a build or two before waits until the kernel
 * has written that file to disk (on ext4, 1.7–1.8 s of a worker's 4.6 s when a label changed);
 * a rename does not wait. Folders left by builds that ended are emptied first.
 */
export async function makeTrash(cache: string, output: string): Promise<string> {
  const prefix = `${output}${TRASH}`;
  for (const name of await fs.readdir(cache).catch(() => [] as string[])) {
    const owner = ownerOf(name, prefix);
    if (owner !== undefined && owner !== process.pid && !processAlive(owner)) emptyTrashLater(path.join(cache, name));
  }
  // A new name for each build: an earlier build of this process (a test's, a preview's) may still have its trash being emptied.
  return fs.mkdtemp(path.join(cache, `${prefix}${process.pid}-`));
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

/** A build's trash folder: `dist.trash-4242-a1B2c3`, named after the process working in it. */
const TRASH_NAME = /^(.*\.trash-)\d+(-[A-Za-z0-9]+)?$/;

/**
 * What the emptying process runs. A build's trash folder is named after that process (by the build
 * that starts it, before it returns; else by the process itself), so that a build starting meanwhile,
 * which empties the trash folders of builds that ended, sees it taken and starts no second process on it.
 */
const EMPTY = `
const fs = require('node:fs'), path = require('node:path');
const folder = process.argv[1];
const named = new RegExp(process.argv[2]).exec(path.basename(folder));
let target = folder;
if (named) {
  target = path.join(path.dirname(folder), named[1] + process.pid + (named[2] || ''));
  if (!fs.existsSync(target)) {
    try { fs.renameSync(folder, target); } catch { process.exit(0); }
  }
}
fs.rmSync(target, { recursive: true, force: true });
`;

/**
 * Removes a trash folder in a process of its own, which the build does not wait for, at low
 * priority where the system allows it: on two cores, removing a label change's 5,000 replaced pages
 * beside the next build cost that build 0.3 s.
 */
export function emptyTrashLater(trash: string): void {
  const child = spawn(process.execPath, ['-e', EMPTY, trash, TRASH_NAME.source], { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  if (child.pid !== undefined) {
    try {
      setPriority(child.pid, constants.priority.PRIORITY_LOW);
    } catch {
      // not allowed here: it runs at the usual priority
    }
    // Renamed here, while the build runs, rather than by the process once started: a folder renamed
    // while someone removes the cache folder (a test's cleanup, an `rm -rf`) makes that removal fail.
    const named = TRASH_NAME.exec(path.basename(trash));
    if (named) {
      try {
        renameSync(trash, path.join(path.dirname(trash), `${named[1]}${child.pid}${named[2] ?? ''}`));
      } catch {
        // taken already, or gone
      }
    }
  }
  child.unref();
}
