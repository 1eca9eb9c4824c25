import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { RawTranslation } from '../load/project.js';
import { canonicalTag } from '../i18n/tags.js';
import { TRANSLATABLE_FIELDS, type ContentTranslation, type FamilyData, type TextFields } from '../model/types.js';
import { FieldReader } from './fields.js';
import { looksTranslatable } from './labels.js';

export const FAMILY_KEY = '_family';

const SOURCE_HASH = /^[0-9a-f]{16}$/;

/** Coverage of one language's content: translatable fields that exist in English, per field. */
export interface ContentReport {
  readonly tag: string;
  readonly translated: number;
  readonly total: number;
  readonly stale: readonly string[];
  readonly identical: readonly string[];
  /** `smtp/553#fix` for each English field with no usable translation. */
  readonly missing: readonly string[];
}

export type TranslationIndex = Record<string, Record<string, Record<string, ContentTranslation>>>;

function readTranslation(raw: RawTranslation, english: TextFields, expectedHash: string, diagnostics: Diagnostic[], isFamily: boolean, checkOnly: Diagnostic[]): ContentTranslation {
  const reader = new FieldReader(raw.file, diagnostics);
  reader.unknownFields(['source_hash', ...TRANSLATABLE_FIELDS.filter((f) => f !== 'body'), ...(isFamily ? ['classes'] : [])]);
  const text: TextFields = {};
  for (const field of TRANSLATABLE_FIELDS) {
    const value = field === 'body' ? raw.file.body.trim() || undefined : reader.string(field);
    if (value === undefined) continue;
    if (english[field] === undefined) reader.warn([field], 'unknown-field', `\`${field}\` has no English original to translate; it is ignored`);
    else {
      text[field] = value;
      if (value === english[field] && looksTranslatable(value)) {
        checkOnly.push(diagnostic(raw.file.path, raw.file.locate([field]), 'warning', 'identical-to-english', `\`${field}\` is the same as in English; is it translated?`));
      }
    }
  }
  const classes: Record<string, string> = {};
  for (const [prefix, value] of Object.entries(isFamily ? reader.mapping('classes') ?? {} : {})) {
    if (typeof value === 'string' && value.trim() !== '') classes[prefix] = value.trim();
  }
  // Unquoted, a hash of digits and one `e` reads as a number: the hash is what was written.
  const sourceHash = (typeof raw.file.data.source_hash === 'number' ? raw.file.sourceOf(['source_hash']) : reader.string('source_hash')) ?? '';
  const stale = sourceHash !== expectedHash;
  if (!sourceHash) reader.warn([], 'stale-translation', `no \`source_hash\`: add source_hash: ${expectedHash} once the text matches the English`);
  else if (!SOURCE_HASH.test(sourceHash)) reader.warn(['source_hash'], 'source-hash-format', `source_hash "${sourceHash}" is not a source hash (16 hexadecimal digits, as \`code-compare hash\` prints them); set source_hash: ${expectedHash} once the text matches the English`);
  else if (stale) reader.warn(['source_hash'], 'stale-translation', `the English has changed since this translation (source_hash ${sourceHash}, English now ${expectedHash}); review it, then set source_hash: ${expectedHash}`);
  return { text, classes, sourceHash, stale };
}

/** Validates locales/<tag>/<family>/<code>.md files against the English they translate. */
export function validateTranslations(raw: readonly RawTranslation[], families: readonly FamilyData[], diagnostics: Diagnostic[], checkOnly: Diagnostic[] = []): TranslationIndex {
  const index: TranslationIndex = {};
  const familyById = new Map(families.map((f) => [f.id, f]));
  for (const item of raw) {
    const tag = canonicalTag(item.tag);
    if (tag !== item.tag) {
      diagnostics.push(diagnostic(item.file.path, { line: 1, column: 1 }, 'error', 'invalid-tag', `folder "${item.tag}" is not a BCP 47 language tag in canonical form${tag ? `; name it ${tag}` : ''}`));
      continue;
    }
    const family = familyById.get(item.family);
    const isFamily = item.code === FAMILY_KEY;
    const code = family?.codes.find((c) => c.code === item.code);
    if (!family || (!isFamily && !code)) {
      diagnostics.push(diagnostic(item.file.path, { line: 1, column: 1 }, 'warning', 'unknown-code', `there is no English ${family ? `code ${item.code} in family ${item.family}` : `family ${item.family}`} for this translation; it is ignored`));
      continue;
    }
    const english = isFamily ? family.text : code!.text;
    const hash = isFamily ? family.sourceHash : code!.sourceHash;
    const translation = readTranslation(item, english, hash, diagnostics, isFamily, checkOnly);
    ((index[tag] ??= {})[item.family] ??= {})[item.code] = translation;
  }
  return index;
}

/** Counts, for one language, the English fields that have a translation, and which are stale or identical. */
export function contentReport(tag: string, families: readonly FamilyData[], index: TranslationIndex): ContentReport {
  let translated = 0;
  let total = 0;
  const stale: string[] = [];
  const identical: string[] = [];
  const missing: string[] = [];
  for (const family of families) {
    const entries: Array<[string, TextFields]> = [[FAMILY_KEY, family.text], ...family.codes.map((c): [string, TextFields] => [c.code, c.text])];
    for (const [key, english] of entries) {
      const translation = index[tag]?.[family.id]?.[key];
      if (translation?.stale) stale.push(`${family.id}/${key}`);
      for (const field of TRANSLATABLE_FIELDS) {
        if (english[field] === undefined) continue;
        total++;
        const value = translation?.text[field];
        if (value === undefined) missing.push(`${family.id}/${key}#${field}`);
        else {
          translated++;
          if (value === english[field] && looksTranslatable(value)) identical.push(`${family.id}/${key}#${field}`);
        }
      }
    }
  }
  return { tag, translated, total, stale, identical, missing };
}
