import { isPluralCategory, type PluralCategory } from './tags.js';
import type { LabelTree } from '../model/types.js';

/** `{ a: { b: 'x' } }` → `[['a.b', 'x']]`, in document order. Non-string leaves are kept as they are. */
export function flattenLabels(tree: unknown, prefix = ''): Array<[string, unknown]> {
  if (tree === null || typeof tree !== 'object' || Array.isArray(tree)) return [[prefix, tree]];
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? flattenLabels(value, path) : [[path, value] as [string, unknown]];
  });
}

/** `[['a.b', 'x']]` → `{ a: { b: 'x' } }` */
export function unflattenLabels(entries: Iterable<readonly [string, string]>): LabelTree {
  const root: Record<string, unknown> = {};
  for (const [path, value] of entries) {
    const parts = path.split('.');
    let node: Record<string, unknown> | undefined = root;
    for (const part of parts.slice(0, -1)) {
      if (!Object.hasOwn(node, part)) Object.defineProperty(node, part, { value: {}, enumerable: true, writable: true, configurable: true });
      const next: unknown = node[part];
      node = next !== null && typeof next === 'object' ? (next as Record<string, unknown>) : undefined;
      if (!node) break;
    }
    if (node) Object.defineProperty(node, parts.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
  }
  return root as LabelTree;
}

type PluralKey = { readonly base: string; readonly category?: PluralCategory };

/** A project has a few hundred keys, split again for each language on every build. */
const pluralKeys = new Map<string, PluralKey>();

/** `'home.codeCount_one'` → `{ base: 'home.codeCount', category: 'one' }`; plain keys have no category. */
export function splitPluralKey(key: string): PluralKey {
  let split = pluralKeys.get(key);
  if (!split) {
    const match = /^(.*)_([a-z]+)$/.exec(key);
    split = match && isPluralCategory(match[2]!) ? { base: match[1]!, category: match[2] as PluralCategory } : { base: key };
    pluralKeys.set(key, split);
  }
  return split;
}


/**
 * i18next's placeholder syntax, the one definition of it: `{{name}}`, `{{ name }}`, `{{- name}}`
 * (unescaped) and `{{name, format}}`; group 1 is the name.
 */
// The name cannot give characters back to what follows it, so an unclosed `{{` costs linear time.
export const PLACEHOLDER = /\{\{-?\s*([^{}\s,]+)(?:[\s,][^{}]*)?\}\}/g;

/** A label's text cut at its placeholders: `literals[0] {{names[0]}} literals[1] …`; `wholes` as written. */
export interface LabelParts {
  readonly literals: readonly string[];
  readonly names: readonly string[];
  readonly wholes: readonly string[];
}

const partsCache = new Map<string, LabelParts>();

/** Labels are filled thousands of times per build and there are only a few hundred texts, so each is cut once. */
export function labelParts(text: string): LabelParts {
  let parts = partsCache.get(text);
  if (parts) return parts;
  const literals: string[] = [];
  const names: string[] = [];
  const wholes: string[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    literals.push(text.slice(last, match.index));
    names.push(match[1]!);
    wholes.push(match[0]);
    last = match.index! + match[0].length;
  }
  literals.push(text.slice(last));
  partsCache.set(text, (parts = { literals, names, wholes }));
  return parts;
}

/** `'{{a}} vs {{ b }}'` → `['a', 'b']` (sorted, unique). i18next's `{{- raw}}` form counts as `raw`. */
export function placeholders(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) names.add(match[1]!);
  return [...names].sort();
}

/**
 * Where the first brace outside a well-formed placeholder sits, the commonest placeholder typo:
 * `'{{count} codes'` → 0, `'{{a}} and {{b}'` → 10, `'{{a}}'` → undefined.
 */
export function strayBrace(text: string): number | undefined {
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const gap = text.slice(last, match.index).search(/[{}]/);
    if (gap !== -1) return last + gap;
    last = match.index! + match[0].length;
  }
  const tail = text.slice(last).search(/[{}]/);
  return tail === -1 ? undefined : last + tail;
}
