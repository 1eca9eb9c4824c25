import path from 'node:path';

/**
 * Source files read by this process, kept while a watcher vouches that they have not changed: the
 * preview would otherwise read and decode every source again for each file saved (about 2,000 files
 * and 60–90 ms of an update on the bundled site). Off unless started; a build outside the preview
 * reads every file.
 */
export class KeptReads<T> {
  private reads: Map<string, T> | undefined;

  /** Keeps what is read from now on. */
  start(): void {
    this.reads = new Map();
  }

  stop(): void {
    this.reads = undefined;
  }

  /** A file or folder changed, appeared or went: what was read at or below `abs` is read again. */
  forget(abs: string): void {
    if (!this.reads) return;
    const below = abs.endsWith(path.sep) ? abs : abs + path.sep;
    for (const file of this.reads.keys()) if (file === abs || file.startsWith(below)) this.reads.delete(file);
  }

  /** The kept result for `abs`, or `read()`'s, kept while started. */
  read(abs: string, read: () => T): T {
    if (!this.reads) return read();
    let result = this.reads.get(abs);
    if (result === undefined) this.reads.set(abs, (result = read()));
    return result;
  }
}
