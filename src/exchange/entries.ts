/**
 * The translatable strings of a project for one language, as exchange files carry them: every
 * label of en.json and every text field of the code, family and pair files, with the English, the
 * current translation and its state. Pure: the loaded files come in, entries go out.
 */

import type { Position } from '../diagnostics.js';
import type { JsonFile } from '../load/json.js';
import type { RawFamily } from '../load/project.js';
import type { FrontMatterFile } from '../load/front-matter.js';
import { flattenLabels, splitPluralKey } from '../i18n/labels.js';
import { pluralCategories, type PluralCategory } from '../i18n/tags.js';
import { TRANSLATABLE_FIELDS, type FamilyData, type PairData } from '../model/types.js';
import { FAMILY_KEY, type Translations } from '../validate/translations.js';
import { pairKey } from '../validate/pair-translations.js';

/** new: no translation; translated: translated from the current English; stale: translated from an older English. */
export type EntryState = 'new' | 'translated' | 'stale';

export const LABEL_FILE = 'locales/en.json';

export interface PluralForm {
  readonly category: PluralCategory;
  /** The i18next key of this form in the translation: `home.codeCount_few`. */
  readonly key: string;
  /** The English this form translates: English's form of the same category, else its `_other`. */
  readonly source: string;
  readonly target?: string;
}

export interface ExchangeEntry {
  /** The English file: `locales/en.json`, `codes/smtp/553.md`, `codes/smtp/pairs/220-vs-554.md`. */
  readonly file: string;
  /** A label key (the base key of a plural), or a field: `title`, `body`, `differences.0`, `advice.554`, `classes.5`. */
  readonly field: string;
  /** Where the English stands in its file. */
  readonly line: number;
  /** The English text; for a plural, its `_other` form. */
  readonly source: string;
  readonly target?: string;
  /** A label with plural forms: English's singular and the forms the target language needs, in CLDR order. */
  readonly plural?: { readonly singular: string; readonly forms: readonly PluralForm[] };
  readonly state: EntryState;
  /** Where the translation is (or will be) kept: `locales/vi.json`, `locales/vi/smtp/553.md`. */
  readonly translationFile: string;
  /** Content only: the `source_hash` a translation of the current English records. */
  readonly sourceHash?: string;
}

export const contextOf = (entry: Pick<ExchangeEntry, 'file' | 'field'>) => `${entry.file}#${entry.field}`;

/** `codes/smtp/553.md#title` → file and field; undefined for anything else. */
export function parseContext(context: string): { file: string; field: string } | undefined {
  const at = context.indexOf('#');
  if (at <= 0 || at === context.length - 1) return undefined;
  return { file: context.slice(0, at), field: context.slice(at + 1) };
}

export interface EntryInputs {
  readonly tag: string;
  readonly english: JsonFile;
  /** locales/TAG.json, when it exists. */
  readonly labels?: JsonFile;
  readonly families: readonly FamilyData[];
  /** The English files as read, for where each field stands. */
  readonly rawFamilies: readonly RawFamily[];
  readonly translations: Translations;
}

const stringLeaves = (tree: unknown) => flattenLabels(tree).filter((e): e is [string, string] => typeof e[1] === 'string');

function labelEntries(input: EntryInputs): ExchangeEntry[] {
  const english = new Map(stringLeaves(input.english.value));
  const current = new Map(stringLeaves(input.labels?.value ?? {}).filter(([, v]) => v.trim() !== ''));
  const categories = pluralCategories(input.tag);
  const translationFile = `locales/${input.tag}.json`;
  const line = (key: string) => input.english.locate(key.split('.')).line;
  const simple = (key: string): ExchangeEntry => {
    const target = current.get(key);
    return { file: LABEL_FILE, field: key, line: line(key), source: english.get(key)!, ...(target === undefined ? {} : { target }), state: target === undefined ? 'new' : 'translated', translationFile };
  };
  const entries: ExchangeEntry[] = [];
  const done = new Set<string>();
  for (const key of english.keys()) {
    const { base, category } = splitPluralKey(key);
    if (!category) {
      entries.push(simple(key));
      continue;
    }
    if (done.has(base)) continue;
    done.add(base);
    const other = english.get(`${base}_other`) ?? english.get(key)!;
    // English's `_zero` is used for 0 in every language: its own entry where the language has no zero form.
    if (english.has(`${base}_zero`) && !categories.includes('zero')) entries.push(simple(`${base}_zero`));
    const forms = categories.map((c): PluralForm => {
      const target = current.get(`${base}_${c}`);
      return { category: c, key: `${base}_${c}`, source: english.get(`${base}_${c}`) ?? other, ...(target === undefined ? {} : { target }) };
    });
    entries.push({
      file: LABEL_FILE,
      field: base,
      line: line(key),
      source: other,
      plural: { singular: english.get(`${base}_one`) ?? other, forms },
      state: forms.every((f) => f.target !== undefined) ? 'translated' : 'new',
      translationFile,
    });
  }
  return entries;
}

interface Field {
  readonly field: string;
  readonly source: string;
  readonly target?: string;
  readonly at: Position;
}

