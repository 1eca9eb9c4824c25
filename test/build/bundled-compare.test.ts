import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { featuredPairs } from '../../src/model/featured.js';
import { isIndexable } from '../../src/model/indexing.js';
import { validateProject } from '../../src/project.js';
import { BUNDLED_BASE } from '../support/bundled-setup.js';
import { repeatedSentences } from '../support/compare-site.js';
import { crawl, inboundLinks } from '../support/crawl.js';
import { htmlFiles } from '../support/dist.js';
import { REPO, text } from '../support/site.js';

const dist = inject('bundledDist');
const pages = htmlFiles(dist);
const isPair = (file: string) => /\/[^/]+-vs-[^/]+\/index\.html$/.test(file);
const read = (file: string) => parse(readFileSync(path.join(dist, file), 'utf8'));
const mainText = (file: string) => read(file).querySelector('main')!.querySelectorAll('p, li, td, th, h1, h2, h3, h4').map(text).join('\n');

const project = await validateProject({ root: REPO, baseUrl: BUNDLED_BASE });
const featured = new Set(project.site!.families.flatMap((f) => featuredPairs(f).map((p) => `${f.id}/${p.a}-vs-${p.b}`)));
const pairId = (file: string) => file.split('/').slice(1, 3).join('/');

describe('the bundled comparison pages', () => {
  it('never say a sentence of eight words or more twice: every written or featured pair page in en and vi, every 29th of the others', () => {
    const sample = pages.filter((f, i) => isPair(f) && (((f.startsWith('en/') || f.startsWith('vi/')) && featured.has(pairId(f))) || i % 29 === 0));
    const repeats = sample.flatMap((file) => repeatedSentences(mainText(file)).map((s) => `${file}: ${s}`));
    expect(repeats.slice(0, 10)).toEqual([]);
  });

  it('list the featured pairs translated into each language in the sitemap; every other pair page is noindex', () => {
    const sitemap = readFileSync(path.join(dist, 'sitemap.xml'), 'utf8');
    const listed = new Set([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.slice(BUNDLED_BASE.length)).filter((u) => u.includes('-vs-')));
    const site = project.site!;
    const indexable = (lang: string, id: string) => {
      const [family, pair] = id.split('/') as [string, string];
      const [a, b] = pair.split('-vs-') as [string, string];
      return isIndexable(site, { kind: 'pair', lang, family, a, b });
    };
    const expected = site.languages.flatMap((l) => [...featured].filter((id) => indexable(l.tag, id)).map((id) => `${l.tag.toLowerCase()}/${id}/`));
    expect(listed).toEqual(new Set(expected));
    // English has every featured pair; Vietnamese those of the two families its content covers.
    expect([...featured].filter((id) => !listed.has(`en/${id}/`))).toEqual([]);
    const vi = [...featured].filter((id) => listed.has(`vi/${id}/`));
    expect(vi.filter((id) => id.startsWith('smtp/')).length + vi.filter((id) => id.startsWith('http/')).length).toBe([...featured].filter((id) => /^(smtp|http)\//.test(id)).length);
    expect(vi.filter((id) => id.startsWith('smtp-enhanced/'))).toEqual([]);
    for (const file of pages.filter((f, i) => isPair(f) && i % 23 === 0)) {
      const robots = read(file).querySelector('meta[name="robots"]')?.getAttribute('content');
      expect(robots, file).toBe(listed.has(file.replace(/index\.html$/, '')) ? undefined : 'noindex, follow');
      if (!featured.has(pairId(file))) expect(robots, file).toBe('noindex, follow');
    }
  });

  it('link every featured pair page from at least two pages of its language, and reach every English page from the English home', () => {
    for (const lang of ['en']) {
      const ofLanguage = pages.filter((f) => f.startsWith(`${lang}/`));
      const inbound = inboundLinks(dist, ofLanguage);
      const weak = ofLanguage.filter((f) => isPair(f) && featured.has(pairId(f)) && (inbound.get(f)?.size ?? 0) < 2);
      expect(weak).toEqual([]);
      // By links between pages of the language only: the language menu does not count as a way in.
      const reached = crawl(dist, `${lang}/index.html`, `${lang}/`);
      expect(reached.size).toBe(ofLanguage.length);
    }
  }, 300_000);

  it('say the differences of 421 vs 450 in Japanese, with nothing marked as English', () => {
    const doc = read('ja/smtp/421-vs-450/index.html');
    const differences = doc.querySelector('ul.differences')!;
    expect(differences.querySelectorAll('li').length).toBeGreaterThan(1);
    expect(differences.querySelector('[lang="en"]')).toBeNull();
    expect(text(differences)).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/u);
  });
});
