import { mkdirSync, readFileSync, renameSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../src/load/history.js';
import { pngSize } from '../../src/model/social-image.js';
import { commitAll, gitInit } from '../support/git.js';
import { BASE, buildSite, makeSite, makeTempDir, readPage, REPO, run, writeProjectFile } from '../support/site.js';
import { snapshot } from '../support/snapshot.js';

const FIRST = '2024-01-02T03:04:05Z';
const SECOND = '2024-02-03T04:05:06Z';
const THIRD = '2024-03-04T05:06:07Z';
const FOURTH = '2024-04-05T06:07:08Z';

/** The structured data objects of a page, by their @type. */
function jsonLd(dist: string, file: string): Record<string, Record<string, unknown>> {
  const scripts = readPage(dist, file).querySelectorAll('script[type="application/ld+json"]');
  return Object.fromEntries(scripts.map((s) => JSON.parse(s.textContent) as Record<string, unknown>).map((o) => [String(o['@type']), o]));
}

/** The page's dateModified, from the TechArticle of a code or comparison page or the CollectionPage of an index. */
function dateModified(dist: string, file: string): unknown {
  const data = jsonLd(dist, file);
  return (data.TechArticle ?? data.CollectionPage)?.dateModified;
}

/** URL → lastmod (undefined where there is none) of every URL of sitemap.xml. */
function lastmods(dist: string): Map<string, string | undefined> {
  const xml = readFileSync(path.join(dist, 'sitemap.xml'), 'utf8');
  return new Map([...xml.matchAll(/<url><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?/g)].map((m) => [m[1]!, m[2]]));
}

const edit = (root: string, file: string, from: string, to: string) => {
  const text = readFileSync(path.join(root, file), 'utf8');
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  writeProjectFile(root, file, text.replace(from, to));
};

/** The mini fixture in a repository: everything committed at FIRST, 235's English at SECOND, its Vietnamese at THIRD. */
function project(inside = ''): { repo: string; root: string } {
  const repo = makeTempDir();
  const root = path.join(repo, inside);
  const site = makeSite({ fixture: 'mini' });
  mkdirSync(path.dirname(root), { recursive: true });
  renameSync(site, root);
  gitInit(repo, FIRST);
  edit(root, 'codes/smtp/235.md', 'title: ', 'title: The ');
  commitAll(repo, SECOND, 'English 235');
  edit(root, 'locales/vi/smtp/235.md', 'title: ', 'title:  ');
  commitAll(repo, THIRD, 'Vietnamese 235');
  return { repo, root };
}

describe('last change dates from git', () => {
  it('dates each page by its latest content file: sitemap lastmod and dateModified agree', async () => {
    const { root } = project();
    const built = await buildSite(root);
    expect(built.code, built.stderr).toBe(0);
    const sitemap = lastmods(built.dist);
    // 235's English changed second: its page, its comparisons and its family's index carry that date.
    expect(sitemap.get(`${BASE}en/smtp/235/`)).toBe(SECOND);
    expect(sitemap.get(`${BASE}en/smtp/235-vs-553/`)).toBe(SECOND);
    expect(sitemap.get(`${BASE}en/smtp/`)).toBe(SECOND);
    // Nothing of the http family changed after the first commit; the home page shows only the families' own files.
    expect(sitemap.get(`${BASE}en/http/404/`)).toBe(FIRST);
    expect(sitemap.get(`${BASE}en/http/`)).toBe(FIRST);
    expect(sitemap.get(`${BASE}en/`)).toBe(FIRST);
    expect([...sitemap.values()].every((date) => date !== undefined)).toBe(true);
    for (const [url, date] of sitemap) {
      const file = `${url.slice(BASE.length)}index.html`;
      if (file !== 'en/index.html') expect(dateModified(built.dist, file), url).toBe(date);
    }
    // The Vietnamese translation of 235 changed last: only the Vietnamese pages that show it say so.
    expect(dateModified(built.dist, 'vi/smtp/235/index.html')).toBe(THIRD);
    expect(dateModified(built.dist, 'vi/smtp/index.html')).toBe(THIRD);
    expect(dateModified(built.dist, 'vi/http/404/index.html')).toBe(FIRST);
  });

  it('finds the history of a project in a folder of a larger repository', async () => {
    const { root } = project('sites/codes');
    const built = await buildSite(root);
    expect(built.code, built.stderr).toBe(0);
    expect(lastmods(built.dist).get(`${BASE}en/smtp/235/`)).toBe(SECOND);
  });

  it('builds the same bytes twice from the same commits', async () => {
    const { root } = project();
    const one = await buildSite(root, '--out', path.join(root, 'one'));
    const two = await buildSite(root, '--out', path.join(root, 'two'));
    expect(one.code + two.code, one.stderr + two.stderr).toBe(0);
    const first = snapshot(path.join(root, 'one'));
    expect(Object.keys(first).length).toBeGreaterThan(20);
    expect(snapshot(path.join(root, 'two'))).toEqual(first);
  });

  it('gives no date to pages of an uncommitted change, and the commit date once it is committed, as a clean build does', async () => {
    const { repo, root } = project();
    edit(root, 'codes/smtp/550.md', 'Check the address', 'Check the spelling of the address');
    const dirty = await buildSite(root);
    expect(dirty.code, dirty.stderr).toBe(0);
    expect(dateModified(dirty.dist, 'en/smtp/550/index.html')).toBeUndefined();
    expect(lastmods(dirty.dist).get(`${BASE}en/smtp/550/`)).toBeUndefined();
    expect(lastmods(dirty.dist).has(`${BASE}en/smtp/550/`)).toBe(true);
    expect(lastmods(dirty.dist).get(`${BASE}en/http/404/`)).toBe(FIRST);

    // Committing changes no file, only the date: an incremental build must still render the pages that show it.
    commitAll(repo, FOURTH, 'English 550');
    const committed = await buildSite(root);
    expect(committed.code, committed.stderr).toBe(0);
    expect(committed.stdout).not.toContain('up to date');
    expect(dateModified(committed.dist, 'en/smtp/550/index.html')).toBe(FOURTH);
    expect(lastmods(committed.dist).get(`${BASE}en/smtp/`)).toBe(FOURTH);
    const clean = await buildSite(root, '--out', path.join(root, 'clean'));
    expect(clean.code, clean.stderr).toBe(0);
    expect(snapshot(committed.dist)).toEqual(snapshot(path.join(root, 'clean')));
  });

  it('builds without git history: no lastmod, no dateModified, no warning', async () => {
    const root = makeSite({ fixture: 'mini' });
    const built = await buildSite(root);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).not.toMatch(/git/i);
    const sitemap = lastmods(built.dist);
    expect(sitemap.size).toBeGreaterThan(5);
    expect(readFileSync(path.join(built.dist, 'sitemap.xml'), 'utf8')).not.toContain('<lastmod>');
    expect(dateModified(built.dist, 'en/smtp/550/index.html')).toBeUndefined();
    expect(jsonLd(built.dist, 'en/smtp/550/index.html').TechArticle).toBeDefined();
  });

  it('reads the log: the latest change of each path, none for a path deleted last', () => {
    const log = ['\u00011700000300', '\nM', 'codes/a/1.md', 'D', 'codes/a/2.md', '', '\u00011700000100', '\nA', 'codes/a/1.md', 'A', 'codes/a/2.md', 'A', 'locales/vi/a/1.md', ''].join('\0');
    expect(Object.fromEntries(parseLog(log))).toEqual({ 'codes/a/1.md': '2023-11-14T22:18:20Z', 'locales/vi/a/1.md': '2023-11-14T22:15:00Z' });
    expect(parseLog('').size).toBe(0);
  });
});

