import path from 'node:path';
import { diagnostic, START, type Diagnostic } from '../diagnostics.js';
import type { JsonFile } from '../load/json.js';
import { flattenLabels, placeholders, splitPluralKey, strayBrace, unflattenLabels } from '../i18n/labels.js';
import { canonicalTag, pluralCategories, pluralExamples, SOURCE_LANGUAGE } from '../i18n/tags.js';
import { MAX_LABELS } from '../limits.js';
import { labelOverLimit, usableLabelTree } from './label-keys.js';
import { checkedLanguage, signature } from './language-checks.js';
import type { LabelDefaults } from './label-defaults.js';
import type { LabelTree } from '../model/types.js';
import { countText } from '../count-text.js';

/** One language's labels after validation, with what the build and `status` need to know. */
export interface LabelReport {
  readonly tag: string;
  readonly file: string;
  /** Entries that survive validation; the others fall back to English. */
  readonly labels: LabelTree;
  /** English keys (plural forms folded to their base key) and whether each is translated here. */
  readonly translated: number;
  readonly total: number;
  readonly missing: readonly string[];
  readonly identical: readonly string[];
  /**
   * `missing-key` (an English key absent from the file) and `identical-to-english` findings. Only
   * `check` reports them: for the build a missing translation is counted, not warned about.
   */
  readonly checkOnly: readonly Diagnostic[];
}

export interface LabelsResult {
  readonly reports: readonly LabelReport[];
  readonly source?: LabelReport;
  /** The tool's labels of a language that a project's file of it would fall back to, key by key. */
  readonly inherited: (tag: string) => ReadonlyMap<string, string>;
}

const FAMILY_KEY = /^families\.([^.]+)\./;

/** Whether a label key belongs to no family, or to one of `familyIds`. */
function ofFamilies(key: string, familyIds: readonly string[]): boolean {
  const family = FAMILY_KEY.exec(key)?.[1];
  return family === undefined || familyIds.includes(family);
}

/** Proper names ("Code Compare") and bare codes may stay as in English; sentences should not. */
export function looksTranslatable(english: string): boolean {
  return /\b\p{Ll}{4,}\b/u.test(english.replace(/\{\{[^{}]*\}\}/g, ''));
}

/** The text around `index`, short enough for one diagnostic line. */
function excerpt(text: string, index: number): string {
  if (text.length <= 40) return text;
  const start = Math.max(0, index - 15);
  return `${start > 0 ? '…' : ''}${text.slice(start, start + 30)}${start + 30 < text.length ? '…' : ''}`;
}

const joinList = (list: readonly string[]) => list.map((s) => `_${s}`).join(', ');

/**
 * `inherited`: the tool's own labels of this language that the project's file may leave out; they
 * count as present, and the file's entries replace them key by key.
 */
