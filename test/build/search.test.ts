import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { htmlFiles, listFiles } from '../support/dist.js';
import { readIndexedPages, readSearchEntry } from '../support/search-index.js';
import { buildSite, makeSite, readPage, REPO, run, text, writeProjectFile } from '../support/site.js';
import { snapshot } from '../support/snapshot.js';

/** The fixture: three SMTP codes and a written comparison, translated into vi, ar, pt-BR and zh-CN. */
const site = (files: Record<string, string> = {}) => makeSite({ fixture: 'search', files });
const LANGUAGES = ['ar', 'en', 'pt-br', 'vi', 'zh-cn'];
const toolLabel = (tag: string, key: string) => key.split('.').reduce<any>((tree, part) => tree[part], JSON.parse(readFileSync(path.join(REPO, `locales/${tag}.json`), 'utf8')));

/** The pages search engines are invited to index: language pages without a robots noindex. */
function indexablePages(dist: string): string[] {
  return htmlFiles(dist)
    .filter((file) => file.includes('/'))
    .filter((file) => !readPage(dist, file).querySelector('meta[name="robots"]'))
    .map((file) => `/${file.replace(/index\.html$/, '')}`)
    .sort();
}

/** The search box, or the script that drives it (loaded only where there is a box). */
const hasSearch = (dist: string, file: string) => {
  const page = readPage(dist, file);
  return page.querySelector('.search') !== null || page.querySelectorAll('script[src]').some((s) => s.getAttribute('src')!.includes('assets/search.js'));
};

