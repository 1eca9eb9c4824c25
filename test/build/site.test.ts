import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASE, buildSite, makeSite, readPage, text } from '../support/site.js';
import { brokenLinks, htmlFiles, listFiles } from '../support/dist.js';
import { validatePages } from '../support/validate-pages.js';

let root: string;
let dist: string;
let summary: string;
let warnings: string;

beforeAll(async () => {
  root = makeSite({ fixture: 'mini', fromProject: ['templates', 'locales/en.json', 'locales/ar.json'] });
  const result = await buildSite(root);
  expect(result.code, result.stderr).toBe(0);
  dist = result.dist;
  summary = result.stdout;
  warnings = result.stderr;
});

describe('the built fixture site', () => {
  it('has the layout of the contract', () => {
    const files = listFiles(dist);
    for (const file of [
      'index.html', '404.html', 'robots.txt', 'sitemap.xml', 'assets/site.css', 'assets/site.js',
      'en/index.html', 'vi/index.html', 'ar/index.html',
      'en/smtp/index.html', 'en/smtp/235/index.html', 'vi/smtp/235-vs-553/index.html',
      'en/http/404/index.html', 'ar/http/404-vs-410/index.html',
    ]) expect(files).toContain(file);
  });

  it('makes one page per code and one per unordered pair, lower code first, in every language', () => {
    const pairDirs = listFiles(dist).filter((f) => /\/\d+-vs-\d+\/index\.html$/.test(f));
    // smtp: 3 codes → 3 pairs; http: 2 codes → 1 pair; 3 languages.
    expect(pairDirs).toHaveLength((3 + 1) * 3);
    expect(pairDirs).toContain('en/smtp/550-vs-553/index.html');
    expect(pairDirs).not.toContain('en/smtp/553-vs-550/index.html');
  });

  it('prints a one-line summary with pages, languages, warnings and seconds', () => {
    const pages = listFiles(dist).filter((f) => f.endsWith('.html')).length;
    expect(summary).toMatch(new RegExp(`^built ${pages} pages in 3 languages .*, \\d+ warnings?, .* s$`));
  });

  it('warns about the stale Vietnamese translation and still uses it', () => {
    expect(warnings).toMatch(/^locales\/vi\/smtp\/553\.md:2:\d+: warning: .*\[stale-translation\]$/m);
    expect(text(readPage(dist, 'vi/smtp/553/index.html').querySelector('h1'))).toContain('Tên hộp thư không được phép');
  });
});

describe('the Vietnamese comparison page', () => {
  const page = () => readPage(dist, 'vi/smtp/235-vs-553/index.html');

  it('declares its language and carries the seed page headings', () => {
    const doc = page();
    expect(doc.querySelector('html')!.getAttribute('lang')).toBe('vi');
    const headings = doc.querySelectorAll('h2, h3, h4').map(text);
    // The seed's "Cách khắc phục" (how to fix) becomes what to do about each code, under "Khi nào dùng cái nào".
    for (const heading of ['Mô tả', 'Khi bạn thấy mã này', 'Sự khác biệt chính', 'Khi nào dùng cái nào', 'Tìm hiểu thêm']) {
      expect(headings).toContain(heading);
    }
    expect(headings.filter((h) => h === 'Mô tả')).toHaveLength(2);
  });

  it('wraps English fallback text in lang="en" and leaves translated text unmarked', () => {
    const doc = page();
    const english = doc.querySelectorAll('[lang="en"]').map(text);
    expect(english).toContain('The receiving server sends 553 when an address is malformed or not allowed by policy.');
    expect(english).not.toContain('Xác thực thành công');
    const card = doc.querySelector('#card-235')!;
    expect(card.querySelector('[lang="en"]')).toBeNull();
    expect(text(card)).toContain('Xác thực thành công');
  });

  it('says in a notice that some text is in English', () => {
    expect(page().querySelector('.notice')).not.toBeNull();
    expect(readPage(dist, 'en/smtp/235-vs-553/index.html').querySelector('.notice')).toBeNull();
  });

  it('has a side-by-side table with class, meaning, outcome and actor rows', () => {
    const rows = page().querySelectorAll('table.side-by-side tbody tr');
    expect(rows).toHaveLength(4);
    expect(text(rows[2]!.querySelectorAll('td')[1])).not.toBe('');
  });

  it('says, for a family without facets, that it has no aspects to compare, without doubled words', () => {
    const items = page().querySelectorAll('ul.differences li').map(text);
    expect(items).toHaveLength(1);
    for (const item of items) expect(item).not.toMatch(/\b(\p{L}+) \1\b/iu);
    expect(items.join(' ')).toContain('235');
  });

  it('says what to do about each code under "Khi nào dùng cái nào"', () => {
    const section = page().querySelector('section[aria-labelledby="when-to-use"]')!;
    expect(section.querySelectorAll('h3')).toHaveLength(2);
    expect(section.querySelectorAll('p')).toHaveLength(2);
  });

  it('shows the example address, never a scraped "[email protected]"', () => {
    const html = readFileSync(path.join(dist, 'vi/smtp/235-vs-553/index.html'), 'utf8');
    expect(html).not.toContain('[email');
    expect(html).toContain('user@example.com');
  });

  it('links both code pages from their summaries, and RFCs and other comparisons under "learn more"', () => {
    const summaries = page().querySelector('section[aria-labelledby="the-codes"]')!.querySelectorAll('a').map((a) => a.getAttribute('href'));
    expect(summaries).toEqual(['../235/', '../553/']);
    const section = page().querySelector('section[aria-labelledby="learn-more"]')!;
    const hrefs = section.querySelectorAll('a').map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('https://www.rfc-editor.org/rfc/rfc4954.html#section-6');
    expect(hrefs).toContain('../550-vs-553/');
  });
});

