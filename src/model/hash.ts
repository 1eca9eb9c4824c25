import { createHash, hash } from 'node:crypto';

/**
 * A hash of strings, as 32 hex digits (128 bits: no collision is expected among any number of
 * pages a site could have). Not all 64 of SHA-256: the manifest lists one per file, and a large
 * site's manifest is read and parsed by every build that is not a no-op.
 */
export function digest(...parts: readonly string[]): string {
  const text = parts.join('\u0000');
  // A long string hashes several times faster as bytes (a build's 3 MB of file hashes: 3 ms, not 14); a short one, as it is.
  return hash('sha256', text.length > 65_536 ? Buffer.from(text) : text).slice(0, 32);
}

/** The hash of a written file's bytes (a string is hashed as its UTF-8), as the manifest lists a searchable page's. */
export function bytesHash(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
}

/** The English text a source hash covers: the fields that are present, trimmed, sorted by name. */
function sourceEntries(text: Readonly<Record<string, string | undefined>>): Array<readonly [string, string]> {
  return Object.entries(text)
    .filter(([, value]) => value !== undefined && value.trim() !== '')
    .map(([key, value]) => [key, value!.trim()] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

/**
 * The hash a translation records as `source_hash`: 16 hex digits over the English translatable
 * fields that are present, in a fixed order, trimmed. `{ title: 'A' }` and `{ title: 'A ' }` agree.
 */
export function sourceHash(text: Readonly<Record<string, string | undefined>>): string {
  // The trailing NUL is part of the format: translations already record hashes made this way.
  return createHash('sha256').update(`${JSON.stringify(sourceEntries(text))}\u0000`).digest('hex').slice(0, 16);
}

/** The English text exactly as `sourceHash` sees it, to record as what a translation was made from. */
export function sourceRecord(text: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(sourceEntries(text));
}
