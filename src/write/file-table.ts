import { hashIn } from '../model/hash-table.js';

/**
 * What a folder of this tool's holds: file → hash of the inputs it was made from. A manifest's table
 * as parsed, or one table seen through another's differences (see overlayTable), so that a build
 * need not parse, nor copy, a second table of 50,000 entries to know a folder that differs from the
 * published output in some 1,500 files (after one code changed in the benchmark's corpus).
 */
export interface FileTable {
  get(file: string): string | undefined;
  has(file: string): boolean;
  /** Every file, in no particular order. */
  files(): readonly string[];
}

/** A manifest's table as it was parsed. */
export function recordTable(record: Readonly<Record<string, string>>): FileTable {
  let files: string[] | undefined;
  return {
    get: (file) => hashIn(record, file),
    has: (file) => hashIn(record, file) !== undefined,
    files: () => (files ??= Object.keys(record)),
  };
}

/** Where another table differs from a base table: file → its hash there, or null where it lacks the file. */
export type TableDifferences = Readonly<Record<string, string | null>>;

/**
 * How `other` differs from `base`, or undefined when it differs in more than `limit` files (the
 * differences would then cost about what the table they spare does).
 */
export function tableDifferences(base: Readonly<Record<string, string>>, other: Readonly<Record<string, string>>, limit: number): Record<string, string | null> | undefined {
  const differences: Record<string, string | null> = {};
  let count = 0;
  for (const file in base) {
    const hash = hashIn(other, file) ?? null;
    if (hash === base[file]) continue;
    if (++count > limit) return undefined;
    differences[file] = hash;
  }
  for (const file in other) {
    if (hashIn(base, file) !== undefined) continue;
    if (++count > limit) return undefined;
    differences[file] = other[file]!;
  }
  return differences;
}

/** The table that differs from `base` as `differences` say (tableDifferences(base, other) gives back `other`). */
export function overlayTable(base: Readonly<Record<string, string>>, differences: TableDifferences): FileTable {
  const changed = new Map(Object.entries(differences));
  const get = (file: string) => {
    const hash = changed.get(file);
    if (hash !== undefined) return hash ?? undefined;
    return hashIn(base, file);
  };
  let files: string[] | undefined;
  const list = () => {
    const found: string[] = [];
    for (const file in base) if (changed.get(file) !== null) found.push(file);
    for (const [file, hash] of changed) if (hash !== null && hashIn(base, file) === undefined) found.push(file);
    return found;
  };
  return { get, has: (file) => get(file) !== undefined, files: () => (files ??= list()) };
}
