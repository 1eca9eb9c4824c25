import { pageModified } from '../model/dates.js';
import { indexableLanguages, isIndexable } from '../model/indexing.js';
import { allPages, inLanguage, pageDir, type LocalizedPage } from '../model/pages.js';
import type { Site } from '../model/types.js';
import { absoluteUrl } from './links.js';
import { escapeHtml } from './html.js';

/** The sitemap protocol's limits for one file: 50,000 URLs and 50 MB uncompressed. */
export const SITEMAP_URL_LIMIT = 50_000;
export const SITEMAP_BYTE_LIMIT = 50_000_000;

/**
 * How many URLs one sitemap file may hold so that it stays under both limits: each URL entry carries
 * one alternate per language plus x-default, roughly the length of the URL and its markup each.
 * urlsPerSitemap(10, 'https://codes.example.com/') → 32,327.
 */
export function urlsPerSitemap(languages: number, baseUrl: string): number {
  const entryBytes = (languages + 2) * (baseUrl.length + 90);
  return Math.min(SITEMAP_URL_LIMIT, Math.floor((SITEMAP_BYTE_LIMIT * 0.9) / entryBytes));
}

/** A file made of many small pieces, produced on demand so a large sitemap never sits whole in memory. */
export interface ChunkedFile {
  readonly name: string;
  readonly chunks: () => Iterable<string | Uint8Array>;
}

const URLSET_OPEN = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n';

const listedPages = new WeakMap<Site, readonly LocalizedPage[]>();

/** The pages a sitemap lists: every indexable page but the root chooser (and never 404). Made once per site: the hashes and the sitemap both ask. */
export function sitemapPages(site: Site): readonly LocalizedPage[] {
  let pages = listedPages.get(site);
  if (!pages) listedPages.set(site, (pages = allPages(site).filter((p): p is LocalizedPage => p.kind !== 'chooser' && p.kind !== 'notFound' && isIndexable(site, p))));
  return pages;
}

/**
 * sitemap.xml: every indexable page, each with the date its content last changed (when known), its
 * language alternates and x-default. Over 50,000
 * URLs it becomes a sitemap index over numbered parts, as the protocol requires.
 */
export function sitemapFiles(site: Site): ChunkedFile[] {
  const url = (page: LocalizedPage) => escapeHtml(absoluteUrl(site.baseUrl, pageDir(page)));
  const pages = sitemapPages(site);
  const entry = (page: LocalizedPage) => {
    const tags = indexableLanguages(site, page);
    const alternates = tags.map((tag) => `<xhtml:link rel="alternate" hreflang="${tag}" href="${url(inLanguage(page, tag))}"/>`);
    alternates.push(`<xhtml:link rel="alternate" hreflang="x-default" href="${url(inLanguage(page, tags.includes('en') ? 'en' : tags[0]!))}"/>`);
    const modified = pageModified(site, page);
    return `<url><loc>${url(page)}</loc>${modified ? `<lastmod>${modified}</lastmod>` : ''}${alternates.join('')}</url>\n`;
  };
  function* urlset(from: number, to: number): Generator<string> {
    yield URLSET_OPEN;
    for (let i = from; i < to; i++) yield entry(pages[i]!);
    yield '</urlset>\n';
  }
  const perFile = urlsPerSitemap(site.languages.length, site.baseUrl);
  if (pages.length <= perFile) return [{ name: 'sitemap.xml', chunks: () => urlset(0, pages.length) }];
  const names = sitemapNames(pages.length, perFile).slice(1);
  const parts = names.map((name, i) => ({ name, chunks: () => urlset(i * perFile, Math.min(pages.length, (i + 1) * perFile)) }));
  const index = `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${names.map((name) => `<sitemap><loc>${escapeHtml(site.baseUrl + name)}</loc></sitemap>\n`).join('')}</sitemapindex>\n`;
  return [{ name: 'sitemap.xml', chunks: () => [index] }, ...parts];
}

/** The files `sitemapFiles` writes for a site of `urls` URLs, known before the sitemap is made. */
export function sitemapNames(urls: number, perFile: number): string[] {
  if (urls <= perFile) return ['sitemap.xml'];
  return ['sitemap.xml', ...Array.from({ length: Math.ceil(urls / perFile) }, (_, i) => `sitemap-${i + 1}.xml`)];
}

export function robotsTxt(site: Site): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${site.baseUrl}sitemap.xml\n`;
}
