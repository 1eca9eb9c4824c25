import { DOMImplementation, DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { diagnostic, type Diagnostic, type Position } from '../diagnostics.js';
import { canonicalTag } from '../i18n/tags.js';
import { LABEL_FILE, type EntryState, type ExchangeEntry } from './entries.js';
import type { ExchangeFile, ExchangeFormat, ImportedEntry } from './format.js';

/**
 * XLIFF 1.2: one <file> per English file (`original`), one <trans-unit> per string (`id`: the
 * label key or field), plural forms as a <group restype="x-gettext-plurals"> with one unit per form
 * (`id`: the i18next key, `home.codeCount_few`), and the state in <target state>.
 */
export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:1.2';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const PLURAL_GROUP = 'x-gettext-plurals';

export const XLIFF_STATES: Readonly<Record<EntryState, string>> = { new: 'new', translated: 'translated', stale: 'needs-review-translation' };

class Builder {
  constructor(readonly doc: Document) {}

  /** Appends `name` to `parent` on its own line, indented to `depth`. */
  child(parent: Element, name: string, depth: number, attributes: Record<string, string> = {}, text?: string): Element {
    const element = this.doc.createElementNS(XLIFF_NS, name);
    for (const [key, value] of Object.entries(attributes)) {
      if (key === 'xml:space') element.setAttributeNS(XML_NS, key, value);
      else element.setAttribute(key, value);
    }
    if (text !== undefined) element.appendChild(this.doc.createTextNode(text));
    parent.appendChild(this.doc.createTextNode(`\n${'  '.repeat(depth)}`));
    parent.appendChild(element);
    return element;
  }

  close(parent: Element, depth: number): void {
    parent.appendChild(this.doc.createTextNode(`\n${'  '.repeat(depth)}`));
  }

  unit(parent: Element, depth: number, id: string, source: string, target: string | undefined, state: EntryState, file: string, line: number): void {
    const unit = this.child(parent, 'trans-unit', depth, { id, 'xml:space': 'preserve' });
    this.child(unit, 'source', depth + 1, {}, source);
    this.child(unit, 'target', depth + 1, { state: XLIFF_STATES[state] }, target ?? '');
    const context = this.child(unit, 'context-group', depth + 1, { purpose: 'location' });
    this.child(context, 'context', depth + 2, { 'context-type': 'sourcefile' }, file);
    this.child(context, 'context', depth + 2, { 'context-type': 'linenumber' }, String(line));
    this.close(context, depth + 1);
    this.close(unit, depth);
  }
}

function writeXliff(tag: string, entries: readonly ExchangeEntry[]): string {
  const doc = new DOMImplementation().createDocument(XLIFF_NS, 'xliff', null);
  const root = doc.documentElement!;
  root.setAttribute('version', '1.2');
  const build = new Builder(doc);
  const files = new Map<string, ExchangeEntry[]>();
  for (const entry of entries) (files.get(entry.file) ?? files.set(entry.file, []).get(entry.file)!).push(entry);
  for (const [original, list] of files) {
    const file = build.child(root, 'file', 1, { original, 'source-language': 'en', 'target-language': tag, datatype: original === LABEL_FILE ? 'plaintext' : 'x-markdown' });
    const header = build.child(file, 'header', 2);
    build.child(header, 'note', 3, {}, `Translation: ${list[0]!.translationFile}`);
    build.close(header, 2);
    const body = build.child(file, 'body', 2);
    for (const entry of list) {
      if (!entry.plural) {
        build.unit(body, 3, entry.field, entry.source, entry.target, entry.state, entry.file, entry.line);
        continue;
      }
      const group = build.child(body, 'group', 3, { id: entry.field, restype: PLURAL_GROUP });
      for (const form of entry.plural.forms) build.unit(group, 4, form.key, form.source, form.target, form.target === undefined ? 'new' : 'translated', entry.file, entry.line);
      build.close(group, 3);
    }
    build.close(body, 2);
    build.close(file, 1);
  }
  build.close(root, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`;
}

const positionOf = (element: Element): Position => ({ line: element.lineNumber ?? 1, column: element.columnNumber ?? 1 });

/** The first child element of `parent` named `name`, in the XLIFF namespace. */
function childNamed(parent: Element, name: string): Element | undefined {
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === node.ELEMENT_NODE && (node as Element).localName === name && (node as Element).namespaceURI === XLIFF_NS) return node as Element;
  }
  return undefined;
}

/** States that say the target still waits for a translator or reviewer. */
const unreviewed = (state: string | null) => state !== null && state.startsWith('needs-');

function readUnit(unit: Element, original: string, group: Element | undefined, path: string, diagnostics: Diagnostic[]): ImportedEntry | undefined {
  const id = unit.getAttribute('id');
  const source = childNamed(unit, 'source');
  const at = positionOf(unit);
  if (!id || !source) {
    diagnostics.push(diagnostic(path, at, 'warning', 'unknown-entry', 'a <trans-unit> without an id or a <source> is ignored'));
    return undefined;
  }
  const target = childNamed(unit, 'target');
  const text = target?.textContent ?? '';
  const plural = group?.getAttribute('restype') === PLURAL_GROUP ? group.getAttribute('id') : null;
  const field = plural ?? id;
  return {
    file: original,
    field,
    at,
    sources: { [plural ? id : 'source']: { text: source.textContent ?? '', at: positionOf(source) } },
    targets: text === '' ? {} : { [id]: text },
    reviewed: !unreviewed(target?.getAttribute('state') ?? null),
  };
}

function readXliff(text: string, path: string): ExchangeFile {
  const diagnostics: Diagnostic[] = [];
  const fail = (at: Position, rule: string, message: string): ExchangeFile => ({ entries: [], diagnostics: [diagnostic(path, at, 'error', rule, message)] });
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    const locator = (error as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
    const message = (error as Error).message;
    const cause = /caused Error: (.*)$/s.exec(message)?.[1] ?? message;
    return fail({ line: locator?.lineNumber ?? 1, column: locator?.columnNumber ?? 1 }, 'exchange-syntax', `not well-formed XML: ${cause}`);
  }
  const root = doc.documentElement;
  if (!root || root.localName !== 'xliff') return fail(root ? positionOf(root) : { line: 1, column: 1 }, 'exchange-syntax', 'not an XLIFF file: the root element must be <xliff>');
  if (root.getAttribute('version') !== '1.2' || root.namespaceURI !== XLIFF_NS) {
    return fail(positionOf(root), 'exchange-syntax', `this is XLIFF ${root.getAttribute('version') ?? '(no version)'}; code-compare reads XLIFF 1.2 (xmlns="${XLIFF_NS}"), as \`code-compare export --format xliff\` writes it`);
  }
  let tag: string | undefined;
  const entries: ImportedEntry[] = [];
  const files = root.getElementsByTagNameNS(XLIFF_NS, 'file');
  for (let i = 0; i < files.length; i++) {
    const file = files.item(i)!;
    const language = file.getAttribute('target-language') ?? '';
    const canonical = canonicalTag(language);
    if (!canonical || (tag !== undefined && canonical !== tag)) {
      diagnostics.push(diagnostic(path, positionOf(file), 'error', 'exchange-language', canonical ? `target-language="${language}" differs from the file's first target language, ${tag}; one exchange file holds one language` : `target-language="${language}" is not a language tag`));
      continue;
    }
    tag = canonical;
    const original = file.getAttribute('original') ?? '';
    const units = file.getElementsByTagNameNS(XLIFF_NS, 'trans-unit');
    for (let k = 0; k < units.length; k++) {
      const unit = units.item(k)!;
      const parent = unit.parentNode as Element | null;
      const group = parent?.localName === 'group' ? parent : undefined;
      const entry = readUnit(unit, original, group, path, diagnostics);
      if (entry) entries.push(entry);
    }
  }
  if (!tag && diagnostics.length === 0) diagnostics.push(diagnostic(path, positionOf(root), 'error', 'exchange-language', 'no <file> with a target-language'));
  return { ...(tag ? { tag } : {}), entries, diagnostics };
}

export const xliffFormat: ExchangeFormat = {
  name: 'xliff',
  write: writeXliff,
  read: readXliff,
  expectedSources: (entry) => (entry.plural ? Object.fromEntries(entry.plural.forms.map((f) => [f.key, f.source])) : { source: entry.source }),
};
