import { createReadStream, statSync, type Stats } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** A static server for one folder, listening on 127.0.0.1 and a free port. */
export interface StaticServer {
  /** Base URL, ending in "/": http://127.0.0.1:PORT/ */
  readonly url: string;
  close(): Promise<void>;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

function fileStat(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Serves `folder` like a static host: "/dir/" serves dir/index.html, "/dir" redirects to "/dir/",
 * anything unknown serves 404.html with status 404. Never serves a file outside `folder`.
 */
export async function startServer(folder: string): Promise<StaticServer> {
  const root = path.resolve(folder);
  const server: Server = createServer((request, response) => {
    const send = (status: number, file: string | undefined, headers: Record<string, string> = {}): void => {
      if (!file) {
        response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
        response.end(status === 404 ? 'not found' : '');
        return;
      }
      response.writeHead(status, {
        'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...headers,
      });
      if (request.method === 'HEAD') response.end();
      else createReadStream(file).pipe(response);
    };
    const notFound = (): void => {
      const page = path.join(root, '404.html');
      send(404, fileStat(page)?.isFile() ? page : undefined);
    };

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(405, undefined, { allow: 'GET, HEAD' });
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      notFound();
      return;
    }
    const file = path.join(root, path.normalize(pathname));
    if (file !== root && !file.startsWith(root + path.sep)) {
      notFound();
      return;
    }
    const stat = fileStat(file);
    if (stat?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        send(301, undefined, { location: `${pathname}/` });
        return;
      }
      const index = path.join(file, 'index.html');
      if (fileStat(index)?.isFile()) send(200, index);
      else notFound();
      return;
    }
    if (stat?.isFile()) send(200, file);
    else notFound();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
