import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { watch } from 'chokidar';
import { build } from '../build.js';
import { formatDiagnostic } from '../diagnostics.js';
import { injectLiveScript, LIVE_PATH, LIVE_SCRIPT, LiveReload } from '../serve/live-reload.js';
import { serveFile } from '../serve/static.js';
import { resolveCommon, type CommonOptions } from './options.js';
import type { Output } from './report.js';

export interface ServeCommandOptions extends CommonOptions {
  readonly port?: number;
  readonly baseUrl?: string;
}

/**
 * Builds into a private folder, serves it on 127.0.0.1, and rebuilds when codes/, locales/ or
 * templates/ change. Pages whose inputs did not change are reused, so a rebuild renders only what
 * the change touches. A broken file is reported in the terminal and on the open page; the last good
 * build stays served. Runs until SIGINT or SIGTERM.
 */
export async function serveCommand(options: ServeCommandOptions, output: Output): Promise<number> {
  const common = resolveCommon(options);
  const preview = mkdtempSync(path.join(tmpdir(), 'code-compare-preview-'));
  const out = path.join(preview, 'site');
  const live = new LiveReload();
  let building: Promise<void> = Promise.resolve();
  let again = false;

  const rebuild = async (reason: string) => {
    const started = performance.now();
    try {
      const result = await build({ ...common, baseUrl: options.baseUrl ?? 'http://127.0.0.1/', out, strict: false, inPlace: true });
      const report = result.diagnostics.map(formatDiagnostic);
      for (const line of report) output.err(line);
      const ms = Math.round(performance.now() - started);
      if (!result.ok) {
        output.err(`${reason}: build failed; still serving the last good build`);
        live.failed(report.join('\n'));
        return;
      }
      output.out(`${reason}: ${result.rendered} rendered, ${result.reused} reused, ${ms} ms`);
      live.reload();
    } catch (error) {
      output.err(`${reason}: ${(error as Error).stack ?? String(error)}`);
      live.failed(String((error as Error).message));
    }
  };
  const schedule = (reason: string) => {
    if (again) return;
    again = true;
    building = building.then(async () => {
      again = false;
      await rebuild(reason);
    });
  };

  await rebuild('initial build');
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (url === `${LIVE_PATH}events`) return live.connect(response);
    if (url === `${LIVE_PATH}live.js`) {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      response.end(LIVE_SCRIPT);
      return;
    }
    serveFile(out, request, response, { transformHtml: injectLiveScript }).catch((error: Error) => {
      response.writeHead(500);
      response.end(error.message);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  output.out(`serving http://127.0.0.1:${port}/ (watching codes/, locales/, templates/; Ctrl-C stops)`);

  const watcher = watch(['codes', 'locales', 'templates'].map((d) => path.join(common.root, d)), { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: 30, pollInterval: 10 } });
  let timer: NodeJS.Timeout | undefined;
  watcher.on('all', (event, file) => {
    clearTimeout(timer);
    timer = setTimeout(() => schedule(`${event} ${path.relative(common.root, file)}`), 40);
  });

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  live.close();
  await watcher.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await building;
  rmSync(preview, { recursive: true, force: true });
  return 0;
}
