import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import type { Subset } from '../subset.js';

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
  /** Output file → hash of the inputs it was made from. */
  readonly files: Readonly<Record<string, string>>;
  /** What a build of only some languages or families was limited to; absent for a full build. */
  readonly subset?: Subset;
}

/** What a staging folder's marker holds until its build publishes it with a manifest. */
const STAGING = { tool: 'code-compare', staging: true } as const;

/** `en/smtp/250/index.html` yes; `/etc/x`, `../x`, `a//b`, `a\b` no. */
export function isSafeRelativePath(file: string): boolean {
  return file !== '' && !file.includes('\\') && !file.includes('\0') && file.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

function isManifest(value: unknown): value is Manifest {
  const m = value as Partial<Manifest> | null;
  if (m === null || typeof m !== 'object' || m.tool !== 'code-compare') return false;
  if (typeof m.version !== 'number' || typeof m.inputs !== 'string' || typeof m.build !== 'string') return false;
  if (m.files === null || typeof m.files !== 'object' || Array.isArray(m.files)) return false;
  if (m.subset !== undefined && (m.subset === null || typeof m.subset !== 'object' || Array.isArray(m.subset))) return false;
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

/** The marker of a real folder, when it is a regular file of this tool; else undefined. */
async function readMarker(dir: string): Promise<Record<string, unknown> | undefined> {
  if (!(await isRealFolder(dir))) return undefined;
  const file = path.join(dir, MARKER);
  const stats = await lstatPath(file);
  if (typeof stats !== 'object' || !stats.isFile() || stats.size > 256 * 1024 * 1024) return undefined;
  try {
    const value = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, unknown> | null;
    return value !== null && typeof value === 'object' && value.tool === 'code-compare' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The manifest of an output this tool wrote; undefined for anything else. */
export async function readManifest(dir: string): Promise<Manifest | undefined> {
  const marker = await readMarker(dir);
  return isManifest(marker) ? marker : undefined;
}

/** Whether a folder is this tool's: an output or a staging folder, marked as such, and not a link to one. */
export async function isOwnFolder(dir: string): Promise<boolean> {
  return (await readMarker(dir)) !== undefined;
}

/** Writes a marker as a new file renamed into place, so a kill never leaves half a marker. */
export async function writeMarker(dir: string, value: Manifest | typeof STAGING): Promise<void> {
  const temporary = path.join(dir, `${MARKER}.${process.pid}.tmp`);
  await fs.writeFile(temporary, `${JSON.stringify(value)}\n`);
  await fs.rename(temporary, path.join(dir, MARKER));
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