function checkLanguage(file: JsonFile, tree: Record<string, unknown>, tag: string, english: Map<string, string>, diagnostics: Diagnostic[], inherited: ReadonlyMap<string, string> = new Map()): LabelReport {
  const warn = (key: string, rule: string, message: string, at = file.locate(key.split('.'))) =>
    diagnostics.push(diagnostic(file.path, at, 'warning', rule, message));
  const entries = flattenLabels(tree);
  const kept = new Map<string, string>(inherited);
  const isSource = tag === SOURCE_LANGUAGE;
  const englishBases = new Map<string, Set<string>>();
  for (const key of english.keys()) {
    const { base, category } = splitPluralKey(key);
    if (category) (englishBases.get(base) ?? englishBases.set(base, new Set()).get(base)!).add(category);
  }
  const categories = new Set<string>(pluralCategories(tag));
  const instead = (key: string) => (inherited.has(key) ? `code-compare's own ${tag} label is used instead` : 'English is used instead');
  const seenForms = new Map<string, Set<string>>();
  /** The plural forms with a translation, empty ones not counted. */
  const filledForms = new Map<string, Set<string>>();

  for (const [key, value] of entries) {
    const { base, category } = splitPluralKey(key);
    const plural = category !== undefined && englishBases.has(base);
    if (typeof value !== 'string') {
      warn(key, 'label-type', `label \`${key}\` must be a string`);
      continue;
    }
    if (plural) {
      (seenForms.get(base) ?? seenForms.set(base, new Set()).get(base)!).add(category!);
      if (value.trim() !== '') (filledForms.get(base) ?? filledForms.set(base, new Set()).get(base)!).add(category!);
      if (category !== 'zero' && !categories.has(category!)) {
        warn(key, 'plural-category', `\`${key}\`: ${tag} has no plural category "${category}" (it uses ${joinList([...categories])})`);
        continue;
      }
    } else if (!isSource && !english.has(key)) {
      warn(key, 'unknown-key', `\`${key}\` is not a key of en.json; it is ignored`);
      continue;
    }
    if (value.trim() === '') continue;
    const stray = strayBrace(value);
    if (stray !== undefined) {
      const at = file.locateInString(key.split('.'), stray);
      const fault = `\`${key}\`: unbalanced braces in "${excerpt(value, stray)}"; a placeholder is written {{name}}`;
      if (isSource) diagnostics.push(diagnostic(file.path, at, 'error', 'placeholder-syntax', fault));
      else warn(key, 'placeholder-syntax', `${fault}; ${instead(key)}`, at);
      continue;
    }
    const reference = english.get(key) ?? english.get(`${base}_other`);
    // An English label with broken braces is reported in en.json; its translations are not compared to it.
    if (!isSource && reference !== undefined && strayBrace(reference) === undefined) {
      const expected = placeholders(reference);
      const actual = placeholders(value);
      // A plural form may spell its number out (Arabic "رمزان" for two), so it may drop {{count}}.
      const missing = expected.filter((p) => !actual.includes(p) && !(plural && p === 'count'));
      const extra = actual.filter((p) => !expected.includes(p) && p !== 'count');
      if (missing.length > 0 || extra.length > 0) {
        const parts = [...missing.map((p) => `{{${p}}} is missing`), ...extra.map((p) => `{{${p}}} is not in English`)];
        const at = extra.length > 0 ? file.locateInValue(key.split('.'), `{{${extra[0]}`) : file.locate(key.split('.'));
        warn(key, 'placeholder-mismatch', `\`${key}\`: ${parts.join(', ')}; ${instead(key)}`, at);
        continue;
      }
    }
    kept.set(key, value);
  }

  if (!isSource) checkPluralSets(seenForms, filledForms, categories, tag, warn, (key) => inherited.has(key));
  const own = new Set(entries.map(([key]) => key));
  const present = new Set([...own, ...inherited.keys()]);
  const firstOfBase = new Map<string, string>();
  const firstPresent = new Set<string>();
  for (const key of present) firstPresent.add(splitPluralKey(key).base);
  for (const key of own) {
    const { base } = splitPluralKey(key);
    if (!firstOfBase.has(base)) firstOfBase.set(base, key);
  }
  const absentKeys: Diagnostic[] = [];
  if (!isSource) {
    const reported = new Set<string>();
    for (const key of english.keys()) {
      const { base, category } = splitPluralKey(key);
      const isPluralGroup = category !== undefined;
      const name = isPluralGroup ? base : key;
      if (reported.has(name)) continue;
      const found = isPluralGroup ? firstPresent.has(base) : present.has(key);
      if (found) continue;
      reported.add(name);
      const parent = name.split('.').slice(0, -1);
      absentKeys.push(diagnostic(file.path, file.locate(parent), 'warning', 'missing-key', `\`${name}\` is missing; English is shown until it is translated`));
    }
  }
  const summary = summarize(file.path, tag, kept, english, isSource, own);
  for (const base of summary.identical) {
    const key = english.has(base) ? base : firstOfBase.get(base) ?? base;
    absentKeys.push(diagnostic(file.path, file.locate(key.split('.')), 'warning', 'identical-to-english', `\`${base}\` is the same as in English; is it translated?`));
  }
  return { ...summary, checkOnly: absentKeys };
}

