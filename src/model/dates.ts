import { SOURCE_LANGUAGE } from '../i18n/tags.js';
import { pageInputs, type PageInputs } from './inputs.js';
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

type UnitDates = Map<string, string | null>;
const unitDates = new WeakMap<Site, UnitDates>();

/** The latest date of one code's, family's or pair's files in `lang` (null: one has none), memoized per site. */
export function unitModified(site: Site, lang: string, family: string, key: string): string | null {
  let dates = unitDates.get(site);
  if (!dates) unitDates.set(site, (dates = new Map()));
  const id = `${lang}\u0000${family}\u0000${key}`;
  let date = dates.get(id);
  if (date === undefined) {
    date = '';
    for (const file of contentFiles(site, lang, family, key)) {
      const known = site.modified[file];
      if (known === undefined) {
        date = null;
        break;
      }
      if (known > date) date = known;
    }
    dates.set(id, date);
  }
  return date;
}

/**
 * When a page's content last changed: the latest date of the content files it is made of, those
 * its declared inputs name (its codes, its pair file, its family's file, linked codes of other
 * families; a home page: every family's file) and their translations into its language. Labels and
 * templates are not content: they date no page. ISO dates in UTC compare as strings.
 * Undefined when one of the files has no known date (uncommitted, or no history), and for the
 * pages without content (the language chooser, 404). `inputs`, when given, are the page's own.
 */
export function pageModified(site: Site, page: PageRef, inputs?: PageInputs): string | undefined {
  if (page.kind === 'chooser' || page.kind === 'notFound') return undefined;
  const units: Array<[string, string]> = [];
  if (page.kind === 'home') {
    for (const f of site.families) units.push([f.id, '_family']);
  } else {
    const declared = inputs ?? pageInputs(site, page);
    const family = declared.family!.id;
    units.push([family, '_family'], ...declared.codes.map((code): [string, string] => [family, code]));
    if (declared.pair) units.push([family, `pairs/${declared.pair.a}-vs-${declared.pair.b}`]);
    for (const other of declared.others ?? []) units.push([other.family.id, '_family'], ...other.codes.map((code): [string, string] => [other.family.id, code]));
  }
  let latest = '';
  for (const [family, key] of units) {
    const date = unitModified(site, page.lang, family, key);
    if (date === null) return undefined;
    if (date > latest) latest = date;
  }
  return latest || undefined;
}
