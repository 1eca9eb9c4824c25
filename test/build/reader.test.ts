import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareCodes } from '../../src/model/order.js';
import { htmlFiles } from '../support/dist.js';
import { buildSite, makeSite, readPage, REPO, text, writeProjectFile } from '../support/site.js';
import { validatePages } from '../support/validate-pages.js';

// test/fixtures/reader: a numeric family (smtp: 235 421 450 550 553, highlights 550-vs-553 and
// 421-vs-450; 550 links its enhanced codes 5.1.1 and 5.1.10) and a dotted one (enhanced: X.1.1
// X.1.2 X.1.10 X.2.1, highlight X.1.2-vs-X.1.10; as text X.1.10 would sort before X.1.2),
// built in English, Arabic and Vietnamese with the project's labels.
const LANGS = ['en', 'ar', 'vi'] as const;
const FAMILIES = {
  smtp: ['235', '421', '450', '550', '553'],
  enhanced: ['X.1.1', 'X.1.2', 'X.1.10', 'X.2.1'],
} as const;
const HIGHLIGHTS = { smtp: ['550-vs-553', '421-vs-450'], enhanced: ['X.1.2-vs-X.1.10'] } as const;

type Labels = { [key: string]: string | Labels };
const labelsOf = (lang: string) => JSON.parse(readFileSync(path.join(REPO, 'locales', `${lang}.json`), 'utf8')) as Labels;
function label(lang: string, key: string): string {
  const value = key.split('.').reduce<string | Labels | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), labelsOf(lang));
  if (typeof value !== 'string') throw new Error(`no label ${key} in ${lang}.json`);
  return value;
}

let root: string;
let dist: string;

beforeAll(async () => {
  root = makeSite({ fixture: 'reader', fromProject: ['templates', ...LANGS.map((l) => `locales/${l}.json`)] });
  const result = await buildSite(root);
  expect(result.code, result.stderr).toBe(0);
  dist = result.dist;
});

const page = (file: string) => readPage(dist, file);
/** The file a link of the page at `file` leads to, or undefined when there is none. */
function target(file: string, href: string): string | undefined {
  const resolved = path.posix.join(path.posix.dirname(file), href.split('#')[0]!, 'index.html');
  return existsSync(path.join(dist, resolved)) ? resolved : undefined;
}

const FINDER_PAGES = LANGS.flatMap((lang) =>
  Object.entries(FAMILIES).flatMap(([family, codes]) => [
    { lang, family, file: `${lang}/${family}/index.html`, selected: undefined as string | undefined },
    { lang, family, file: `${lang}/${family}/${codes.at(-1)}/index.html`, selected: codes.at(-1) },
  ]),
);

describe('the comparison finder', () => {
  it.each(FINDER_PAGES)('on $file: two labelled lists of every code of the family, in code order', ({ lang, family, file, selected }) => {
    const form = page(file).querySelector('form.pair-finder')!;
    expect(form, file).not.toBeNull();
    // Laid out from the first paint (nothing moves when the script runs), left out where scripts do not run: the page then offers the links below.
    expect(form.classList.contains('needs-script')).toBe(true);
    expect(form.hasAttribute('hidden')).toBe(false);
    const selects = form.querySelectorAll('select');
    expect(selects).toHaveLength(2);
    const expected = [...FAMILIES[family as keyof typeof FAMILIES]].sort(compareCodes);
    for (const [index, select] of selects.entries()) {
      const id = select.getAttribute('id')!;
      const labelText = text(form.querySelector(`label[for="${id}"]`));
      expect(labelText).toBe(label(lang, index === 0 ? 'finder.first' : 'finder.second'));
      const options = select.querySelectorAll('option');
      expect(options[0]!.getAttribute('value')).toBe('');
      expect(options.slice(1).map((o) => o.getAttribute('value'))).toEqual(expected);
    }
    expect(selects[0]!.querySelector('option[selected]')?.getAttribute('value')).toBe(selected);
    expect(selects[1]!.querySelector('option[selected]')).toBeNull();
    expect(text(form.querySelector('.finder-title'))).toBe(label(lang, 'finder.heading'));
    expect(form.getAttribute('data-same')).toBe(label(lang, 'finder.same'));
    expect(form.querySelector('.finder-status')!.getAttribute('role')).toBe('status');
  });

  it.each(FINDER_PAGES)('on $file: the link it fills in leads to an existing comparison for any two codes', ({ family, file }) => {
    const href = page(file).querySelector('form.pair-finder')!.getAttribute('data-pair-href')!;
    expect(href).toContain('{a}');
    const codes = FAMILIES[family as keyof typeof FAMILIES];
    for (const a of codes) {
      for (const b of codes) {
        if (compareCodes(a, b) >= 0) continue;
        expect(target(file, href.replace('{a}', a).replace('{b}', b)), `${a} vs ${b} from ${file}`).toBeDefined();
      }
    }
  });

  it.each(FINDER_PAGES)('on $file: without the script, the featured comparisons are links to existing pages', ({ file, selected }) => {
    const doc = page(file);
    const links = doc.querySelectorAll('section[aria-labelledby="comparisons"] ul.pair-list a');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(target(file, link.getAttribute('href')!), link.getAttribute('href')!).toBeDefined();
    if (selected) for (const link of links) expect(text(link)).toContain(selected);
  });

  it('labels the pair links of an Arabic page without forcing left-to-right, so "X مقابل Y" reads from the right', () => {
    const links = page('ar/smtp/index.html').querySelectorAll('section[aria-labelledby="comparisons"] ul.pair-list a');
    expect(links.map(text)).toContain('550 مقابل 553');
    for (const link of links) expect(link.getAttribute('dir')).toBeUndefined();
  });
});

