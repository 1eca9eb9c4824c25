import { isTranslated } from './coverage.js';
import { featuredPair } from './featured.js';
import { inLanguage, languagePages, pageDir, type LocalizedPage, type PageRef } from './pages.js';
import type { Site } from './types.js';

/**
 * Whether search engines are invited to index a page. Every pair is built so that any two codes
 * can be compared, but only featured pairs are indexed: the rest would be thin pages. A page whose
 * content is not translated into its language is built for readers who chose that language, but
 * not offered to search engines as that language's version, unless the project says otherwise.
 */
export function isIndexable(site: Site, page: PageRef): boolean {
  if (page.kind === 'chooser' || page.kind === 'notFound') return page.kind === 'chooser';
  if (page.kind === 'pair') {
    const family = site.families.find((f) => f.id === page.family);
    if (!family || !featuredPair(family, page.a, page.b)) return false;
  }
  return site.untranslated === 'index' || isTranslated(site, page);
}

interface HreflangSet {
  readonly tags: string[];
  /** The tags joined by commas, as a page's input hash takes them. */
  readonly joined: string;
}

const hreflangSets = new WeakMap<Site, Map<string, HreflangSet>>();

function hreflangSet(site: Site, page: LocalizedPage): HreflangSet {
  let sets = hreflangSets.get(site);
  if (!sets) hreflangSets.set(site, (sets = new Map()));
  const key = pageDir(page, () => '');
  let set = sets.get(key);
  if (!set) {
    const tags = site.languages.filter((l) => isIndexable(site, inLanguage(page, l.tag))).map((l) => l.tag);
    sets.set(key, (set = { tags, joined: tags.join() }));
  }
  return set;
}

/** The languages in which a page is indexable, in the site's language order: its hreflang set, the same for every version. */
export function indexableLanguages(site: Site, page: LocalizedPage): string[] {
  return hreflangSet(site, page).tags;
}

/** indexableLanguages joined by commas, made once per set. */
export function indexableLanguagesJoined(site: Site, page: LocalizedPage): string {
  return hreflangSet(site, page).joined;
}

export interface IndexableCount {
  readonly lang: string;
  readonly indexable: number;
  readonly pages: number;
}

/** Per language, how many of its pages are indexable: counted from each page's hreflang set, made once for all its versions. */
export function indexableCounts(site: Site): IndexableCount[] {
  const first = site.languages[0];
  if (!first) return [];
  const pages = languagePages(first.tag, site.families);
  const indexable = new Map(site.languages.map((l) => [l.tag, 0]));
  for (const page of pages) for (const tag of indexableLanguages(site, page)) indexable.set(tag, indexable.get(tag)! + 1);
  return site.languages.map((l) => ({ lang: l.tag, indexable: indexable.get(l.tag)!, pages: pages.length }));
}
