import type { Diagnostic } from '../diagnostics.js';
import type { JsonFile } from '../load/json.js';
import { flattenLabels } from '../i18n/labels.js';
import { validateLabels } from './labels.js';

/** The tool's own labels, each language's checked against the tool's English: what a project's labels fall back to. */
export interface LabelDefaults {
  /** Where the tool's en.json is, for a project that has none. */
  readonly englishFile: string;
  readonly english: ReadonlyMap<string, string>;
  /** tag → key → text. */
  readonly translations: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

const FAMILY_KEY = /^families\.([^.]+)\./;

/**
 * Validates the tool's label files on their own (their faults are the tool's and are not reported
 * to the project) and keeps what passes. Facet labels of families the project does not have
 * (`families.smtp.…` in a project without codes/smtp) are left out: they would only count as labels
 * to translate.
 */
export function labelDefaults(files: readonly JsonFile[], familyIds: readonly string[], display: (file: string) => string): LabelDefaults | undefined {
  const result = validateLabels(files, [] as Diagnostic[]);
  if (!result.source) return undefined;
  const wanted = ([key]: readonly [string, unknown]) => {
    const family = FAMILY_KEY.exec(key)?.[1];
    return family === undefined || familyIds.includes(family);
  };
  const entries = (tree: unknown) => new Map(flattenLabels(tree).filter((e): e is [string, string] => typeof e[1] === 'string' && wanted(e)));
  return {
    englishFile: display(result.source.file),
    english: entries(result.source.labels),
    translations: new Map(result.reports.filter((r) => r !== result.source).map((r) => [r.tag, entries(r.labels)])),
  };
}