describe('links and alternates', () => {
  it('resolves every internal link of every page to a file', () => {
    const broken = htmlFiles(dist).flatMap((file) => brokenLinks(dist, file, new URL(BASE).pathname).map((l) => `${file} → ${l}`));
    expect(broken).toEqual([]);
  });

  it('gives every page an icon, so that no browser asks for a /favicon.ico that is not there', () => {
    for (const file of htmlFiles(dist)) {
      const icon = readPage(dist, file).querySelector('link[rel="icon"]');
      expect(icon?.getAttribute('type'), file).toBe('image/svg+xml');
      expect(icon?.getAttribute('href'), file).toMatch(/assets\/favicon\.svg\?v=[0-9a-f]{10}$/);
    }
    expect(readFileSync(path.join(dist, 'assets/favicon.svg'), 'utf8')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it('gives each page a canonical URL and reciprocal hreflang alternates with x-default', () => {
    const pages = htmlFiles(dist).filter((f) => f !== 'index.html' && f !== '404.html' && !readFileSync(path.join(dist, f), 'utf8').includes('content="noindex'));
    const alternatesOf = new Map<string, string[]>();
    for (const file of pages) {
      const doc = readPage(dist, file);
      const canonical = doc.querySelector('link[rel=canonical]')!.getAttribute('href')!;
      expect(canonical).toBe(`${BASE}${file.replace(/index\.html$/, '')}`);
      const links = doc.querySelectorAll('link[rel=alternate][hreflang]').map((l) => `${l.getAttribute('hreflang')} ${l.getAttribute('href')}`);
      expect(links).toContain(`x-default ${BASE}en/${file.replace(/^[^/]+\//, '').replace(/index\.html$/, '')}`);
      alternatesOf.set(canonical, links.filter((l) => !l.startsWith('x-default')).map((l) => l.split(' ')[1]!));
    }
    for (const [url, alternates] of alternatesOf) {
      expect(alternates).toContain(url);
      for (const other of alternates) expect(alternatesOf.get(other)).toEqual(alternates);
    }
  });

  it('lists every indexable page but the chooser in the sitemap, with alternates', () => {
    const sitemap = readFileSync(path.join(dist, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const pages = htmlFiles(dist).filter((f) => f !== 'index.html' && !readFileSync(path.join(dist, f), 'utf8').includes('content="noindex'));
    // The one pair no code names in `related` is built but not indexed.
    expect(pages).not.toContain('en/smtp/235-vs-550/index.html');
    expect(locs.sort()).toEqual(pages.map((f) => `${BASE}${f.replace(/index\.html$/, '')}`).sort());
    expect(sitemap).toContain(`<xhtml:link rel="alternate" hreflang="x-default" href="${BASE}en/smtp/235-vs-553/"/>`);
    expect(readFileSync(path.join(dist, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${BASE}sitemap.xml`);
  });

  it('offers a language switcher leading to the same page in each language, named in its own script', () => {
    const links = readPage(dist, 'en/smtp/553/index.html').querySelectorAll('nav.languages a');
    expect(links.map((a) => `${a.getAttribute('lang')} ${a.getAttribute('href')} ${text(a)}`)).toEqual([
      'en ./ English',
      'ar ../../../ar/smtp/553/ العربية',
      'vi ../../../vi/smtp/553/ Tiếng Việt',
    ]);
  });
});

describe('the 404 page', () => {
  it('speaks to readers of every language, each line marked with the language it is in', () => {
    const items = readPage(dist, '404.html').querySelectorAll('.not-found-list li');
    const ar = items.find((li) => li.querySelector('a')!.getAttribute('hreflang') === 'ar')!;
    expect([ar.getAttribute('lang'), ar.getAttribute('dir')]).toEqual(['ar', 'rtl']);
    // The fixture's vi.json has no notFound labels; code-compare's own Vietnamese labels supply them.
    const vi = items.find((li) => li.querySelector('a')!.getAttribute('hreflang') === 'vi')!;
    expect([vi.getAttribute('lang'), vi.getAttribute('dir')]).toEqual(['vi', 'ltr']);
    expect(text(vi.querySelector('a'))).toBe('Tiếng Việt');
  });
});

describe('right-to-left pages', () => {
  it('sets dir="rtl" on Arabic pages and marks English islands ltr', () => {
    const doc = readPage(dist, 'ar/smtp/553/index.html');
    expect(doc.querySelector('html')!.getAttribute('dir')).toBe('rtl');
    expect(doc.querySelector('html')!.getAttribute('lang')).toBe('ar');
    for (const island of doc.querySelectorAll('main [lang="en"]')) expect(island.getAttribute('dir')).toBe('ltr');
  });
});

describe('validity', () => {
  it('passes html-validate:recommended on every page', async () => {
    expect(await validatePages(dist, htmlFiles(dist))).toEqual([]);
  });
});

describe('determinism', () => {
  it('gives byte-identical output for two builds of the same input', async () => {
    const again = await buildSite(root, '--out', path.join(root, 'dist-again'));
    expect(again.code).toBe(0);
    const first = listFiles(dist);
    expect(listFiles(path.join(root, 'dist-again'))).toEqual(first);
    for (const file of first) {
      expect(readFileSync(path.join(root, 'dist-again', file)), file).toEqual(readFileSync(path.join(dist, file)));
    }
  });
});
