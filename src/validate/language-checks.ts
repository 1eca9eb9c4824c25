import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics.js';
import type { JsonFile } from '../load/json.js';
import { parseMemo } from '../load/parse-memo.js';

/**
 * One language's label check, remembered with everything it reads: the file's text (positions come
 * from it), and `inputs`, a signature of the rest (the English it is checked against, the labels it
 * inherits, the families kept). A preview server checks every language's labels again when one
 * label file is saved; the other languages are answered from here. A file not read through the
 * parse memo has no known text, and is checked each time.
 */
const remembered = new Map<string, { readonly result: unknown; readonly diagnostics: readonly Diagnostic[] }>();
const KEPT = 64;

/** A short signature of values JSON can write. */
export function signature(parts: readonly unknown[]): string {
  return createHash('sha1').update(JSON.stringify(parts)).digest('base64');
}

export function checkedLanguage<T>(file: JsonFile, inputs: string, diagnostics: Diagnostic[], run: (found: Diagnostic[]) => T): T {
  const text = parseMemo.textHash(file);
  if (text === undefined) return run(diagnostics);
  const key = `${file.path}\u0000${text}\u0000${inputs}`;
  const known = remembered.get(key);
  if (known) {
    diagnostics.push(...known.diagnostics);
    return known.result as T;
  }
  const found: Diagnostic[] = [];
  const result = run(found);
  diagnostics.push(...found);
  if (remembered.size >= KEPT) remembered.clear();
  remembered.set(key, { result, diagnostics: found });
  return result;
}
