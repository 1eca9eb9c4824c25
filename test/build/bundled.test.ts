import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { BUNDLED_BASE } from '../support/bundled-setup.js';
import { REPO } from '../support/site.js';
import { brokenLinks, htmlFiles } from '../support/dist.js';
import { bundledSample, validatePages } from '../support/validate-pages.js';

const dist = inject('bundledDist');
const pages = htmlFiles(dist);
const sample = bundledSample(pages, REPO);

describe('the bundled site', () => {
  it('has every code and pair of its three families in all ten languages', () => {
    const families = { smtp: 44, http: 64, 'smtp-enhanced': 81 };
    const perLanguage = 1 + Object.values(families).reduce((sum, codes) => sum + 1 + codes + (codes * (codes - 1)) / 2, 0);
    expect(pages).toHaveLength(2 + 10 * perLanguage);
    for (const family of Object.keys(families)) expect(pages.filter((p) => p.startsWith(`ar/${family}/`) && !p.includes('-vs-'))).toHaveLength(families[family as keyof typeof families] + 1);
    expect(pages).toContain('vi/smtp/235-vs-553/index.html');
    expect(pages).toContain('pt-br/http/301-vs-302/index.html');
    expect(pages).toContain('ja/smtp-enhanced/X.1.2-vs-X.1.10/index.html');
  });

  it('passes html-validate:recommended on the first half of a sample of its pages (npm run validate-site: all)', async () => {
    // Every kind of page in every language: home, family index, code page, comparison.
    const kinds = new Set(sample.map((file) => {
      const [lang, family, page] = file.split('/');
      return `${lang} ${page === undefined ? (family === 'index.html' ? 'home' : 'top') : page === 'index.html' ? 'family' : page.includes('-vs-') ? 'pair' : 'code'}`;
    }));
    const languages = [...new Set(pages.map((file) => file.split('/')[0]!).filter((dir) => !dir.endsWith('.html')))];
    expect(languages).toHaveLength(10);
    for (const lang of languages) for (const kind of ['home', 'family', 'code', 'pair']) expect(kinds, `${lang} ${kind}`).toContain(`${lang} ${kind}`);
    expect(sample.length).toBeGreaterThan(800);
    expect(await validatePages(dist, sample.filter((_, i) => i % 2 === 0))).toEqual([]);
  }, 600_000);

  it('has no internal link that leads nowhere, on the sample', () => {
    const broken = sample.flatMap((file) => brokenLinks(dist, file, new URL(BUNDLED_BASE).pathname).map((link) => `${file} → ${link}`));
    expect(broken.slice(0, 20)).toEqual([]);
  }, 300_000);

  it('links each SMTP reply code to its enhanced status codes and back, in all ten languages', () => {
    const languages = [...new Set(pages.map((p) => p.split('/')[0]!).filter((dir) => !dir.endsWith('.html')))];
    expect(languages).toHaveLength(10);
    for (const lang of languages) {
      const reply = parse(readFileSync(path.join(dist, `${lang}/smtp/550/index.html`), 'utf8'));
      const links = reply.querySelectorAll('section[aria-labelledby="enhanced"] a').map((a) => a.getAttribute('href')!);
      expect(links, lang).toContain('../../smtp-enhanced/X.1.1/');
      for (const href of links) expect(pages, `${lang} 550 → ${href}`).toContain(path.posix.join(lang, 'smtp/550', href, 'index.html'));
      const status = parse(readFileSync(path.join(dist, `${lang}/smtp-enhanced/X.1.1/index.html`), 'utf8'));
      const back = status.querySelectorAll('section[aria-labelledby="linked-from-0"] a').map((a) => a.getAttribute('href'));
      expect(back, lang).toEqual(expect.arrayContaining(['../../smtp/451/', '../../smtp/550/']));
    }
  });

  it('shows Vietnamese content on the seed page: only transcripts are marked as English', () => {
    const doc = parse(readFileSync(path.join(dist, 'vi/smtp/235-vs-553/index.html'), 'utf8'));
    const english = doc.querySelectorAll('main [lang="en"]');
    expect(english.length).toBeGreaterThan(0);
    expect(english.map((e) => e.tagName)).toEqual(english.map(() => 'PRE'));
    const text = doc.querySelector('main')!.textContent;
    expect(text).not.toMatch(/\b(when|khi) \1\b/i);
    expect(text).not.toContain('[email');
  });
});
