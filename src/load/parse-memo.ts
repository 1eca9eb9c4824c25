import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, Position } from '../diagnostics.js';
import type { SourceFile } from './files.js';
import { parseFrontMatter, type FrontMatterFile, type FrontMatterResult } from './front-matter.js';
import { parseJson, type JsonFile, type JsonResult } from './json.js';

/**
 * What reading a file yields, remembered by the file's path and the hash of its text: parsing YAML
 * and JSON with positions, and the checks that depend on one file alone, are most of what a build
 * spends before it renders, and a build after an edit finds all files but one as they were. The
 * preview server keeps the memo for its life; a build loads it from the cache folder beside its
 * output and saves it back. A remembered result is the one parsing would give: the data and the
 * diagnostics are kept, and a file's positions are found by parsing it again the first time a
 * diagnostic about it asks for one.
 */
interface Stored {
  readonly hash: string;
  /** Front matter: the data and body; JSON: nothing (its value is JSON.parse of the text); a check: nothing. */
  readonly data?: Record<string, unknown>;
  readonly body?: string;
  readonly diagnostics: readonly Diagnostic[];
  /** Whether parsing gave a file (or only diagnostics). */
  readonly ok: boolean;
  /** Front matter: where fields start, by their paths as JSON, for those a diagnostic asked about. */
  positions?: Record<string, Position>;
}

const hashOf = (text: string) => createHash('sha1').update(text).digest('base64');

/** Only what JSON gives back as it was: plain objects and arrays of strings, finite numbers, booleans and null. */
function isJsonSafe(value: unknown, depth = 0): boolean {
  if (depth > 200) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every((item, i) => i in value && isJsonSafe(item, depth + 1));
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.entries(value).every(([key, item]) => key !== '__proto__' && isJsonSafe(item, depth + 1));
}

/** Files parsed again for their positions, kept for the next build of the process (a preview's): its warnings ask again. */
const reparsed = new Map<string, { text: string; file: FrontMatterFile | JsonFile }>();

function parsedAgain<F extends FrontMatterFile | JsonFile>(source: SourceFile, parse: (source: SourceFile) => F): F {
  const found = reparsed.get(source.path);
  if (found?.text === source.text) return found.file as F;
  const file = parse(source);
  reparsed.set(source.path, { text: source.text, file });
  return file;
}

/**
 * A front-matter file from remembered data, its positions found by parsing the text when first
 * asked. Where a field starts is remembered too: a stale translation is warned about, at its
 * `source_hash`, by every build until it is confirmed.
 */
function restoredFrontMatter(source: SourceFile, entry: Stored, located: () => void): FrontMatterFile {
  let parsed: FrontMatterFile | undefined;
  const full = () => (parsed ??= parsedAgain(source, (s) => parseFrontMatter(s).file!));
  return {
    path: source.path,
    data: entry.data!,
    body: entry.body!,
    locate: (at) => {
      const key = JSON.stringify(at);
      const known = entry.positions?.[key];
      if (known && Number.isInteger(known.line) && Number.isInteger(known.column)) return { line: known.line, column: known.column };
      const position = full().locate(at);
      (entry.positions ??= {})[key] = { line: position.line, column: position.column };
      located();
      return position;
    },
    locateInValue: (at, needle) => full().locateInValue(at, needle),
    locateInBody: (needle) => full().locateInBody(needle),
    sourceOf: (at) => full().sourceOf(at),
  };
}

function restoredJson(source: SourceFile): JsonFile {
  let parsed: JsonFile | undefined;
  const full = () => (parsed ??= parsedAgain(source, (s) => parseJson(s).file!));
  return {
    path: source.path,
    value: JSON.parse(source.text),
    locate: (at) => full().locate(at),
    locateInValue: (at, needle) => full().locateInValue(at, needle),
    locateInString: (at, index) => full().locateInString(at, index),
  };
}

export class ParseMemo {
  private readonly entries = new Map<string, Stored>();
  private changed = false;
  /** The hash of the text each file handed out was read from, for checks of that file. */
  private readonly texts = new WeakMap<object, string>();
  /** Files already read into this memo: a process that builds again (the preview server) has their entries. */
  private readonly loaded = new Set<string>();

