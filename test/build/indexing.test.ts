import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASE, buildSite, makeSite, readPage, text } from '../support/site.js';

let dist: string;

beforeAll(async () => {
  const result = await buildSite(makeSite({ fixture: 'mini' }));
  expect(result.code, result.stderr).toBe(0);
  dist = result.dist;
});

const robots = (file: string) => readPage(dist, file).querySelector('meta[name="robots"]')?.getAttribute('content');
const alternates = (file: string) => readPage(dist, file).querySelectorAll('link[rel="alternate"][hreflang]').map((l) => `${l.getAttribute('hreflang')} ${l.getAttribute('href')!.slice(BASE.length)}`);

describe('pages whose content is not translated', () => {
  it('are built but not indexed, and no other version names them', () => {
    // The fixture translates 235 and the family into Vietnamese, 553 in part, and 550 not at all.
    expect(robots('vi/smtp/550/index.html')).toBe('noindex, follow');
    expect(alternates('vi/smtp/550/index.html')).toEqual([]);
    expect(alternates('en/smtp/550/index.html')).toEqual(['en en/smtp/550/', 'x-default en/smtp/550/']);
    expect(robots('vi/smtp/553/index.html')).toBe('noindex, follow');
    expect(robots('vi/smtp/235/index.html')).toBeUndefined();
    expect(alternates('vi/smtp/235/index.html')).toEqual(['en en/smtp/235/', 'vi vi/smtp/235/', 'x-default en/smtp/235/']);
    expect(alternates('en/smtp/235/index.html')).toEqual(alternates('vi/smtp/235/index.html'));
  });

  it('are left out of the sitemap, whose alternates list only indexable versions', () => {
    const sitemap = readFileSync(path.join(dist, 'sitemap.xml'), 'utf8');
    expect(sitemap).not.toContain(`<loc>${BASE}vi/smtp/550/</loc>`);
    expect(sitemap).toContain(`<loc>${BASE}vi/smtp/235/</loc>`);
    const entry550 = /<url><loc>[^<]*en\/smtp\/550\/<\/loc>(.*?)<\/url>/.exec(sitemap)![1]!;
    expect(entry550).not.toContain('hreflang="vi"');
  });

  it('keep titles, descriptions and headings in one language instead of splicing in English', () => {
    const doc = readPage(dist, 'vi/smtp/550/index.html');
    const english = readPage(dist, 'en/smtp/550/index.html');
    const englishTitle = text(english.querySelector('h1')).split(': ')[1]!;
    expect(text(doc.querySelector('title'))).not.toContain(englishTitle);
    expect(text(doc.querySelector('h1'))).not.toContain(englishTitle);
    expect(doc.querySelector('meta[name="description"]')!.getAttribute('content')).not.toBe(english.querySelector('meta[name="description"]')!.getAttribute('content'));
    const pair = readPage(dist, 'vi/smtp/550-vs-553/index.html');
    expect(text(pair.querySelector('title'))).not.toContain(englishTitle);
    expect(JSON.parse(pair.querySelectorAll('script[type="application/ld+json"]').at(-1)!.textContent).headline).toBe(text(pair.querySelector('title')));
  });

  it('are indexed when the project says so in package.json', async () => {
    const root = makeSite({ fixture: 'mini', files: { 'package.json': JSON.stringify({ codeCompare: { untranslated: 'index' } }) } });
    const result = await buildSite(root);
    expect(result.code, result.stderr).toBe(0);
    expect(readPage(result.dist, 'vi/smtp/550/index.html').querySelector('meta[name="robots"]')).toBeNull();
  });

  it('refuses an unknown setting with its position in package.json', async () => {
    const settings = '{\n  "codeCompare": { "untranslated": "hide" }\n}\n';
    const result = await buildSite(makeSite({ fixture: 'mini', files: { 'package.json': settings } }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`package.json:2:${settings.split('\n')[1]!.indexOf('"untranslated"') + 1}: error: \`codeCompare.untranslated\` must be "noindex"`);
  });

  it('are counted per language in the build summary', async () => {
    const result = await buildSite(makeSite({ fixture: 'mini' }));
    expect(result.stdout).toMatch(/indexable pages: en \d+, vi \d+,/);
  });
});