describe('the search index', () => {
  it('is made per language from the indexable pages, of their main content only', async () => {
    const { code, stderr, dist } = await buildSite(site());
    expect(code, stderr).toBe(0);
    const entry = readSearchEntry(dist);
    expect(Object.keys(entry.languages).sort()).toEqual(LANGUAGES);
    const indexed = readIndexedPages(dist);
    expect(indexed.map((page) => page.url).sort()).toEqual(indexablePages(dist));
    for (const lang of LANGUAGES) {
      expect(entry.languages[lang]!.page_count, `${lang}: ${JSON.stringify(entry.languages)}`).toBe(indexed.filter((page) => page.language === lang).length);
      expect(indexed.filter((page) => page.language === lang).every((page) => page.url.startsWith(`/${lang}/`)), lang).toBe(true);
    }
    // Headings and text of <main>; not the header, breadcrumbs or footer around it.
    const vi550 = indexed.find((page) => page.url === '/vi/smtp/550/')!;
    expect(vi550.title).toBe(text(readPage(dist, 'vi/smtp/550/index.html').querySelector('h1')));
    expect(vi550.content).toContain('Hộp thư không khả dụng');
    for (const key of ['site.footer', 'site.skipToContent', 'site.home', 'search.browse']) expect(vi550.content).not.toContain(toolLabel('vi', key));
    // Only what pages need: Pagefind's runtime and the indexes, not its ready-made interfaces.
    const files = listFiles(path.join(dist, 'pagefind'));
    expect(files).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', 'wasm.unknown.pagefind']));
    for (const lang of LANGUAGES) expect(files).toContain(`pagefind.${entry.languages[lang]!.hash}.pf_meta`);
    expect(files.filter((file) => /ui|highlight/.test(file))).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(dist, '.code-compare.json'), 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(manifest.files).filter((file) => file.startsWith('pagefind/')).sort()).toEqual(files.map((file) => `pagefind/${file}`).sort());
  });

  it("indexes a comparison by what it says itself, not by its codes' cards and examples, which their own pages index", async () => {
    const { code, stderr, dist } = await buildSite(site());
    expect(code, stderr).toBe(0);
    const indexed = readIndexedPages(dist);
    const content = (url: string) => indexed.find((page) => page.url === url)?.content ?? '';
    for (const lang of ['en', 'vi']) {
      const pair = readPage(dist, `${lang}/smtp/550-vs-553/index.html`);
      const pairText = content(`/${lang}/smtp/550-vs-553/`);
      expect(pairText, lang).toContain(text(pair.querySelector('.verdict')));
      expect(pairText, lang).toContain(text(pair.querySelector('.differences li')));
      const cards = pair.querySelectorAll('section[aria-labelledby="the-codes"] .code-card p');
      expect(cards.length, lang).toBe(4);
      for (const card of cards) expect(pairText, `${lang}: ${text(card)}`).not.toContain(text(card));
      // The reply line of each code's example exchange (a <pre>, whose lines the parser leaves as markup).
      const replies = pair.querySelectorAll('section[aria-labelledby="examples"] pre').map((pre) => parse(pre.innerHTML).querySelectorAll('.line').map(text).find((line) => /^S: 55[03] /.test(line)));
      expect(replies.length, lang).toBe(2);
      expect(replies.every((reply) => reply !== undefined), lang).toBe(true);
      for (const reply of replies) expect(pairText, `${lang}: ${reply}`).not.toContain(reply);
      // What the comparison leaves out is found on each code's own page.
      expect(content(`/${lang}/smtp/550/`), lang).toContain(text(cards[0]));
      expect(content(`/${lang}/smtp/550/`), lang).toContain(replies[0]);
      // A pair file's advice is the comparison's own; without one (450 vs 550, featured by `related`), each code's fix, found on its page.
      const advice = (page: typeof pair) => page.querySelectorAll('section[aria-labelledby="when-to-use"] p').map(text);
      expect(advice(pair).length, lang).toBe(2);
      for (const said of advice(pair)) expect(pairText, `${lang}: ${said}`).toContain(said);
      const unwritten = advice(readPage(dist, `${lang}/smtp/450-vs-550/index.html`));
      expect(unwritten.length, lang).toBe(2);
      for (const said of unwritten) expect(content(`/${lang}/smtp/450-vs-550/`), `${lang}: ${said}`).not.toContain(said);
      expect(content(`/${lang}/smtp/550/`), lang).toContain(unwritten[1]);
    }
  });

  it('is left out, with the search box, by --no-search or codeCompare.search: false; --search puts both back', async () => {
    const off = await buildSite(site(), '--no-search');
    expect(off.code, off.stderr).toBe(0);
    const offBySetting = await buildSite(site({ 'package.json': JSON.stringify({ codeCompare: { search: false } }) }));
    expect(offBySetting.code, offBySetting.stderr).toBe(0);
    for (const dist of [off.dist, offBySetting.dist]) {
      expect(existsSync(path.join(dist, 'pagefind'))).toBe(false);
      expect(htmlFiles(dist).filter((file) => hasSearch(dist, file) || readPage(dist, file).querySelector('[data-pagefind-body]'))).toEqual([]);
    }
    const on = await buildSite(site({ 'package.json': JSON.stringify({ codeCompare: { search: false } }) }), '--search');
    expect(on.code, on.stderr).toBe(0);
    expect(existsSync(path.join(on.dist, 'pagefind/pagefind-entry.json'))).toBe(true);
    expect(hasSearch(on.dist, 'vi/smtp/550/index.html')).toBe(true);
  });

  it('refuses a setting that is not true or false, at its position in package.json', async () => {
    const settings = '{\n  "codeCompare": { "search": "yes" }\n}\n';
    const result = await buildSite(site({ 'package.json': settings }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`package.json:2:${settings.split('\n')[1]!.indexOf('"search"') + 1}: error: \`codeCompare.search\` must be true`);
  });
});

