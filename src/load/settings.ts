import { existsSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Publisher, UntranslatedPolicy } from '../model/types.js';
import { readSource } from './files.js';
import type { JsonFile } from './json.js';
import { parseMemo } from './parse-memo.js';

/** The project settings of package.json's `codeCompare` object that the build reads (the base URL is the CLI's). */
export interface ProjectSettings {
  readonly untranslated?: UntranslatedPolicy;
  readonly publisher?: Publisher;
  /** Whether pages get a search box and the build a search index (default: true). */
  readonly search?: boolean;
}

const POLICIES: readonly UntranslatedPolicy[] = ['noindex', 'index'];

type Check<T> = { value: T } | { problem: string; at: string[] };

function untranslated(value: unknown): Check<UntranslatedPolicy> {
  if (typeof value === 'string' && (POLICIES as readonly string[]).includes(value)) return { value: value as UntranslatedPolicy };
  return { problem: `\`codeCompare.untranslated\` must be "noindex" (the default: pages whose content is not translated are not indexed) or "index", not ${JSON.stringify(value)}`, at: ['untranslated'] };
}

function isWebAddress(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

function publisher(value: unknown): Check<Publisher> {
  const shape = '`codeCompare.publisher` is an object with the `name` and `url` of who publishes the site: { "name": "Example Ltd", "url": "https://example.com/" }';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: `${shape}, not ${JSON.stringify(value)}`, at: ['publisher'] };
  const { name, url } = value as Record<string, unknown>;
  if (typeof name !== 'string' || !name.trim()) return { problem: `${shape}; its \`name\` must be a text that is not empty`, at: name === undefined ? ['publisher'] : ['publisher', 'name'] };
  if (typeof url !== 'string' || !isWebAddress(url)) return { problem: `${shape}; its \`url\` must be an absolute http or https address`, at: url === undefined ? ['publisher'] : ['publisher', 'url'] };
  return { value: { name: name.trim(), url } };
}

function search(value: unknown): Check<boolean> {
  if (typeof value === 'boolean') return { value };
  return { problem: `\`codeCompare.search\` must be true (the default: a search box on every page and a search index in pagefind/) or false, not ${JSON.stringify(value)}`, at: ['search'] };
}

const READERS: { [K in keyof ProjectSettings]-?: (value: unknown) => Check<NonNullable<ProjectSettings[K]>> } = { untranslated, publisher, search };

/** Reads `codeCompare` from the root's package.json, if there is one; a bad value is an error at its position. */
export async function loadSettings(root: string): Promise<{ settings: ProjectSettings; diagnostics: Diagnostic[] }> {
  const file = path.join(root, 'package.json');
  if (!existsSync(file)) return { settings: {}, diagnostics: [] };
  const read = await readSource(root, file);
  if (!read.file) return { settings: {}, diagnostics: read.diagnostics };
  const parsed = parseMemo.json(read.file);
  if (!parsed.file) return { settings: {}, diagnostics: parsed.diagnostics };
  return readSettings(parsed.file);
}

function readSettings(json: JsonFile): { settings: ProjectSettings; diagnostics: Diagnostic[] } {
  const config = (json.value as { codeCompare?: Record<string, unknown> } | null)?.codeCompare;
  const settings: Record<string, unknown> = {};
  const diagnostics: Diagnostic[] = [];
  for (const [key, reader] of Object.entries(READERS) as Array<[string, (value: unknown) => Check<unknown>]>) {
    const value = config?.[key];
    if (value === undefined) continue;
    const checked = reader(value);
    if ('value' in checked) settings[key] = checked.value;
    else diagnostics.push(diagnostic('package.json', json.locate(['codeCompare', ...checked.at]), 'error', 'invalid-setting', checked.problem));
  }
  return { settings: settings as ProjectSettings, diagnostics };
}
