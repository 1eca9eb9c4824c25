import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from './dist.js';

/** Every file of a folder with a hash of its bytes: equal snapshots mean byte-identical folders. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of listFiles(dir)) out[file] = createHash('sha256').update(readFileSync(path.join(dir, file))).digest('hex');
  return out;
}
