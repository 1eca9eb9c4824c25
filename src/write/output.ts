import { promises as fs } from 'node:fs';
import path from 'node:path';
import { processAlive } from './process-alive.js';
import { makeTrash } from './trash.js';
import { diagnostic, START, type Diagnostic } from '../diagnostics.js';
import { describeSubset, PREVIEW_FOLDER, previewName, type Subset } from '../subset.js';
import { describeShard, type Shard } from '../model/shards.js';
import { isOwnFolder, isRealFolder, lstatPath, markStaging, MARKER, readManifest, topLevelNames, TOOL_VERSION, whyNotOutput, type Manifest } from './ownership.js';
import { recordTable, type FileTable } from './file-table.js';
import { keptFromRecord, type KeptContents } from './kept-record.js';

const isInside = (parent: string, child: string) => child === parent || child.startsWith(parent + path.sep);

function siblings(out: string) {
  const dir = path.dirname(out);
  const base = path.basename(out);
  return { dir, building: `.${base}.building-`, retired: `.${base}.retired-` };
}

/** The folder, beside the output, that keeps outputs a build replaced. */
const CACHE_FOLDER = '.code-compare-cache';

/**
 * Where the output a build replaced is kept, for the next build to start from: most of its files
 * are hard links shared with the current output, so it costs little space, and updating it is far
 * cheaper than making 50,000 folders anew.
 */
export function keptOutput(out: string): string {
  return path.join(path.dirname(out), CACHE_FOLDER, path.basename(out));
}

/**
 * Whether a folder's top level holds exactly what a manifest lists. Deeper folders are trusted
 * to be as the build that wrote them left them: walking 50,000 folders would cost more than the
 * check is worth.
 */
export async function topLevelMatches(dir: string, files: Readonly<Record<string, string>> | readonly string[]): Promise<boolean> {
  const expected = new Set(Array.isArray(files) ? files : topLevelNames(files as Readonly<Record<string, string>>));
  expected.add(MARKER);
  const found = await fs.readdir(dir).catch(() => [] as string[]);
  return found.length === expected.size && found.every((name) => expected.has(name));
}

/**
 * Refuses an output path the tool must not replace: the root itself or a folder above it, a source
 * folder, and anything but an absent path or an earlier output of this tool.
 */
export async function checkOutputFolder(root: string, out: string): Promise<Diagnostic[]> {
  const unsafe = outputPathProblems(root, out);
  if (unsafe.length > 0) return unsafe;
  const reason = await whyNotOutput(out);
  return reason ? [diagnostic(path.relative(root, out) || '.', START, 'error', 'foreign-output', `refusing to replace ${out}: ${reason}`)] : [];
}

/** What checkOutputFolder finds from the paths alone: an output that is the root, above it or inside the sources. */
export function outputPathProblems(root: string, out: string): Diagnostic[] {
  const shown = path.relative(root, out) || '.';
  if (isInside(out, root)) {
    return [diagnostic(shown, START, 'error', 'unsafe-output', `refusing to write to ${out}: it is the project root or a folder above it`)];
  }
  if (isInside(path.join(root, 'codes'), out) || isInside(path.join(root, 'locales'), out) || isInside(path.join(root, 'templates'), out)) {
    return [diagnostic(shown, START, 'error', 'unsafe-output', `refusing to write to ${out}: it lies inside the project's sources`)];
  }
  return [];
}

/**
 * A build of only part of the site (some languages or families, or one shard) may replace an earlier
 * partial output, never a whole one: that would take every page it leaves out off the site. An
 * output whose manifest names neither a subset nor a shard is a whole one.
 */
export async function checkPartialOutput(root: string, out: string, subset: Subset | undefined, shard: Shard | undefined): Promise<Diagnostic[]> {
  if (!subset && !shard) return [];
  const manifest = await readManifest(out);
  if (!manifest || manifest.subset || manifest.shard) return [];
  return [partialOverFull(root, out, subset ?? shard!)];
}