/** `for counts like 2, 3, 4` — what a plural form is used for, for a translator who does not know CLDR's names. */
function usedFor(tag: string, category: string): string {
  const examples = pluralExamples(tag, category);
  return examples.length > 0 ? `for counts like ${examples.join(', ')}` : `for its "${category}" counts`;
}

/**
 * A plural set with some forms translated and others empty or absent: for those counts the page
 * shows English in the middle of the language. A set with nothing translated yet is only checked
 * for the forms it lacks.
 */
function checkPluralSets(seen: Map<string, Set<string>>, filled: Map<string, Set<string>>, categories: ReadonlySet<string>, tag: string, warn: (key: string, rule: string, message: string) => void, inherited: (key: string) => boolean): void {
  for (const [base, forms] of seen) {
    const done = filled.get(base);
    if (!done) {
      const absent = [...categories].filter((c) => !forms.has(c) && !inherited(`${base}_${c}`));
      if (absent.length > 0) warn(`${base}_${[...forms][0]}`, 'plural-category', `\`${base}\` lacks the plural form${absent.length > 1 ? 's' : ''} ${joinList(absent)} that ${tag} needs`);
      continue;
    }
    const translatedKey = `${base}_${done.has('other') ? 'other' : [...done][0]}`;
    for (const category of categories) {
      if (done.has(category) || inherited(`${base}_${category}`)) continue;
      const key = `${base}_${category}`;
      if (forms.has(category)) warn(key, 'partial-plural', `\`${key}\` is empty while \`${translatedKey}\` is translated: ${usedFor(tag, category)} the page shows English; translate it`);
      else warn(translatedKey, 'partial-plural', `\`${base}\` lacks \`_${category}\`, which ${tag} uses ${usedFor(tag, category)}; until it is added the page shows English for them`);
    }
  }
}

/**
 * Counts translation coverage by base key: a plural group counts once, complete only with all its
 * forms. Only labels the file itself holds (`own`) can be identical to English: the tool's own are not the project's to review.
 */
function summarize(file: string, tag: string, kept: Map<string, string>, english: Map<string, string>, isSource: boolean, own: ReadonlySet<string>): Omit<LabelReport, 'checkOnly'> {
  const bases = new Map<string, string>();
  for (const [key, value] of english) {
    const { base, category } = splitPluralKey(key);
    if (!category || category === 'other') bases.set(category ? base : key, value);
  }
  const categories = pluralCategories(tag);
  const missing: string[] = [];
  const identical: string[] = [];
  for (const [base, englishValue] of bases) {
    const forms = english.has(base) ? [base] : categories.map((c) => `${base}_${c}`);
    if (forms.some((k) => !kept.has(k))) missing.push(base);
    else if (!isSource && forms.some((k) => own.has(k)) && looksTranslatable(englishValue) && forms.every((k) => kept.get(k) === englishValue || kept.get(k) === english.get(k))) identical.push(base);
  }
  return {
    tag,
    file,
    labels: unflattenLabels(kept),
    translated: bases.size - missing.length,
    total: bases.size,
    missing,
    identical,
  };
}

