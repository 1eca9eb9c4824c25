import { flattenLabels, splitPluralKey } from '../i18n/labels.js';
import { translationPath } from '../i18n/source-paths.js';
import { autonym, languageSlug, SOURCE_LANGUAGE, textDirection, type Direction } from '../i18n/tags.js';
import type { ValidatedProject } from '../project.js';
import { wordDiffParts, type DiffPart } from '../cli/word-diff.js';
import type { LanguageStatus } from '../cli/status.js';
import { englishSource, familySourceText, FAMILY_KEY } from '../validate/english-source.js';
import { flatPairText } from '../validate/pair-text.js';
import { PAIR_PREFIX } from '../validate/pair-translations.js';

export interface Count {
  readonly done: number;
  readonly total: number;
}

/** A page of the built site a translation shows on. */
export interface PageLink {
  /** `de/smtp/550`: the page's folder in the site, language by its tag. */
  readonly name: string;
  readonly href: string;
}

/** One part of a label or text (a plural form, a field) that is missing or whose English changed. */
export interface EntryPart {
  readonly part: string;
  /** The English now; absent when the part was removed from the English. */
  readonly english?: string;
  /** The translation now, in the entry's language; absent when there is none. */
  readonly translation?: string;
  /** Stale entries only: the English then against the English now. */
  readonly diff?: readonly DiffPart[];
}

/** A missing or stale label (`site.home`) or content text (`smtp/553`), and where to fix it. */
export interface DashboardEntry {
  readonly kind: 'label' | 'content';
  readonly id: string;
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** Stale entries whose English then was not recorded have no diff to show. */
  readonly englishThen?: 'recorded' | 'unknown';
  readonly parts: readonly EntryPart[];
  readonly pages: readonly PageLink[];
  /** For labels: they show on every page of the language, the one linked is an example. */
  readonly everyPage: boolean;
}

export interface DashboardLanguage {
  readonly tag: string;
  /** The language's own name for itself. */
  readonly name: string;
  readonly dir: Direction;
  readonly labels: Count;
  readonly content: Count;
  readonly indexable?: Count;
  readonly unrecordedLabels: number;
  readonly stale: readonly DashboardEntry[];
  readonly missing: readonly DashboardEntry[];
}

export interface Dashboard {
  /** Where page links lead, as given (a URL or a path relative to the dashboard). */
  readonly siteBase: string;
  readonly languages: readonly DashboardLanguage[];
}

/** A page's href under the site base: a folder's index.html for a path (file:// shows no index), the folder for an http(s) site. */
export function pageHref(siteBase: string, dir: string): string {
  const base = siteBase === '' || siteBase.endsWith('/') ? siteBase : `${siteBase}/`;
  const served = /^https?:\/\//i.test(base);
  return `${base}${dir.split('/').map(encodeURIComponent).join('/')}/${served ? '' : 'index.html'}`;
}

function link(siteBase: string, tag: string, dir: string): PageLink {
  return { name: dir ? `${tag}/${dir}` : `${tag}/`, href: pageHref(siteBase, dir ? `${languageSlug(tag)}/${dir}` : languageSlug(tag)) };
}

/** The pages a content text shows on: its code, family or comparison page, and for titles the index listing it. */
function contentPages(siteBase: string, tag: string, id: string, parts: readonly string[]): PageLink[] {
  const [family = '', ...rest] = id.split('/');
  const name = rest.join('/');
  const titled = parts.includes('title');
  if (name.startsWith(PAIR_PREFIX)) return [link(siteBase, tag, `${family}/${name.slice(PAIR_PREFIX.length)}`)];
  if (name === FAMILY_KEY) return [link(siteBase, tag, family), ...(titled ? [link(siteBase, tag, '')] : [])];
  return [link(siteBase, tag, `${family}/${name}`), ...(titled ? [link(siteBase, tag, family)] : [])];
}

/** A record's value for a part, or, for a list or mapping (`differences`), its items joined. */
function partOf(record: Readonly<Record<string, string | undefined>>, part: string): string | undefined {
  if (record[part] !== undefined) return record[part];
  const items = Object.entries(record).filter(([key, value]) => key.startsWith(`${part}.`) && value !== undefined);
  return items.length > 0 ? items.map(([key, value]) => `${key.slice(part.length + 1)}: ${value}`).join('\n') : undefined;
}

