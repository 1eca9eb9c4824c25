import { createHash } from 'node:crypto';
import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { IndexableCount } from '../model/indexing.js';
import type { Subset } from '../subset.js';
import type { Shard } from '../model/shards.js';

/** The file that marks a folder as this tool's: an output (with the manifest of its build) or a staging folder. */
export const MARKER = '.code-compare.json';
export const TOOL_VERSION = 1;

export interface Manifest {
  readonly tool: 'code-compare';
  readonly version: number;
  /** Hash over every input of the build (the whole site model and the tool); equal hashes mean equal output. */
  readonly inputs: string;
  /** Hash over the per-file hashes below. */
  readonly build: string;
  /** Hash of the bytes of every source file and of the options that select them; see load/fingerprint.ts. */
  readonly sources?: string;
  /** What the build said about those sources, said again by a build that finds them unchanged. */
  readonly report?: BuildReport;
  /** Output file → hash of the inputs it was made from. */
  readonly files: Readonly<Record<string, string>>;
  /** What a build of only some languages or families was limited to; absent for a full build. */
  readonly subset?: Subset;
  /** Which share of the pages a `--shard` build rendered (see model/shards.ts); absent for a whole site. */
  readonly shard?: Shard;
  /** Page in the search index → hash of its bytes as written, so a later build need not read it again to know its index is unchanged. */
  readonly searched?: Readonly<Record<string, string>>;
  /** Language → its pages' inputs part by part (InputHashes.components): a page none of whose parts changed keeps its hash. */
  readonly components?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Hash of the file table as written (see serializeManifest); on a manifest read back, not one being made. */
  readonly filesHash?: string;
}

/** The diagnostics (before --strict) and counts of a build, kept with its output. */
export interface BuildReport {
  readonly diagnostics: readonly Diagnostic[];
  /** HTML pages in the output. */
  readonly pages: number;
  readonly missingLabels: number;
  readonly missingContent: number;
  readonly indexable: readonly IndexableCount[];
  readonly languages: number;
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** The report a manifest keeps, when it is whole and well formed; undefined otherwise (the build then reads its sources). */
export function storedReport(manifest: { readonly report?: unknown }): BuildReport | undefined {
  const report = manifest.report as Partial<BuildReport> | null | undefined;
  if (report === null || typeof report !== 'object') return undefined;
  if (!isCount(report.pages) || !isCount(report.missingLabels) || !isCount(report.missingContent) || !isCount(report.languages)) return undefined;
  if (!Array.isArray(report.diagnostics) || !Array.isArray(report.indexable)) return undefined;
  const diagnostic = (d: Partial<Diagnostic> | null) =>
    d !== null && typeof d === 'object' && typeof d.file === 'string' && isCount(d.line) && isCount(d.column) && (d.severity === 'error' || d.severity === 'warning') && typeof d.rule === 'string' && typeof d.message === 'string';
  const count = (c: Partial<IndexableCount> | null) => c !== null && typeof c === 'object' && typeof c.lang === 'string' && isCount(c.indexable) && isCount(c.pages);
  if (!report.diagnostics.every(diagnostic) || !report.indexable.every(count)) return undefined;
  return {
    diagnostics: report.diagnostics.map(({ file, line, column, severity, rule, message }) => ({ file, line, column, severity, rule, message })),
    pages: report.pages,
    missingLabels: report.missingLabels,
    missingContent: report.missingContent,
    indexable: report.indexable.map(({ lang, indexable, pages }) => ({ lang, indexable, pages })),
    languages: report.languages,
  };
}

/** What a staging folder's marker holds until its build publishes it with a manifest. */
const STAGING = { tool: 'code-compare', staging: true } as const;

/** Empty, a backslash or NUL, a slash at either end or doubled, a `.` or `..` part. */
const UNSAFE_PATH = /^$|[\\\0]|^\/|\/$|\/\/|(?:^|\/)\.\.?(?:\/|$)/;

/** `en/smtp/250/index.html` yes; `/etc/x`, `../x`, `a//b`, `a\b` no. One test per path: a manifest lists every page. */
export function isSafeRelativePath(file: string): boolean {
  return !UNSAFE_PATH.test(file);
}

function isShard(value: unknown): value is Shard {
  const shard = value as Partial<Shard> | null;
  const whole = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1;
  return shard !== null && typeof shard === 'object' && whole(shard.index) && whole(shard.count) && shard.index <= shard.count;
}

const isObject = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);
/** An object of strings: a table of hashes. */
export const isTable = (table: unknown): table is Readonly<Record<string, string>> => isObject(table) && Object.values(table as object).every((hash) => typeof hash === 'string');

