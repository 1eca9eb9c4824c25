import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { flattenLabels } from '../i18n/labels.js';
import type { FrontMatterFile } from '../load/front-matter.js';
import type { JsonFile } from '../load/json.js';
import { parseMemo } from '../load/parse-memo.js';
import type { RawProject } from '../load/project.js';

/** Raw HTML as CommonMark sees it: a tag or comment outside code spans, not an autolink. */
const parser = new MarkdownIt({ html: true });

/**
 * Elements people type for formatting or embedding. Protocol texts write grammar names in angle
 * brackets (`<forward-path>`, `<domain>`, `<address>`), which show as written and are meant to:
 * only these names, a tag with attributes, or a comment count as HTML.
 */
const HTML_ELEMENTS = new Set(('a abbr audio b base blockquote body br button center cite code dd del details div dl dt em embed '
  + 'font form h1 h2 h3 h4 h5 h6 head hr html i iframe img input ins kbd li link mark meta nav ol option p pre q s samp '
  + 'script section select small source span strike strong style sub summary sup svg table tbody td textarea th thead '
  + 'title tr tt u ul video').split(' '));

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(\s+[^<>]*?)?\s*\/?>|<!--/g;
const ENTITY = /&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);/;

function isHtml(tag: RegExpExecArray): boolean {
  return tag[0] === '<!--' || HTML_ELEMENTS.has(tag[2]!.toLowerCase()) || /=/.test(tag[3] ?? '');
}

/** The first HTML tag, comment or (in plain text) entity: `'Press <b>OK</b>'` → `'<b>'`; `'<domain>'` → undefined. */
function firstHtml(text: string, entities: boolean): string | undefined {
  for (const tag of text.matchAll(TAG)) if (isHtml(tag)) return tag[0];
  return entities ? ENTITY.exec(text)?.[0] : undefined;
}

/** The fields of a code, family or translation file rendered as Markdown, and those shown as plain text. */
const MARKDOWN_FIELDS = ['title', 'description', 'when', 'fix', 'fix_admin'];

function htmlInTokens(tokens: readonly Token[]): string | undefined {
  for (const token of tokens) {
    const html = token.type === 'html_block' || token.type === 'html_inline' ? firstHtml(token.content, false) : undefined;
    if (html) return html;
    const nested = token.children ? htmlInTokens(token.children) : undefined;
    if (nested) return nested;
  }
  return undefined;
}

/** The first raw HTML in Markdown text: `'a <b>x</b>'` → `'<b>'`; `` 'a `<b>`' `` → undefined. */
export function htmlInMarkdown(text: string, block: boolean): string | undefined {
  return htmlInTokens(block ? parser.parse(text, {}) : parser.parseInline(text, {}));
}

export function htmlInPlainText(text: string): string | undefined {
  return firstHtml(text, true);
}

const shown = (html: string) => (html.length > 40 ? `${html.slice(0, 40)}…` : html);

/** Markdown fields, the body and plain-text class names of code, family and translation files. */
export function checkFileMarkup(file: FrontMatterFile): Diagnostic[] {
  const found: Diagnostic[] = [];
  const report = (what: string, html: string, at: ReturnType<FrontMatterFile['locate']>) =>
    found.push(diagnostic(file.path, at, 'warning', 'html-in-text', `${what} holds HTML (${shown(html)}), which is shown as literal text; use Markdown (*emphasis*, \`code\`) instead`));
  for (const field of MARKDOWN_FIELDS) {
    const value = file.data[field];
    const html = typeof value === 'string' ? htmlInMarkdown(value, false) : undefined;
    if (html) report(`\`${field}\``, html, file.locateInValue([field], html));
  }
  const classes = file.data.classes;
  if (classes !== null && typeof classes === 'object' && !Array.isArray(classes)) {
    for (const [prefix, value] of Object.entries(classes)) {
      const html = typeof value === 'string' ? htmlInPlainText(value) : undefined;
      if (html) report(`\`classes.${prefix}\``, html, file.locateInValue(['classes', prefix], html));
    }
  }
  const html = htmlInMarkdown(file.body, true);
  if (html) report('the body', html, file.locateInBody(html));
  return found;
}

/** Labels are plain text: a tag or an entity in one shows as typed. */
export function checkLabelMarkup(file: JsonFile): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const [key, value] of flattenLabels(file.value)) {
    if (typeof value !== 'string') continue;
    const html = htmlInPlainText(value);
    if (!html) continue;
    const at = file.locateInString(key.split('.'), value.indexOf(html));
    found.push(diagnostic(file.path, at, 'warning', 'html-in-text', `label \`${key}\` holds HTML (${shown(html)}), which is shown as literal text; labels are plain text`));
  }
  return found;
}

/** Every file of a project where typed HTML would show as text. */
export function checkMarkup(raw: RawProject): Diagnostic[] {
  const files = [...raw.families.flatMap((f) => [f.file, ...f.codes]), ...raw.translations.map((t) => t.file)];
  return [...files.flatMap((file) => parseMemo.checkFile('markup', file, checkFileMarkup)), ...raw.locales.flatMap((file) => parseMemo.checkFile('label-markup', file, checkLabelMarkup))];
}
