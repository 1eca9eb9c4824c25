import { SOURCE_LANGUAGE } from '../i18n/tags.js';
import { contentChain } from './localize.js';
import type { LocalizedPage } from './pages.js';
import { PAIR_FIELDS, type FamilyData, type Site, type TranslatableField } from './types.js';

/** The fields of a code that every page showing it shows, and so must be translated for the page to be. */
const SHOWN_CODE_FIELDS: readonly TranslatableField[] = ['title', 'description', 'when', 'fix'];

const memo = new WeakMap<Site, Map<string, boolean>>();

function remembered(site: Site, key: string, compute: () => boolean): boolean {
  let values = memo.get(site);
  if (!values) memo.set(site, (values = new Map()));
  let value = values.get(key);
  if (value === undefined) values.set(key, (value = compute()));
  return value;
}

/** The languages other than English whose content a page in `lang` may show. */
const translatingChain = (lang: string) => contentChain(lang).filter((tag) => tag !== SOURCE_LANGUAGE);

function hasFields(site: Site, lang: string, family: FamilyData, key: string, fields: readonly TranslatableField[]): boolean {
  const english = key === '_family' ? family.text : family.codes.find((c) => c.code === key)!.text;
  return fields.every((field) => english[field] === undefined || translatingChain(lang).some((tag) => site.translations[tag]?.[family.id]?.[key]?.text[field] !== undefined));
}

function familyTranslated(site: Site, lang: string, family: FamilyData, withBody: boolean): boolean {
  return remembered(site, `${lang}\u0000${family.id}\u0000_family\u0000${withBody}`, () => hasFields(site, lang, family, '_family', withBody ? ['title', 'body'] : ['title']));
}

function codeTranslated(site: Site, lang: string, family: FamilyData, code: string, fields: readonly TranslatableField[] = SHOWN_CODE_FIELDS): boolean {
  return remembered(site, `${lang}\u0000${family.id}\u0000${code}\u0000${fields.join()}`, () => hasFields(site, lang, family, code, fields));
}

function pairTranslated(site: Site, lang: string, family: FamilyData, a: string, b: string): boolean {
  const pair = family.pairs.find((p) => p.a === a && p.b === b);
  if (!pair) return true;
  return PAIR_FIELDS.every((field) => pair.text[field] === undefined || translatingChain(lang).some((tag) => site.pairTranslations[tag]?.[family.id]?.[`${a}-vs-${b}`]?.text[field] !== undefined));
}

/**
 * Whether every content field a page shows has a translation (current or stale) in its language:
 * the family's title (and introduction on its index), each code's title, description, when and fix
 * (titles only on the index), and the pair file's text. The home page shows codes' titles only
 * where they are translated.
 */
export function isTranslated(site: Site, page: LocalizedPage): boolean {
  if (page.lang === SOURCE_LANGUAGE) return true;
  if (page.kind === 'home') return site.families.every((f) => familyTranslated(site, page.lang, f, false));
  const family = site.families.find((f) => f.id === page.family)!;
  switch (page.kind) {
    case 'family':
      return familyTranslated(site, page.lang, family, true) && family.codes.every((c) => codeTranslated(site, page.lang, family, c.code, ['title']));
    case 'code':
      return codeTranslated(site, page.lang, family, page.code);
    case 'pair':
      return codeTranslated(site, page.lang, family, page.a) && codeTranslated(site, page.lang, family, page.b) && pairTranslated(site, page.lang, family, page.a, page.b);
  }
}

/**
 * Every answer isTranslated can give, for every published language: which pages search engines
 * are offered depends on the other languages' translations, so a page's hreflang set does too.
 */
export function coverageKey(site: Site): string {
  const flags: string[] = [];
  for (const { tag } of site.languages) {
    if (tag === SOURCE_LANGUAGE) continue;
    for (const family of site.families) {
      flags.push(`${tag} ${family.id}`, familyTranslated(site, tag, family, true) ? '1' : '0', familyTranslated(site, tag, family, false) ? '1' : '0');
      for (const { code } of family.codes) flags.push(codeTranslated(site, tag, family, code) ? '1' : '0', codeTranslated(site, tag, family, code, ['title']) ? '1' : '0');
      for (const pair of family.pairs) flags.push(pairTranslated(site, tag, family, pair.a, pair.b) ? '1' : '0');
    }
  }
  return flags.join();
}
