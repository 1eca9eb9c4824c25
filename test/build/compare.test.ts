import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlFiles } from '../support/dist.js';
import { inboundLinks } from '../support/crawl.js';
import { makeCompareSite, repeatedSentences } from '../support/compare-site.js';
import { BASE, buildSite, FIXTURES, readPage, text } from '../support/site.js';

let dist: string;
let pages: string[];

beforeAll(async () => {
  const result = await buildSite(makeCompareSite());
  expect(result.code, result.stderr).toBe(0);
  dist = result.dist;
  pages = htmlFiles(dist);
});

const items = (doc: HTMLElement, selector: string) => doc.querySelectorAll(selector).map(text);
const mainText = (doc: HTMLElement) => doc.querySelector('main')!.querySelectorAll('p, li, td, th, h1, h2, h3, h4, dd').map(text).join('\n');
const pairPages = () => pages.filter((p) => /\/E\d+-vs-E\d+\/index\.html$/.test(p));

describe('a written pair page', () => {
  const page = (lang: string) => readPage(dist, `${lang}/api/E1001-vs-E1002/index.html`);

  it('leads with the pair file: verdict, then the deciding question, in the page language', () => {
    const doc = page('vi');
    expect(text(doc.querySelector('.verdict'))).toMatch(/^Cả hai đều từ chối lời gọi vì khóa/);
    expect(text(doc.querySelector('.deciding'))).toContain('Yêu cầu có mang tiêu đề X-Api-Key không?');
    expect(doc.querySelector('header .verdict [lang="en"]')).toBeNull();
  });

  it('lists the written differences first and keeps the body below them', () => {
    const list = items(page('en'), 'ul.differences li');
    expect(list[0]).toMatch(/^E1001 is fixed in the client's code/);
    expect(list[1]).toMatch(/^A new deployment can cause E1001/);
    // Both codes give the same facet values, so nothing is added from facets.
    expect(list).toHaveLength(2);
    expect(text(page('en').querySelector('section[aria-labelledby="key-differences"]'))).toContain('Keys are revoked when they leak');
  });

  it('gives the advice of the pair file for each code, not the code pages\' fix', () => {
    const advice = text(page('en').querySelector('section[aria-labelledby="when-to-use"]'));
    expect(advice).toContain('Check that your HTTP client sets the header on every call');
    expect(advice).not.toContain('Send the key in the X-Api-Key header');
  });
});

describe('pair pages made from facets', () => {
  it('say each differing facet as two sentences in the page language, unmarked', () => {
    const doc = readPage(dist, 'vi/api/E1001-vs-E2001/index.html');
    const list = items(doc, 'ul.differences li');
    expect(list).toEqual([
      'E1001 là lỗi của máy khách: phải sửa yêu cầu. E2001 là lỗi của máy chủ: yêu cầu không có gì sai.',
      'Sau E1001, gửi lại cùng yêu cầu sẽ không bao giờ thành công. Sau E2001, máy khách có thể thử lại về sau hoặc ngay lập tức.',
    ]);
    expect(doc.querySelector('ul.differences [lang="en"]')).toBeNull();
  });

  it('name, within one class, the aspects that differ, and say so when none does', () => {
    expect(text(readPage(dist, 'en/api/E2001-vs-E2002/index.html').querySelector('.verdict'))).toBe('E2001 and E2002 are both Server errors replies; they differ in whether to retry.');
    const alike = readPage(dist, 'en/api/E1002-vs-E1003/index.html');
    expect(text(alike.querySelector('.verdict'))).toMatch(/agree in every aspect compared here/);
    expect(items(alike, 'ul.differences li')).toEqual(['None of the aspects compared here tells E1002 and E1003 apart; the difference lies in the condition each one reports.']);
  });

  it('show the facets in the side-by-side table, marking rows that differ', () => {
    const rows = readPage(dist, 'en/api/E1001-vs-E2001/index.html').querySelectorAll('table.side-by-side tbody tr');
    const facetRows = rows.filter((r) => ['Whose fault', 'Retry'].includes(text(r.querySelector('th'))));
    expect(facetRows.map((r) => r.querySelectorAll('td').map(text))).toEqual([['client', 'server'], ['never', 'later or at once']]);
    expect(facetRows.every((r) => r.classList.contains('differs'))).toBe(true);
  });

  it('give a facet both codes share one cell across both columns, not the same text twice', () => {
    const rows = readPage(dist, 'en/api/E1002-vs-E1003/index.html').querySelectorAll('table.side-by-side tbody tr');
    const facetRows = rows.filter((r) => ['Whose fault', 'Retry'].includes(text(r.querySelector('th'))));
    expect(facetRows).toHaveLength(2);
    for (const row of facetRows) {
      const cells = row.querySelectorAll('td');
      expect(cells).toHaveLength(1);
      expect(cells[0]!.getAttribute('colspan')).toBe('2');
      expect(cells[0]!.getAttribute('data-code')).toBe('E1002 · E1003');
      expect(row.classList.contains('differs')).toBe(false);
    }
  });

  it('never say a sentence of eight words or more twice', () => {
    for (const file of pairPages()) expect(repeatedSentences(mainText(readPage(dist, file))), file).toEqual([]);
  });
});

describe('a written pair whose codes differ in facets', () => {
  it('adds a facet-made sentence only for the facets its text does not cover', async () => {
    const pair = [
      '---',
      'verdict: E1001 is the caller\'s mistake, E2001 the store\'s.',
      'deciding: Would the same request work on a quiet day?',
      'covers: [fault]',
      'differences:',
      '  - E1001 comes from a request the client must change; E2001 from a store that could not keep up.',
      'advice:',
      '  E1001: Add the header.',
      '  E2001: Wait and send it again.',
      '---',
      '',
    ].join('\n');
    const result = await buildSite(makeCompareSite({ 'codes/api/pairs/E1001-vs-E2001.md': pair }));
    expect(result.code, result.stderr).toBe(0);
    expect(items(readPage(result.dist, 'en/api/E1001-vs-E2001/index.html'), 'ul.differences li')).toEqual([
      'E1001 comes from a request the client must change; E2001 from a store that could not keep up.',
      'After E1001 the same request will never succeed. After E2001 the client may retry later or at once.',
    ]);
  });
});

describe('the home page', () => {
  it('leads with the family\'s highlights, then its other featured pairs', async () => {
    const family = readFileSync(path.join(FIXTURES, 'compare/codes/api/_family.md'), 'utf8').replace('facets:', 'highlights: [E1002-vs-E1003]\nfacets:');
    const code = readFileSync(path.join(FIXTURES, 'compare/codes/api/E1003.md'), 'utf8').replace('facets:', 'related: [E1002]\nfacets:');
    const result = await buildSite(makeCompareSite({ 'codes/api/_family.md': family, 'codes/api/E1003.md': code }));
    expect(result.code, result.stderr).toBe(0);
    expect(items(readPage(result.dist, 'en/index.html'), 'section[aria-labelledby="comparisons"] a')).toEqual(['ShopAPI E1002 vs E1003', 'ShopAPI E1001 vs E1002']);
  });
});

describe('which pairs are featured', () => {
  const featured = ['E1001-vs-E1002'];
  const isFeatured = (file: string) => featured.some((pair) => file.includes(`/${pair}/`));

  it('lists exactly the featured pairs in the sitemap, with their alternates', () => {
    const sitemap = readFileSync(path.join(dist, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs.filter((l) => l.includes('-vs-')).sort()).toEqual([`${BASE}en/api/E1001-vs-E1002/`, `${BASE}vi/api/E1001-vs-E1002/`]);
    expect(sitemap).toContain(`<xhtml:link rel="alternate" hreflang="vi" href="${BASE}vi/api/E1001-vs-E1002/"/>`);
  });

  it('marks every other pair page noindex, with no hreflang alternates', () => {
    for (const file of pairPages()) {
      const doc = readPage(dist, file);
      const robots = doc.querySelector('meta[name="robots"]')?.getAttribute('content');
      expect(robots, file).toBe(isFeatured(file) ? undefined : 'noindex, follow');
      expect(doc.querySelectorAll('link[rel="alternate"][hreflang]').length, file).toBe(isFeatured(file) ? 3 : 0);
    }
  });

  it('links each featured pair page from at least two pages of its language, and every pair from its codes', () => {
    for (const lang of ['en', 'vi']) {
      const inbound = inboundLinks(dist, pages.filter((p) => p.startsWith(`${lang}/`)));
      expect(inbound.get(`${lang}/api/E1001-vs-E1002/index.html`)?.size).toBeGreaterThanOrEqual(3);
      for (const file of pairPages().filter((p) => p.startsWith(`${lang}/`))) expect(inbound.get(file)?.size, file).toBeGreaterThanOrEqual(2);
    }
  });

  it('offers on each code page its featured comparisons and a list of every other code to compare with', () => {
    const doc = readPage(dist, 'en/api/E1001/index.html');
    expect(items(doc, 'section[aria-labelledby="comparisons"] .pair-list a')).toEqual(['E1001 vs E1002 Key revoked']);
    expect(doc.querySelectorAll('details.compare-with a').map((a) => a.getAttribute('href'))).toEqual(['../E1001-vs-E1002/', '../E1001-vs-E1003/', '../E1001-vs-E2001/', '../E1001-vs-E2002/']);
  });
});
