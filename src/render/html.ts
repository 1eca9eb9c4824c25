import { PLACEHOLDER } from '../i18n/labels.js';

/** Markup that is safe to place in a page as it is. Everything else gets escaped. */
export type Html = string & { readonly __html: true };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): Html {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!) as Html;
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
  let out = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    out += escapeHtml(template.slice(last, match.index));
    const value = values[match[1]!];
    out += value === undefined ? escapeHtml(match[0]) : value;
    last = match.index! + match[0].length;
  }
  return (out + escapeHtml(template.slice(last))) as Html;
}

/** Text in another language than the page's, marked so readers and screen readers switch. */
export function inLanguage(content: Html, lang: string, pageLang: string, dir: 'ltr' | 'rtl', block = false): Html {
  if (lang === pageLang) return content;
  const tag = block ? 'div' : 'span';
  return html(`<${tag} lang="${escapeHtml(lang)}" dir="${dir}">${content}</${tag}>`);
}
