import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Whether a process with this id runs (one of another user's counts): a folder named after it may still be in use. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The folders in `dir` named `PREFIX<pid>` or `PREFIX<pid>-<suffix>` (see ownerOf), with the process each is named after; none when `dir` cannot be read. */
export function foldersNamedAfter(dir: string, prefix: string): Array<{ readonly folder: string; readonly owner: number }> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const owner = ownerOf(name, prefix);
    return owner === undefined ? [] : [{ folder: path.join(dir, name), owner }];
  });
}

/**
 * The process a folder named `PREFIX<pid>` or `PREFIX<pid>-<suffix>` is named after (`dist.trash-4242`
 * or `dist.trash-4242-a1B2c3` with `dist.trash-`); undefined for any other name.
 */
export function ownerOf(name: string, prefix: string): number | undefined {
  if (!name.startsWith(prefix)) return undefined;
  const match = /^(\d+)(?:-[A-Za-z0-9]+)?$/.exec(name.slice(prefix.length));
  const pid = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}
