import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';

/** Every file under `dir`, relative, sorted. */
export function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

export function htmlFiles(dir: string): string[] {
  return listFiles(dir).filter((f) => f.endsWith('.html'));
}

/**
 * Internal links of a page that do not lead to a file of the output: relative links resolved
 * against the page, root-relative ones against the base path (as 404.html uses).
 */
export function brokenLinks(dist: string, file: string, basePath: string): string[] {
  const root = parse(readFileSync(path.join(dist, file), 'utf8'));
  const urls = [
    ...root.querySelectorAll('a[href]').map((a) => a.getAttribute('href')!),
    ...root.querySelectorAll('link[rel=stylesheet], link[rel=icon]').map((l) => l.getAttribute('href')!),
    ...root.querySelectorAll('script[src]').map((s) => s.getAttribute('src')!),
  ];
  const broken: string[] = [];
  for (const url of urls) {
    if (/^[a-z]+:/i.test(url) || url.startsWith('#')) continue;
    const clean = url.split(/[?#]/)[0]!;
    let target: string;
    if (clean.startsWith('/')) {
      if (!clean.startsWith(basePath)) {
        broken.push(url);
        continue;
      }
      target = path.join(dist, clean.slice(basePath.length));
    } else {
      target = path.join(dist, path.dirname(file), clean);
    }
    if (clean === '' || clean.endsWith('/')) target = path.join(target, 'index.html');
    if (!existsSync(target)) broken.push(url);
  }
  return broken;
}
