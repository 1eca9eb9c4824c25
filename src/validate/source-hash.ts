import type { FieldReader } from './fields.js';

/** Reads a translation's `source_hash` and says whether the English changed since (a warning if so). */
export function checkSourceHash(reader: FieldReader, expected: string): { sourceHash: string; stale: boolean } {
  const sourceHash = reader.string('source_hash', { coerceNumber: true }) ?? '';
  const stale = sourceHash !== expected;
  if (!sourceHash) reader.warn([], 'stale-translation', `no \`source_hash\`: add source_hash: ${expected} once the text matches the English`);
  else if (stale) reader.warn(['source_hash'], 'stale-translation', `the English has changed since this translation (source_hash ${sourceHash}, English now ${expected}); review it, then set source_hash: ${expected}`);
  return { sourceHash, stale };
}