describe('the publisher in structured data', () => {
  it('names codeCompare.publisher on articles and indexes', async () => {
    const root = makeSite({ fixture: 'mini', files: { 'package.json': JSON.stringify({ codeCompare: { publisher: { name: 'Example Ltd', url: 'https://example.com/' } } }) } });
    const built = await buildSite(root);
    expect(built.code, built.stderr).toBe(0);
    const publisher = { '@type': 'Organization', name: 'Example Ltd', url: 'https://example.com/' };
    expect(jsonLd(built.dist, 'en/smtp/550/index.html').TechArticle?.publisher).toEqual(publisher);
    expect(jsonLd(built.dist, 'vi/smtp/235-vs-553/index.html').TechArticle?.publisher).toEqual(publisher);
    expect(jsonLd(built.dist, 'en/smtp/index.html').CollectionPage?.publisher).toEqual(publisher);
    expect(jsonLd(built.dist, 'en/index.html').CollectionPage?.publisher).toEqual(publisher);
  });

  it('names none without the setting', async () => {
    const built = await buildSite(makeSite({ fixture: 'mini' }));
    expect(jsonLd(built.dist, 'en/smtp/550/index.html').TechArticle).not.toHaveProperty('publisher');
  });

  it.each([
    ['a text', '"Example Ltd"', 3, 38],
    ['no name', '{ "url": "https://example.com/" }', 3, 38],
    ['an empty name', '{ "name": " ", "url": "https://example.com/" }', 3, 53],
    ['a relative url', '{ "name": "Example", "url": "/about" }', 3, 72],
  ])('refuses %s at its position', async (_what, value, line, column) => {
    const root = makeSite({ fixture: 'mini', files: { 'package.json': `{\n  "codeCompare": {\n    "baseUrl": "https://x.example/", "publisher": ${value}\n  }\n}\n` } });
    const result = await run('check', '--root', root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`package.json:${line}:${column}: error: \`codeCompare.publisher\``);
    expect(result.stderr).toContain('[invalid-setting]');
  });
});

