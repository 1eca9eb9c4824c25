import { promises as fs } from 'node:fs';
import { overlayTable, tableDifferences, type FileTable, type TableDifferences } from './file-table.js';
import { isSafeRelativePath, isTable, readManifestHead, TOOL_VERSION, type Manifest } from './ownership.js';

/**
 * How the output kept in the cache differs from the published one, written by the build that
 * published the one and kept the other. The next build starts from the kept output (see
 * createStaging), and needs its table: with this record, it is the published table (parsed already)
 * seen through the differences, and the kept manifest's 50,000 entries are neither parsed nor copied.
 * Each table is named by the hash of its bytes as written (a manifest's filesHash), so a record
 * about other folders than those found is ignored.
 */
export interface KeptRecord {
  /** filesHash of the published output's manifest. */
  readonly published: string;
  /** filesHash of the kept output's manifest. */
  readonly kept: string;
  /** Where the kept output's table differs from the published one's. */
  readonly differences: TableDifferences;
}

/** More differences than this share of the pages are not recorded: the record would near the kept table in size. */
const MAX_SHARE = 0.25;

function isRecord(value: unknown): value is KeptRecord {
  const record = value as Partial<KeptRecord> | null;
  if (record === null || typeof record !== 'object' || typeof record.published !== 'string' || typeof record.kept !== 'string') return false;
  const differences = record.differences as Record<string, unknown> | null | undefined;
  if (differences === null || typeof differences !== 'object' || Array.isArray(differences)) return false;
  for (const file in differences) if ((differences[file] !== null && typeof differences[file] !== 'string') || !isSafeRelativePath(file)) return false;
  return true;
}

/**
 * Records how the output just kept (`kept`, the table of the output this build replaced) differs
 * from the one it published; removes an earlier record when the two differ too much to be worth one.
 */
export async function writeKeptRecord(file: string, published: { readonly files: Readonly<Record<string, string>>; readonly filesHash: string }, kept: Manifest, pages: number): Promise<void> {
  const limit = Math.max(1000, Math.floor(pages * MAX_SHARE));
  const differences = kept.filesHash === undefined ? undefined : tableDifferences(published.files, kept.files, limit);
  if (!differences) {
    await fs.rm(file, { force: true });
    return;
  }
  const record: KeptRecord = { published: published.filesHash, kept: kept.filesHash!, differences };
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, JSON.stringify(record));
  await fs.rename(temporary, file);
}

async function readKeptRecord(file: string): Promise<KeptRecord | undefined> {
  try {
    const value: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** What a kept output holds, as createStaging needs it. */
export interface KeptContents {
  readonly holds: FileTable;
  readonly searched?: Readonly<Record<string, string>>;
  /** The kept output's top-level names, for the caller to check against the folder. */
  readonly top: readonly string[];
}

/**
 * The kept output's table without parsing it: the published table itself when the kept output is a
 * copy of the published one (after a first build, see kept-copy.ts), else the published table seen
 * through the record's differences. Undefined when neither applies: the caller parses the kept manifest.
 */
export async function keptFromRecord(kept: string, recordFile: string | undefined, published: Manifest): Promise<KeptContents | undefined> {
  if (published.filesHash === undefined || published.version !== TOOL_VERSION) return undefined;
  const head = await readManifestHead(kept);
  if (!head || head.version !== TOOL_VERSION) return undefined;
  const searched = head.searched && isTable(head.searched) ? head.searched : undefined;
  if (head.filesHash === published.filesHash) return { holds: overlayTable(published.files, {}), searched, top: head.top };
  const record = recordFile ? await readKeptRecord(recordFile) : undefined;
  if (!record || record.published !== published.filesHash || record.kept !== head.filesHash) return undefined;
  return { holds: overlayTable(published.files, record.differences), searched, top: head.top };
}
