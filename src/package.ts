import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the installed tool: its package.json, templates/, locales/ and starter/ (this file is lib/package.js, or src/package.ts under the tests). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The tool's version, from its own package.json. */
export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}
