import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
import { po, type GetTextTranslation } from 'gettext-parser';
import { listFiles } from './dist.js';

export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:1.2';

/** Every file under `dir` with its bytes. */
export function snapshotFiles(dir: string): Map<string, Buffer> {
  return new Map(listFiles(dir).map((file) => [file, readFileSync(path.join(dir, file))]));
}

/** The PO entries by msgctxt, the header entry left out. */
export function poEntries(file: string): Map<string, GetTextTranslation> {
  const parsed = po.parse(readFileSync(file));
  const entries = new Map<string, GetTextTranslation>();
  for (const [context, byId] of Object.entries(parsed.translations)) {
    for (const item of Object.values(byId)) if (context !== '') entries.set(context, item);
  }
  return entries;
}

export const isFuzzy = (entry: GetTextTranslation) => (entry.comments?.flag ?? '').includes('fuzzy');

/**
 * What a translator does in a PO editor: fills msgstr of the entries named by msgctxt and clears
 * their fuzzy flag. `changeSource` edits msgid instead, as if the file were older than the English.
 */
export function translatePo(file: string, translations: Record<string, string | string[]>, options: { changeSource?: Record<string, string> } = {}): void {
  const parsed = po.parse(readFileSync(file));
  for (const [context, value] of Object.entries(translations)) {
    const entry = Object.values(parsed.translations[context] ?? {})[0];
    if (!entry) throw new Error(`no PO entry ${context}`);
    entry.msgstr = Array.isArray(value) ? value : [value];
    if (entry.comments) entry.comments.flag = '';
  }
  for (const [context, source] of Object.entries(options.changeSource ?? {})) {
    const byId = parsed.translations[context]!;
    const entry = Object.values(byId)[0]!;
    delete byId[entry.msgid];
    byId[source] = { ...entry, msgid: source };
  }
  writeFileSync(file, po.compile(parsed, { foldLength: 76 }));
}

export function xliffDocument(file: string) {
  return new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/xml');
}

export const elements = (parent: { getElementsByTagNameNS(ns: string, name: string): { length: number; item(i: number): Element | null } }, name: string): Element[] => {
  const list = parent.getElementsByTagNameNS(XLIFF_NS, name);
  return Array.from({ length: list.length }, (_, i) => list.item(i)!);
};

/** The trans-unit `id` of the <file original="…">; keys are `ORIGINAL#ID`. */
export function xliffUnits(file: string): Map<string, Element> {
  const units = new Map<string, Element>();
  for (const element of elements(xliffDocument(file), 'file')) {
    for (const unit of elements(element, 'trans-unit')) units.set(`${element.getAttribute('original')}#${unit.getAttribute('id')}`, unit);
  }
  return units;
}

/** What a translator does in a CAT tool: sets targets (state `translated`), or changes a source. */
export function translateXliff(file: string, translations: Record<string, string>, options: { changeSource?: Record<string, string> } = {}): void {
  const doc = xliffDocument(file);
  const byKey = new Map<string, Element>();
  for (const element of elements(doc, 'file')) {
    for (const unit of elements(element, 'trans-unit')) byKey.set(`${element.getAttribute('original')}#${unit.getAttribute('id')}`, unit);
  }
  for (const [key, value] of Object.entries(translations)) {
    const target = elements(byKey.get(key)!, 'target')[0]!;
    target.textContent = value;
    target.setAttribute('state', 'translated');
  }
  for (const [key, value] of Object.entries(options.changeSource ?? {})) elements(byKey.get(key)!, 'source')[0]!.textContent = value;
  writeFileSync(file, new XMLSerializer().serializeToString(doc));
}
