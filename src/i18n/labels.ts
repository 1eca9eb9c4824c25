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
    let node = root;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1)!] = value;
  }
  return root as LabelTree;
}

/** `'home.codeCount_one'` → `{ base: 'home.codeCount', category: 'one' }`; plain keys have no category. */
export function splitPluralKey(key: string): { base: string; category?: PluralCategory } {
  const match = /^(.*)_([a-z]+)$/.exec(key);
  if (match && isPluralCategory(match[2]!)) return { base: match[1]!, category: match[2] as PluralCategory };
  return { base: key };
}

/**
 * i18next's placeholder syntax, the one definition of it: `{{name}}`, `{{ name }}`, `{{- name}}`
 * (unescaped) and `{{name, format}}`; group 1 is the name.
 */
export const PLACEHOLDER = /\{\{-?\s*([^{}\s,]+)[^{}]*\}\}/g;

/** `'{{a}} vs {{ b }}'` → `['a', 'b']` (sorted, unique). i18next's `{{- raw}}` form counts as `raw`. */
export function placeholders(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(PLACEHOLDER)) names.add(match[1]!);
  return [...names].sort();
}
