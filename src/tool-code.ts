import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { digest } from './model/hash.js';

let toolFingerprint: string | undefined;

/** A hash of the tool's own compiled code, so a new version of the tool never reuses old pages. */
export function ownCode(): string {
  if (toolFingerprint === undefined) {
    const lib = fileURLToPath(new URL('.', import.meta.url));
    const files = readdirSync(lib, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js')).sort();
    toolFingerprint = digest(...files.flatMap((f) => [f, readFileSync(path.join(lib, f), 'utf8')]));
  }
  return toolFingerprint;
}
