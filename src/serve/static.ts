import { createReadStream, promises as fs } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Maps a URL path to a file under `dir`: '/vi/smtp/' → dir/vi/smtp/index.html; undefined if it escapes. */
export function resolveUrlPath(dir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!);
  } catch {
    return undefined;
  }
  const file = path.join(dir, path.normalize(decoded).replace(/^([/\\])+/, ''));
  if (file !== dir && !file.startsWith(dir + path.sep)) return undefined;
  return decoded.endsWith('/') ? path.join(file, 'index.html') : file;
}

export interface StaticOptions {
  /** Changes an HTML page before it is sent (the preview adds its live-reload script). */
  readonly transformHtml?: (html: string) => string;
}

/** Serves a built output folder: directories by their index.html, unknown paths with 404.html. */
export async function serveFile(dir: string, request: IncomingMessage, response: ServerResponse, options: StaticOptions = {}): Promise<void> {
  let file = resolveUrlPath(dir, request.url ?? '/');
  let status = 200;
  let stat = file ? await fs.stat(file).catch(() => undefined) : undefined;
  if (stat?.isDirectory()) {
    response.writeHead(301, { location: `${(request.url ?? '/').split('?')[0]}/` });
    response.end();
    return;
  }
  if (!stat) {
    status = 404;
    file = path.join(dir, '404.html');
    stat = await fs.stat(file).catch(() => undefined);
    if (!stat) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('not found\n');
      return;
    }
  }
  const type = TYPES[path.extname(file!)] ?? 'application/octet-stream';
  if (type.startsWith('text/html') && options.transformHtml) {
    const html = options.transformHtml(await fs.readFile(file!, 'utf8'));
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    response.end(html);
    return;
  }
  response.writeHead(status, { 'content-type': type, 'content-length': stat.size, 'cache-control': 'no-store' });
  createReadStream(file!).pipe(response);
}
