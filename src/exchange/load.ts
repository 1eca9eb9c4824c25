import type { Diagnostic } from '../diagnostics.js';
import { loadProject } from '../load/project.js';
import { validateFamilies } from '../validate/codes.js';
import { validateTranslations } from '../validate/translations.js';
import { collectEntries, type EntryInputs, type ExchangeEntry } from './entries.js';

export interface LanguageStrings {
  readonly inputs: EntryInputs;
  readonly entries: readonly ExchangeEntry[];
  /** Errors that keep the strings from being known: broken English, an unreadable label file. */
  readonly errors: readonly Diagnostic[];
}

/**
 * Reads the English and one language's translations under `root` and lists their strings. Only
 * errors are returned: warnings about translations (stale, unknown fields) are `check`'s to report.
 */
export async function loadLanguageStrings(root: string, tag: string, families?: readonly string[]): Promise<LanguageStrings | { errors: readonly Diagnostic[] }> {
  const raw = await loadProject(root, { languages: [tag], ...(families ? { families } : {}) });
  const diagnostics: Diagnostic[] = [...raw.diagnostics];
  const validated = validateFamilies(raw.families, diagnostics, families !== undefined);
  const translations = validateTranslations(raw.translations, validated, []);
  const english = raw.locales.find((f) => f.path === 'locales/en.json');
  const labels = raw.locales.find((f) => f.path === `locales/${tag}.json`);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!english && !errors.some((d) => d.file === 'locales/en.json')) {
    errors.push({ file: 'locales/en.json', line: 1, column: 1, severity: 'error', rule: 'missing-source', message: 'locales/en.json, the source of every label, is missing' });
  }
  if (errors.length > 0 || !english) return { errors };
  const inputs: EntryInputs = { tag, english, ...(labels ? { labels } : {}), families: validated, rawFamilies: raw.families, translations };
  return { inputs, entries: collectEntries(inputs), errors: [] };
}
