import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { RawTranslation } from '../load/project.js';
import { canonicalTag } from '../i18n/tags.js';
import { TRANSLATABLE_FIELDS, type ContentTranslation, type FamilyData, type TextFields } from '../model/types.js';
import { FieldReader } from './fields.js';
import { looksTranslatable } from './labels.js';
import { PAIR_PREFIX, pairFields, pairKey, readPairTranslation, type PairTranslationIndex } from './pair-translations.js';
import { checkSourceHash } from './source-hash.js';
import { FAMILY_KEY } from './english-source.js';

export { FAMILY_KEY };

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
  const { sourceHash, stale } = checkSourceHash(reader, raw.file, expectedHash);
  return { text, classes, sourceHash, stale };
}

export interface Translations {
  readonly codes: TranslationIndex;
  readonly pairs: PairTranslationIndex;
}

/** Validates locales/<tag>/<family>/<code>.md and pairs/<a>-vs-<b>.md files against the English they translate. */
export function validateTranslations(raw: readonly RawTranslation[], families: readonly FamilyData[], diagnostics: Diagnostic[], checkOnly: Diagnostic[] = []): Translations {
  const index: TranslationIndex = {};
  const pairs: PairTranslationIndex = {};
  const familyById = new Map(families.map((f) => [f.id, f]));
  for (const item of raw) {
    const tag = canonicalTag(item.tag);
    if (tag !== item.tag) {
      diagnostics.push(diagnostic(item.file.path, { line: 1, column: 1 }, 'error', 'invalid-tag', `folder "${item.tag}" is not a BCP 47 language tag in canonical form${tag ? `; name it ${tag}` : ''}`));
      continue;
    }
    const family = familyById.get(item.family);
    if (family && item.code.startsWith(PAIR_PREFIX)) {
      const translation = readPairTranslation(item, family, diagnostics);
      if (translation) ((pairs[tag] ??= {})[item.family] ??= {})[item.code.slice(PAIR_PREFIX.length)] = translation;
      continue;
    }
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
  return { codes: index, pairs };
}

/** Counts, for one language, the English fields that have a translation, and which are stale or identical. */
export function contentReport(tag: string, families: readonly FamilyData[], translations: Translations): ContentReport {
  const index = translations.codes;
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
    for (const pair of family.pairs) {
      const id = `${family.id}/${PAIR_PREFIX}${pairKey(pair)}`;
      const translation = translations.pairs[tag]?.[family.id]?.[pairKey(pair)];
      if (translation?.stale) stale.push(id);
      for (const field of pairFields(pair)) {
        total++;
        if (translation?.text[field] === undefined) missing.push(`${id}#${field}`);
        else translated++;
      }
    }
  }
  return { tag, translated, total, stale, identical, missing };
}

/** The translation into `tag` of the content `id` (`smtp/553`, `smtp/_family`, `smtp/pairs/421-vs-450`), if there is one. */
export function translationOf(translations: Translations, tag: string, id: string): { readonly sourceHash: string; readonly stale: boolean } | undefined {
  const [family = '', ...rest] = id.split('/');
  const name = rest.join('/');
  if (name.startsWith(PAIR_PREFIX)) return translations.pairs[tag]?.[family]?.[name.slice(PAIR_PREFIX.length)];
  return translations.codes[tag]?.[family]?.[name];
}
