import { allPages, inLanguage, pageDir, type LocalizedPage } from '../model/pages.js';
import type { Site } from '../model/types.js';
import { absoluteUrl } from './links.js';
import { escapeHtml } from './html.js';

export const SITEMAP_URL_LIMIT = 50_000;

/**
 * sitemap.xml: every page but the root chooser and 404, each with its language alternates and
 * x-default. Over 50,000 URLs it becomes a sitemap index over numbered parts, as the protocol requires.
 */
export function sitemapFiles(site: Site): Record<string, string> {
  const slug = (tag: string) => site.languages.find((l) => l.tag === tag)?.slug ?? tag.toLowerCase();
  const url = (page: LocalizedPage) => escapeHtml(absoluteUrl(site.baseUrl, pageDir(page, slug)));
  const xDefault = site.languages.find((l) => l.tag === 'en')?.tag ?? site.languages[0]!.tag;
  const entries = allPages(site)
    .filter((p): p is LocalizedPage => p.kind !== 'chooser' && p.kind !== 'notFound')
    .map((page) => {
      const alternates = site.languages.map((l) => `<xhtml:link rel="alternate" hreflang="${l.tag}" href="${url(inLanguage(page, l.tag))}"/>`);
      alternates.push(`<xhtml:link rel="alternate" hreflang="x-default" href="${url(inLanguage(page, xDefault))}"/>`);
      return `<url><loc>${url(page)}</loc>${alternates.join('')}</url>\n`;
    });
  const urlset = (list: readonly string[]) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${list.join('')}</urlset>\n`;
  if (entries.length <= SITEMAP_URL_LIMIT) return { 'sitemap.xml': urlset(entries) };
  const files: Record<string, string> = {};
  const parts: string[] = [];
  for (let i = 0; i * SITEMAP_URL_LIMIT < entries.length; i++) {
    const name = `sitemap-${i + 1}.xml`;
    files[name] = urlset(entries.slice(i * SITEMAP_URL_LIMIT, (i + 1) * SITEMAP_URL_LIMIT));
    parts.push(`<sitemap><loc>${escapeHtml(site.baseUrl + name)}</loc></sitemap>\n`);
  }
  files['sitemap.xml'] = `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${parts.join('')}</sitemapindex>\n`;
  return files;
}

/** The files `sitemapFiles` writes for a site of `urls` URLs, known before the sitemap is made. */
export function sitemapNames(urls: number): string[] {
  if (urls <= SITEMAP_URL_LIMIT) return ['sitemap.xml'];
  return ['sitemap.xml', ...Array.from({ length: Math.ceil(urls / SITEMAP_URL_LIMIT) }, (_, i) => `sitemap-${i + 1}.xml`)];
}

export function robotsTxt(site: Site): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${site.baseUrl}sitemap.xml\n`;
}