interface ContentFile {
  readonly english?: FrontMatterFile;
  readonly path: string;
  readonly translationFile: string;
  readonly sourceHash: string;
  readonly stale: boolean;
}

function contentEntries({ english: file, path: englishPath, translationFile, sourceHash, stale }: ContentFile, fields: readonly Field[]): ExchangeEntry[] {
  return fields.map((f) => ({
    file: englishPath,
    field: f.field,
    line: file ? f.at.line : 1,
    source: f.source,
    ...(f.target === undefined ? {} : { target: f.target }),
    state: f.target === undefined ? 'new' : stale ? 'stale' : 'translated',
    translationFile,
    sourceHash,
  }));
}

function familyFields(family: FamilyData, file: FrontMatterFile | undefined, input: EntryInputs): ExchangeEntry[] {
  const translation = input.translations.codes[input.tag]?.[family.id]?.[FAMILY_KEY];
  const where = (at: (string | number)[]) => file?.locate(at) ?? { line: 1, column: 1 };
  const fields: Field[] = [];
  if (family.text.title) fields.push({ field: 'title', source: family.text.title, target: translation?.text.title, at: where(['title']) });
  for (const [prefix, name] of Object.entries(family.classes)) fields.push({ field: `classes.${prefix}`, source: name, target: translation?.classes[prefix], at: where(['classes', prefix]) });
  if (family.text.body) fields.push({ field: 'body', source: family.text.body, target: translation?.text.body, at: file?.locateInBody(family.text.body.slice(0, 20)) ?? { line: 1, column: 1 } });
  const meta = { path: `codes/${family.id}/_family.md`, translationFile: `locales/${input.tag}/${family.id}/_family.md`, sourceHash: family.sourceHash, stale: translation?.stale ?? false };
  return contentEntries({ ...meta, english: file }, fields);
}

function codeFields(family: FamilyData, input: EntryInputs, files: ReadonlyMap<string, FrontMatterFile>): ExchangeEntry[] {
  return family.codes.flatMap((code) => {
    const path = `codes/${family.id}/${code.code}.md`;
    const file = files.get(path);
    const translation = input.translations.codes[input.tag]?.[family.id]?.[code.code];
    const fields: Field[] = TRANSLATABLE_FIELDS.flatMap((field) => {
      const source = code.text[field];
      if (source === undefined) return [];
      const at = field === 'body' ? file?.locateInBody(source.slice(0, 20)) : file?.locate([field]);
      return [{ field, source, target: translation?.text[field], at: at ?? { line: 1, column: 1 } }];
    });
    const meta = { path, translationFile: `locales/${input.tag}/${family.id}/${code.code}.md`, sourceHash: code.sourceHash, stale: translation?.stale ?? false };
    return contentEntries({ ...meta, english: file }, fields);
  });
}

function pairFields(family: FamilyData, pair: PairData, input: EntryInputs, files: ReadonlyMap<string, FrontMatterFile>): ExchangeEntry[] {
  const path = `codes/${family.id}/pairs/${pairKey(pair)}.md`;
  const file = files.get(path);
  const translation = input.translations.pairs[input.tag]?.[family.id]?.[pairKey(pair)];
  const text = translation?.text ?? {};
  const where = (at: (string | number)[]) => file?.locate(at) ?? { line: 1, column: 1 };
  const fields: Field[] = [
    { field: 'verdict', source: pair.text.verdict, target: text.verdict, at: where(['verdict']) },
    { field: 'deciding', source: pair.text.deciding, target: text.deciding, at: where(['deciding']) },
    ...pair.text.differences.map((source, i) => ({ field: `differences.${i}`, source, target: text.differences?.[i], at: where(['differences', i]) })),
    ...Object.entries(pair.text.advice).map(([code, source]) => ({ field: `advice.${code}`, source, target: text.advice?.[code], at: where(['advice', code]) })),
  ];
  if (pair.text.body) fields.push({ field: 'body', source: pair.text.body, target: text.body, at: file?.locateInBody(pair.text.body.slice(0, 20)) ?? { line: 1, column: 1 } });
  // Items of a list that does not have the English's length cannot be matched one to one: review them all.
  const misaligned = text.differences !== undefined && text.differences.length !== pair.text.differences.length;
  const meta = { path, translationFile: `locales/${input.tag}/${family.id}/pairs/${pairKey(pair)}.md`, sourceHash: pair.sourceHash, stale: (translation?.stale ?? false) || misaligned };
  return contentEntries({ ...meta, english: file }, fields);
}

/** Every translatable string for `input.tag`: labels in en.json's order, then each family's family, code and pair files. */
export function collectEntries(input: EntryInputs): ExchangeEntry[] {
  const entries = labelEntries(input);
  for (const family of input.families) {
    const raw = input.rawFamilies.find((f) => f.id === family.id);
    const files = new Map([...(raw?.codes ?? []), ...(raw?.pairs ?? [])].map((f) => [f.path, f]));
    entries.push(...familyFields(family, raw?.file, input), ...codeFields(family, input, files));
    for (const pair of family.pairs) entries.push(...pairFields(family, pair, input, files));
  }
  return entries;
}