function isManifest(value: unknown): value is Manifest {
  const m = value as Partial<Manifest> | null;
  if (m === null || typeof m !== 'object' || m.tool !== 'code-compare') return false;
  if (typeof m.version !== 'number' || typeof m.inputs !== 'string' || typeof m.build !== 'string') return false;
  if (m.files === null || typeof m.files !== 'object' || Array.isArray(m.files)) return false;
  if (m.subset !== undefined && (m.subset === null || typeof m.subset !== 'object' || Array.isArray(m.subset))) return false;
  if (m.sources !== undefined && typeof m.sources !== 'string') return false;
  if (m.filesHash !== undefined && typeof m.filesHash !== 'string') return false;
  if (m.shard !== undefined && !isShard(m.shard)) return false;
  if (m.searched !== undefined && !isTable(m.searched)) return false;
  if (m.components !== undefined && (!isObject(m.components) || !Object.values(m.components).every(isTable))) return false;
  for (const file in m.files) if (typeof m.files[file] !== 'string' || !isSafeRelativePath(file)) return false;
  return true;
}

/** lstat that answers undefined for a path that does not exist, and 'not-a-folder' when a parent is a file. */
export async function lstatPath(file: string): Promise<Stats | undefined | 'not-a-folder'> {
  try {
    return await fs.lstat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ENOTDIR') return 'not-a-folder';
    throw error;
  }
}

/** A real folder: not a symbolic link to one. */
export async function isRealFolder(dir: string): Promise<boolean> {
  const stats = await lstatPath(dir);
  return typeof stats === 'object' && stats.isDirectory();
}

/** A marker's text as parsed, and whether it is a manifest once asked (null: it is not). */
interface ParsedMarker {
  readonly text: string;
  readonly value: Record<string, unknown> | undefined;
  manifest?: Manifest | null;
}

/**
 * The markers read last, by their files' identities: a build asks for the same manifest several
 * times (is the output ours, which subset, what it holds), and a large site's manifest takes a
 * while to parse (a 3.8 MB one, 50 ms). An output and the copy of it kept in the cache often hold
 * the same bytes: those are parsed once, and both files' reads share the result, which no caller changes.
 */
const recentMarkers: Array<{ readonly key: string; readonly parsed: ParsedMarker }> = [];
const KEPT_MARKERS = 3;

function rememberMarker(key: string, parsed: ParsedMarker): ParsedMarker {
  const at = recentMarkers.findIndex((read) => read.key === key);
  if (at !== -1) recentMarkers.splice(at, 1);
  recentMarkers.unshift({ key, parsed });
  recentMarkers.length = Math.min(recentMarkers.length, KEPT_MARKERS);
  return parsed;
}

const markerKey = (file: string, stats: Stats) => `${path.resolve(file)}\u0000${stats.dev}\u0000${stats.ino}\u0000${stats.size}\u0000${stats.mtimeMs}\u0000${stats.ctimeMs}`;

/** Which marker file a folder holds now (a build that replaces the folder makes another), or undefined without one. */
export async function markerIdentity(dir: string): Promise<string | undefined> {
  const file = path.join(dir, MARKER);
  const stats = await lstatPath(file);
  return typeof stats === 'object' ? markerKey(file, stats) : undefined;
}

function parseMarker(text: string): ParsedMarker {
  try {
    const parsed = JSON.parse(text) as Record<string, unknown> | null;
    return { text, value: parsed !== null && typeof parsed === 'object' && parsed.tool === 'code-compare' ? parsed : undefined };
  } catch {
    return { text, value: undefined };
  }
}

