import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The trash folders in a project's cache folder: what builds replaced or worked in, emptied by a process of their own after the build. */
export function trashFolders(root: string): string[] {
  const cache = path.join(root, '.code-compare-cache');
  return existsSync(cache) ? readdirSync(cache).filter((name) => name.includes('.trash-')) : [];
}

export async function until(done: () => boolean, ms = 15_000): Promise<void> {
  for (const end = Date.now() + ms; !done(); ) {
    if (Date.now() > end) throw new Error('not within the time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Once the builds before have emptied their trash: what a later build touches can then be told from what they remove. */
export function trashEmptied(root: string): Promise<void> {
  return until(() => trashFolders(root).length === 0);
}
