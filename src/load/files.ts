import { promises as fs, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, positionAt, START, type Diagnostic, type Position } from '../diagnostics.js';
import { MAX_ASSET_BYTES, MAX_LABEL_FILE_BYTES, MAX_TEXT_BYTES } from '../limits.js';
import { KeptReads } from './kept-reads.js';
import { invalidUtf8Position } from './utf8.js';

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

/** The most bytes a file may have, by what it is. */
function sizeLimit(rel: string): number {
  if (rel.startsWith('templates/assets/')) return MAX_ASSET_BYTES;
  return rel.endsWith('.json') ? MAX_LABEL_FILE_BYTES : MAX_TEXT_BYTES;
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** A control character other than tab and line breaks: never meant in text, and invalid in HTML. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** A file that is not text (an image under templates/assets/), as base64. */
export interface BinaryFile {
  readonly path: string;
  readonly base64: string;
}

/** Files under templates/assets/ with these endings are read as bytes; every other file is text. */
export const BINARY_ASSET = /\.(?:png|jpe?g|gif|webp|avif|ico|woff2?)$/i;

/**
 * Reads the bytes of one file under `root`, refusing a path whose real location lies outside the
 * root's real location (a symlink pointing out of the project), anything but a regular file and a
 * file larger than its limit.
 */
function readBytes(root: string, realRoot: string, abs: string): { rel: string; bytes?: Buffer; diagnostics: Diagnostic[] } {
  const rel = relative(root, abs);
  const fail = (rule: string, message: string) => ({ rel, diagnostics: [diagnostic(rel, START, 'error', rule, message)] });
  const real = realpathSync.native(abs);
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return fail('path-outside-root', `refusing to read ${rel}: it resolves to ${real}, outside the project root`);
  const stats = statSync(abs);
  if (!stats.isFile()) return fail('input-limit', `${rel} is not a regular file`);
  const limit = sizeLimit(rel);
  if (stats.size > limit) return fail('input-limit', `the file has ${megabytes(stats.size)}; a file like it may have at most ${megabytes(limit)}`);
  return { rel, bytes: readFileSync(abs), diagnostics: [] };
}

/** Reads one file under `root` as text (see readBytes), refusing bytes that are not UTF-8 and control characters. */
export async function readSource(root: string, abs: string): Promise<ReadResult> {
  return readSourceSync(root, realpathSync.native(root), abs);
}

/**
 * readSource with synchronous calls: a project's thousand small files are read in a fraction of the
 * time a thousand promises take (four trips through libuv's thread pool each).
 */
function readSourceSync(root: string, realRoot: string, abs: string): ReadResult {
  const { rel, bytes, diagnostics } = readBytes(root, realRoot, abs);
  if (!bytes) return { diagnostics };
  const fail = (at: Position, rule: string, message: string): ReadResult => ({ diagnostics: [diagnostic(rel, at, 'error', rule, message)] });
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    return fail(invalidUtf8Position(bytes), 'encoding', 'this byte is not valid UTF-8; save the file as UTF-8');
  }
  const normalized = normalizeText(text);
  const control = CONTROL.exec(normalized);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return fail(positionAt(normalized, control.index), 'encoding', `the control character U+${code} is not allowed in text; remove it`);
  }
  return { file: { path: rel, text: normalized }, diagnostics: [] };
}

/** Reads the files of an assets folder: images as bytes, the others (CSS, scripts, SVG) as text. */
export async function readAssets(root: string, paths: readonly string[]): Promise<{ files: SourceFile[]; binary: BinaryFile[]; diagnostics: Diagnostic[] }> {
  const binaryPaths = paths.filter((p) => BINARY_ASSET.test(p));
  const text = await readSources(root, paths.filter((p) => !BINARY_ASSET.test(p)));
  const realRoot = realpathSync.native(root);
  const binary = binaryPaths.map((p) => readBytes(root, realRoot, p));
  return {
    files: text.files,
    binary: binary.flatMap((r) => (r.bytes ? [{ path: r.rel, base64: r.bytes.toString('base64') }] : [])),
    diagnostics: [...text.diagnostics, ...binary.flatMap((r) => r.diagnostics)],
  };
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

/** Every file below `dir` whose name ends with `suffix`, in name order; [] if `dir` is absent. */
export async function filesUnder(dir: string, suffix: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await listDir(dir)) {
    if (entry.isDirectory) out.push(...(await filesUnder(entry.abs, suffix)));
    else if (entry.name.endsWith(suffix)) out.push(entry.abs);
  }
  return out;
}

/** Reads many files, collecting every diagnostic rather than stopping at the first. */
/** Text sources read by this process, kept while the preview's watcher sees no change to them. */
export const keptSources = new KeptReads<ReadResult>();

export async function readSources(root: string, paths: readonly string[]): Promise<{ files: SourceFile[]; diagnostics: Diagnostic[] }> {
  const realRoot = realpathSync.native(root);
  const results = paths.map((p) => keptSources.read(path.resolve(p), () => readSourceSync(root, realRoot, p)));
  return {
    files: results.flatMap((r) => (r.file ? [r.file] : [])),
    diagnostics: results.flatMap((r) => r.diagnostics),
  };
}
