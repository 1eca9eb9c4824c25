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
  private readonly cache = new Map<string, ResolvedLabel>();

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

  /** Throws for a key no language has: that is a template bug, not a translator's. */
  resolve(key: string, count?: number): ResolvedLabel {
    const cacheKey = count === undefined ? key : `${key}\u0000${count}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const options = count === undefined ? { returnDetails: true, skipInterpolation: true } : { count, returnDetails: true, skipInterpolation: true };
    const found = this.instance.t(key, options as never) as unknown as { res: unknown; usedLng: string; exactUsedKey: string };
    if (typeof found.res !== 'string' || !this.instance.exists(key, count === undefined ? {} : { count })) {
      throw new Error(`label "${key}" exists in no locale, not even en.json`);
    }
    const label = { text: found.res, lang: found.usedLng };
    this.cache.set(cacheKey, label);
    return label;
  }
}
