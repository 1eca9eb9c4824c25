/**
 * A link from the page in folder `from` to the folder `to` (both relative to the output root, no
 * slashes at the ends), so the site works at any base path: ('vi/smtp/235-vs-553', 'vi/smtp/235') → '../235/'.
 */
export function relativeDir(from: string, to: string): string {
  const rel = relative(from, to);
  return rel === '' ? './' : `${rel}/`;
}

/** A link to a file, e.g. a stylesheet: ('vi/smtp', 'assets/site.css') → '../../assets/site.css'. */
export function relativeFile(from: string, to: string): string {
  return relative(from, to);
}

/**
 * path.posix.relative for the site's own paths, which are already normal (no '.', '..' or doubled
 * slashes); pages compute a dozen links each, so this runs a million times in a large build.
 */
function relative(from: string, to: string): string {
  const a = from === '' ? [] : from.split('/');
  const b = to === '' ? [] : to.split('/');
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const up = a.length - common;
  const rest = b.slice(common).join('/');
  return up === 0 ? rest : rest ? `${'../'.repeat(up)}${rest}` : '../'.repeat(up).slice(0, -1);
}

/** 'https://host/docs/' + 'vi/smtp/553' → 'https://host/docs/vi/smtp/553/' */
export function absoluteUrl(baseUrl: string, dir: string): string {
  return dir ? `${baseUrl}${dir}/` : baseUrl;
}

/** The base URL's path, for pages served at unknown depths (404.html): 'https://host/docs/' → '/docs/'. */
export function basePath(baseUrl: string): string {
  return new URL(baseUrl).pathname;
}
