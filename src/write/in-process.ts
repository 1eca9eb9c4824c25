/**
 * Fewer pages to render than this are rendered in this thread. Two threads rendering at once each
 * run slower than one alone (on this project's 2-core machine: 257–288 µs a page against 177); each
 * takes about 0.3 s to start (one measured: thread, modules, site and templates in 300 ms) and warms
 * up on its own (its first 300 pages at about 1.1 ms each); and the search index takes the other
 * core meanwhile. Clean builds on a RAM disk, one thread against two worker threads (two runs each):
 * 9,950 pages 4.37 / 4.46 s against 5.19 / 5.16 s; 25,262 pages 8.08 / 8.29 s against 8.40 / 8.23 s;
 * 50,522 pages 14.50 / 14.31 s against 12.94 / 13.69 s. A label changed in the benchmark corpus (5,054
 * pages, ext4): 4.05 / 4.48 s against 4.91 / 5.02 s.
 */
export const IN_PROCESS_BELOW = 20_000;
