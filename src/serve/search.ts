import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { SearchPage } from '../model/search.js';
import { SEARCH_FOLDER } from '../write/search-index.js';
import { indexPages } from '../write/search-languages.js';

/** URL path of the search index, from the site's root. */
export const SEARCH_PATH = `/${SEARCH_FOLDER}/`;

/** The files Pagefind's runtime asks for first, whose answer decides which index the page then reads. */
const ENTRY_FILES = new Set(['pagefind.js', 'pagefind-entry.json']);

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

interface Made {
  readonly generation: number;
  readonly files: ReadonlyMap<string, Uint8Array>;
}

/**
 * The preview server's search index: made in memory when a page first asks for it after a
 * change, never while a rebuild waits, so saving a file shows its pages as fast as without search.
 * A rebuild only marks the index out of date. The index before stays served beside the new one,
 * so a page that started reading the old one can finish.
 */
export class PreviewSearch {
  private generation = 0;
  private source?: { readonly dir: string; readonly pages: readonly SearchPage[] };
  private current?: Made;
  private previous?: Made;
  private making?: { readonly generation: number; readonly done: Promise<Made> };

  /** @param settled resolves when no rebuild is writing pages: the index reads them. */
  constructor(private readonly settled: () => Promise<void>) {}

  /** After a build that changed pages: what the next index is made of (undefined: search is off). */
  changed(dir: string, pages: readonly SearchPage[] | undefined): void {
    this.generation++;
    this.source = pages ? { dir, pages } : undefined;
  }

  get enabled(): boolean {
    return this.source !== undefined;
  }

  private fresh(): Promise<Made> {
    if (this.current?.generation === this.generation) return Promise.resolve(this.current);
    if (this.making?.generation !== this.generation) {
      const generation = this.generation;
      const done = this.settled().then(async () => {
        const source = this.source;
        const files = source ? await indexPages(source.dir, source.pages) : [];
        const made = { generation, files: new Map(files.map((file) => [file.name, file.content])) };
        if (!this.current || this.current.generation < generation) {
          this.previous = this.current;
          this.current = made;
        }
        return made;
      });
      this.making = { generation, done };
      done.catch(() => (this.making = undefined));
    }
    return this.making!.done;
  }

  /** Makes the index now, for a page that may soon ask for it; a failure is reported when a page does. */
  warm(): void {
    if (this.enabled) this.fresh().catch(() => undefined);
  }

  /** Answers a request under SEARCH_PATH: the index file, or 404. */
  async respond(urlPath: string, response: ServerResponse): Promise<void> {
    const name = decodeURIComponent(urlPath.split('?')[0]!.slice(SEARCH_PATH.length));
    const made = ENTRY_FILES.has(name) || !this.current ? await this.fresh() : this.current;
    const content = made.files.get(name) ?? this.previous?.files.get(name);
    if (!content) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      response.end('not found\n');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(name)] ?? 'application/octet-stream', 'content-length': content.byteLength, 'cache-control': 'no-store' });
    response.end(content);
  }
}
