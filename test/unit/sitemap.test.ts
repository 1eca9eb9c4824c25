import { describe, expect, it } from 'vitest';
import { SITEMAP_URL_LIMIT, sitemapNames, urlsPerSitemap } from '../../src/render/sitemap.js';

describe('urlsPerSitemap', () => {
  it.each([
    [1, 'https://x.example/'],
    [10, 'https://codes.example.com/'],
    [20, 'https://codes.example.com/a/rather/long/base/path/'],
  ])('keeps a file of %i languages under 50 MB and 50,000 URLs', (languages, base) => {
    const perFile = urlsPerSitemap(languages, base);
    const longestEntry = (languages + 2) * (base.length + 'smtp/5.1.10-vs-5.1.12/'.length + '<xhtml:link rel="alternate" hreflang="zh-Hant-TW" href=""/>'.length) + '<lastmod>2024-01-02T03:04:05Z</lastmod>'.length;
    expect(perFile).toBeLessThanOrEqual(SITEMAP_URL_LIMIT);
    expect(perFile * longestEntry).toBeLessThan(50_000_000);
  });
});

describe('sitemapNames', () => {
  it('is one sitemap.xml while the URLs fit in one file', () => {
    expect(sitemapNames(10, 100)).toEqual(['sitemap.xml']);
  });
  it('is an index plus numbered parts beyond that', () => {
    expect(sitemapNames(201, 100)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml']);
  });
});
