import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Replaces a project file by writing a sibling first and renaming it over the file, so an
 * interrupted write leaves the old file or the new one, never half of one.
 */
export async function replaceFile(file: string, content: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  try {
    await fs.writeFile(temporary, content);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}
