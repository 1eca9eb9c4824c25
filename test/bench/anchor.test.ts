import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { anchorProjectFiles, writeAnchorProject } from '../../src/bench/anchor.js';
import { anchorPages, loadAnchorData } from '../../src/bench/anchor-data.js';
import { codePage, pairPage } from '../../src/bench/anchor-render.js';
import { writeCorpus } from '../../src/bench/corpus.js';
import { makeTempDir, REPO } from '../support/site.js';

/** A corpus of 4 codes in 2 languages (en and ar), as `npm run bench -- --codes 4 --languages 2` writes it. */
function tinyCorpus(): string {
  const root = makeTempDir('code-compare-anchor-');
  writeCorpus(root, REPO, { codes: 4, languages: 2, families: 1, translated: 0.5 });
  return root;
}

describe('the Eleventy anchor of the benchmark', () => {
  it('lists every code and every pair of codes in every language, at the URLs code-compare gives them', () => {
    const pages = loadAnchorData(tinyCorpus()).pages;
    expect(pages.chooser.map((p) => p.url)).toEqual(['/index.html']);
    expect(pages.notFound.map((p) => p.url)).toEqual(['/404.html']);
    expect(pages.home.map((p) => p.url).sort()).toEqual(['/ar/index.html', '/en/index.html']);
    expect(pages.family.map((p) => p.url).sort()).toEqual(['/ar/family1/index.html', '/en/family1/index.html']);
    const codes = ['200', '275', '350', '425'];
    const pairs = ['200-vs-275', '200-vs-350', '200-vs-425', '275-vs-350', '275-vs-425', '350-vs-425'];
    for (const lang of ['en', 'ar']) {
      expect(pages.code.filter((p) => p.lang === lang).map((p) => p.url).sort()).toEqual(codes.map((c) => `/${lang}/family1/${c}/index.html`));
      expect(pages.pair.filter((p) => p.lang === lang).map((p) => p.url).sort()).toEqual(pairs.map((p) => `/${lang}/family1/${p}/index.html`));
    }
    expect(pages.pair.find((p) => p.url === '/ar/family1/275-vs-425/index.html')).toMatchObject({ lang: 'ar', family: 'family1', a: '275', b: '425' });
  });

  it('orders each pair by code, numerically, and gives languages their lower-case URL folder', () => {
    const pages = anchorPages(['pt-BR'], [{ id: 'http', codes: ['1000', '99', '200'] }]);
    expect(pages.pair.map((p) => p.url)).toEqual(['/pt-br/http/99-vs-200/index.html', '/pt-br/http/99-vs-1000/index.html', '/pt-br/http/200-vs-1000/index.html']);
    expect(pages.code.map((p) => p.code)).toEqual(['1000', '99', '200']);
  });

  it('reads each language\'s content translation, and English where a code has none', () => {
    const root = tinyCorpus();
    const data = loadAnchorData(root);
    const translated = readFileSync(path.join(root, 'locales/ar/family1/200.md'), 'utf8');
    expect(translated).toContain('[ar] ');
    expect(data.codes['ar/family1/200']!.title).toMatch(/^\[ar\] /);
    expect(data.codes['ar/family1/200']!.bodyHtml).toMatch(/^<p>\[ar\] /);
    expect(data.codes['en/family1/200']!.title).not.toMatch(/^\[ar\]/);
    // fix_admin is never translated: the English text stands in.
    expect(data.codes['ar/family1/200']!.fixAdminHtml).toBe(data.codes['en/family1/200']!.fixAdminHtml);
  });

  it('renders a code page with its sections and a pair page with both codes, escaping the text', () => {
    const root = tinyCorpus();
    const file = path.join(root, 'codes/family1/275.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Queue <full> & "closed"'));
    const data = loadAnchorData(root);
    const code = parse(codePage(data, data.pages.code.find((p) => p.lang === 'en' && p.code === '275')!));
    expect(code.querySelector('h1')!.text).toBe('Queue <full> & "closed"');
    expect(code.querySelectorAll('script, full')).toHaveLength(0);
    expect(code.querySelectorAll('h2').map((h) => h.id)).toEqual(['desc', 'when', 'fix', 'details', 'example', 'related', 'comparisons', 'references']);
    expect(code.querySelectorAll('#comparisons ~ ul a').map((a) => a.getAttribute('href'))).toEqual(['/en/family1/200-vs-275/', '/en/family1/275-vs-350/', '/en/family1/275-vs-425/']);
    const pair = parse(pairPage(data, data.pages.pair.find((p) => p.lang === 'ar' && p.a === '200' && p.b === '275')!));
    expect(pair.querySelector('html')!.getAttribute('dir')).toBe('rtl');
    expect(pair.querySelectorAll('.code-card h3 a').map((a) => a.getAttribute('href'))).toEqual(['/ar/family1/200/', '/ar/family1/275/']);
    expect(pair.querySelectorAll('table.side-by-side thead th[dir=ltr]').map((th) => th.text)).toEqual(['200', '275']);
  });

  it('writes an Eleventy project of .11ty.js templates paginating over the data, reading the corpus at build time', () => {
    const corpus = tinyCorpus();
    const dir = makeTempDir('code-compare-anchor-project-');
    writeAnchorProject(dir, corpus, '/opt/bench');
    for (const kind of ['chooser', 'notFound', 'home', 'family', 'code', 'pair']) {
      const template = readFileSync(path.join(dir, `src/${kind}.11ty.js`), 'utf8');
      expect(template).toContain(`data: 'anchor.pages.${kind}', size: 1`);
      expect(template).toContain('file:///opt/bench/anchor-render.js');
    }
    expect(readFileSync(path.join(dir, 'src/_data/anchor.js'), 'utf8')).toContain(`loadAnchorData(${JSON.stringify(corpus)})`);
    expect(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))).toMatchObject({ type: 'module' });
    expect(Object.keys(anchorProjectFiles(corpus, '/opt/bench')).filter((f) => !existsSync(path.join(dir, f)))).toEqual([]);
  });
});
