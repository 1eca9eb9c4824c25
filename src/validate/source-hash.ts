import type { FrontMatterFile } from '../load/front-matter.js';
import type { FieldReader } from './fields.js';

const SOURCE_HASH = /^[0-9a-f]{16}$/;

/**
 * Reads a translation's `source_hash` and says whether the English changed since (a warning if so,
 * and another if the value is not a hash at all).
 */
export function checkSourceHash(reader: FieldReader, file: FrontMatterFile, expected: string): { sourceHash: string; stale: boolean } {
  // Unquoted, a hash of digits and one `e` reads as a number: the hash is what was written.
  const sourceHash = (typeof file.data.source_hash === 'number' ? file.sourceOf(['source_hash']) : reader.string('source_hash')) ?? '';
  const stale = sourceHash !== expected;
  const confirm = `\`code-compare confirm ${file.path}\``;
  if (!sourceHash) reader.warn([], 'stale-translation', `no \`source_hash\`: once the text matches the English, run ${confirm} (or add source_hash: ${expected})`);
  else if (!SOURCE_HASH.test(sourceHash)) reader.warn(['source_hash'], 'source-hash-format', `source_hash "${sourceHash}" is not a source hash (16 hexadecimal digits, as \`code-compare hash\` prints them); once the text matches the English, run ${confirm} (or set source_hash: ${expected})`);
  else if (stale) reader.warn(['source_hash'], 'stale-translation', `the English has changed since this translation (source_hash ${sourceHash}, English now ${expected}); review it (\`code-compare status\` shows what changed), then run ${confirm}`);
  return { sourceHash, stale };
}