/** The translated text of a content id in the record form its English has (`class 5`, `differences.0`). */
function translatedRecord(project: ValidatedProject, tag: string, id: string): Record<string, string | undefined> {
  const [family = '', ...rest] = id.split('/');
  const name = rest.join('/');
  if (name.startsWith(PAIR_PREFIX)) {
    const pair = project.translations.pairs[tag]?.[family]?.[name.slice(PAIR_PREFIX.length)];
    return pair ? flatPairText(pair.text) : {};
  }
  const translation = project.translations.codes[tag]?.[family]?.[name];
  return translation ? familySourceText(translation.text, translation.classes) : {};
}

function labelValues(project: ValidatedProject, tag: string): Map<string, string> {
  const tree = project.labelReports.find((r) => r.tag === tag)?.labels ?? {};
  return new Map(flattenLabels(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value] as [string, string]] : [])));
}

/** The keys of a label: itself, or each plural form (`home.codeCount_one`, `_other`). */
const formsOf = (labels: ReadonlyMap<string, string>, base: string) => [...labels.keys()].filter((key) => key === base || splitPluralKey(key).base === base);

function missingEntries(project: ValidatedProject, status: LanguageStatus, siteBase: string, english: ReadonlyMap<string, string>): DashboardEntry[] {
  const own = labelValues(project, status.tag);
  const labels = status.missing.filter((m) => m.startsWith('label ')).map((m): DashboardEntry => {
    const key = m.slice('label '.length);
    const parts = formsOf(english, key).map((form) => ({ part: form, english: english.get(form), translation: own.get(form) }));
    return { kind: 'label', id: key, file: `locales/${status.tag}.json`, parts, pages: [link(siteBase, status.tag, '')], everyPage: true };
  });
  const fieldsById = new Map<string, string[]>();
  for (const m of status.missing.filter((m) => m.startsWith('content '))) {
    const [id = '', field = ''] = m.slice('content '.length).split('#');
    fieldsById.set(id, [...(fieldsById.get(id) ?? []), field]);
  }
  const content = [...fieldsById].map(([id, fields]): DashboardEntry => {
    const record = englishSource(project.families, id)?.record ?? {};
    const parts = fields.map((field) => ({ part: field, english: partOf(record, field) }));
    return { kind: 'content', id, file: translationPath(status.tag, id), parts, pages: contentPages(siteBase, status.tag, id, fields), everyPage: false };
  });
  return [...labels, ...content];
}

function staleEntries(project: ValidatedProject, status: LanguageStatus, siteBase: string): DashboardEntry[] {
  const own = labelValues(project, status.tag);
  return status.staleTranslations.map((item): DashboardEntry => {
    const translated = item.kind === 'label' ? Object.fromEntries(own) : translatedRecord(project, status.tag, item.id);
    const english = item.kind === 'label' ? {} : (englishSource(project.families, item.id)?.record ?? {});
    const parts = item.changes
      ? item.changes.map((c) => ({ part: c.part, english: c.now, translation: translated[c.part], diff: wordDiffParts(c.then, c.now) }))
      : Object.keys(english).map((part) => ({ part, english: english[part], translation: partOf(translated, part) }));
    const pages = item.kind === 'label' ? [link(siteBase, status.tag, '')] : contentPages(siteBase, status.tag, item.id, parts.map((p) => p.part));
    const where = item.line === undefined ? {} : { line: item.line, column: item.column };
    return { kind: item.kind, id: item.id, file: item.file, ...where, englishThen: item.englishThen, parts, pages, everyPage: item.kind === 'label' };
  });
}

/** The dashboard of every language but English: its coverage, and each missing or stale translation with its English and pages. */
export function dashboardModel(project: ValidatedProject, languages: readonly LanguageStatus[], siteBase: string): Dashboard {
  const english = labelValues(project, SOURCE_LANGUAGE);
  return {
    siteBase,
    languages: languages
      .filter((l) => l.tag !== SOURCE_LANGUAGE)
      .map((status) => ({
        tag: status.tag,
        name: autonym(status.tag),
        dir: textDirection(status.tag),
        labels: { done: status.labels.translated, total: status.labels.total },
        content: { done: status.content.translated, total: status.content.total },
        ...(status.indexable ? { indexable: { done: status.indexable.pages, total: status.indexable.total } } : {}),
        unrecordedLabels: status.unrecordedLabels,
        stale: staleEntries(project, status, siteBase),
        missing: missingEntries(project, status, siteBase, english),
      })),
  };
}
