import { languageSlug } from '../i18n/tags.js';
import { compareCodes, unorderedPairs } from './order.js';
import type { FamilyData, Site } from './types.js';

/** One output page, named by what it shows; everything else about it is derived from the site. */
export type PageRef =
  | { readonly kind: 'chooser' }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'home'; readonly lang: string }
  | { readonly kind: 'family'; readonly lang: string; readonly family: string }
  | { readonly kind: 'code'; readonly lang: string; readonly family: string; readonly code: string }
  | { readonly kind: 'pair'; readonly lang: string; readonly family: string; readonly a: string; readonly b: string };

export type LocalizedPage = Exclude<PageRef, { kind: 'chooser' } | { kind: 'notFound' }>;

/** Path of a page's folder relative to the output root ('' for the root); languages by their URL slug. */
export function pageDir(page: PageRef, slugOf: (tag: string) => string = languageSlug): string {
  switch (page.kind) {
    case 'chooser':
    case 'notFound':
      return '';
    case 'home':
      return slugOf(page.lang);
    case 'family':
      return `${slugOf(page.lang)}/${page.family}`;
    case 'code':
      return `${slugOf(page.lang)}/${page.family}/${page.code}`;
    case 'pair':
      return `${slugOf(page.lang)}/${page.family}/${page.a}-vs-${page.b}`;
  }
}

export function pageFile(page: PageRef): string {
  if (page.kind === 'notFound') return '404.html';
  const dir = pageDir(page);
  return dir ? `${dir}/index.html` : 'index.html';
}

/** The same page in another language. */
export function inLanguage<T extends LocalizedPage>(page: T, lang: string): T {
  return { ...page, lang };
}

/** Every page of the site for one language, in a stable order: home, then per family its index, codes and pairs. */
export function languagePages(lang: string, families: readonly FamilyData[]): LocalizedPage[] {
  const pages: LocalizedPage[] = [{ kind: 'home', lang }];
  for (const family of families) {
    pages.push({ kind: 'family', lang, family: family.id });
    for (const code of family.codes) pages.push({ kind: 'code', lang, family: family.id, code: code.code });
    for (const [a, b] of unorderedPairs(family.codes.map((c) => c.code))) pages.push({ kind: 'pair', lang, family: family.id, a, b });
  }
  return pages;
}

const everyPage = new WeakMap<object, readonly PageRef[]>();

/** Every page of the site, made once per site model: a build asks for them (its plan, the sitemap's hash) more than once. */
export function allPages(site: Pick<Site, 'languages' | 'families'>): readonly PageRef[] {
  let pages = everyPage.get(site);
  if (!pages) everyPage.set(site, (pages = [{ kind: 'chooser' }, { kind: 'notFound' }, ...site.languages.flatMap((l) => languagePages(l.tag, site.families))]));
  return pages;
}

/** A short stable name for logs and the build manifest: `vi/smtp/235-vs-553`. */
export function pageId(page: PageRef): string {
  return page.kind === 'chooser' ? '(chooser)' : page.kind === 'notFound' ? '(404)' : pageDir(page, (t) => t);
}

/**
 * The pages written to `files` (`vi/smtp/550/index.html`), read from their paths without listing
 * the site's pages; undefined when one of them is not plainly a page of the site, for the caller to
 * look through every page instead.
 */
export function pagesAt(site: Pick<Site, 'languages' | 'families'>, files: Iterable<string>): PageRef[] | undefined {
  const found: PageRef[] = [];
  for (const file of files) {
    const page = pageAt(site, file);
    if (page === undefined || pageFile(page) !== file) return undefined;
    found.push(page);
  }
  return found;
}

function pageAt(site: Pick<Site, 'languages' | 'families'>, file: string): PageRef | undefined {
  if (file === 'index.html') return { kind: 'chooser' };
  const [slug, familyId, folder, last, ...rest] = file.split('/');
  const lang = site.languages.find((l) => languageSlug(l.tag) === slug)?.tag;
  if (lang === undefined || rest.length > 0) return undefined;
  if (familyId === 'index.html' && folder === undefined) return { kind: 'home', lang };
  const family = site.families.find((f) => f.id === familyId);
  if (!family) return undefined;
  if (folder === 'index.html' && last === undefined) return { kind: 'family', lang, family: family.id };
  if (last !== 'index.html' || folder === undefined) return undefined;
  const has = (code: string) => family.codes.some((c) => c.code === code);
  if (has(folder)) return { kind: 'code', lang, family: family.id, code: folder };
  // A comparison's folder is `a-vs-b`, `a` sorting first; a code's own `-vs-` makes the split ambiguous: then none.
  const splits = [...folder.matchAll(/-vs-/g)].map((m) => [folder.slice(0, m.index), folder.slice(m.index + 4)] as const).filter(([a, b]) => has(a) && has(b));
  if (splits.length !== 1) return undefined;
  const [a, b] = splits[0]!;
  return compareCodes(a, b) < 0 ? { kind: 'pair', lang, family: family.id, a, b } : undefined;
}