describe('the social image', () => {
  const toolImage = path.join(REPO, 'templates/assets/social.png');

  it('ships a 1200×630 PNG', () => {
    expect(pngSize(readFileSync(toolImage).toString('base64'))).toEqual({ width: 1200, height: 630 });
  });

  it('is named on every page by an absolute URL, with its size and an alt text in the page language', async () => {
    const built = await buildSite(makeSite({ fixture: 'mini' }));
    expect(built.code, built.stderr).toBe(0);
    expect(readFileSync(path.join(built.dist, 'assets/social.png')).equals(readFileSync(toolImage))).toBe(true);
    const en = JSON.parse(readFileSync(path.join(REPO, 'locales/en.json'), 'utf8')).site.socialImageAlt as string;
    // The fixture's vi.json lacks the key: the tool's Vietnamese label answers.
    const vi = JSON.parse(readFileSync(path.join(REPO, 'locales/vi.json'), 'utf8')).site.socialImageAlt as string;
    const pages = ['index.html', '404.html', 'en/index.html', 'en/smtp/index.html', 'en/smtp/550/index.html', 'vi/smtp/235-vs-553/index.html'];
    for (const file of pages) {
      const page = readPage(built.dist, file);
      const meta = (selector: string) => page.querySelector(selector)?.getAttribute('content');
      expect(meta('meta[property="og:image"]'), file).toMatch(new RegExp(`^${BASE}assets/social\\.png\\?v=[0-9a-f]{10}$`));
      expect(meta('meta[name="twitter:image"]'), file).toBe(meta('meta[property="og:image"]'));
      expect(meta('meta[property="og:image:width"]'), file).toBe('1200');
      expect(meta('meta[property="og:image:height"]'), file).toBe('630');
      expect(meta('meta[name="twitter:card"]'), file).toBe('summary_large_image');
      const alt = file.startsWith('vi/') ? vi : en;
      expect(meta('meta[property="og:image:alt"]'), file).toBe(alt);
      expect(meta('meta[name="twitter:image:alt"]'), file).toBe(alt);
    }
    expect(vi).not.toBe(en);
  });

  it('is replaced by the project, for all languages or one', async () => {
    const png = (width: number, height: number) => {
      const bytes = Buffer.alloc(33);
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(bytes);
      bytes.write('IHDR', 12, 'latin1');
      bytes.writeUInt32BE(width, 16);
      bytes.writeUInt32BE(height, 20);
      return bytes;
    };
    const root = makeSite({ fixture: 'mini', fromProject: ['locales/en.json'], files: { 'templates/assets/social.png': png(600, 315), 'templates/assets/social.vi.png': png(800, 418) } });
    const built = await buildSite(root);
    expect(built.code, built.stderr).toBe(0);
    const size = (file: string) => ['width', 'height'].map((d) => readPage(built.dist, file).querySelector(`meta[property="og:image:${d}"]`)?.getAttribute('content'));
    expect(size('en/smtp/550/index.html')).toEqual(['600', '315']);
    expect(size('vi/smtp/550/index.html')).toEqual(['800', '418']);
    expect(readPage(built.dist, 'vi/smtp/550/index.html').querySelector('meta[property="og:image"]')?.getAttribute('content')).toContain(`${BASE}assets/social.vi.png?v=`);
    expect(readFileSync(path.join(built.dist, 'assets/social.vi.png')).equals(png(800, 418))).toBe(true);
    expect(readdirSync(path.join(built.dist, 'assets')).sort()).toEqual(['favicon.svg', 'search.js', 'site.css', 'site.js', 'social.png', 'social.vi.png']);
  });

  it('must be a PNG', async () => {
    const root = makeSite({ fixture: 'mini', fromProject: ['locales/en.json'], files: { 'templates/assets/social.png': '<svg xmlns="http://www.w3.org/2000/svg"/>' } });
    const result = await buildSite(root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^templates\/assets\/social\.png:1:1: error: social\.png is the image shown when a page is shared, and must be a PNG file .*\[invalid-asset\]$/m);
  });
});
