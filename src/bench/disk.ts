import { readFileSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** The file system a benchmark writes to, as far as Linux tells (`/proc/mounts`). */
export interface Disk {
  readonly mount: string;
  readonly device: string;
  readonly type: string;
  /** For ext4 only: whether it has a journal (jbd2 lists it under /proc/fs/jbd2). */
  readonly journal?: boolean;
}

/** One line of /proc/mounts: device, mount point (spaces written as \040), type, … */
const unescape = (field: string) => field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));

/** The mount holding `dir` (the longest mount point above it), from the text of /proc/mounts. */
export function mountOf(dir: string, mounts: string): Omit<Disk, 'journal'> | undefined {
  let best: Omit<Disk, 'journal'> | undefined;
  for (const line of mounts.split('\n')) {
    const [device, point, type] = line.split(' ').map(unescape);
    if (!device || !point || !type) continue;
    const inside = dir === point || dir.startsWith(point.endsWith('/') ? point : `${point}/`);
    if (inside && (!best || point.length > best.mount.length)) best = { mount: point, device, type };
  }
  return best;
}

/** Whether jbd2 keeps a journal for `device` (its folders are named after the device: `vda-8`, `loop0-8`). */
export function hasJournal(device: string, journals: readonly string[]): boolean {
  const name = path.basename(device);
  return journals.some((entry) => entry.startsWith(`${name}-`));
}

/** The disk under `dir`; undefined where /proc does not say (not Linux). */
export function describeDisk(dir: string): Disk | undefined {
  try {
    const mount = mountOf(realpathSync(dir), readFileSync('/proc/mounts', 'utf8'));
    if (!mount) return undefined;
    if (mount.type !== 'ext4') return mount;
    let journals: string[] = [];
    try {
      journals = readdirSync('/proc/fs/jbd2');
    } catch {
      // no journal anywhere on this machine
    }
    return { ...mount, journal: hasJournal(mount.device, journals) };
  } catch {
    return undefined;
  }
}

/**
 * What the benchmark says about the disk. ext4 without a journal does not give a new file an inode
 * freed in the last minutes and checks each such inode again for every file it makes, so a build
 * that writes where many files were just removed is slower than the same build on a tidy disk.
 */
export function diskNote(disk: Disk | undefined): string | undefined {
  if (!disk) return undefined;
  const what = `disk: ${disk.type} at ${disk.mount} (${disk.device})`;
  if (disk.type !== 'ext4' || disk.journal) return `${what}${disk.journal ? ', with a journal' : ''}`;
  return `${what}, without a journal: a new file there does not reuse an inode freed in the last minutes, and each such inode is checked again for every file made; builds that follow the removal of many files (an earlier run's output, a test suite's folders) are slower, so compare runs made on a tidy disk`;
}