/** The string entries of a label tree, by flat key. */
function stringEntries(tree: unknown): Map<string, string> {
  return new Map(flattenLabels(tree).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** A label file a project does not have: the tool's en.json stands in for it. */
function absentFile(file: string): JsonFile {
  return { path: file, value: {}, locate: () => START, locateInValue: () => START, locateInString: () => START };
}

/**
 * The English every language is checked against: the tool's labels with the project's en.json laid
 * over them (an empty value there keeps the tool's), and the keys whose English the project rewrote.
 * The tool's translations of those keys translate other words, so they are not inherited.
 */
function layEnglish(own: ReadonlyMap<string, string>, defaults: LabelDefaults | undefined): { english: Map<string, string>; rewritten: Set<string> } {
  const english = new Map(defaults?.english ?? []);
  const rewritten = new Set<string>();
  for (const [key, value] of own) {
    const original = english.get(key);
    if (value.trim() === '' && original !== undefined) continue;
    english.set(key, value);
    if (original !== undefined && original !== value) rewritten.add(splitPluralKey(key).base);
  }
  return { english, rewritten };
}

/**
 * Validates every label file against en.json: tags, keys, placeholders, plural forms.
 * Faults in a label are warnings and only that label falls back to English. With `defaults` (the
 * tool's own labels), a project's file falls back to the tool's file of its language key by key,
 * and en.json may hold only the keys the project changes, or be absent.
 */
/**
 * `familyIds`: the project's families. Labels of other families (`families.<id>.…`) in en.json are
 * left out of every count, since no page shows them; translations of them are not reported either.
 */
export function validateLabels(files: readonly JsonFile[], diagnostics: Diagnostic[], defaults?: LabelDefaults, familyIds?: readonly string[]): LabelsResult {
  const usable: Array<{ file: JsonFile; tree: Record<string, unknown>; tag: string }> = [];
  for (const file of files) {
    const name = path.posix.basename(file.path, '.json');
    const tag = canonicalTag(name);
    if (tag === undefined || tag !== name) {
      const hint = tag ? `; write it as ${tag}.json` : '';
      diagnostics.push(diagnostic(file.path, { line: 1, column: 1 }, 'error', 'invalid-tag', `"${name}" is not a BCP 47 language tag in canonical form${hint}`));
      continue;
    }
    if (file.value === null || typeof file.value !== 'object' || Array.isArray(file.value)) {
      diagnostics.push(diagnostic(file.path, { line: 1, column: 1 }, 'error', 'locale-type', 'a locale file must hold a JSON object of labels'));
      continue;
    }
    const tree = usableLabelTree(file, diagnostics);
    const over = labelOverLimit(tree);
    if (over) {
      diagnostics.push(diagnostic(file.path, file.locate(over), 'error', 'input-limit', `a label file may hold at most ${countText(MAX_LABELS)} labels; this is the next one`));
      continue;
    }
    usable.push({ file, tree, tag });
  }
  let sourceFile = usable.find((u) => u.tag === SOURCE_LANGUAGE);
  const hasEnglishFile = files.some((f) => path.posix.basename(f.path) === 'en.json');
  if (!sourceFile && defaults && !hasEnglishFile) {
    sourceFile = { file: absentFile(defaults.englishFile), tree: {}, tag: SOURCE_LANGUAGE };
    usable.unshift(sourceFile);
  }
  if (!sourceFile) {
    if (!hasEnglishFile) {
      diagnostics.push(diagnostic('locales/en.json', { line: 1, column: 1 }, 'error', 'missing-source', 'locales/en.json, the source of every label, is missing'));
    }
    return { reports: [], inherited: () => new Map() };
  }
  const { english: laid, rewritten } = layEnglish(stringEntries(sourceFile.tree), defaults);
  const english = familyIds ? new Map([...laid].filter(([key]) => ofFamilies(key, familyIds))) : laid;
  const inherited = (tag: string): Map<string, string> => {
    if (tag === SOURCE_LANGUAGE) return new Map(defaults?.english ?? []);
    return new Map([...(defaults?.translations.get(tag) ?? [])].filter(([key]) => !rewritten.has(splitPluralKey(key).base)));
  };
  const kept = (tree: Record<string, unknown>) => (familyIds ? (unflattenLabels(flattenLabels(tree).filter((e): e is [string, string] => typeof e[1] !== 'string' || ofFamilies(e[0], familyIds)) as Array<[string, string]>) as Record<string, unknown>) : tree);
  const englishSignature = signature([...english]);
  const reports = usable.map(({ file, tree, tag }) => {
    const inheritedHere = inherited(tag);
    const inputs = signature([tag, englishSignature, [...inheritedHere], familyIds ?? null]);
    return checkedLanguage(file, inputs, diagnostics, (found) => checkLanguage(file, kept(tree), tag, english, found, inheritedHere));
  });
  return { reports, source: reports.find((r) => r.tag === SOURCE_LANGUAGE), inherited };
}
