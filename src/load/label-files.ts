import { LABEL_SOURCES_SUFFIX } from '../i18n/source-paths.js';

/** Beside `locales/TAG.json`, `new-locale` writes the English of each label to translate; the build never reads it. */
export const TODO_SUFFIX = '.todo.json';

/** `vi.json` → `vi`; undefined for a file that is not a label file (`vi.todo.json`, `vi.source.json`, `notes.txt`). */
export function labelFileTag(name: string): string | undefined {
  if (!name.endsWith('.json') || name.endsWith(TODO_SUFFIX) || name.endsWith(LABEL_SOURCES_SUFFIX)) return undefined;
  return name.slice(0, -'.json'.length);
}
