import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileStamps } from './load/file-stamps.js';
import { digest } from './model/hash.js';

let toolFingerprint: string | undefined;

/** A hash of the tool's own compiled code, so a new version of the tool never reuses old pages. Files `stamps` knows by their stats are not read again. */
export function ownCode(stamps = new FileStamps()): string {
  if (toolFingerprint === undefined) {
    const lib = fileURLToPath(new URL('.', import.meta.url));
    const files = readdirSync(lib, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js')).sort();
    toolFingerprint = digest(
      ...files.flatMap((f) => {
        const file = path.join(lib, f);
        return [f, stamps.hash(file, statSync(file, { bigint: true }), () => readFileSync(file))];
      }),
    );
  }
  return toolFingerprint;
}
