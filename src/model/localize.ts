import { classPrefix } from './order.js';
import type { CodeData, ContentTranslation, FamilyData, PairData, PairText, Site, TextFields, TranslatableField } from './types.js';
import { SOURCE_LANGUAGE } from '../i18n/tags.js';

/** A piece of text and the language it is actually in (English where no translation exists). */
export interface Localized {
  readonly text: string;
  readonly lang: string;
}

export interface LocalizedCode {
  readonly data: CodeData;
  readonly title: Localized;
  readonly description: Localized;
  readonly when: Localized;
  readonly fix: Localized;
  readonly fixAdmin?: Localized;
  readonly body?: Localized;
  readonly classPrefix: string;
  readonly className: Localized;
  readonly outcome?: string;
}

export interface LocalizedFamily {
  readonly data: FamilyData;
  readonly title: Localized;
  readonly body?: Localized;
  readonly classNames: ReadonlyArray<{ readonly prefix: string; readonly name: Localized }>;
}

/** The languages whose content a page in `tag` may show, best first: `pt-BR` → `pt-BR`, `pt`, `en`. */
export function contentChain(tag: string): string[] {
  const chain = [tag];
  const primary = tag.split('-')[0]!;
  if (primary !== tag) chain.push(primary);
  if (!chain.includes(SOURCE_LANGUAGE)) chain.push(SOURCE_LANGUAGE);
  return chain;
}

function translationsFor(site: Site, lang: string, family: string, key: string): Array<[string, ContentTranslation]> {
  return contentChain(lang).flatMap((tag) => {
    const found = site.translations[tag]?.[family]?.[key];
    return found ? [[tag, found] as [string, ContentTranslation]] : [];
  });
}

function pick(english: TextFields, chain: Array<[string, ContentTranslation]>, field: TranslatableField): Localized | undefined {
  for (const [tag, translation] of chain) {
    const text = translation.text[field];
    if (text !== undefined) return { text, lang: tag };
  }
  const text = english[field];
  return text === undefined ? undefined : { text, lang: SOURCE_LANGUAGE };
}

function className(family: FamilyData, chain: Array<[string, ContentTranslation]>, prefix: string): Localized {
  for (const [tag, translation] of chain) {
    const name = translation.classes[prefix];
    if (name !== undefined) return { text: name, lang: tag };
  }
  return { text: family.classes[prefix] ?? prefix, lang: SOURCE_LANGUAGE };
}

const localizedFamilies = new WeakMap<Site, Map<string, LocalizedFamily>>();

/** A family's texts in a language; made once per site, language and family (pages of a family all show them). */
export function localizeFamily(site: Site, lang: string, family: FamilyData): LocalizedFamily {
  let memo = localizedFamilies.get(site);
  if (!memo) localizedFamilies.set(site, (memo = new Map()));
  const key = `${lang}\u0000${family.id}`;
  let found = memo.get(key);
  if (!found || found.data !== family) memo.set(key, (found = makeLocalizedFamily(site, lang, family)));
  return found;
}

function makeLocalizedFamily(site: Site, lang: string, family: FamilyData): LocalizedFamily {
  const chain = translationsFor(site, lang, family.id, '_family');
  return {
    data: family,
    title: pick(family.text, chain, 'title')!,
    body: pick(family.text, chain, 'body'),
    classNames: Object.keys(family.classes).map((prefix) => ({ prefix, name: className(family, chain, prefix) })),
  };
}

export function localizeCode(site: Site, lang: string, family: FamilyData, code: CodeData): LocalizedCode {
  const chain = translationsFor(site, lang, family.id, code.code);
  const familyChain = translationsFor(site, lang, family.id, '_family');
  const prefix = classPrefix(code.code, family.classes) ?? '';
  const outcomePrefix = classPrefix(code.code, family.outcomes);
  return {
    data: code,
    title: pick(code.text, chain, 'title')!,
    description: pick(code.text, chain, 'description')!,
    when: pick(code.text, chain, 'when')!,
    fix: pick(code.text, chain, 'fix')!,
    fixAdmin: pick(code.text, chain, 'fix_admin'),
    body: pick(code.text, chain, 'body'),
    classPrefix: prefix,
    className: className(family, familyChain, prefix),
    outcome: outcomePrefix === undefined ? undefined : family.outcomes[outcomePrefix],
  };
}

export interface LocalizedPair {
  readonly data: PairData;
  readonly verdict: Localized;
  readonly deciding: Localized;
  readonly differences: readonly Localized[];
  /** Code → advice. */
  readonly advice: Readonly<Record<string, Localized>>;
  readonly body?: Localized;
}

export function localizePair(site: Site, lang: string, pair: PairData): LocalizedPair {
  const key = `${pair.a}-vs-${pair.b}`;
  const chain = contentChain(lang).flatMap((tag): Array<[string, Partial<PairText>]> => {
    if (tag === SOURCE_LANGUAGE) return [[tag, pair.text]];
    const found = site.pairTranslations[tag]?.[pair.family]?.[key];
    return found ? [[tag, found.text]] : [];
  });
  const first = <T>(get: (text: Partial<PairText>) => T | undefined): { value: T; lang: string } | undefined => {
    for (const [tag, text] of chain) {
      const value = get(text);
      if (value !== undefined) return { value, lang: tag };
    }
    return undefined;
  };
  const text = (get: (text: Partial<PairText>) => string | undefined): Localized | undefined => {
    const found = first(get);
    return found && { text: found.value, lang: found.lang };
  };
  // A list translated with a different number of items than the English is not used: items would not match.
  const differences = first((t) => (t.differences?.length === pair.text.differences.length ? t.differences : undefined))!;
  return {
    data: pair,
    verdict: text((t) => t.verdict)!,
    deciding: text((t) => t.deciding)!,
    differences: differences.value.map((d) => ({ text: d, lang: differences.lang })),
    advice: Object.fromEntries([pair.a, pair.b].map((code) => [code, text((t) => t.advice?.[code])!])),
    body: text((t) => t.body),
  };
}
