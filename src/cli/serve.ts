import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { watch } from 'chokidar';
import { build } from '../build.js';
import { keptSources } from '../load/files.js';
import { formatDiagnostic } from '../diagnostics.js';
import { injectLiveScript, LIVE_PATH, LIVE_SCRIPT, LiveReload } from '../serve/live-reload.js';
import { FirstFetch } from '../serve/first-fetch.js';
import { PreviewSearch, SEARCH_PATH } from '../serve/search.js';
import { stopIndexing } from '../write/search-index.js';
import { resolveUrlPath, serveFile } from '../serve/static.js';
import { languageSlug } from '../i18n/tags.js';
import { describeSubset, subsetOf } from '../subset.js';
import { resolveCommon, type CommonOptions } from './options.js';
import type { Output } from './report.js';

export interface ServeCommandOptions extends CommonOptions {
  readonly port?: number;
  readonly baseUrl?: string;
  readonly search?: boolean;
}

/** Why the server could not listen, in one line with what to do about it. */
function listenFailure(error: NodeJS.ErrnoException, port: number): string {
  if (error.code === 'EADDRINUSE') return `port ${port} on 127.0.0.1 is already in use; pass --port N for another port, or --port 0 for any free one`;
  if (error.code === 'EACCES') return `not allowed to listen on port ${port}; pass --port N with N above 1023, or --port 0 for any free port`;
  return `cannot listen on 127.0.0.1:${port}: ${error.message}; pass --port N for another port`;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;

const WARM_UP = 'warm-up';
const WARM_UPS = 2;
/** Pages each warm-up renders in memory (about 0.2 s on the bundled site). */
const WARM_PAGES = 400;
/** How long no file is saved before the preview makes its search index unasked. */
const SEARCH_QUIET_MS = 2000;

/** How long an update waits for a reader to fetch the page it wrote first before it goes on. */
const FETCH_WAIT_MS = 250;

const WAITING = '<!doctype html><html lang="en"><title>Building…</title><p>The first build is running; this page reloads when it is done.</p></html>';

/**
 * Listens on 127.0.0.1 first (a port in use is reported at once, before any build), then builds
 * into a private folder, serves it, and rebuilds when codes/, locales/ or templates/ change. Pages
 * whose inputs did not change are reused, so a rebuild renders only what the change touches. A
 * broken file is reported in the terminal and on the open page; the last good build stays served.
 * Every failure is one line of text, never a stack trace. Runs until SIGINT or SIGTERM.
 */
export async function serveCommand(options: ServeCommandOptions, output: Output): Promise<number> {
  const common = resolveCommon(options);
  const port = options.port ?? 8080;
  const live = new LiveReload();
  let preview: string | undefined;
  let out: string | undefined;
  let building: Promise<void> = Promise.resolve();
  const search = new PreviewSearch(() => building);
  const firstFetch = new FirstFetch();
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (url.startsWith(`${LIVE_PATH}events`)) return live.connect(response, new URL(url, 'http://localhost').searchParams.get('page') ?? '/');
    if (url === `${LIVE_PATH}live.js`) {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      response.end(LIVE_SCRIPT);
      return;
    }
    if (!out || !existsSync(out)) {
      response.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '1' });
      response.end(injectLiveScript(WAITING));
      return;
    }
    const answer = url.startsWith(SEARCH_PATH) && search.enabled ? search.respond(url, response) : serveFile(out, request, response, { transformHtml: injectLiveScript });
    if (firstFetch.waiting) answer.then(() => firstFetch.served(fileShown(url.split('?')[0]!)), () => undefined);
    answer.catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(message(error));
    });
  });
  const listening = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    server.once('error', resolve);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  if (listening) {
    output.err(`error: ${listenFailure(listening, port)}`);
    return 1;
  }
  server.on('error', (error) => output.err(`error: the server failed: ${message(error)}`));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;

  /** The output file a page path shows: `/vi/smtp/550/` → `vi/smtp/550/index.html`; 404.html for one the site does not have. */
  const fileShown = (page: string): string => {
    const file = out && resolveUrlPath(out, page);
    return file && existsSync(file) ? path.relative(out!, file).split(path.sep).join('/') : '404.html';
  };
  let again = false;
  const rebuild = async (reason: string) => {
    const started = performance.now();
    let first = new Set<string>();
    let shownAfter: number | undefined;
    try {
      preview ??= mkdtempSync(path.join(tmpdir(), 'code-compare-preview-'));
      // The pages readers have open are written first, and reloaded as soon as they are.
      const priority = {
        files: () => live.openPages().map(fileShown),
        written: (files: readonly string[]) => {
          first = new Set(files);
          if (first.size === 0) return;
          shownAfter = performance.now() - started;
          live.reload((page) => first.has(fileShown(page)));
          // The rest of the update once the reader has the page: a browser asks for it within milliseconds.
          return firstFetch.wait(first, FETCH_WAIT_MS);
        },
      };
      const result = await build({ ...common, baseUrl: options.baseUrl ?? 'http://127.0.0.1/', out: path.join(preview, 'site'), strict: false, inPlace: true, priority, search: options.search, warm: reason === WARM_UP ? WARM_PAGES : undefined });
      out = path.join(preview, 'site');
      const report = result.diagnostics.map(formatDiagnostic);
      for (const line of report) output.err(line);
      if (!result.ok) {
        output.err(`${reason}: build failed; ${existsSync(out) ? 'still serving the last good build' : 'nothing to serve until it builds'}`);
        live.failed(report.join('\n'));
        return;
      }
      if (!result.upToDate) search.changed(out, result.searchPages);
      const openFirst = shownAfter === undefined ? '' : `, open pages shown after ${Math.round(shownAfter)} ms`;
      if (reason === WARM_UP && result.rendered === 0 && !result.written?.length) return;
      output.out(`${reason}: ${result.rendered} rendered, ${result.reused} reused, ${Math.round(performance.now() - started)} ms${openFirst}`);
      // A new output (the first build) reloads every page; an update, the pages it changed that were not shown first.
      const written = result.written && new Set(result.written.filter((file) => !first.has(file)));
      live.reload(written && ((page) => written.has(fileShown(page))));
    } catch (error) {
      output.err(`${reason}: error: ${message(error)}`);
      live.failed(message(error));
    }
  };
  // The search index is made unasked once no file has been saved for a moment after an update (see below).
  let afterUpdate: (() => void) | undefined;
  const schedule = (reason: string) => {
    if (again) return;
    again = true;
    building = building.then(async () => {
      again = false;
      await rebuild(reason);
      afterUpdate?.();
    });
  };

  schedule('initial build');
  await building;
  // Once, when no file has been saved for a moment since the last update ended (made at once, it
  // slowed the first saved files from 150–250 ms to 320–520 ms on the bundled site); after a change,
  // only when a page asks for it. Timed from the save instead, it started as a long update ended,
  // just when the next save came: that one took 300–400 ms to show instead of 150–230.
  let searchWarmed = false;
  let quiet: NodeJS.Timeout | undefined;
  const warmSearchWhenQuiet = () => {
    clearTimeout(quiet);
    if (searchWarmed) return;
    quiet = setTimeout(() => {
      searchWarmed = true;
      search.warm();
    }, SEARCH_QUIET_MS);
  };
  const watcher = watch(['codes', 'locales', 'templates'].map((d) => path.join(common.root, d)), { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: 20, pollInterval: 5 } });
  watcher.on('error', (error) => output.err(`error: watching for changes failed: ${message(error)}`));
  // "serving" promises that a file saved from now on is seen: only once the watcher has its folders.
  await new Promise<void>((resolve) => {
    watcher.once('ready', resolve);
    watcher.once('error', () => resolve());
  });
  // From here the watcher sees every change, so an update reads again only the files it names.
  keptSources.start();
  let timer: NodeJS.Timeout | undefined;
  watcher.on('all', (event, file) => {
    keptSources.forget(path.resolve(file));
    clearTimeout(quiet);
    clearTimeout(timer);
    // The watcher reports a file once its size has held for 20 ms; files saved together (a checkout)
    // come within a few milliseconds of each other, and any later still join the update queued next.
    timer = setTimeout(() => schedule(`${event} ${path.relative(common.root, file)}`), 5);
  });
  // The first updates after a build run cold (code not yet optimized, memos first read back) and
  // took 600–800 ms to show a saved file instead of 250: two updates with nothing to change warm them,
  // each rendering pages in memory (a large site's first build renders in worker threads).
  for (let i = 0; i < WARM_UPS; i++) {
    schedule(WARM_UP);
    await building;
  }
  afterUpdate = warmSearchWhenQuiet;
  warmSearchWhenQuiet();
  const url = `http://127.0.0.1:${actualPort}/`;
  const subset = subsetOf(common);
  const only = subset ? `only ${describeSubset(subset)}${subset.languages?.length === 1 ? `, home page ${url}${languageSlug(subset.languages[0]!)}/` : ''}; ` : '';
  output.out(`serving ${url} (${only}built into a temporary folder, dist/ is not touched; watching codes/, locales/, templates/; Ctrl-C stops)`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  clearTimeout(timer);
  clearTimeout(quiet);
  keptSources.stop();
  live.close();
  await watcher.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await building;
  stopIndexing();
  if (preview) rmSync(preview, { recursive: true, force: true });
  return 0;
}
