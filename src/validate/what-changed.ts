import { translationOf, type ContentReport, type Translations } from './translations.js';
import type { EnglishSource } from './english-source.js';
import type { LabelSourceReport } from './label-sources.js';
import { translationPath } from '../i18n/source-paths.js';

/** One part of the English (a field, a class name, a plural form) that differs from what a translation was made from. */
export interface EnglishChange {
  readonly part: string;
  /** Absent when the part did not exist then. */
  readonly then?: string;
  /** Absent when the part no longer exists. */
  readonly now?: string;
}

/** A stale translation and what changed in its English since it was made. */
export interface StaleTranslation {
  readonly kind: 'label' | 'content';
  /** The label key (`site.home`) or the content id (`smtp/553`). */
  readonly id: string;
  /** The translation's file, and for a label where its key is written. */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** Undefined when the English it was made from was not recorded. */
  readonly changes?: readonly EnglishChange[];
}

/** The parts of two versions of the same English that differ, in the order of the current one. */
export function englishChanges(then: Readonly<Record<string, string>>, now: Readonly<Record<string, string>>): EnglishChange[] {
  const parts = [...new Set([...Object.keys(now), ...Object.keys(then)])];
  return parts.filter((part) => then[part] !== now[part]).map((part) => ({ part, then: then[part], now: now[part] }));
}

export function staleLabels(report: LabelSourceReport): StaleTranslation[] {
  return report.stale.map((label) => ({
    kind: 'label',
    id: label.key,
    file: label.file,
    line: label.at.line,
    column: label.at.column,
    changes: label.changes.map((c) => ({ part: c.key, then: c.then, now: c.now })),
  }));
}

/**
 * The stale content of one language. `recorded` gives the English recorded for a content id under
 * a source hash (from locales/_sources/), undefined when it was not recorded.
 */
export function staleContent(
  report: ContentReport,
  english: ReadonlyMap<string, EnglishSource>,
  translations: Translations,
  recorded: (id: string, hash: string) => Readonly<Record<string, string>> | undefined,
): StaleTranslation[] {
  return report.stale.flatMap((id) => {
    const now = english.get(id);
    const hash = translationOf(translations, report.tag, id)?.sourceHash;
    if (!now) return [];
    const then = hash ? recorded(id, hash) : undefined;
    return [{ kind: 'content', id, file: translationPath(report.tag, id), changes: then && englishChanges(then, now.record) }];
  });
}
