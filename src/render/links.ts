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
 * slashes). Pages compute a dozen links each, so this runs a million times in a large build and
 * compares characters instead of splitting strings.
 */
function relative(from: string, to: string): string {
  if (from === to) return '';
  const max = Math.min(from.length, to.length);
  // `common`: where the last segment both paths share ends, after its slash.
  let common = 0;
  let i = 0;
  for (; i < max && from.charCodeAt(i) === to.charCodeAt(i); i++) if (from.charCodeAt(i) === SLASH) common = i + 1;
  // One path may be the other's folder: 'vi/smtp' and 'vi/smtp/553' (but 'vi/smtp/55' and 'vi/smtp/553' share only 'vi/smtp').
  if (i === max && (i === from.length ? to.charCodeAt(i) === SLASH : from.charCodeAt(i) === SLASH)) common = i + 1;
  const restTo = to.slice(common);
  let up = common < from.length ? 1 : 0;
  for (let j = common; j < from.length; j++) if (from.charCodeAt(j) === SLASH) up++;
  if (up === 0) return restTo;
  const ups = '../'.repeat(up);
  return restTo ? ups + restTo : ups.slice(0, -1);
}

const SLASH = 47;

/** 'https://host/docs/' + 'vi/smtp/553' → 'https://host/docs/vi/smtp/553/' */
export function absoluteUrl(baseUrl: string, dir: string): string {
  return dir ? `${baseUrl}${dir}/` : baseUrl;
}

/** The base URL's path, for pages served at unknown depths (404.html): 'https://host/docs/' → '/docs/'. */
export function basePath(baseUrl: string): string {
  return new URL(baseUrl).pathname;
}
