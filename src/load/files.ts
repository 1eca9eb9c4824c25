import { promises as fs } from 'node:fs';
import path from 'node:path';
import { diagnostic, START, type Diagnostic } from '../diagnostics.js';

/** A user file read as text: BOM removed, CRLF folded to LF, Unicode NFC. */
export interface SourceFile {
  /** Path relative to the project root, with forward slashes: `codes/smtp/553.md`. */
  readonly path: string;
  readonly text: string;
}

export interface ReadResult {
  readonly file?: SourceFile;
  readonly diagnostics: Diagnostic[];
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export function normalizeText(raw: string): string {
  const noBom = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return noBom.replace(/\r\n?/g, '\n').normalize('NFC');
}

export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

function relative(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

/**
 * Reads one file under `root`, refusing a path whose real location lies outside the root's real
 * location (a symlink pointing out of the project) and bytes that are not UTF-8.
 */
export async function readSource(root: string, abs: string): Promise<ReadResult> {
  const rel = relative(root, abs);
  const [realRoot, real] = await Promise.all([fs.realpath(root), fs.realpath(abs)]);
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
    return {
      diagnostics: [diagnostic(rel, START, 'error', 'path-outside-root', `refusing to read ${rel}: it resolves to ${real}, outside the project root`)],
    };
  }
  const text = decodeUtf8(await fs.readFile(abs));
  if (text === undefined) {
    return {
      diagnostics: [diagnostic(rel, START, 'error', 'encoding', 'file is not valid UTF-8; save it as UTF-8')],
    };
  }
  return { file: { path: rel, text: normalizeText(text) }, diagnostics: [] };
}

export interface DirEntry {
  readonly name: string;
  readonly abs: string;
  readonly isDirectory: boolean;
}

/** Entries of a folder sorted by name (code-point order, so builds are deterministic); [] if absent. */
export async function listDir(abs: string): Promise<DirEntry[]> {
  let entries;
  try {
    entries = await fs.readdir(abs, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const result: DirEntry[] = [];
  for (const entry of entries) {
    const full = path.join(abs, entry.name);
    let isDirectory = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      isDirectory = await fs.stat(full).then((s) => s.isDirectory(), () => false);
    }
    result.push({ name: entry.name, abs: full, isDirectory });
  }
  return result.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Reads many files, collecting every diagnostic rather than stopping at the first. */
export async function readSources(root: string, paths: readonly string[]): Promise<{ files: SourceFile[]; diagnostics: Diagnostic[] }> {
  const results = await Promise.all(paths.map((p) => readSource(root, p)));
  return {
    files: results.flatMap((r) => (r.file ? [r.file] : [])),
    diagnostics: results.flatMap((r) => r.diagnostics),
  };
}
