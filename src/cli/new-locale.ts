import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { flattenLabels, splitPluralKey, unflattenLabels } from '../i18n/labels.js';
import { autonym, canonicalTag, pluralCategories, SOURCE_LANGUAGE, textDirection } from '../i18n/tags.js';
import { TODO_SUFFIX } from '../load/label-files.js';
import { validateProject } from '../project.js';
import { UsageError, resolveCommon, type CommonOptions } from './options.js';
import type { Output } from './report.js';

/**
 * The label file of a new language: every key of en.json with an empty value (the build treats
 * empty as untranslated, so English shows and `status` starts at 0%), plural keys expanded to the
 * language's CLDR categories, and the language's own name filled in. Keys the tool's own labels of
 * the language supply (`inherited`) are left out: they fall back to those, key by key.
 */
export function scaffoldLabels(english: unknown, tag: string, inherited: ReadonlyMap<string, string> = new Map()): unknown {
  const categories = pluralCategories(tag);
  const entries: Array<[string, string]> = [];
  const donePlural = new Set<string>();
  for (const [key, value] of flattenLabels(english)) {
    if (typeof value !== 'string') continue;
    const { base, category } = splitPluralKey(key);
    if (!category) {
      if (!inherited.has(key)) entries.push([key, '']);
      continue;
    }
    if (donePlural.has(base)) continue;
    donePlural.add(base);
    const forms = new Set<string>(categories);
    if (flattenLabels(english).some(([k]) => k === `${base}_zero`)) forms.add('zero');
    const wanted = ['zero', 'one', 'two', 'few', 'many', 'other'].filter((c) => forms.has(c)).map((c) => `${base}_${c}`);
    if (wanted.some((k) => !inherited.has(k))) entries.push(...wanted.map((k): [string, string] => [k, '']));
  }
  return unflattenLabels(entries);
}

/**
 * The English of each label of a scaffold, in the same tree and key order, so that both files
 * print with every key on the same line: a plural form English lacks (`_few`) shows English `_other`.
 */
export function englishBeside(english: unknown, scaffold: unknown): unknown {
  const source = new Map(flattenLabels(english).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return unflattenLabels(flattenLabels(scaffold).map(([key]): [string, string] => [key, source.get(key) ?? source.get(`${splitPluralKey(key).base}_other`) ?? '']));
}

const asJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export async function newLocaleCommand(tag: string, options: CommonOptions, output: Output): Promise<number> {
  const { root } = resolveCommon(options);
  const canonical = canonicalTag(tag);
  if (canonical === undefined) throw new UsageError(`"${tag}" is not a valid BCP 47 language tag (examples: vi, pt-BR, zh-CN, ar)`);
  if (canonical !== tag) throw new UsageError(`write the tag in canonical form: ${canonical}`);
  const target = path.join(root, 'locales', `${tag}.json`);
  const rel = path.relative(root, target);
  if (existsSync(target)) {
    output.err(`${rel} already exists; nothing was written`);
    return 1;
  }
  // Asking for the language (which has no file yet) brings in the tool's labels of it.
  const project = await validateProject({ root, baseUrl: 'https://example.invalid/', languages: [tag] });
  const english = project.labelReports.find((r) => r.tag === SOURCE_LANGUAGE);
  if (!english) {
    output.err('the English labels could not be read; run `code-compare check`');
    return 1;
  }
  const inherited = project.inheritedLabels(tag);
  const labels = scaffoldLabels(english.labels, tag, inherited);
  await writeFile(target, asJson(labels), { flag: 'wx' });
  const todo = path.join(root, 'locales', `${tag}${TODO_SUFFIX}`);
  await writeFile(todo, asJson(englishBeside(english.labels, labels)));
  const keys = flattenLabels(labels).length;
  const direction = textDirection(tag) === 'rtl' ? ' It is written right to left: its pages get dir="rtl".' : '';
  output.out(`wrote ${rel}: ${keys} labels to translate for ${autonym(tag)} (plural forms: ${pluralCategories(tag).join(', ')}).${direction}`);
  if (inherited.size > 0) output.out(`code-compare's own ${autonym(tag)} labels serve for the other keys; a key written in ${rel} replaces its label.`);
  output.out(`wrote ${path.relative(root, todo)}: the English of each label, on the same line as in ${rel}; open the two side by side. The build never reads it; delete it when you are done.`);
  output.out('next:');
  output.out(`  1. fill in the empty values of ${rel}; an empty value counts as untranslated and shows the English text`);
  output.out(`  2. npx code-compare check --lang ${tag}     problems, with file:line:column`);
  output.out(`  3. npx code-compare status --lang ${tag}    what is translated, stale or missing`);
  output.out(`  4. npx code-compare serve --lang en,${tag}  preview while you edit`);
  output.out(`  5. npx code-compare confirm --lang ${tag}   record the English your labels were translated from`);
  output.out(`  6. translate code texts in locales/${tag}/<family>/<code>.md (see README.md, "For a translator")`);
  return 0;
}
