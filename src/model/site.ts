import { autonym, SOURCE_LANGUAGE, textDirection } from '../i18n/tags.js';
import type { FamilyData, LabelTree, Language, Publisher, Site, UntranslatedPolicy } from './types.js';
import type { Translations } from '../validate/translations.js';

export interface SiteParts {
  readonly baseUrl: string;
  readonly untranslated?: UntranslatedPolicy;
  /** Default: true. */
  readonly search?: boolean;
  readonly families: readonly FamilyData[];
  readonly labels: Readonly<Record<string, LabelTree>>;
  readonly translations: Translations;
  readonly templates: Readonly<Record<string, string>>;
  readonly assets: Readonly<Record<string, string>>;
  readonly binaryAssets?: Readonly<Record<string, string>>;
  readonly publisher?: Publisher;
  /** Content file → when it last changed; files not named here have no known date. */
  readonly modified?: Readonly<Record<string, string>>;
  /** Languages to publish (default: every language with a label file). */
  readonly publish?: readonly string[];
}

function ownName(tag: string, labels: LabelTree | undefined): string {
  const meta = labels?.meta;
  const name = meta && typeof meta === 'object' ? meta.languageName : undefined;
  return typeof name === 'string' && name.trim() ? name : autonym(tag);
}

/** English first, then the other languages by tag, so every list of languages has one order. */
export function orderLanguages(tags: Iterable<string>): string[] {
  const rest = [...tags].filter((t) => t !== SOURCE_LANGUAGE).sort();
  return [SOURCE_LANGUAGE, ...rest];
}

export function buildSite(parts: SiteParts): Site {
  const languages: Language[] = orderLanguages(Object.keys(parts.labels)).filter((tag) => !parts.publish || parts.publish.includes(tag)).map((tag) => ({
    tag,
    dir: textDirection(tag),
    name: ownName(tag, parts.labels[tag]),
  }));
  return {
    baseUrl: parts.baseUrl.endsWith('/') ? parts.baseUrl : `${parts.baseUrl}/`,
    ...(parts.publisher ? { publisher: parts.publisher } : {}),
    untranslated: parts.untranslated ?? 'noindex',
    search: parts.search ?? true,
    languages,
    families: parts.families,
    labels: parts.labels,
    translations: parts.translations.codes,
    pairTranslations: parts.translations.pairs,
    templates: parts.templates,
    assets: parts.assets,
    binaryAssets: parts.binaryAssets ?? {},
    modified: parts.modified ?? {},
  };
}
