/** Language tags: validation, URL slugs, writing direction. */

export type Direction = 'ltr' | 'rtl';

export const SOURCE_LANGUAGE = 'en';

/** 'pt-br' → 'pt-BR'; undefined when the tag is not well-formed BCP 47. */
export function canonicalTag(tag: string): string | undefined {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical;
  } catch {
    return undefined;
  }
}

/** The URL folder of a language: the tag in lower case (`pt-BR` → `pt-br`). */
export function languageSlug(tag: string): string {
  return tag.toLowerCase();
}

export function textDirection(tag: string): Direction {
  const locale = new Intl.Locale(tag) as Intl.Locale & { textInfo?: { direction?: string } };
  return locale.textInfo?.direction === 'rtl' ? 'rtl' : 'ltr';
}

/** The language's own name for itself, in its own script: `vi` → `Tiếng Việt`. */
export function autonym(tag: string): string {
  const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}

/** CLDR plural categories the language uses, in a stable order. */
const CATEGORY_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof CATEGORY_ORDER)[number];

export function pluralCategories(tag: string): PluralCategory[] {
  const used = new Set(new Intl.PluralRules(tag).resolvedOptions().pluralCategories);
  return CATEGORY_ORDER.filter((c) => used.has(c));
}

export function isPluralCategory(suffix: string): suffix is PluralCategory {
  return (CATEGORY_ORDER as readonly string[]).includes(suffix);
}

/** The first whole numbers (up to `limit`, below 1,000) that take a plural category: ru few → [2, 3, 4]. */
export function pluralExamples(tag: string, category: string, limit = 3): number[] {
  const rules = new Intl.PluralRules(tag);
  const found: number[] = [];
  for (let n = 0; n < 1000 && found.length < limit; n++) if (rules.select(n) === category) found.push(n);
  return found;
}
