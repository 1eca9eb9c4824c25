import path from 'node:path';
import { diagnostic, type Diagnostic, type Position } from '../diagnostics.js';
import type { JsonFile } from '../load/json.js';
import { flattenLabels, splitPluralKey } from '../i18n/labels.js';
import { LABEL_SOURCES_SUFFIX } from '../i18n/source-paths.js';
import { SOURCE_LANGUAGE } from '../i18n/tags.js';
import type { LabelReport, LabelsResult } from './labels.js';

/** One English form of a label whose text differs from what the translation was made from. */
export interface LabelChange {
  /** The English key: `site.home`, or one plural form such as `home.codeCount_one`. */
  readonly key: string;
  /** Absent when the form did not exist then. */
  readonly then?: string;
  /** Absent when the form no longer exists. */
  readonly now?: string;
}

/** A translated label (a plural group counts once) whose English changed since it was translated. */
export interface StaleLabel {
  readonly key: string;
  readonly file: string;
  readonly at: Position;
  readonly changes: readonly LabelChange[];
}

/** Where each translated label of one language stands against the English it was made from. */
export interface LabelSourceReport {
  readonly tag: string;
  /** Translated label (base key) → its English forms now, which is what `confirm` records. */
  readonly current: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** What locales/<tag>.source.json holds, by English key. */
  readonly recorded: ReadonlyMap<string, string>;
  readonly stale: readonly StaleLabel[];
  /** Translated labels with nothing recorded: taken as current until `confirm` records them. */
  readonly unrecorded: readonly string[];
}

/** English key → text, grouped by label: `home.codeCount` → { home.codeCount_one: …, home.codeCount_other: … }. */
export function englishByLabel(english: ReadonlyMap<string, string>): Map<string, Map<string, string>> {
  const groups = new Map<string, Map<string, string>>();
  for (const [key, text] of english) {
    const base = english.has(splitPluralKey(key).base) ? key : splitPluralKey(key).base;
    (groups.get(base) ?? groups.set(base, new Map()).get(base)!).set(key, text);
  }
  return groups;
}

/** Reads a flat `{ "english.key": "English text" }` record; anything else in it is reported and ignored. */
export function readLabelSources(file: JsonFile, diagnostics: Diagnostic[]): Map<string, string> {
  const recorded = new Map<string, string>();
  const warn = (at: Position, message: string) => diagnostics.push(diagnostic(file.path, at, 'warning', 'label-sources', message));
  if (file.value === null || typeof file.value !== 'object' || Array.isArray(file.value)) {
    warn({ line: 1, column: 1 }, 'a label source record must hold a JSON object of English keys and texts; it is ignored (`code-compare confirm` rewrites it)');
    return recorded;
  }
  for (const [key, text] of Object.entries(file.value)) {
    if (typeof text === 'string') recorded.set(key, text);
    else warn(file.locate([key]), `\`${key}\` must be the English text the label was translated from; it is ignored`);
  }
  return recorded;
}

const tagOfLabelSources = (file: JsonFile) => path.posix.basename(file.path).slice(0, -LABEL_SOURCES_SUFFIX.length);

/**
 * Compares each translated label of one language with the English recorded for it. A label with
 * nothing recorded is taken as current (it is recorded by `confirm`); one whose English changed is
 * reported where its key is written in the label file.
 */
export function checkLabelSources(
  labelFile: JsonFile,
  report: LabelReport,
  english: ReadonlyMap<string, ReadonlyMap<string, string>>,
  recorded: ReadonlyMap<string, string>,
  diagnostics: Diagnostic[],
): LabelSourceReport {
  // Only the labels the project's file holds: those it inherits from the tool's own are not its to review.
  const own = new Set(flattenLabels(labelFile.value).filter(([, value]) => typeof value === 'string' && value !== '').map(([key]) => key));
  const firstKey = new Map<string, string>();
  for (const [key] of flattenLabels(report.labels).filter(([key]) => own.has(key))) {
    const base = english.has(key) ? key : splitPluralKey(key).base;
    if (!firstKey.has(base)) firstKey.set(base, key);
  }
  const current = new Map<string, ReadonlyMap<string, string>>();
  const stale: StaleLabel[] = [];
  const unrecorded: string[] = [];
  if (report.tag === SOURCE_LANGUAGE) return { tag: report.tag, current, recorded, stale, unrecorded };
  const recordedByBase = new Map<string, string[]>();
  for (const k of recorded.keys()) {
    const base = splitPluralKey(k).base;
    (recordedByBase.get(base) ?? recordedByBase.set(base, []).get(base)!).push(k);
  }
  for (const [base, forms] of english) {
    const key = firstKey.get(base);
    if (key === undefined) continue;
    current.set(base, forms);
    const keys = [...new Set([...forms.keys(), ...(recordedByBase.get(base) ?? [])])];
    if (!keys.some((k) => recorded.has(k))) {
      unrecorded.push(base);
      continue;
    }
    const changes = keys.filter((k) => recorded.get(k) !== forms.get(k)).map((k): LabelChange => ({ key: k, then: recorded.get(k), now: forms.get(k) }));
    if (changes.length === 0) continue;
    const at = labelFile.locate(key.split('.'));
    stale.push({ key: base, file: labelFile.path, at, changes });
    diagnostics.push(
      diagnostic(labelFile.path, at, 'warning', 'stale-label', `the English of \`${base}\` has changed since it was translated; review the translation (\`code-compare status --lang ${report.tag}\` shows what changed), then run \`code-compare confirm --lang ${report.tag} ${base}\``),
    );
  }
  return { tag: report.tag, current, recorded, stale, unrecorded };
}

/** Checks every translated label of every language against locales/<tag>.source.json. */
export function validateLabelSources(labelFiles: readonly JsonFile[], sourceFiles: readonly JsonFile[], labels: LabelsResult, diagnostics: Diagnostic[]): LabelSourceReport[] {
  if (!labels.source) return [];
  const english = englishByLabel(new Map(flattenLabels(labels.source.labels).filter((e): e is [string, string] => typeof e[1] === 'string')));
  return labels.reports.flatMap((report) => {
    const labelFile = labelFiles.find((f) => f.path === report.file);
    if (!labelFile) return [];
    const sources = sourceFiles.find((f) => tagOfLabelSources(f) === report.tag);
    const recorded = sources ? readLabelSources(sources, diagnostics) : new Map<string, string>();
    return [checkLabelSources(labelFile, report, english, recorded, diagnostics)];
  });
}

/**
 * The record of one language after confirming `confirmed` (label keys), and with `recordNew` every
 * translated label that has none yet: the English now for those, what was recorded for the others.
 * Labels no longer translated are dropped. In the order of en.json.
 */
export function labelRecordAfter(report: LabelSourceReport, confirmed: ReadonlySet<string>, recordNew: boolean): Map<string, string> {
  const record = new Map<string, string>();
  const unrecorded = new Set(report.unrecorded);
  for (const [base, forms] of report.current) {
    if (confirmed.has(base) || (recordNew && unrecorded.has(base))) {
      for (const [key, now] of forms) record.set(key, now);
      continue;
    }
    const dropped = [...report.recorded.keys()].filter((key) => !forms.has(key) && splitPluralKey(key).base === base);
    for (const key of [...forms.keys(), ...dropped]) {
      const then = report.recorded.get(key);
      if (then !== undefined) record.set(key, then);
    }
  }
  return record;
}
