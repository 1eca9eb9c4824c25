import type { Catalog } from '../i18n/catalog.js';
import type { Direction } from '../i18n/tags.js';
import type { Localized } from '../model/localize.js';
import { escapeHtml, html, inLanguage, interpolate, type Html } from './html.js';
import { labelParts } from '../i18n/labels.js';
import { renderBlock, renderInline } from './markdown.js';

const NO_VALUES: Readonly<Record<string, unknown>> = Object.freeze({});

function isEmpty(values: Readonly<Record<string, unknown>>): boolean {
  for (const _ in values) return false;
  return true;
}

interface Remembered {
  readonly value: unknown;
  readonly fallback: boolean;
}

const remembered = new WeakMap<object, Map<string, Remembered>>();

/** Labels without values, per catalog and family ('' for none): made once, looked up without building a key. */
const plainLabels = new WeakMap<Catalog, Map<string, Map<string, Remembered>>>();

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: string): Intl.NumberFormat {
  let format = numberFormats.get(lang);
  if (!format) numberFormats.set(lang, (format = new Intl.NumberFormat(lang)));
  return format;
}

const sharedValues = new WeakSet<object>();

/**
 * Whether a value of a view is one made once and shown on many pages (`RenderScope.share`): a
 * partial called on it then renders once per language, its output kept with the value.
 */
export function isShared(value: unknown): boolean {
  return typeof value === 'object' && value !== null && sharedValues.has(value);
}

/** What the template helpers need to know about the page being rendered. */
export class RenderScope {
  /** Set when any text on the page came from another language than the page's. */
  usedFallback = false;

  constructor(
    readonly lang: string,
    readonly dir: Direction,
    readonly catalog: Catalog,
    /** The family the page belongs to: its own labels (`families.<id>.…`) come first. */
    readonly family?: string,
  ) {}

  /**
   * A value made once per `owner` and shared by every page that shows it, e.g. the parts of a
   * localized code that are the same on each of its 99 comparison pages. `compute` may read only
   * the owner and this scope's language; whether it fell back to another language is remembered too.
   */
  remember<T>(owner: object, key: string, compute: () => T): T {
    let values = remembered.get(owner);
    if (!values) remembered.set(owner, (values = new Map()));
    return this.rememberIn(values, key, compute);
  }

  /**
   * `remember` for a value of a view that pages show as it is (a code's card on each of its
   * comparisons): it holds values only, no function bound to a page, and a template partial called
   * on it is rendered once and its output kept (see templates.ts).
   */
  share<T extends object>(owner: object, key: string, compute: () => T): T {
    return this.remember(owner, key, () => {
      const value = compute();
      sharedValues.add(value);
      return value;
    });
  }

  private rememberIn<T>(values: Map<string, Remembered>, key: string, compute: () => T): T {
    let entry = values.get(key);
    if (!entry) {
      const before = this.usedFallback;
      this.usedFallback = false;
      const value = compute();
      values.set(key, (entry = { value, fallback: this.usedFallback }));
      this.usedFallback = before;
    }
    if (entry.fallback) this.usedFallback = true;
    return entry.value as T;
  }

  /** Marks content whose language differs from its surroundings (`around`: the page's, or a label's). */
  private mark(content: Html, lang: string, block = false, around = this.lang, whole = false): Html {
    if (lang !== this.lang) this.usedFallback = true;
    const dir = lang === this.lang ? this.dir : 'ltr';
    return inLanguage(content, lang, around, dir, block, whole);
  }

  /**
   * A label with placeholders filled by ready markup: `label('code.title', { code: … })`. Only the
   * values the label's text names are used, so a value the translation leaves out cannot mark the page
   * as showing another language.
   */
  label(key: string, values: Readonly<Record<string, unknown>> = NO_VALUES, count?: number): Html {
    // A label without values is the same markup on every page of the language: made once per catalog.
    if (count === undefined && isEmpty(values)) {
      let families = plainLabels.get(this.catalog);
      if (!families) plainLabels.set(this.catalog, (families = new Map()));
      let labels = families.get(this.family ?? '');
      if (!labels) families.set(this.family ?? '', (labels = new Map()));
      return this.rememberIn(labels, key, () => this.fill(key, values));
    }
    return this.fill(key, values, count);
  }

  private fill(key: string, values: Readonly<Record<string, unknown>>, count?: number): Html {
    const found = this.catalog.resolve(key, count, this.family);
    const filled: Record<string, Html> = {};
    for (const name of labelParts(found.text).names) {
      if (name === 'count' && count !== undefined) filled.count = escapeHtml(numberFormat(found.lang).format(count));
      else if (Object.hasOwn(values, name)) filled[name] = this.value(values[name], found.lang);
    }
    return this.mark(interpolate(found.text, filled), found.lang);
  }

  /** A label as plain text, for attributes and <title>: placeholders filled with plain text. */
  plainLabel(key: string, values: Readonly<Record<string, unknown>> = NO_VALUES, count?: number): string {
    const found = this.catalog.resolve(key, count, this.family);
    if (found.lang !== this.lang) this.usedFallback = true;
    const parts = labelParts(found.text);
    let out = parts.literals[0]!;
    for (let i = 0; i < parts.names.length; i++) {
      const name = parts.names[i]!;
      const value = name === 'count' && count !== undefined ? numberFormat(found.lang).format(count) : values[name];
      out += (value === undefined ? parts.wholes[i] : isLocalized(value) ? value.text : String(value)) + parts.literals[i + 1]!;
    }
    return out;
  }

  value(value: unknown, around = this.lang): Html {
    if (isLocalized(value)) return this.text(value, around);
    if (value instanceof SafeMarkup) return value.markup;
    return escapeHtml(String(value ?? ''));
  }

  text(value: Localized, around = this.lang): Html {
    return this.mark(escapeHtml(value.text), value.lang, false, around);
  }

  /** `whole`: the text is all of its paragraph or list item, which then reads in the text's direction. */
  inline(value: Localized, whole = false): Html {
    return this.mark(renderInline(value.text), value.lang, false, this.lang, whole);
  }

  block(value: Localized, topLevel = 3): Html {
    return this.mark(renderBlock(value.text, topLevel), value.lang, true);
  }
}

/** Markup a view built on purpose (a link, a list); passes through the helpers unescaped. */
export class SafeMarkup {
  constructor(readonly markup: Html) {}
  toString(): string {
    return this.markup;
  }
  toHTML(): string {
    return this.markup;
  }
}

export function safe(markup: string): SafeMarkup {
  return new SafeMarkup(html(markup));
}

export function isLocalized(value: unknown): value is Localized {
  return typeof value === 'object' && value !== null && typeof (value as Localized).text === 'string' && typeof (value as Localized).lang === 'string';
}
