import type { Diagnostic } from '../diagnostics.js';
import type { RawTranslation } from '../load/project.js';
import { PAIR_FIELDS, type FamilyData, type PairData, type PairText, type PairTranslation } from '../model/types.js';
import { FieldReader } from './fields.js';
import { PAIR_FILE_FIELDS, readPairText } from './pair-text.js';
import { checkSourceHash } from './source-hash.js';

export const PAIR_PREFIX = 'pairs/';

export const pairKey = (pair: Pick<PairData, 'a' | 'b'>) => `${pair.a}-vs-${pair.b}`;

export type PairTranslationIndex = Record<string, Record<string, Record<string, PairTranslation>>>;

/** A translation of codes/<family>/pairs/<a>-vs-<b>.md; undefined (with a warning) when there is no such pair file. */
export function readPairTranslation(raw: RawTranslation, family: FamilyData, diagnostics: Diagnostic[]): PairTranslation | undefined {
  const key = raw.code.slice(PAIR_PREFIX.length);
  const pair = family.pairs.find((p) => pairKey(p) === key);
  const reader = new FieldReader(raw.file, diagnostics);
  if (!pair) {
    reader.warn([], 'unknown-code', `there is no English pair file codes/${family.id}/pairs/${key}.md for this translation; it is ignored`);
    return undefined;
  }
  reader.unknownFields(['source_hash', ...PAIR_FILE_FIELDS]);
  const text = readPairText(reader, raw.file.body, [pair.a, pair.b], false);
  if (text.body !== undefined && pair.text.body === undefined) {
    reader.warn([], 'unknown-field', 'the body has no English original to translate; it is ignored');
    delete (text as { body?: string }).body;
  }
  if (text.differences && text.differences.length !== pair.text.differences.length) {
    reader.warn(['differences'], 'differences-count', `\`differences\` has ${text.differences.length} items where the English has ${pair.text.differences.length}; translate each English item as one item`);
  }
  const { sourceHash, stale } = checkSourceHash(reader, raw.file, pair.sourceHash);
  return { text, sourceHash, stale };
}

/** The fields of a pair file a translation covers, for coverage counts: `smtp/pairs/421-vs-450#verdict`. */
export function pairFields(pair: PairData): Array<keyof PairText> {
  return PAIR_FIELDS.filter((field) => pair.text[field] !== undefined);
}
