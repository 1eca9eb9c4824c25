/**
 * Lets an update wait, briefly, until a page it wrote first (one a reader has open) has been fetched
 * again: the rest of the update runs in the same thread, and would otherwise hold up that request.
 */
export class FirstFetch {
  private pending?: { readonly files: ReadonlySet<string>; readonly done: () => void };

  /** Resolves once one of `files` (output files: `en/smtp/550/index.html`) has been served, or after `timeoutMs`. */
  wait(files: ReadonlySet<string>, timeoutMs: number): Promise<void> {
    this.pending?.done();
    if (files.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (this.pending?.done === done) this.pending = undefined;
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.pending = { files, done };
    });
  }

  /** Whether an update waits: only then are the files served worth naming. */
  get waiting(): boolean {
    return this.pending !== undefined;
  }

  /** Says that `file` has been served. */
  served(file: string): void {
    if (this.pending?.files.has(file)) this.pending.done();
  }
}