/** The marker of a real folder as parsed, when it is a regular file; else undefined. */
async function readParsedMarker(dir: string): Promise<ParsedMarker | undefined> {
  if (!(await isRealFolder(dir))) return undefined;
  const file = path.join(dir, MARKER);
  const stats = await lstatPath(file);
  if (typeof stats !== 'object' || !stats.isFile() || stats.size > 256 * 1024 * 1024) return undefined;
  const key = markerKey(file, stats);
  const known = recentMarkers.find((read) => read.key === key);
  if (known) return known.parsed;
  const text = await fs.readFile(file, 'utf8');
  const same = recentMarkers.find((read) => read.parsed.text.length === text.length && read.parsed.text === text);
  return rememberMarker(key, same?.parsed ?? parseMarker(text));
}

/** The marker of a real folder, when it is a regular file of this tool; else undefined. */
async function readMarker(dir: string): Promise<Record<string, unknown> | undefined> {
  return (await readParsedMarker(dir))?.value;
}

/** The manifest of an output this tool wrote; undefined for anything else. */
export async function readManifest(dir: string): Promise<Manifest | undefined> {
  const read = await readParsedMarker(dir);
  if (read?.value === undefined) return undefined;
  if (read.manifest === undefined) read.manifest = isManifest(read.value) ? read.value : null;
  return read.manifest ?? undefined;
}

/** Whether a folder is this tool's: an output or a staging folder, marked as such, and not a link to one. */
export async function isOwnFolder(dir: string): Promise<boolean> {
  return (await readMarker(dir)) !== undefined;
}

/** Writes a marker as a new file renamed into place, so a kill never leaves half a marker. Gives a manifest's filesHash. */
export async function writeMarker(dir: string, value: Manifest | typeof STAGING): Promise<string | undefined> {
  const temporary = path.join(dir, `${MARKER}.${process.pid}.tmp`);
  const manifest = 'files' in value ? serializeManifest(value) : undefined;
  if (manifest) {
    const handle = await fs.open(temporary, 'w');
    try {
      const { bytesWritten } = await handle.writev(manifest.parts);
      if (bytesWritten !== manifest.parts.reduce((n, part) => n + part.length, 0)) throw new Error(`${temporary}: the manifest was written in part only`);
    } finally {
      await handle.close();
    }
  } else {
    await fs.writeFile(temporary, `${JSON.stringify(value)}\n`);
  }
  const file = path.join(dir, MARKER);
  await fs.rename(temporary, file);
  // The next build of this process (a preview's next update) finds it as if read, without reading it again.
  if (manifest) rememberMarker(markerKey(file, await fs.lstat(file)), { text: manifest.text, value: manifest.asRead as unknown as Record<string, unknown>, manifest: manifest.asRead });
  return manifest?.asRead.filesHash;
}

/** Where the file table starts in a manifest as written: `"` cannot stand unescaped inside a JSON string, so this is the key. */
const TABLE_KEY = ',"files":';

/** The names at the top of an output: `en`, `assets`, `404.html`, … */
export function topLevelNames(files: Readonly<Record<string, string>>): string[] {
  const names = new Set<string>();
  for (const file in files) {
    const slash = file.indexOf('/');
    names.add(slash === -1 ? file : file.slice(0, slash));
  }
  return [...names].sort();
}

const tableHash = (table: string | Uint8Array) => createHash('sha256').update(table).digest('hex');

/**
 * A manifest with every field but the file table first, then the table: a build whose sources
 * are unchanged reads only the fields (see readManifestHead), not the 60,000 entries after them.
 * `top` lists the output's top-level names and `filesHash` is the table's hash, so the fields
 * alone tell whether the folder still is what the manifest says.
 */