describe('the search box', () => {
  it('is in the header of every page of a language, labelled in it, with a link to browse for readers without script', async () => {
    const { code, stderr, dist } = await buildSite(site());
    expect(code, stderr).toBe(0);
    for (const [lang, slug] of [['vi', 'vi'], ['ar', 'ar'], ['pt-BR', 'pt-br'], ['zh-CN', 'zh-cn']] as const) {
      const page = readPage(dist, `${slug}/smtp/553/index.html`);
      const box = page.querySelector('header .bar .search')!;
      expect(text(box.querySelector('label[for="search-input"]')), lang).toBe(toolLabel(lang, 'search.label'));
      expect(box.querySelector('#search-input')!.getAttribute('placeholder')).toBe(toolLabel(lang, 'search.placeholder'));
      expect(box.querySelector('search')!.classList.contains('needs-script')).toBe(true);
      // Without script, the box stands aside for a link to the family's index of codes.
      const fallback = box.querySelector('a.search-fallback')!;
      expect(fallback.classList.contains('without-script')).toBe(true);
      expect(text(fallback)).toBe(toolLabel(lang, 'search.browse'));
      expect(path.join(`${slug}/smtp/553`, fallback.getAttribute('href')!)).toBe(`${slug}/smtp/`);
      // The index is found from the site's root.
      expect(existsSync(path.join(dist, `${slug}/smtp/553`, box.getAttribute('data-root')!, 'pagefind/pagefind.js'))).toBe(true);
    }
    // The home page of a site with one family leads to that family's index.
    expect(readPage(dist, 'vi/index.html').querySelector('a.search-fallback')!.getAttribute('href')).toBe('smtp/');
    expect(readPage(dist, 'ar/index.html').querySelector('html')!.getAttribute('dir')).toBe('rtl');
    // Arabic counts results in all six of its plural forms.
    const forms = JSON.parse(readPage(dist, 'ar/smtp/index.html').querySelector('.search')!.getAttribute('data-forms')!) as Record<string, string[]>;
    expect(Object.keys(forms).sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    // Cut at the count, to be joined with the number: no placeholder is left in the page.
    expect(forms.few!.join('٣')).toBe(toolLabel('ar', 'search.results_few').replace('{{count}}', '٣'));
    expect(readFileSync(path.join(dist, 'ar/index.html'), 'utf8')).not.toContain('{{count}}');
    // The chooser and the 404 page speak every language at once: no box, nothing indexed.
    for (const file of ['index.html', '404.html']) {
      expect(hasSearch(dist, file), file).toBe(false);
      expect(readPage(dist, file).querySelector('[data-pagefind-body]'), file).toBeNull();
    }
    // A comparison that is not featured is built but neither indexed by engines nor searched.
    const thin = readPage(dist, 'en/smtp/450-vs-553/index.html');
    expect(thin.querySelector('meta[name="robots"]')).not.toBeNull();
    expect(thin.querySelector('main')!.hasAttribute('data-pagefind-body')).toBe(false);
    expect(readPage(dist, 'en/smtp/450-vs-550/index.html').querySelector('main')!.hasAttribute('data-pagefind-body')).toBe(true);
  });
});

const NEW_CODE = `---
code: "551"
title: User not local
description: The recipient is not on this server, and the server will not forward the message.
when: The server sends 551 in reply to RCPT TO for an address it does not handle.
fix: Send the message to the address the reply names, if any.
---
`;

describe('the search index after an incremental build', () => {
  it('is what a clean build makes, after a page changed, a code added and a code removed', async () => {
    const root = site();
    const first = await buildSite(root);
    expect(first.code, first.stderr).toBe(0);
    const steps: Array<[string, () => void, (pages: ReturnType<typeof readIndexedPages>) => void]> = [
      ['a translated title changed', () => {
        const file = path.join(root, 'locales/vi/smtp/450.md');
        writeProjectFile(root, 'locales/vi/smtp/450.md', readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Hộp thư tạm khóa'));
      }, (pages) => expect(pages.find((p) => p.url === '/vi/smtp/450/')!.content).toContain('Hộp thư tạm khóa')],
      ['a code added', () => writeProjectFile(root, 'codes/smtp/551.md', NEW_CODE), (pages) => {
        expect(pages.find((p) => p.url === '/en/smtp/551/')!.content).toContain('User not local');
        // Not translated into Vietnamese: built, but not in the Vietnamese index.
        expect(pages.some((p) => p.url === '/vi/smtp/551/')).toBe(false);
      }],
      ['a code removed', () => rmSync(path.join(root, 'codes/smtp/551.md')), (pages) => expect(pages.some((p) => p.url.includes('/551/'))).toBe(false)],
    ];
    for (const [what, change, expectIndex] of steps) {
      change();
      const incremental = await buildSite(root);
      expect(incremental.code, `${what}: ${incremental.stderr}`).toBe(0);
      expectIndex(readIndexedPages(incremental.dist));
      // The indexer's work folders are made in the staging folder: none is published.
      expect(readdirSync(incremental.dist).filter((name) => name.startsWith('.search-')), what).toEqual([]);
      const cleanOut = path.join(root, `clean-${steps.findIndex((step) => step[0] === what)}`);
      expect((await buildSite(root, '--out', cleanOut)).code).toBe(0);
      expect(snapshot(incremental.dist), what).toEqual(snapshot(cleanOut));
    }
    const noop = await buildSite(root);
    expect(noop.stdout).toContain('up to date, nothing rewritten');
  });
});

describe('the search index, language by language', () => {
  /** Builds, changes the project, builds again: what each language's index became, and whether its file is the one from before (linked, not made again). */
  async function rebuildAfter(change: (root: string) => void) {
    const root = site();
    const first = await buildSite(root);
    expect(first.code, first.stderr).toBe(0);
    const metaFile = (entry: ReturnType<typeof readSearchEntry>, lang: string) => path.join(first.dist, 'pagefind', `pagefind.${entry.languages[lang]!.hash}.pf_meta`);
    const before = readSearchEntry(first.dist);
    const inodes = new Map(LANGUAGES.map((lang) => [lang, statSync(metaFile(before, lang)).ino]));
    change(root);
    const changed = await buildSite(root);
    expect(changed.code, changed.stderr).toBe(0);
    const after = readSearchEntry(changed.dist);
    const kept = LANGUAGES.filter((lang) => after.languages[lang]!.hash === before.languages[lang]!.hash && statSync(metaFile(after, lang)).ino === inodes.get(lang));
    const cleanOut = path.join(root, 'clean');
    expect((await buildSite(root, '--out', cleanOut)).code).toBe(0);
    expect(snapshot(changed.dist)).toEqual(snapshot(cleanOut));
    return { kept, dist: changed.dist };
  }

  it('is made again only for the language whose pages changed; the others keep their files', async () => {
    const { kept, dist } = await rebuildAfter((root) => writeProjectFile(root, 'locales/vi.json', JSON.stringify({ code: { description: 'Mô tả ngắn gọn' } })));
    expect(kept).toEqual(LANGUAGES.filter((lang) => lang !== 'vi'));
    expect(readIndexedPages(dist).find((page) => page.url === '/vi/smtp/550/')!.content).toContain('Mô tả ngắn gọn');
  });

  it('is judged by the pages as written: an English text changed leaves the index of a language with its own translation', async () => {
    const { kept, dist } = await rebuildAfter((root) => {
      const file = path.join(root, 'codes/smtp/550.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('description: >-\n  ', 'description: >-\n  Rejected for good. '));
    });
    // Every language's page of 550 was rendered again; only the English one reads differently.
    expect(kept).toEqual(LANGUAGES.filter((lang) => lang !== 'en'));
    expect(readIndexedPages(dist).find((page) => page.url === '/en/smtp/550/')!.content).toContain('Rejected for good.');
  });
});

describe('a build that fails', () => {
  it('for bad input, or in the indexer, leaves the previous output as it was and no folder behind', async () => {
    const root = site();
    const first = await buildSite(root);
    expect(first.code, first.stderr).toBe(0);
    const before = snapshot(first.dist);
    const leftovers = () => readdirSync(root).filter((name) => name.startsWith('.dist.'));

    writeProjectFile(root, 'codes/smtp/551.md', NEW_CODE.replace('code: "551"', 'code: [551'));
    const broken = await buildSite(root);
    expect(broken.code).toBe(1);
    expect(snapshot(first.dist)).toEqual(before);
    rmSync(path.join(root, 'codes/smtp/551.md'));

    // An indexer that cannot start: pages are rendered, then the build stops before publishing them.
    writeProjectFile(root, 'codes/smtp/551.md', NEW_CODE);
    process.env.PAGEFIND_EXTENDED_BINARY_PATH = path.join(root, 'no-such-pagefind');
    try {
      const failed = await run('build', '--root', root, '--jobs', '1', '--base-url', 'https://codes.example.com/');
      expect(failed.code, failed.stderr).toBe(70);
      expect(failed.stderr).toContain('the search index could not be built (Pagefind)');
      expect(failed.stderr).toContain('--no-search');
    } finally {
      delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
    }
    expect(snapshot(first.dist)).toEqual(before);
    expect(leftovers()).toEqual([]);
  });
});
