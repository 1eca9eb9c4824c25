import { existsSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { UntranslatedPolicy } from '../model/types.js';
import { readSource } from './files.js';
import { parseMemo } from './parse-memo.js';

/** The project settings of package.json's `codeCompare` object that the build reads (the base URL is the CLI's). */
export interface ProjectSettings {
  readonly untranslated?: UntranslatedPolicy;
}

const POLICIES: readonly UntranslatedPolicy[] = ['noindex', 'index'];

/** Reads `codeCompare` from the root's package.json, if there is one; a bad value is an error at its position. */
export async function loadSettings(root: string): Promise<{ settings: ProjectSettings; diagnostics: Diagnostic[] }> {
  const file = path.join(root, 'package.json');
  if (!existsSync(file)) return { settings: {}, diagnostics: [] };
  const read = await readSource(root, file);
  if (!read.file) return { settings: {}, diagnostics: read.diagnostics };
  const parsed = parseMemo.json(read.file);
  if (!parsed.file) return { settings: {}, diagnostics: parsed.diagnostics };
  const config = (parsed.file.value as { codeCompare?: Record<string, unknown> } | null)?.codeCompare;
  const value = config?.untranslated;
  if (value === undefined) return { settings: {}, diagnostics: [] };
  if (typeof value !== 'string' || !(POLICIES as readonly string[]).includes(value)) {
    const at = parsed.file.locate(['codeCompare', 'untranslated']);
    return { settings: {}, diagnostics: [diagnostic('package.json', at, 'error', 'invalid-setting', `\`codeCompare.untranslated\` must be "noindex" (the default: pages whose content is not translated are not indexed) or "index", not ${JSON.stringify(value)}`)] };
  }
  return { settings: { untranslated: value as UntranslatedPolicy }, diagnostics: [] };
}
