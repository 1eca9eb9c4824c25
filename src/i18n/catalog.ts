import i18next, { type i18n } from 'i18next';
import type { LabelTree } from '../model/types.js';
import { SOURCE_LANGUAGE } from './tags.js';

/** A label as found: its text (placeholders not yet filled) and the language that supplied it. */
export interface ResolvedLabel {
  readonly text: string;
  readonly lang: string;
}

/**
 * The one place that talks to i18next. Lookup order is i18next's own: the tag, its parents
 * (`pt-BR` → `pt`), then English. Empty strings count as untranslated.
 */
export class Catalog {
  /** Family ('' for none) → key, or key and count → label: nested, so a lookup builds no key string. */
  private readonly cache = new Map<string, Map<string, ResolvedLabel>>();

  private constructor(
    readonly lang: string,
    private readonly instance: i18n,
  ) {}

  static create(lang: string, labels: Readonly<Record<string, LabelTree>>): Catalog {
    const instance = i18next.createInstance();
    const resources: Record<string, { translation: LabelTree }> = {};
    for (const [tag, tree] of Object.entries(labels)) resources[tag] = { translation: tree };
    void instance.init({
      lng: lang,
      fallbackLng: [SOURCE_LANGUAGE],
      supportedLngs: false,
      initAsync: false,
      returnEmptyString: false,
      returnNull: false,
      resources,
      showSupportNotice: false,
    } as Parameters<i18n['init']>[0]);
    return new Catalog(lang, instance);
  }

  /** Whether any language has the label: for labels a project may leave out (`families.<id>.summary`). */
  has(key: string): boolean {
    return this.instance.exists(key);
  }

  /**
   * Throws for a key no language has: that is a template bug, not a translator's. With `family`, a
   * label of that family (`families.<family>.<key>`) comes before the shared one in each language,
   * and the page's own language before English: a translated shared label beats an English family one.
   */
  resolve(key: string, count?: number, family?: string): ResolvedLabel {
    let labels = this.cache.get(family ?? '');
    if (!labels) this.cache.set(family ?? '', (labels = new Map()));
    const cacheKey = count === undefined ? key : `${key}\u0000${count}`;
    const cached = labels.get(cacheKey);
    if (cached) return cached;
    const label = family === undefined || key.startsWith('families.') ? this.lookup(key, count) : this.lookupForFamily(key, count, family);
    if (!label) throw new Error(`label "${key}" exists in no locale, not even en.json`);
    labels.set(cacheKey, label);
    return label;
  }

  private lookupForFamily(key: string, count: number | undefined, family: string): ResolvedLabel | undefined {
    const own = `families.${family}.${key}`;
    const local = this.instance.services.languageUtils.toResolveHierarchy(this.lang).filter((tag: string) => tag !== SOURCE_LANGUAGE);
    for (const lngs of local.length ? [local, [SOURCE_LANGUAGE]] : [[SOURCE_LANGUAGE]]) {
      const found = this.lookup(own, count, lngs) ?? this.lookup(key, count, lngs);
      if (found) return found;
    }
    return undefined;
  }

  private lookup(key: string, count?: number, lngs?: readonly string[]): ResolvedLabel | undefined {
    const options: Record<string, unknown> = { returnDetails: true, skipInterpolation: true };
    if (count !== undefined) options.count = count;
    if (lngs) options.lngs = lngs;
    const found = this.instance.t(key, options as never) as unknown as { res: unknown; usedLng: string };
    const existsOptions: Record<string, unknown> = count === undefined ? {} : { count };
    if (lngs) existsOptions.lngs = lngs;
    if (typeof found.res !== 'string' || !this.instance.exists(key, existsOptions as never)) return undefined;
    return { text: found.res, lang: found.usedLng };
  }
}
