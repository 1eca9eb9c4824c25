import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection, now. Before worker threads render a large site, the build thread's heap
 * holds what loading and planning left (102 MB at 74,592 pages, about half of it garbage); V8 then
 * sets its next limit from the heap as it stands, and it grew to 138–141 MB while the workers rendered.
 * Collected first (36–65 ms), it held 54 MB and grew to 85–94 MB, and the build's peak fell from
 * 341–355 MB to 304–324 MB (six builds). Node offers no gc() without --expose-gc; the flag, set now, exposes it to
 * a new context (as jest-leak-detector does).
 */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
