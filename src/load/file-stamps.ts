import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync, type BigIntStats } from 'node:fs';

/** A file's size, modification and change times (ns) and inode when it was read, with the hash of its bytes. */
type Stamp = readonly [size: string, mtime: string, ctime: string, ino: string, hash: string];

/**
 * A stamp is kept only for a file last changed this long before it was read: a file changed twice
 * within one tick of the clock that dates files would show the same times both times.
 */
const SETTLED_NS = 2_000_000_000n;

const now = () => BigInt(Date.now()) * 1_000_000n;

/**
 * Hashes of files' bytes kept by their stats, as git's index keeps them: a file whose size, times
 * and inode are those it had when it was read holds the same bytes. Its change time moves with any
 * write and cannot be set back, so a rewrite with the old size and modification time is seen too.
 */
export class FileStamps {
  private readonly taken = new Map<string, Stamp>();
  private differs = false;

  constructor(
    private readonly kept: ReadonlyMap<string, Stamp> = new Map(),
    private readonly clock: () => bigint = now,
  ) {}

  /** The stamps kept in `file`; none if there is none or it cannot be read. */
  static read(file: string | undefined, clock: () => bigint = now): FileStamps {
    if (file === undefined) return new FileStamps(new Map(), clock);
    try {
      const entries = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Stamp>;
      const valid = Object.entries(entries).filter(([, stamp]) => Array.isArray(stamp) && stamp.length === 5 && stamp.every((part) => typeof part === 'string'));
      return new FileStamps(new Map(valid), clock);
    } catch {
      return new FileStamps(new Map(), clock);
    }
  }

  /** The hash of the bytes of `file`, whose stats (through links) are `stats`: from its stamp when they are unchanged, else from `read()`. */
  hash(file: string, stats: BigIntStats, read: () => Uint8Array): string {
    const key = [String(stats.size), String(stats.mtimeNs), String(stats.ctimeNs), String(stats.ino)] as const;
    const kept = this.kept.get(file);
    const same = kept !== undefined && key.every((part, i) => kept[i] === part);
    const hash = same ? kept[4] : createHash('sha256').update(read()).digest('base64url');
    if (this.clock() - stats.ctimeNs > SETTLED_NS) this.taken.set(file, [...key, hash]);
    if (!same) this.differs = true;
    return hash;
  }

  /** Writes the stamps this run took into `file`, when they differ from those it read. */
  write(file: string): void {
    if ((!this.differs && this.taken.size === this.kept.size) || (this.taken.size === 0 && this.kept.size === 0)) return;
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(Object.fromEntries(this.taken)));
    renameSync(temporary, file);
  }
}
