import { promises as fs } from 'node:fs';
import path from 'node:path';
import { hasErrors } from '../diagnostics.js';
import { readContentSources, type SourceVersions } from '../load/content-sources.js';
import { decodeUtf8, normalizeText } from '../load/files.js';
import { parseFrontMatter } from '../load/front-matter.js';
import { setSourceHash } from '../i18n/source-hash-line.js';
import { contentSourcesPath, labelSourcesPath, translationPath } from '../i18n/source-paths.js';
import { SOURCE_LANGUAGE } from '../i18n/tags.js';
import { validateProject, type ValidatedProject } from '../project.js';
import { englishSources, type EnglishSource } from '../validate/english-source.js';
import { labelRecordAfter } from '../validate/label-sources.js';
import { translationOf } from '../validate/translations.js';
import { replaceFile } from '../write/text-file.js';
import { resolveTargets } from './confirm-targets.js';
import { UsageError } from './options.js';
import { printDiagnostics, type Output } from './report.js';

export interface ConfirmCommandOptions {
  readonly root?: string;
  readonly lang?: string[];
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Records the English now as the source of the given labels of `tag`, and of every label that has none with `recordNew`. */
async function confirmLabels(root: string, project: ValidatedProject, tag: string, keys: ReadonlySet<string>, recordNew: boolean, output: Output): Promise<void> {
  const report = project.labelSources.find((r) => r.tag === tag)!;
  const record = labelRecordAfter(report, keys, recordNew);
  const file = labelSourcesPath(tag);
  const before = await fs.readFile(path.join(root, file), 'utf8').catch(() => undefined);
  const after = json(Object.fromEntries(record));
  if (after !== before && (before !== undefined || record.size > 0)) await replaceFile(path.join(root, file), after);
  const stale = new Set(report.stale.map((s) => s.key));
  const unrecorded = new Set(report.unrecorded);
  for (const key of keys) {
    const done = stale.has(key) ? 'confirmed: translated from the English now' : unrecorded.has(key) ? 'recorded: translated from the English now' : 'was already current';
    output.out(`${file}: \`${key}\` ${done}`);
  }
  const added = recordNew ? report.unrecorded.length : 0;
  if (added > 0) output.out(`${file}: recorded the English of ${added} label${added === 1 ? '' : 's'} with none recorded`);
}

/** Sets the source_hash of one translation to its English now, changing nothing else in the file. */
async function confirmContent(root: string, tag: string, english: EnglishSource, output: Output): Promise<string | undefined> {
  const file = translationPath(tag, english.id);
  const abs = path.join(root, file);
  const bytes = await fs.readFile(abs);
  // Decoded as is: a byte order mark is kept, since only the source_hash line may change.
  const text = decodeUtf8(bytes) === undefined ? undefined : bytes.toString('utf8');
  const updated = text === undefined ? undefined : setSourceHash(text, english.hash);
  const parsed = updated === undefined ? undefined : parseFrontMatter({ path: file, text: normalizeText(updated) }).file;
  const written = parsed && (typeof parsed.data.source_hash === 'number' ? parsed.sourceOf(['source_hash']) : parsed.data.source_hash);
  if (written !== english.hash) return `${file}: could not set its source_hash; set it by hand: source_hash: "${english.hash}"`;
  await replaceFile(abs, updated!);
  output.out(`${file}: source_hash set to ${english.hash}, the English now`);
  return undefined;
}

/**
 * Records the English now of each content id (for the diff `status` shows when it changes next),
 * keeping only the versions some translation still refers to.
 */
async function recordEnglish(root: string, project: ValidatedProject, sources: readonly EnglishSource[], confirmed: ReadonlySet<string>): Promise<number> {
  const tags = [...new Set([...Object.keys(project.translations.codes), ...Object.keys(project.translations.pairs)])];
  let written = 0;
  for (const source of sources) {
    const versions = await readContentSources(root, source.id);
    const inUse = new Set(tags.flatMap((tag) => (confirmed.has(`${tag}\u0000${source.id}`) ? [] : [translationOf(project.translations, tag, source.id)?.sourceHash ?? ''])));
    const kept: SourceVersions = { [source.hash]: source.record };
    for (const [hash, record] of Object.entries(versions)) if (inUse.has(hash)) kept[hash] = record;
    if (json(kept) === json(versions)) continue;
    await replaceFile(path.join(root, contentSourcesPath(source.id)), json(kept));
    written++;
  }
  return written;
}

/**
 * `confirm --lang TAG ITEM…` records that the translations named have been reviewed against the
 * English now. Without items it records the English of every current translation that has none
 * recorded (labels translated since the last record, content whose English was never recorded),
 * and never confirms a stale one.
 */
export async function confirmCommand(items: readonly string[], options: ConfirmCommandOptions, output: Output): Promise<number> {
  const root = path.resolve(options.root ?? '.');
  // Every language is read: a recorded English version is kept while any translation refers to it.
  const project = await validateProject({ root, baseUrl: 'https://example.invalid/' });
  if (hasErrors(project.diagnostics)) {
    printDiagnostics(project.diagnostics.filter((d) => d.severity === 'error'), output);
    output.err('confirm records the English as it is now: fix the errors above first');
    return 1;
  }
  const translated = [...project.labelReports.map((r) => r.tag), ...Object.keys(project.translations.codes), ...Object.keys(project.translations.pairs)];
  const known = [...new Set(translated)].filter((tag) => tag !== SOURCE_LANGUAGE);
  for (const tag of options.lang ?? []) {
    if (tag === SOURCE_LANGUAGE) throw new UsageError('English is the source of every translation; there is nothing to confirm in it');
    if (!known.includes(tag)) throw new UsageError(`no locales/${tag}.json nor locales/${tag}/ (--lang)`);
  }
  const targets = await resolveTargets(root, project, items, options.lang);
  for (const fault of targets.faults) output.err(`error: ${fault}`);
  if (targets.faults.length > 0) return 1;

  const recordNew = items.length === 0;
  const tags = options.lang ?? known;
  const english = new Map(englishSources(project.families).map((s) => [s.id, s]));
  const confirmed = new Set<string>();
  let status = 0;
  for (const tag of new Set([...tags, ...targets.labels.keys(), ...targets.content.keys()])) {
    const hasLabels = project.labelSources.some((r) => r.tag === tag);
    if (hasLabels && (recordNew || targets.labels.has(tag))) await confirmLabels(root, project, tag, targets.labels.get(tag) ?? new Set(), recordNew, output);
    for (const id of targets.content.get(tag) ?? []) {
      const current = translationOf(project.translations, tag, id)?.stale === false;
      if (current) output.out(`${translationPath(tag, id)}: source_hash ${english.get(id)!.hash} was already current`);
      const fault = current ? undefined : await confirmContent(root, tag, english.get(id)!, output);
      if (fault) output.err(`error: ${fault}`);
      else confirmed.add(`${tag}\u0000${id}`);
      status = fault ? 1 : status;
    }
  }
  const ids = new Set([...confirmed].map((key) => key.split('\u0000')[1]!));
  if (recordNew) {
    for (const tag of tags) for (const source of english.values()) if (translationOf(project.translations, tag, source.id)?.stale === false) ids.add(source.id);
  }
  const written = await recordEnglish(root, project, [...ids].map((id) => english.get(id)!), confirmed);
  if (written > 0) output.out(`locales/_sources/: recorded the English of ${written} text${written === 1 ? '' : 's'}, for the diff \`status\` shows when it changes`);
  return status;
}