/** Pairs `[href, h2 id]` of a page: what its "on this page" list links, and the sections it has. */
function tocAndSections(doc: HTMLElement) {
  const toc = doc.querySelectorAll('nav.toc a').map((a) => a.getAttribute('href')!);
  const sections = doc.querySelectorAll('article .page-content h2[id]').filter((h2) => !h2.closest('.intro')).map((h2) => `#${h2.getAttribute('id')}`);
  return { toc, sections };
}

const TOC_PAGES = LANGS.flatMap((lang) => [
  `${lang}/smtp/550/index.html`,
  `${lang}/smtp/235/index.html`,
  `${lang}/enhanced/X.1.10/index.html`,
  `${lang}/enhanced/X.1.1/index.html`,
  `${lang}/smtp/550-vs-553/index.html`,
  `${lang}/enhanced/X.1.2-vs-X.1.10/index.html`,
  `${lang}/smtp/index.html`,
]);

describe('"on this page"', () => {
  it.each(TOC_PAGES)('on %s lists every section heading, in order, each by an id the page has', (file) => {
    const doc = page(file);
    const { toc, sections } = tocAndSections(doc);
    expect(toc.length).toBeGreaterThanOrEqual(4);
    expect(toc).toEqual(sections);
    for (const href of toc) expect(doc.querySelectorAll(`[id="${href.slice(1)}"]`), href).toHaveLength(1);
  });

  it.each(LANGS)('is named in the language of the page (%s), and its entries read as the headings do', (lang) => {
    const doc = page(`${lang}/smtp/550-vs-553/index.html`);
    const nav = doc.querySelector('nav.toc')!;
    expect(text(nav.querySelector(`#${nav.getAttribute('aria-labelledby')}`))).toBe(label(lang, 'site.onThisPage'));
    for (const link of nav.querySelectorAll('a')) {
      expect(text(link)).toBe(text(doc.querySelector(`[id="${link.getAttribute('href')!.slice(1)}"]`)));
    }
  });

  it('lists the sections that link codes of another family: 550 names its enhanced codes, X.1.1 lists 550', () => {
    expect(tocAndSections(page('en/smtp/550/index.html')).toc).toContain('#enhanced');
    expect(tocAndSections(page('en/enhanced/X.1.1/index.html')).toc).toContain('#linked-from-0');
  });

  it('leaves out the sections a page does not have: a code without an example has no "example" entry', () => {
    expect(tocAndSections(page('en/smtp/550/index.html')).toc).not.toContain('#example');
    expect(page('en/smtp/550/index.html').querySelector('#example')).toBeNull();
  });
});

