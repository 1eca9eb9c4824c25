import { po, type GetTextTranslation } from 'gettext-parser';
import { diagnostic, type Diagnostic, type Position } from '../diagnostics.js';
import { gettextPlurals } from '../i18n/gettext-plurals.js';
import { canonicalTag } from '../i18n/tags.js';
import { contextOf, parseContext, type ExchangeEntry } from './entries.js';
import type { ExchangeFile, ExchangeFormat, ImportedEntry, Located } from './format.js';

/** gettext writes `pt_BR` where BCP 47 writes `pt-BR`. */
const gettextLanguage = (tag: string) => tag.replace(/-/g, '_');

function toPo(entry: ExchangeEntry, categories: readonly string[]): GetTextTranslation {
  const extracted = [`Translation: ${entry.translationFile}`];
  if (entry.plural) extracted.push(entry.plural.forms.map((f, i) => `msgstr[${i}]: ${f.key.slice(entry.field.length + 1)}`).join(', '));
  const zero = entry.plural?.forms.find((f) => f.category === 'zero');
  if (zero && categories.includes('zero') && zero.source !== entry.source) extracted.push(`zero: ${zero.source}`);
  return {
    msgctxt: contextOf(entry),
    msgid: entry.plural ? entry.plural.singular : entry.source,
    ...(entry.plural ? { msgid_plural: entry.source } : {}),
    msgstr: entry.plural ? entry.plural.forms.map((f) => f.target ?? '') : [entry.target ?? ''],
    comments: {
      extracted: extracted.join('\n'),
      reference: `${entry.file}:${entry.line}`,
      ...(entry.state === 'stale' ? { flag: 'fuzzy' } : {}),
    },
  };
}

function writePo(tag: string, entries: readonly ExchangeEntry[]): string {
  const plurals = gettextPlurals(tag);
  const translations: Record<string, Record<string, GetTextTranslation>> = {
    '': { '': { msgid: '', msgstr: [''], comments: { translator: `code-compare strings for ${tag}. Import with: code-compare import FILE` } } },
  };
  for (const entry of entries) translations[contextOf(entry)] = { [entry.plural ? entry.plural.singular : entry.source]: toPo(entry, plurals.categories) };
  const headers = {
    'Project-Id-Version': 'code-compare',
    Language: gettextLanguage(tag),
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=UTF-8',
    'Content-Transfer-Encoding': '8bit',
    'Plural-Forms': plurals.header,
    'X-Generator': 'code-compare',
  };
  return po.compile({ charset: 'utf-8', headers, translations }, { foldLength: 100 }).toString('utf8');
}

/** A PO string literal's value: `"a\"b\n"` → `a"b` and a line break. */
function unquote(literal: string): string {
  const body = literal.trim().replace(/^"|"$/g, '');
  const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', a: '\u0007', b: '\b', f: '\f', v: '\v' };
  return body.replace(/\\(.)/g, (_, c: string) => escapes[c] ?? c);
}

interface Keywords {
  readonly msgid?: Position;
  readonly msgid_plural?: Position;
  readonly start: Position;
}

/** Where each entry's keywords stand, by msgctxt: gettext-parser reports no positions. */
function keywordPositions(text: string): Map<string, Keywords> {
  const found = new Map<string, Keywords>();
  const lines = text.split(/\r?\n/);
  let current: { context: string; start: Position; positions: Record<string, Position> } | undefined;
  let gathering: 'msgctxt' | undefined;
  const finish = () => {
    if (current && !found.has(current.context)) found.set(current.context, { start: current.start, ...current.positions });
  };
  lines.forEach((line, index) => {
    const at = { line: index + 1, column: 1 };
    const keyword = /^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")\s*$/.exec(line);
    if (keyword) {
      if (keyword[1] === 'msgctxt') {
        finish();
        current = { context: unquote(keyword[2]!), start: at, positions: {} };
        gathering = 'msgctxt';
        return;
      }
      gathering = undefined;
      if (current && (keyword[1] === 'msgid' || keyword[1] === 'msgid_plural')) current.positions[keyword[1]] ??= at;
      return;
    }
    if (gathering && current && /^\s*"/.test(line)) current = { ...current, context: current.context + unquote(line) };
    else gathering = undefined;
  });
  finish();
  return found;
}

function readPo(text: string, path: string): ExchangeFile {
  const diagnostics: Diagnostic[] = [];
  let parsed;
  try {
    parsed = po.parse(text, { validation: true });
  } catch (error) {
    const message = (error as Error).message;
    // gettext-parser counts the line break that ends an unclosed string as the next line's.
    const line = ((error as { lineNumber?: number }).lineNumber ?? 1) - (/End-of-line within string/.test(message) ? 1 : 0);
    return { entries: [], diagnostics: [diagnostic(path, { line, column: 1 }, 'error', 'exchange-syntax', message.replace(/^Error parsing PO data: /, '').replace(/ at line \d+/, ''))] };
  }
  const language = parsed.headers.Language ?? parsed.headers.language;
  const tag = language ? canonicalTag(language.replace(/_/g, '-')) : undefined;
  if (!tag) {
    diagnostics.push(diagnostic(path, { line: 1, column: 1 }, 'error', 'exchange-language', `the header has ${language ? `Language: ${language}, which is not a language tag` : 'no Language'}; export the file again with code-compare export --lang TAG`));
    return { entries: [], diagnostics };
  }
  const categories = gettextPlurals(tag).categories;
  const positions = keywordPositions(text);
  const entries: ImportedEntry[] = [];
  for (const [context, byId] of Object.entries(parsed.translations)) {
    for (const item of Object.values(byId)) {
      if (context === '' && item.msgid === '') continue;
      const where = positions.get(context);
      const at = where?.start ?? { line: 1, column: 1 };
      const target = parseContext(context);
      if (!target) {
        diagnostics.push(diagnostic(path, at, 'warning', 'unknown-entry', `msgctxt "${context}" names no string of the project (a file and a field, like codes/smtp/553.md#title); it is ignored`));
        continue;
      }
      const sources: Record<string, Located> = { msgid: { text: item.msgid, at: where?.msgid ?? at } };
      if (item.msgid_plural !== undefined) sources.msgid_plural = { text: item.msgid_plural, at: where?.msgid_plural ?? at };
      const targets: Record<string, string> = {};
      if (item.msgid_plural === undefined) {
        if ((item.msgstr[0] ?? '') !== '') targets[target.field] = item.msgstr[0]!;
      } else if (item.msgstr.length !== categories.length) {
        diagnostics.push(diagnostic(path, at, 'error', 'plural-forms', `${context} has ${item.msgstr.length} msgstr forms; ${tag} has ${categories.length} (${categories.join(', ')}), in that order`));
        continue;
      } else {
        item.msgstr.forEach((value, i) => {
          if (value !== '') targets[`${target.field}_${categories[i]}`] = value;
        });
      }
      const fuzzy = (item.comments?.flag ?? '').split(/[\s,]+/).includes('fuzzy');
      entries.push({ file: target.file, field: target.field, at, sources, targets, reviewed: !fuzzy });
    }
  }
  return { tag, entries, diagnostics };
}

export const poFormat: ExchangeFormat = {
  name: 'po',
  write: writePo,
  read: readPo,
  expectedSources: (entry): Record<string, string> => (entry.plural ? { msgid: entry.plural.singular, msgid_plural: entry.source } : { msgid: entry.source }),
};
