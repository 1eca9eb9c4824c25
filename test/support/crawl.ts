import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';

/** The page file a relative link of `file` leads to (`../550/` → `en/smtp/550/index.html`); undefined for other links. */
function resolveLink(file: string, link: string): string | undefined {
  const href = link.split(/[?#]/)[0]!;
  if (!href || /^[a-z]+:/i.test(href) || href.startsWith('/')) return undefined;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), href));
  return href.endsWith('/') ? path.posix.join(target, 'index.html') : target;
}

const parsed = new Map<string, { all: string[]; main: string[] }>();

/** The pages a page links to, anywhere or from its main content; each page is parsed once. */
function linksOf(dist: string, file: string, where: 'all' | 'main'): string[] {
  const key = path.join(dist, file);
  let links = parsed.get(key);
  if (!links) {
    const root = parse(readFileSync(key, 'utf8'));
    const resolve = (selector: string) => root.querySelectorAll(selector).flatMap((a) => resolveLink(file, a.getAttribute('href')!) ?? []);
    parsed.set(key, (links = { all: resolve('a[href]'), main: resolve('main a[href]') }));
  }
  return links[where];
}

/** The pages of one output folder that links reach from a start page, following only links to pages under `within` (all by default). */
export function crawl(dist: string, start: string, within = ''): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    for (const target of linksOf(dist, file, 'all')) {
      if (seen.has(target) || !target.endsWith('.html') || target.startsWith('..') || !target.startsWith(within) || !existsSync(path.join(dist, target))) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return seen;
}

/** For each page, the pages whose main content links to it. */
export function inboundLinks(dist: string, files: readonly string[]): Map<string, Set<string>> {
  const inbound = new Map<string, Set<string>>();
  for (const file of files) {
    for (const target of linksOf(dist, file, 'main')) {
      if (!inbound.has(target)) inbound.set(target, new Set());
      inbound.get(target)!.add(file);
    }
  }
  return inbound;
}
