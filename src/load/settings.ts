import { existsSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { UntranslatedPolicy } from '../model/types.js';
import { readSource } from './files.js';
import { parseJson, type JsonFile } from './json.js';

/** The project settings of package.json's `codeCompare` object that the build reads (the base URL is the CLI's). */
export interface ProjectSettings {
  readonly untranslated?: UntranslatedPolicy;
  /** Whether pages get a search box and the build a search index (default: true). */
  readonly search?: boolean;
}

const POLICIES: readonly UntranslatedPolicy[] = ['noindex', 'index'];

function invalid(file: JsonFile, key: string, message: string): Diagnostic {
  return diagnostic('package.json', file.locate(['codeCompare', key]), 'error', 'invalid-setting', message);
}

/** Reads `codeCompare` from the root's package.json, if there is one; a bad value is an error at its position. */
export async function loadSettings(root: string): Promise<{ settings: ProjectSettings; diagnostics: Diagnostic[] }> {
  const file = path.join(root, 'package.json');
  if (!existsSync(file)) return { settings: {}, diagnostics: [] };
  const read = await readSource(root, file);
  if (!read.file) return { settings: {}, diagnostics: read.diagnostics };
  const parsed = parseJson(read.file);
  if (!parsed.file) return { settings: {}, diagnostics: parsed.diagnostics };
  const config = (parsed.file.value as { codeCompare?: Record<string, unknown> } | null)?.codeCompare;
  const settings: { untranslated?: UntranslatedPolicy; search?: boolean } = {};
  const diagnostics: Diagnostic[] = [];
  const untranslated = config?.untranslated;
  if (typeof untranslated === 'string' && (POLICIES as readonly string[]).includes(untranslated)) settings.untranslated = untranslated as UntranslatedPolicy;
  else if (untranslated !== undefined) {
    diagnostics.push(invalid(parsed.file, 'untranslated', `\`codeCompare.untranslated\` must be "noindex" (the default: pages whose content is not translated are not indexed) or "index", not ${JSON.stringify(untranslated)}`));
  }
  const search = config?.search;
  if (typeof search === 'boolean') settings.search = search;
  else if (search !== undefined) {
    diagnostics.push(invalid(parsed.file, 'search', `\`codeCompare.search\` must be true (the default: a search box on every page and a search index in pagefind/) or false, not ${JSON.stringify(search)}`));
  }
  // One bad setting makes the build stop, so none of the others is used either.
  return diagnostics.length > 0 ? { settings: {}, diagnostics } : { settings, diagnostics };
}