function serializeManifest(manifest: Manifest): { readonly text: string; readonly parts: readonly Buffer[]; readonly asRead: Manifest } {
  const { files, ...rest } = manifest;
  const table = JSON.stringify(files);
  // Hashed as the bytes written: hashing the string would encode its 4 MB as UTF-8 once more.
  const tableBytes = Buffer.from(table);
  const fields = { ...rest, top: topLevelNames(files), filesHash: tableHash(tableBytes) };
  const head = `${JSON.stringify(fields).slice(0, -1)}${TABLE_KEY}`;
  return { text: `${head}${table}}\n`, parts: [Buffer.from(head), tableBytes, Buffer.from('}\n')], asRead: { ...fields, files } };
}

/** A manifest's fields without its file table, read as serializeManifest wrote them. */
export interface ManifestHead extends Omit<Manifest, 'files'> {
  /** The output's top-level names. */
  readonly top: readonly string[];
  readonly filesHash: string;
}

/**
 * The fields of an output's manifest, without parsing its file table: undefined unless the folder
 * is real, its marker a regular file written as serializeManifest writes it, and the table the
 * one its hash names (so it is the table a build wrote, whose paths were checked then).
 */
export async function readManifestHead(dir: string): Promise<ManifestHead | undefined> {
  if (!(await isRealFolder(dir))) return undefined;
  const file = path.join(dir, MARKER);
  const stats = await lstatPath(file);
  if (typeof stats !== 'object' || !stats.isFile() || stats.size > 256 * 1024 * 1024) return undefined;
  try {
    const bytes = await fs.readFile(file);
    const at = bytes.indexOf(TABLE_KEY);
    const end = bytes.length - 2;
    if (at === -1 || bytes[end] !== 0x7d || bytes[end + 1] !== 0x0a) return undefined;
    const head = JSON.parse(`${bytes.toString('utf8', 0, at)}}`) as Partial<ManifestHead & { filesHash: string }> | null;
    if (head === null || typeof head !== 'object' || head.tool !== 'code-compare' || typeof head.version !== 'number') return undefined;
    if (typeof head.inputs !== 'string' || typeof head.build !== 'string' || (head.sources !== undefined && typeof head.sources !== 'string')) return undefined;
    if (head.subset !== undefined && (head.subset === null || typeof head.subset !== 'object' || Array.isArray(head.subset))) return undefined;
    if (head.searched !== undefined && !isTable(head.searched)) return undefined;
    if (!Array.isArray(head.top) || !head.top.every((name) => typeof name === 'string') || head.filesHash !== tableHash(bytes.subarray(at + TABLE_KEY.length, end))) return undefined;
    return head as ManifestHead;
  } catch {
    return undefined;
  }
}

export async function markStaging(dir: string): Promise<void> {
  await writeMarker(dir, STAGING);
}

function describeOther(stats: Stats): string {
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  return 'not a folder';
}

/**
 * Why `out` may not be replaced by a build, or undefined when it may: it is absent, or a real
 * folder holding a manifest of this tool. Anything else (a file, a link, a device, a folder of
 * someone else's, even an empty one) is refused, since the output folder is replaced whole.
 */
export async function whyNotOutput(out: string): Promise<string | undefined> {
  const stats = await lstatPath(out);
  const hint = 'choose a folder that does not exist yet, or an earlier output of code-compare';
  if (stats === undefined) return undefined;
  if (stats === 'not-a-folder') return `a part of its path is a file, not a folder; ${hint}`;
  if (stats.isSymbolicLink()) {
    const target = await fs.readlink(out).catch(() => '?');
    return `it is a symbolic link (to ${target}), and the output folder is replaced whole, link and all; pass the folder it points to`;
  }
  if (stats.isFile()) return `it is a file, not a folder, and the output folder is replaced whole; ${hint}`;
  if (!stats.isDirectory()) return `it is ${describeOther(stats)}, not a folder; ${hint}`;
  if (await readManifest(out)) return undefined;
  const entries = await fs.readdir(out);
  if (entries.length === 0) return `it is an empty folder that code-compare did not make (no ${MARKER}), and the output folder is replaced whole; remove it, or ${hint}`;
  return `it holds files that an earlier build of code-compare did not write (no ${MARKER} of its own)`;
}