describe('the home page', () => {
  it.each(LANGS)('in %s lists every family, linked, with its count of codes and its own line where the labels give one', (lang) => {
    const items = page(`${lang}/index.html`).querySelectorAll('ul.family-list > li');
    expect(items.map((li) => target(`${lang}/index.html`, li.querySelector('a')!.getAttribute('href')!))).toEqual(
      Object.keys(FAMILIES).sort().map((f) => `${lang}/${f}/index.html`),
    );
    const byFamily = Object.fromEntries(items.map((li) => [li.querySelector('a')!.getAttribute('href'), li]));
    expect(text(byFamily['smtp/']!.querySelector('.family-summary'))).toBe(label(lang, 'families.smtp.summary'));
    // The dotted family has no summary label: its title and counts say enough.
    expect(byFamily['enhanced/']!.querySelector('.family-summary')).toBeNull();
    expect(text(byFamily['enhanced/']!.querySelector('.counts'))).toMatch(/4/);
  });

  it.each(LANGS)('in %s leads each family\'s comparisons with its highlights, each linked to an existing comparison', (lang) => {
    const doc = page(`${lang}/index.html`);
    const lists = doc.querySelectorAll('section[aria-labelledby="comparisons"] ul.highlight-list');
    expect(lists).toHaveLength(2);
    for (const list of lists) {
      const heading = list.previousElementSibling!;
      const family = heading.getAttribute('id')!.replace('comparisons-', '') as keyof typeof HIGHLIGHTS;
      const pairs = list.querySelectorAll('li').map((li) => li.querySelector('a')!.getAttribute('href')!.replace(`${family}/`, '').replace(/\/$/, ''));
      expect(pairs.slice(0, HIGHLIGHTS[family].length)).toEqual(HIGHLIGHTS[family]);
      for (const li of list.querySelectorAll('li')) expect(target(`${lang}/index.html`, li.querySelector('a')!.getAttribute('href')!)).toBeDefined();
    }
  });

  it('shows both codes\' titles under each comparison where both are in the page\'s language, and no English in their place', () => {
    const titles = (lang: string, pair: string) =>
      page(`${lang}/index.html`).querySelector(`ul.highlight-list a[href="smtp/${pair}/"]`)!.parentNode.querySelectorAll('.pair-codes').map(text);
    expect(titles('en', '550-vs-553')).toEqual(['550 Mailbox unavailable', '553 Mailbox name not allowed']);
    // The fixture translates the titles of 550 and 553 into Vietnamese, and nothing into Arabic.
    expect(titles('vi', '550-vs-553')).toEqual(['550 Hộp thư không khả dụng', '553 Tên hộp thư không được phép']);
    // 235's title is not translated: neither title is shown, rather than one, or one in English.
    expect(titles('vi', '235-vs-553')).toEqual([]);
    expect(titles('vi', '421-vs-450')).toEqual([]);
    expect(titles('ar', '550-vs-553')).toEqual([]);
    for (const lang of ['vi', 'ar']) expect(page(`${lang}/index.html`).querySelectorAll('ul.highlight-list [lang="en"]').length, lang).toBe(0);
  });

  it('shows a highlighted code\'s new title after an incremental build: the home page declares the codes it shows', async () => {
    const file = path.join(root, 'codes/smtp/553.md');
    const before = readFileSync(file, 'utf8');
    writeProjectFile(root, 'codes/smtp/553.md', before.replace('title: Mailbox name not allowed', 'title: Address refused by policy'));
    try {
      const result = await buildSite(root);
      expect(result.code, result.stderr).toBe(0);
      expect(text(page('en/index.html').querySelector('section[aria-labelledby="comparisons"]'))).toContain('Address refused by policy');
      // Vietnamese keeps its translation of the title (now stale, and still used).
      expect(text(page('vi/index.html').querySelector('section[aria-labelledby="comparisons"]'))).toContain('Tên hộp thư không được phép');
    } finally {
      writeProjectFile(root, 'codes/smtp/553.md', before);
      expect((await buildSite(root)).code).toBe(0);
    }
  });
});

describe('the language chooser', () => {
  it('says what the site is in each language\'s own words, under its name', () => {
    const links = page('index.html').querySelectorAll('ul.language-list a');
    expect(links.map((a) => a.getAttribute('lang'))).toEqual(['en', 'ar', 'vi']);
    for (const link of links) expect(text(link.querySelector('.tagline'))).toBe(label(link.getAttribute('lang')!, 'site.tagline'));
  });

  it('leaves the line out for a language whose labels do not have it, rather than show English under its name', async () => {
    const site = makeSite({ fixture: 'reader', files: { 'locales/ko.json': '{}' } });
    const result = await buildSite(site);
    expect(result.code, result.stderr).toBe(0);
    const links = readPage(result.dist, 'index.html').querySelectorAll('ul.language-list a');
    const korean = links.find((a) => a.getAttribute('lang') === 'ko')!;
    expect(korean.querySelector('.tagline')).toBeNull();
    expect(text(links.find((a) => a.getAttribute('lang') === 'en')!.querySelector('.tagline'))).toBe(label('en', 'site.tagline'));
  });
});

describe('validity', () => {
  it('passes html-validate:recommended on every page of the fixture site', async () => {
    expect(await validatePages(dist, htmlFiles(dist))).toEqual([]);
  });
});
