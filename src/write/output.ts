import { promises as fs, existsSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics.js';

/** The file that marks a folder as this tool's output; it also holds the manifest of the last build. */
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
}

const isInside = (parent: string, child: string) => child === parent || child.startsWith(parent + path.sep);

function siblings(out: string) {
  const dir = path.dirname(out);
  const base = path.basename(out);
  return { dir, building: `.${base}.building-`, retired: `.${base}.retired-` };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function readManifest(out: string): Promise<Manifest | undefined> {
  try {
    const manifest = JSON.parse(await fs.readFile(path.join(out, MARKER), 'utf8')) as Manifest;
    return manifest.tool === 'code-compare' ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Refuses an output folder the tool must not replace: the root itself or a folder above it, or an
 * existing folder with files in it and no marker of an earlier build.
 */
export async function checkOutputFolder(root: string, out: string): Promise<Diagnostic[]> {
  const at = { line: 1, column: 1 };
  if (isInside(out, root)) {
    return [diagnostic(path.relative(root, out) || '.', at, 'error', 'unsafe-output', `refusing to write to ${out}: it is the project root or a folder above it`)];
  }
  if (isInside(path.join(root, 'codes'), out) || isInside(path.join(root, 'locales'), out) || isInside(path.join(root, 'templates'), out)) {
    return [diagnostic(path.relative(root, out), at, 'error', 'unsafe-output', `refusing to write to ${out}: it lies inside the project's sources`)];
  }
  const entries = await fs.readdir(out).catch(() => undefined);
  if (entries && entries.length > 0 && !entries.includes(MARKER)) {
    return [diagnostic(path.relative(root, out) || out, at, 'error', 'foreign-output', `refusing to replace ${out}: it holds files that an earlier build of code-compare did not write (no ${MARKER})`)];
  }
  return [];
}

/**
 * Puts back an output a killed build had moved aside, and removes temporary folders left by
 * builds that are no longer running.
 */
export async function recoverOutput(out: string): Promise<void> {
  const { dir, building, retired } = siblings(out);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names.sort()) {
    const owner = Number(name.split('-').at(-1));
    const stale = !processAlive(owner) || owner === process.pid;
    if (!stale) continue;
    if (name.startsWith(retired) && !existsSync(out)) await fs.rename(path.join(dir, name), out);
    else if (name.startsWith(retired) || name.startsWith(building)) await fs.rm(path.join(dir, name), { recursive: true, force: true });
  }
}

/** A fresh temporary folder beside the output, on the same file system so it can be renamed into place. */
export async function createStaging(out: string): Promise<string> {
  const { dir, building } = siblings(out);
  await fs.mkdir(dir, { recursive: true });
  const staging = path.join(dir, `${building}${process.pid}`);
  await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(staging);
  return staging;
}

/** Replaces the output with the staged folder: two renames, the old output removed only after. */
export async function publishStaging(staging: string, out: string): Promise<void> {
  const { dir, retired } = siblings(out);
  const aside = path.join(dir, `${retired}${process.pid}`);
  const hadOutput = existsSync(out);
  if (hadOutput) await fs.rename(out, aside);
  await fs.rename(staging, out);
  if (hadOutput) await removeTree(aside);
}

/** Removes a large folder, its subfolders in parallel: the disk overlaps the many small operations. */
export async function removeTree(dir: string): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const folders = entries.filter((e) => e.isDirectory());
  const nested = await Promise.all(folders.map(async (e) => (await fs.readdir(path.join(dir, e.name), { withFileTypes: true })).filter((n) => n.isDirectory()).map((n) => path.join(dir, e.name, n.name))));
  const parts = nested.flat();
  const queue = [...parts];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await fs.rm(next, { recursive: true, force: true });
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  await fs.rm(dir, { recursive: true, force: true });
}

export async function discardStaging(staging: string): Promise<void> {
  await fs.rm(staging, { recursive: true, force: true });
}

/** Writes a file from many small strings, in writes of about a megabyte. */
export async function writeChunks(file: string, chunks: Iterable<string>): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const handle = await fs.open(file, 'w');
  try {
    let buffer: string[] = [];
    let size = 0;
    for (const chunk of chunks) {
      buffer.push(chunk);
      size += chunk.length;
      if (size >= 1 << 20) {
        await handle.write(buffer.join(''));
        buffer = [];
        size = 0;
      }
    }
    if (buffer.length > 0) await handle.write(buffer.join(''));
  } finally {
    await handle.close();
  }
}
