import path from 'node:path';

/**
 * A link from the page in folder `from` to the folder `to` (both relative to the output root, no
 * slashes at the ends), so the site works at any base path: ('vi/smtp/235-vs-553', 'vi/smtp/235') → '../235/'.
 */
export function relativeDir(from: string, to: string): string {
  const rel = path.posix.relative(from, to);
  return rel === '' ? './' : `${rel}/`;
}

/** A link to a file, e.g. a stylesheet: ('vi/smtp', 'assets/site.css') → '../../assets/site.css'. */
export function relativeFile(from: string, to: string): string {
  return path.posix.relative(from, to);
}

/** 'https://host/docs/' + 'vi/smtp/553' → 'https://host/docs/vi/smtp/553/' */
export function absoluteUrl(baseUrl: string, dir: string): string {
  return dir ? `${baseUrl}${dir}/` : baseUrl;
}

/** The base URL's path, for pages served at unknown depths (404.html): 'https://host/docs/' → '/docs/'. */
export function basePath(baseUrl: string): string {
  return new URL(baseUrl).pathname;
}