  private lookup(key: string, hash: string): Stored | undefined {
    const found = this.entries.get(key);
    return found?.hash === hash ? found : undefined;
  }

  private store(key: string, entry: Stored): void {
    this.entries.set(key, entry);
    this.changed = true;
  }

  frontMatter(source: SourceFile): FrontMatterResult {
    const key = `front\u0000${source.path}`;
    const hash = hashOf(source.text);
    const found = this.lookup(key, hash);
    const result = found ? { file: found.ok ? restoredFrontMatter(source, found, () => (this.changed = true)) : undefined, diagnostics: [...found.diagnostics] } : parseFrontMatter(source);
    const file = result.file;
    if (!found && (!file || isJsonSafe(file.data))) this.store(key, { hash, data: file?.data, body: file?.body, diagnostics: result.diagnostics, ok: file !== undefined });
    if (file) this.texts.set(file, hash);
    return result;
  }

  /** `owner` tells apart files of one path from two folders: the tool's own `locales/vi.json` and a project's. */
  json(source: SourceFile, owner: 'project' | 'tool' = 'project'): JsonResult {
    const key = owner === 'project' ? `json\u0000${source.path}` : `json\u0000${owner}\u0000${source.path}`;
    const hash = hashOf(source.text);
    const found = this.lookup(key, hash);
    const result = found ? { file: found.ok ? restoredJson(source) : undefined, diagnostics: [...found.diagnostics] } : parseJson(source);
    if (!found) this.store(key, { hash, diagnostics: result.diagnostics, ok: result.file !== undefined });
    if (result.file) this.texts.set(result.file, hash);
    return result;
  }

  /** The hash of the text a file this memo handed out was read from; undefined for any other file. */
  textHash(file: object): string | undefined {
    return this.texts.get(file);
  }

  /** A check of one file this memo read (else the check simply runs): remembered with the file's text. */
  checkFile<F extends FrontMatterFile | JsonFile>(name: string, file: F, run: (file: F) => Diagnostic[]): Diagnostic[] {
    const hash = this.texts.get(file);
    return hash === undefined ? run(file) : this.check(`${name}\u0000${file.path}`, hash, () => run(file));
  }

  /** A check whose diagnostics depend only on `input` (a file's text, or all templates with their names). */
  check(name: string, input: string, run: () => Diagnostic[]): Diagnostic[] {
    const key = `check\u0000${name}`;
    const hash = hashOf(input);
    const found = this.lookup(key, hash);
    if (found) return [...found.diagnostics];
    const diagnostics = run();
    this.store(key, { hash, diagnostics, ok: true });
    return diagnostics;
  }

  /** Reads remembered results saved by `save` for the same tool; a missing or foreign file is an empty memo. */
  async load(file: string, tool: string): Promise<void> {
    if (this.loaded.has(file)) return;
    this.loaded.add(file);
    try {
      const saved = JSON.parse(await fs.readFile(file, 'utf8')) as { tool?: unknown; entries?: unknown };
      if (saved.tool !== tool || saved.entries === null || typeof saved.entries !== 'object') return;
      for (const [key, entry] of Object.entries(saved.entries as Record<string, Stored>)) {
        if (!this.entries.has(key) && typeof entry?.hash === 'string' && Array.isArray(entry.diagnostics)) this.entries.set(key, entry);
      }
    } catch {
      // No memo yet, or one that cannot be read: everything is parsed.
    }
  }

  /** Writes what is remembered (as a new file renamed into place), when anything was added since it was loaded. */
  async save(file: string, tool: string): Promise<void> {
    if (!this.changed) return;
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(temporary, JSON.stringify({ tool, entries: Object.fromEntries(this.entries) }));
      await fs.rename(temporary, file);
      this.changed = false;
    } catch {
      await fs.rm(temporary, { force: true }).catch(() => undefined);
    }
  }
}

/** The memo every loader reads through: one per process. */
export const parseMemo = new ParseMemo();