/** The error of a subset or shard build asked to replace the output of a whole one. */
export function partialOverFull(root: string, out: string, part: Subset | Shard): Diagnostic {
  const shown = path.relative(root, out) || '.';
  if ('count' in part) return diagnostic(shown, START, 'error', 'partial-over-full', `refusing to replace ${shown}, the output of a whole build, with ${describeShard(part)}; pass --out with a folder of its own`);
  const preview = path.join(PREVIEW_FOLDER, previewName(part));
  return diagnostic(shown, START, 'error', 'partial-over-full', `refusing to replace ${shown}, the output of a full build, with a build of only ${describeSubset(part)}; leave out --out to build into ${preview}, or pass --out with another folder`);
}

/** Removes a folder of this tool's, or an empty one; leaves anything else alone. Whether the path is now free. */
async function removeIfOwn(dir: string): Promise<boolean> {
  const stats = await lstatPath(dir);
  if (stats === undefined) return true;
  if (await isOwnFolder(dir)) {
    await removeTree(dir);
    return true;
  }
  if (typeof stats === 'object' && stats.isDirectory()) return fs.rmdir(dir).then(() => true, () => false);
  return false;
}

/**
 * Puts back an output a killed build had moved aside, and removes staging folders left by builds
 * that are no longer running. Only this tool's folders are touched: a name alone proves nothing.
 */
export async function recoverOutput(out: string): Promise<void> {
  const { dir, building, retired } = siblings(out);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names.sort()) {
    const isRetired = name.startsWith(retired);
    if (!isRetired && !name.startsWith(building)) continue;
    const owner = /-(\d+)$/.exec(name)?.[1];
    if (owner === undefined || (processAlive(Number(owner)) && Number(owner) !== process.pid)) continue;
    const folder = path.join(dir, name);
    if (isRetired && (await lstatPath(out)) === undefined && (await readManifest(folder))) await fs.rename(folder, out);
    else await removeIfOwn(folder);
  }
}

/** A staging folder and what it already holds: file → hash of its inputs (empty for a new folder). */
export interface Staging {
  readonly dir: string;
  readonly holds: FileTable;
  /** Whether the folder is a kept output (it then holds a whole build's files), rather than a new one. */
  readonly kept: boolean;
  /** Where the files it replaces and its work folders go, emptied after the build; none without a cache folder. */
  readonly trash?: string;
  /** Of the pages it holds, those in the search index: hashes of their bytes. */
  readonly searched?: Readonly<Record<string, string>>;
}

/**
 * Where a build remembers what it parsed (see load/parse-memo.ts): beside the kept output, when
 * the cache folder exists as a real folder (a build that publishes makes it; no other makes it).
 */
export async function parseMemoFile(out: string): Promise<string | undefined> {
  return cacheFile(out, 'parsed');
}

/** Where a build records how the output it kept differs from the one it published (see kept-record.ts), when the cache folder exists. */
export async function keptRecordFile(out: string): Promise<string | undefined> {
  return cacheFile(out, 'kept');
}

/** Where the stamps of the files an output was built from are kept (see FileStamps), when the cache folder exists. */
export async function stampsFile(out: string): Promise<string | undefined> {
  return cacheFile(out, 'stamps');
}

async function cacheFile(out: string, kind: string): Promise<string | undefined> {
  const cache = path.dirname(keptOutput(out));
  return (await isRealFolder(cache)) ? path.join(cache, `${path.basename(out)}.${kind}.json`) : undefined;
}

/** The cache folder, when it is a real folder or can be made one; never through a link. */
async function cacheFolder(out: string): Promise<string | undefined> {
  const cache = path.dirname(keptOutput(out));
  if ((await lstatPath(cache)) === undefined) await fs.mkdir(cache).catch(() => undefined);
  return (await isRealFolder(cache)) ? cache : undefined;
}

/**
 * The folder a build writes into, beside the output, on the same file system so it can be renamed
 * into place: the kept output of an earlier build when it is intact (its manifest tells what it
 * holds; `published`, the output's manifest, and the record of how the two differ spare parsing
 * it), else a new empty folder. Either way it is marked as this tool's staging folder.
 */
