/**
 * Edits of YAML front matter that leave every byte outside the edited value as it was: the value's
 * range in the text (from `yaml`'s parse) is replaced, or a new `key: value` is inserted as whole
 * lines. The new text is made by `yaml` itself, so quoting and folding are its, not ours.
 */

import { Document, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, visit, type Node, type Pair, type YAMLMap } from 'yaml';

export type YamlValue = string | readonly string[] | Readonly<Record<string, string>>;

const LINE_WIDTH = 100;

/** `key: value` as yaml writes it at the left margin: long texts folded (`>-`), hashes double-quoted. */
export function pairText(key: string, value: YamlValue): string {
  const doc = new Document({ [key]: value });
  visit(doc, {
    Scalar(at, node) {
      if (at === 'key' || typeof node.value !== 'string') return;
      if (key === 'source_hash') node.type = Scalar.QUOTE_DOUBLE;
      else if (node.value.length > 60 || node.value.includes('\n')) node.type = Scalar.BLOCK_FOLDED;
    },
  });
  return doc.toString({ lineWidth: LINE_WIDTH, minContentWidth: 40, indentSeq: true });
}

const indentLines = (text: string, indent: number) => text.replace(/^(?=.)/gm, ' '.repeat(indent));

/** Offset where the line holding `offset` starts. */
const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;

/** Offset of the start of the line after a node that ends at `end` (block scalars end with their line break). */
function nextLine(text: string, end: number): number {
  if (end > 0 && text[end - 1] === '\n') return end;
  const newline = text.indexOf('\n', end);
  return newline === -1 ? text.length : newline + 1;
}

const splice = (text: string, start: number, end: number, insert: string) => text.slice(0, start) + insert + text.slice(end);

/** Replaces a scalar in place: `title: old` → `title: new`, `- old` → `- new`. */
function replaceScalar(text: string, node: Scalar, key: string, value: string): string {
  const [start, end] = node.range!;
  const indent = text.slice(lineStart(text, start)).match(/^ */)![0].length + 2;
  // yaml indents continuation lines by 2 under the dummy key; they belong under the real one.
  const whole = pairText(key, value);
  const [first, ...rest] = whole.slice(whole.indexOf(': ') + 2).split('\n');
  const written = [first, ...rest.map((line) => (line === '' ? '' : ' '.repeat(indent - 2) + line))].join('\n');
  if (text[end - 1] === '\n') return splice(text, start, end, written);
  if (written.indexOf('\n') === written.length - 1) return splice(text, start, end, written.slice(0, -1));
  // An inline value becomes several lines: they take its line, and a comment after it goes.
  return splice(text, start, nextLine(text, end), written);
}

/** The column a block mapping's keys start at. */
function keyIndent(text: string, map: YAMLMap): number {
  const first = map.items[0]?.key as Node | undefined;
  const start = first?.range?.[0];
  return start === undefined ? 0 : start - lineStart(text, start);
}

const keyName = (pair: Pair) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key));

/** Inserts `key: value` into a block mapping (or the top level, `map` undefined) where `order` ranks it. */
function insertPair(text: string, map: YAMLMap | undefined, key: string, value: YamlValue, order: readonly string[]): string {
  const indent = map ? keyIndent(text, map) : 0;
  const lines = indentLines(pairText(key, value), indent);
  const items = (map?.items ?? []) as Pair[];
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : Infinity);
  const before = items.filter((p) => rank(keyName(p)) < rank(key)).at(-1);
  let at: number;
  if (before) at = nextLine(text, ((before.value as Node | null)?.range ?? (before.key as Node).range!)[1]);
  else if (items[0]) at = lineStart(text, (items[0].key as Node).range![0]);
  else at = text.length;
  const prefix = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
  return splice(text, at, at, prefix + lines);
}

/** Replaces a whole `key: value` pair of a mapping by one written anew. */
function replacePair(text: string, map: YAMLMap, pair: Pair, value: YamlValue): string {
  const keyStart = (pair.key as Node).range![0];
  const end = ((pair.value as Node | null)?.range ?? (pair.key as Node).range!)[1];
  return splice(text, lineStart(text, keyStart), nextLine(text, end), indentLines(pairText(keyName(pair), value), keyIndent(text, map)));
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return (map.items as Pair[]).find((p) => isPair(p) && keyName(p) === key);
}

/** Sets a top-level field to `value`; `order` ranks the top-level keys, for where a new one goes. */
export function setField(text: string, field: string, value: YamlValue, order: readonly string[]): string {
  const doc = parseDocument(text);
  const top = isMap(doc.contents) ? doc.contents : undefined;
  const pair = top ? findPair(top, field) : undefined;
  if (pair && isScalar(pair.value) && typeof value === 'string') return replaceScalar(text, pair.value, field, value);
  if (pair && top) return replacePair(text, top, pair, value);
  return insertPair(text, top, field, value, order);
}

/**
 * Sets one entry of a block mapping or sequence field in place (['advice', '554'], ['differences',
 * 2]), leaving its other entries as written; undefined when the field is not such a block (absent,
 * `{ flow: style }`, or a sequence without that item): then the field is to be written whole.
 */
export function setEntry(text: string, field: string, entry: string | number, value: string, order: readonly string[]): string | undefined {
  const doc = parseDocument(text);
  const top = isMap(doc.contents) ? doc.contents : undefined;
  const parent = top ? findPair(top, field)?.value : undefined;
  if (isMap(parent) && !parent.flow && parent.items.length > 0) {
    const inner = findPair(parent, String(entry));
    if (inner && isScalar(inner.value)) return replaceScalar(text, inner.value, String(entry), value);
    if (!inner) return insertPair(text, parent, String(entry), value, order);
  }
  if (isSeq(parent) && !parent.flow && typeof entry === 'number') {
    const item = parent.items[entry];
    if (isScalar(item)) return replaceScalar(text, item, field, value);
  }
  return undefined;
}
