import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { JsonFile, JsonPath } from '../load/json.js';
import { MAX_LABELS } from '../limits.js';

export type LabelValue = unknown;

/** Why a key cannot name a label: `.` and `:` are i18next's separators, `__proto__` is no plain key. */
function badKey(key: string): string | undefined {
  if (key === '') return 'an empty key';
  if (key.includes('.') || key.includes(':')) return 'a key with `.` or `:` in it (nest the keys instead: i18next reads those as separators)';
  if (key === '__proto__') return 'the key `__proto__`';
  return undefined;
}

/**
 * A label file's tree without the keys that cannot name a label, each reported where it stands:
 * `{ "a.b": "x", "c": "y" }` → `{ c: 'y' }` and one diagnostic.
 */
export function usableLabelTree(file: JsonFile, diagnostics: Diagnostic[]): Record<string, LabelValue> {
  const clean = (node: Record<string, unknown>, at: JsonPath): Record<string, LabelValue> => {
    const out: Record<string, LabelValue> = {};
    for (const [key, value] of Object.entries(node)) {
      const problem = badKey(key);
      if (problem) {
        diagnostics.push(diagnostic(file.path, file.locate([...at, key]), 'warning', 'label-key', `${problem} cannot name a label; it is ignored`));
        continue;
      }
      const nested = value !== null && typeof value === 'object' && !Array.isArray(value);
      Object.defineProperty(out, key, { value: nested ? clean(value as Record<string, unknown>, [...at, key]) : value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  return clean(file.value as Record<string, unknown>, []);
}

/** Counts a tree's labels without building them, stopping past the limit; the path of the first one over it. */
export function labelOverLimit(tree: Record<string, LabelValue>, limit = MAX_LABELS): JsonPath | undefined {
  let count = 0;
  const walk = (node: Record<string, unknown>, at: string[]): JsonPath | undefined => {
    for (const [key, value] of Object.entries(node)) {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const found = walk(value as Record<string, unknown>, [...at, key]);
        if (found) return found;
      } else if (++count > limit) return [...at, key];
    }
    return undefined;
  };
  return walk(tree, []);
}
