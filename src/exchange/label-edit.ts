import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';

interface Style {
  /** One level of indentation. */
  readonly unit: string;
  readonly eol: string;
}

function styleOf(text: string): Style {
  return { unit: /\n([ \t]+)"/.exec(text)?.[1] ?? '  ', eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

const splice = (text: string, at: number, length: number, insert: string) => text.slice(0, at) + insert + text.slice(at + length);

/** The whitespace a line starts with. */
function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/** The indentation of an object's properties: as its first one has it, else one level below the object's line. */
function memberIndent(text: string, object: Node, style: Style): string {
  const first = object.children?.[0];
  if (first) {
    const start = text.lastIndexOf('\n', first.offset - 1) + 1;
    const before = text.slice(start, first.offset);
    if (/^[ \t]*$/.test(before) && start > object.offset) return before;
  }
  return lineIndent(text, object.offset) + style.unit;
}

/** `{ "a": { "b": "x" } }` written at `indent`, in the file's style. */
function valueText(value: unknown, indent: string, style: Style): string {
  return JSON.stringify(value, null, style.unit).replace(/\n/g, style.eol + indent);
}

/**
 * Inserts `"name": value` as the `index`-th property of `object`, written as the file writes its
 * properties; nothing else of the file changes.
 */
function insertProperty(text: string, object: Node, index: number, name: string, value: unknown, style: Style): string {
  const indent = memberIndent(text, object, style);
  const property = `${JSON.stringify(name)}: ${valueText(value, indent, style)}`;
  const members = object.children ?? [];
  if (members.length === 0) {
    const closing = lineIndent(text, object.offset);
    return splice(text, object.offset, object.length, `{${style.eol}${indent}${property}${style.eol}${closing}}`);
  }
  if (index === 0) return splice(text, members[0]!.offset, 0, `${property},${style.eol}${indent}`);
  const previous = members[index - 1]!;
  return splice(text, previous.offset + previous.length, 0, `,${style.eol}${indent}${property}`);
}

/**
 * Sets labels in a label file's text: a changed value is replaced where it stands, a new key is
 * inserted where `order` (the keys as a complete file orders them) puts it among the keys present,
 * with the file's indentation. Every other byte of the file stays as it was.
 */
export function editLabels(text: string | undefined, labels: ReadonlyMap<string, string>, order: readonly string[]): string {
  const bom = text?.startsWith('\ufeff') ? '\ufeff' : '';
  let result = text === undefined ? '{}\n' : text.slice(bom.length);
  const style = styleOf(result);
  const rank = new Map<string, number>();
  order.forEach((key, index) => {
    const parts = key.split('.');
    for (let depth = 1; depth <= parts.length; depth++) {
      const prefix = parts.slice(0, depth).join('.');
      if (!rank.has(prefix)) rank.set(prefix, index);
    }
  });
  const keys = [...labels.keys()].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity));
  for (const key of keys) {
    const path = key.split('.');
    const value = labels.get(key)!;
    const tree = parseTree(result);
    if (!tree || tree.type !== 'object') throw new Error('a label file must hold a JSON object');
    const existing = findNodeAtLocation(tree, path);
    if (existing && existing.type !== 'object') {
      result = splice(result, existing.offset, existing.length, JSON.stringify(value));
      continue;
    }
    // The deepest object on the path that exists takes the first missing key, holding the rest.
    let depth = path.length - 1;
    let object: Node | undefined = tree;
    for (; depth > 0; depth--) {
      const node = findNodeAtLocation(tree, path.slice(0, depth));
      if (node?.type === 'object') {
        object = node;
        break;
      }
    }
    const nested = path.slice(depth + 1).reduceRight<unknown>((inner, part) => ({ [part]: inner }), value);
    const newRank = rank.get(path.slice(0, depth + 1).join('.')) ?? Infinity;
    const prefix = path.slice(0, depth);
    const names = (object.children ?? []).map((p) => String(p.children?.[0]?.value));
    let index = 0;
    names.forEach((name, i) => {
      if ((rank.get([...prefix, name].join('.')) ?? Infinity) < newRank) index = i + 1;
    });
    result = insertProperty(result, object, index, path[depth]!, nested, style);
  }
  return bom + result;
}