export async function createStaging(out: string, published?: Manifest): Promise<Staging> {
  const { dir, building } = siblings(out);
  await fs.mkdir(dir, { recursive: true });
  const staging = path.join(dir, `${building}${process.pid}`);
  if (!(await removeIfOwn(staging))) throw new Error(`cannot stage the build: ${staging} exists and is not code-compare's`);
  const kept = keptOutput(out);
  const cache = await cacheFolder(out);
  const trash = cache ? await makeTrash(cache, path.basename(out)).catch(() => undefined) : undefined;
  const contents = cache ? await keptContents(out, kept, published) : undefined;
  if (contents && (await topLevelMatches(kept, contents.top))) {
    try {
      await fs.rename(kept, staging);
      // From here on the folder holds a mix of two builds until this one finishes: no manifest may vouch for it.
      await markStaging(staging);
      return { dir: staging, holds: contents.holds, kept: true, searched: contents.searched, trash };
    } catch {
      await removeIfOwn(staging);
    }
  } else if (cache) {
    await removeIfOwn(kept);
  }
  await fs.mkdir(staging);
  await markStaging(staging);
  return { dir: staging, holds: recordTable({}), kept: false, trash };
}

/** What the kept output holds: from the published manifest and the kept record where they tell it, else from its own manifest. */
async function keptContents(out: string, kept: string, published: Manifest | undefined): Promise<KeptContents | undefined> {
  const recorded = published && (await keptFromRecord(kept, await keptRecordFile(out), published));
  if (recorded) return recorded;
  const manifest = await readManifest(kept);
  if (!manifest || manifest.version !== TOOL_VERSION) return undefined;
  return { holds: recordTable(manifest.files), searched: manifest.searched, top: topLevelNames(manifest.files) };
}

/**
 * Replaces the output with the staged folder: two renames; the old output is then kept for the next
 * build (`keptEarlier`, when there was one). What stands at `out` is checked again first: only an output of this tool is moved.
 */
export async function publishStaging(staging: string, out: string): Promise<{ readonly keptEarlier: boolean }> {
  const { dir, retired } = siblings(out);
  const aside = path.join(dir, `${retired}${process.pid}`);
  const hadOutput = (await lstatPath(out)) !== undefined;
  if (hadOutput) {
    const reason = await whyNotOutput(out);
    if (reason) throw new Error(`refusing to replace ${out}: ${reason}`);
    await fs.rename(out, aside);
  }
  await fs.rename(staging, out);
  if (hadOutput) await keep(aside, out);
  return { keptEarlier: hadOutput };
}

/** Keeps a replaced output in the cache folder; where that cannot be done without touching what is not ours, removes it. */
async function keep(old: string, out: string): Promise<void> {
  const kept = keptOutput(out);
  try {
    if (!(await cacheFolder(out)) || !(await removeIfOwn(kept))) throw new Error('no room to keep the output');
    await fs.rename(old, kept);
  } catch {
    await removeTree(old);
  }
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

/**
 * Removes an interrupted build's staging folder, trying again while writes queued before the
 * interruption still land in it (on a loaded machine they may for a second or more); false if it
 * is still there at the deadline, for the next build to remove.
 */
export async function removeInterrupted(staging: string, deadlineMs = 10_000): Promise<boolean> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    await removeTree(staging).catch(() => undefined);
    if (!(await lstatPath(staging))) return true;
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Removes files a folder holds but should not, and the folders they leave empty, but those in `keep` (and the folders above them). */
export async function removeStale(dir: string, files: Iterable<string>, keep: ReadonlySet<string> = new Set()): Promise<void> {
  for (const file of files) {
    await fs.rm(path.join(dir, file), { force: true });
    for (let parent = path.posix.dirname(file); parent !== '.' && !keep.has(parent); parent = path.posix.dirname(parent)) {
      const removed = await fs.rmdir(path.join(dir, parent)).then(() => true, () => false);
      if (!removed) break;
    }
  }
}

/**
 * Writes a file from many small strings (or bytes, written as they are), in writes of about a
 * megabyte. An existing file is replaced by a new one, never written over: it may be a hard link
 * shared with another output.
 */
export async function writeChunks(file: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.rm(file, { force: true });
  const handle = await fs.open(file, 'w');
  try {
    let buffer: string[] = [];
    let size = 0;
    for (const chunk of chunks) {
      if (typeof chunk !== 'string') {
        if (buffer.length > 0) await handle.write(buffer.join(''));
        buffer = [];
        size = 0;
        await handle.write(chunk);
        continue;
      }
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
