import { labelParts, type LabelParts } from '../i18n/labels.js';

/** Markup that is safe to place in a page as it is. Everything else gets escaped. */
export type Html = string & { readonly __html: true };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const NEEDS_ESCAPE = /[&<>"']/;

export function escapeHtml(text: string): Html {
  return (NEEDS_ESCAPE.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : text) as Html;
}

export function html(markup: string): Html {
  return markup as Html;
}

/**
 * Replaces `{{name}}` in an (unescaped) template with ready markup, escaping the template's own text:
 * interpolate('{{a}} & {{b}}', { a: '<b>x</b>' }) → '<b>x</b> &amp; {{b}}'.
 * An unknown placeholder is left visible, so the mistake shows on the page instead of vanishing.
 */
export function interpolate(template: string, values: Readonly<Record<string, Html>>): Html {
  const parts = escapedParts(labelParts(template));
  let out: string = parts.literals[0]!;
  for (let i = 0; i < parts.names.length; i++) out += (values[parts.names[i]!] ?? parts.wholes[i]!) + parts.literals[i + 1]!;
  return out as Html;
}

const escapedCache = new WeakMap<LabelParts, LabelParts>();

function escapedParts(parts: LabelParts): LabelParts {
  let escaped = escapedCache.get(parts);
  if (!escaped) escapedCache.set(parts, (escaped = { names: parts.names, literals: parts.literals.map(escapeHtml), wholes: parts.wholes.map(escapeHtml) }));
  return escaped;
}

/** Text in another language than the page's, marked so readers and screen readers switch. */
export function inLanguage(content: Html, lang: string, pageLang: string, dir: 'ltr' | 'rtl', block = false, whole = false): Html {
  if (lang === pageLang) return content;
  const tag = block ? 'div' : 'span';
  // `whole`: the span is all its paragraph holds, so it may take the paragraph's alignment too.
  return html(`<${tag} lang="${escapeHtml(lang)}" dir="${dir}"${whole ? ' class="whole"' : ''}>${content}</${tag}>`);
}
