import { SOURCE_LANGUAGE } from '../i18n/tags.js';
import { pageInputs } from './inputs.js';
import { contentChain } from './localize.js';
import type { PageRef } from './pages.js';
import type { Site } from './types.js';

/** The content files of one code (`553`), family (`_family`) or pair (`pairs/550-vs-553`) that a page in `lang` shows: the English and its translations. */
function contentFiles(site: Site, lang: string, family: string, key: string): string[] {
  const files = [`codes/${family}/${key}.md`];
  const pair = key.startsWith('pairs/') ? key.slice('pairs/'.length) : undefined;
  for (const tag of contentChain(lang)) {
    if (tag === SOURCE_LANGUAGE) continue;
    const translated = pair ? site.pairTranslations[tag]?.[family]?.[pair] : site.translations[tag]?.[family]?.[key];
    if (translated) files.push(`locales/${tag}/${family}/${key}.md`);
  }
  return files;
}

/**
 * The content files a page is made of, by the paths they are read from: those its declared inputs
 * name (its codes, its pair file, its family's file, linked codes of other families) and their
 * translations into the page's language. Labels and templates are not content: they date no page.
 */
export function pageSources(site: Site, page: PageRef): string[] {
  if (page.kind === 'chooser' || page.kind === 'notFound') return [];
  if (page.kind === 'home') return site.families.flatMap((f) => contentFiles(site, page.lang, f.id, '_family'));
  const inputs = pageInputs(site, page);
  const family = inputs.family!.id;
  const files = contentFiles(site, page.lang, family, '_family');
  for (const code of inputs.codes) files.push(...contentFiles(site, page.lang, family, code));
  if (inputs.pair) files.push(...contentFiles(site, page.lang, family, `pairs/${inputs.pair.a}-vs-${inputs.pair.b}`));
  for (const other of inputs.others ?? []) {
    files.push(...contentFiles(site, page.lang, other.family.id, '_family'));
    for (const code of other.codes) files.push(...contentFiles(site, page.lang, other.family.id, code));
  }
  return files;
}

/**
 * When a page's content last changed: the latest date of its content files (ISO dates in UTC
 * compare as strings). Undefined when one of them has no known date (uncommitted, or no history),
 * and for the pages without content (the language chooser, 404).
 */
export function pageModified(site: Site, page: PageRef): string | undefined {
  const files = pageSources(site, page);
  let latest: string | undefined;
  for (const file of files) {
    const date = site.modified[file];
    if (date === undefined) return undefined;
    if (latest === undefined || date > latest) latest = date;
  }
  return latest;
}
