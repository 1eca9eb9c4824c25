import { createHash, type Hash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync, type BigIntStats, type Dirent } from 'node:fs';
import path from 'node:path';
import { FileStamps } from './file-stamps.js';
import { labelFileTag } from './label-files.js';

/**
 * A hash of every byte a build reads from the project and from the tool's own defaults: the files
 * under codes/, locales/ and templates/ (names, kinds, link targets, contents), package.json, and
 * the tool's templates and label files. Equal fingerprints mean equal sources, so a build whose
 * fingerprint matches the last one's can stop before parsing anything. Read synchronously: a few
 * hundred small files cost less than the promises to read them. A file `stamps` knows by its stats
 * is not read again.
 */
export function sourceFingerprint(root: string, packageRoot: string, stamps = new FileStamps()): string {
  const hash = createHash('sha256');
  for (const folder of ['codes', 'locales', 'templates']) addTree(hash, stamps, root, folder);
  addFile(hash, stamps, root, 'package.json');
  if (!sameFolder(root, packageRoot)) {
    hash.update('\u0000tool\u0000');
    addTree(hash, stamps, packageRoot, 'templates');
    for (const entry of entries(path.join(packageRoot, 'locales'))) {
      if (entry.isFile() && labelFileTag(entry.name) !== undefined) addFile(hash, stamps, packageRoot, `locales/${entry.name}`);
    }
  }
  return hash.digest('hex');
}

function sameFolder(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/** Folders below a fingerprinted one that are followed: as deep as any project goes, and a bound for links that loop. */
const MAX_DEPTH = 32;

/** A folder's entries in code-point order; none if it is missing or not a folder. */
function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

function addTree(hash: Hash, stamps: FileStamps, base: string, relative: string, depth = 0): void {
  if (depth > MAX_DEPTH) return;
  for (const entry of entries(path.join(base, relative))) {
    const child = `${relative}/${entry.name}`;
    if (entry.isDirectory() || (entry.isSymbolicLink() && isFolder(path.join(base, child)))) {
      // The loaders follow a link to a folder as if it were one.
      hash.update(`\u0000dir\u0000${child}\u0000${entry.isSymbolicLink() ? readlinkSync(path.join(base, child)) : ''}`);
      addTree(hash, stamps, base, child, depth + 1);
    } else {
      addFile(hash, stamps, base, child);
    }
  }
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** A file's name and kind, a link's target, and the bytes read through it (what the loaders would read). */
function addFile(hash: Hash, stamps: FileStamps, base: string, relative: string): void {
  const file = path.join(base, relative);
  let kind = 'missing';
  let stats: BigIntStats | undefined;
  try {
    stats = lstatSync(file, { bigint: true });
    kind = stats.isSymbolicLink() ? `link\u0000${readlinkSync(file)}` : stats.isFile() ? 'file' : 'other';
  } catch {
    // missing: its absence is part of the fingerprint
  }
  hash.update(`\u0000${kind}\u0000${relative}\u0000`);
  if (kind === 'missing' || kind === 'other') return;
  try {
    // A link is hashed by what it points at; reading a folder through one throws (EISDIR).
    const target = kind === 'file' ? stats! : statSync(file, { bigint: true });
    hash.update(`${target.size}\u0000${stamps.hash(file, target, () => readFileSync(file))}`);
  } catch (error) {
    // A link to a folder, or a file that cannot be read: the loaders report it; the reason is hashed.
    hash.update(`unreadable\u0000${(error as NodeJS.ErrnoException).code ?? ''}`);
  }
}
