import { createHash } from 'node:crypto';
import type { TextFields } from './types.js';

export function digest(...parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex');
}

/**
 * The hash a translation records as `source_hash`: 16 hex digits over the English translatable
 * fields that are present, in a fixed order, trimmed. `{ title: 'A' }` and `{ title: 'A ' }` agree.
 */
export function sourceHash(text: TextFields): string {
  const entries = Object.entries(text)
    .filter(([, value]) => value !== undefined && value.trim() !== '')
    .map(([key, value]) => [key, value!.trim()] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return digest(JSON.stringify(entries)).slice(0, 16);
}
