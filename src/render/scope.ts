import type { Catalog } from '../i18n/catalog.js';
import type { Direction } from '../i18n/tags.js';
import type { Localized } from '../model/localize.js';
import { escapeHtml, html, inLanguage, interpolate, type Html } from './html.js';
import { PLACEHOLDER } from '../i18n/labels.js';
import { renderBlock, renderInline } from './markdown.js';

/** What the template helpers need to know about the page being rendered. */
export class RenderScope {
  /** Set when any text on the page came from another language than the page's. */
  usedFallback = false;

  constructor(
    readonly lang: string,
    readonly dir: Direction,
    readonly catalog: Catalog,
  ) {}

  /** Marks content whose language differs from its surroundings (`around`: the page's, or a label's). */
  private mark(content: Html, lang: string, block = false, around = this.lang): Html {
    if (lang !== this.lang) this.usedFallback = true;
    const dir = lang === this.lang ? this.dir : 'ltr';
    return inLanguage(content, lang, around, dir, block);
  }

  /** A label with placeholders filled by ready markup: `label('code.title', { code: … })`. */
  label(key: string, values: Readonly<Record<string, unknown>> = {}, count?: number): Html {
    const found = this.catalog.resolve(key, count);
    const filled: Record<string, Html> = {};
    for (const [name, value] of Object.entries(values)) filled[name] = this.value(value, found.lang);
    if (count !== undefined) filled.count = escapeHtml(new Intl.NumberFormat(found.lang).format(count));
    return this.mark(interpolate(found.text, filled), found.lang);
  }

  /** A label as plain text, for attributes and <title>: placeholders filled with plain text. */
  plainLabel(key: string, values: Readonly<Record<string, unknown>> = {}, count?: number): string {
    const found = this.catalog.resolve(key, count);
    if (found.lang !== this.lang) this.usedFallback = true;
    return found.text.replace(PLACEHOLDER, (whole, name: string) => {
      if (name === 'count' && count !== undefined) return new Intl.NumberFormat(found.lang).format(count);
      const value = values[name];
      return value === undefined ? whole : isLocalized(value) ? value.text : String(value);
    });
  }

  value(value: unknown, around = this.lang): Html {
    if (isLocalized(value)) return this.text(value, around);
    if (value instanceof SafeMarkup) return value.markup;
    return escapeHtml(String(value ?? ''));
  }

  text(value: Localized, around = this.lang): Html {
    return this.mark(escapeHtml(value.text), value.lang, false, around);
  }

  inline(value: Localized): Html {
    return this.mark(renderInline(value.text), value.lang);
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
