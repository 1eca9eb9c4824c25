import { createHash, hash } from 'node:crypto';

export function digest(...parts: readonly string[]): string {
  return hash('sha256', parts.join('\u0000'));
}

/**
 * The hash a translation records as `source_hash`: 16 hex digits over the English translatable
 * fields that are present, in a fixed order, trimmed. `{ title: 'A' }` and `{ title: 'A ' }` agree.
 */
export function sourceHash(text: Readonly<Record<string, string | undefined>>): string {
  const entries = Object.entries(text)
    .filter(([, value]) => value !== undefined && value.trim() !== '')
    .map(([key, value]) => [key, value!.trim()] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  // The trailing NUL is part of the format: translations already record hashes made this way.
  return createHash('sha256').update(`${JSON.stringify(entries)}\u0000`).digest('hex').slice(0, 16);
}
