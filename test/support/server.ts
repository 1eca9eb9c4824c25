import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serveFile } from '../../src/serve/static.js';

/** A static server for one folder, listening on 127.0.0.1 and a free port. */
export interface StaticServer {
  /** Base URL, ending in "/": http://127.0.0.1:PORT/ */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves `folder` as a static host would, with the preview server's own file handler: "/dir/" →
 * dir/index.html, "/dir" → redirect, anything unknown → 404.html with status 404.
 */
export async function startServer(folder: string): Promise<StaticServer> {
  const root = path.resolve(folder);
  const server = createServer((request, response) => {
    serveFile(root, request, response).catch((error: Error) => {
      response.writeHead(500);
      response.end(error.message);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
