import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { brokenLinks, htmlFiles, listFiles } from '../support/dist.js';
import { snapshot } from '../support/snapshot.js';
import { BASE, buildSite, makeSite, readPage } from '../support/site.js';

/** Two families (smtp, http), three languages, every page indexable so that every page has hreflang alternates. */
function project(): string {
  return makeSite({
    fixture: 'mini',
    fromProject: ['templates', 'locales/en.json', 'locales/es.json'],
    files: { 'package.json': JSON.stringify({ codeCompare: { untranslated: 'index' } }) },
  });
}

/** Output file a URL of the site names: `BASE/vi/smtp/235/` → `vi/smtp/235/index.html`. */
function fileOf(url: string): string {
  expect(url.startsWith(BASE), url).toBe(true);
  const rest = url.slice(BASE.length);
  return rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
}

/** Every hreflang alternate and x-default of the pages and the sitemap, as output files. */
function alternateTargets(dist: string): { targets: string[]; xDefaults: number } {
  const targets: string[] = [];
  let xDefaults = 0;
  for (const file of htmlFiles(dist)) {
    for (const link of readPage(dist, file).querySelectorAll('link[rel="alternate"][hreflang]')) {
      if (link.getAttribute('hreflang') === 'x-default') xDefaults++;
      targets.push(fileOf(link.getAttribute('href')!));
    }
  }
  const sitemap = readFileSync(path.join(dist, 'sitemap.xml'), 'utf8');
  for (const match of sitemap.matchAll(/(?:<loc>|href=")([^<"]+)/g)) targets.push(fileOf(match[1]!));
  return { targets, xDefaults };
}

const lines = (stdout: string) => stdout.split('\n');

describe('a subset build beside a full one', () => {
  let root: string;
  let full: Record<string, string>;
  let announced: string;
  let preview: string;

  beforeAll(async () => {
    root = project();
    const first = await buildSite(root);
    expect(first.code, first.stderr).toBe(0);
    full = snapshot(first.dist);
    const subset = await buildSite(root, '--lang', 'vi');
    expect(subset.code, subset.stderr).toBe(0);
    announced = lines(subset.stdout)[0]!;
    preview = path.join(root, 'dist-preview/vi');
  });

  it('leaves dist/ byte for byte as the full build wrote it', () => {
    expect(snapshot(path.join(root, 'dist'))).toEqual(full);
  });

  it('writes into dist-preview/<lang> and says so first on stdout', () => {
    expect(announced).toContain(`into ${path.relative(process.cwd(), preview)}`);
    expect(announced).toMatch(/^building only language vi into .* \(a subset never replaces dist\/; --out chooses another folder\)$/);
    expect(listFiles(preview)).toContain('vi/smtp/235/index.html');
    expect(listFiles(preview)).toContain('vi/http/404-vs-410/index.html');
    expect(existsSync(path.join(preview, 'en'))).toBe(false);
    expect(existsSync(path.join(preview, 'es'))).toBe(false);
  });

  it('names in hreflang, x-default and the sitemap only pages of its own output', () => {
    const { targets, xDefaults } = alternateTargets(preview);
    expect(xDefaults).toBeGreaterThan(0);
    expect(targets.filter((file) => !existsSync(path.join(preview, file)))).toEqual([]);
    expect(readPage(preview, 'vi/smtp/235/index.html').querySelector('link[hreflang="x-default"]')!.getAttribute('href')).toBe(`${BASE}vi/smtp/235/`);
    for (const file of htmlFiles(preview)) expect(brokenLinks(preview, file, '/docs/'), file).toEqual([]);
  });

  it('the full build names every language, so the check above is not empty by construction', () => {
    const dist = path.join(root, 'dist');
    const hreflangs = readPage(dist, 'vi/smtp/235/index.html').querySelectorAll('link[rel="alternate"]').map((l) => l.getAttribute('hreflang'));
    expect(hreflangs).toEqual(['en', 'es', 'vi', 'x-default']);
  });
});

describe('subset builds', () => {
  it('put a family subset in its own folder, with links and alternates inside it', async () => {
    const root = project();
    const result = await buildSite(root, '--family', 'smtp', '--lang', 'en,es');
    expect(result.code, result.stderr).toBe(0);
    const out = path.join(root, 'dist-preview/en+es--smtp');
    expect(lines(result.stdout)[0]).toMatch(/^building only languages en, es; family smtp into /);
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
    expect(listFiles(out)).toContain('es/smtp/235-vs-550/index.html');
    expect(listFiles(out).filter((f) => f.includes('/http/'))).toEqual([]);
    const { targets } = alternateTargets(out);
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((file) => !existsSync(path.join(out, file)))).toEqual([]);
    for (const file of htmlFiles(out)) expect(brokenLinks(out, file, '/docs/'), file).toEqual([]);
    const again = await buildSite(root, '--lang', 'es,en', '--family', 'smtp');
    expect(again.stdout).toContain('up to date');
  });

  it('refuse to replace a full output named with --out, exit 1, and leave it as it was', async () => {
    const root = project();
    const first = await buildSite(root);
    const before = snapshot(first.dist);
    const result = await buildSite(root, '--lang', 'vi', '--out', 'dist');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^dist:1:1: error: refusing to replace dist, the output of a full build, with a build of only language vi; leave out --out to build into dist-preview\/vi, or pass --out with another folder \[partial-over-full\]$/m);
    expect(snapshot(first.dist)).toEqual(before);
  });

  it('may replace an earlier subset, and a full build may replace a subset', async () => {
    const root = project();
    const out = path.join(root, 'preview');
    expect((await buildSite(root, '--lang', 'vi', '--out', 'preview')).code).toBe(0);
    const other = await buildSite(root, '--lang', 'es', '--out', 'preview');
    expect(other.code, other.stderr).toBe(0);
    expect(existsSync(path.join(out, 'es/smtp/235/index.html'))).toBe(true);
    expect(existsSync(path.join(out, 'vi'))).toBe(false);
    const whole = await buildSite(root, '--out', 'preview');
    expect(whole.code, whole.stderr).toBe(0);
    expect(existsSync(path.join(out, 'en/smtp/235/index.html'))).toBe(true);
    // Now full: a subset may no longer replace it.
    expect((await buildSite(root, '--lang', 'vi', '--out', 'preview')).stderr).toContain('[partial-over-full]');
  });

  it('mark a full output as full again when a full build finds nothing to change', async () => {
    // Only English and one family: a subset of English is the whole project, with the same pages.
    const root = makeSite({ fixture: 'clean' });
    expect((await buildSite(root, '--lang', 'en', '--out', 'out')).code).toBe(0);
    const whole = await buildSite(root, '--out', 'out');
    expect(whole.stdout).toContain('up to date');
    expect(JSON.parse(readFileSync(path.join(root, 'out/.code-compare.json'), 'utf8')).subset).toBeUndefined();
    expect((await buildSite(root, '--lang', 'en', '--out', 'out')).stderr).toContain('[partial-over-full]');
  });

  it('record no subset in the manifest of a full build', async () => {
    const root = project();
    const result = await buildSite(root);
    const manifest = JSON.parse(readFileSync(path.join(result.dist, '.code-compare.json'), 'utf8'));
    expect(Object.keys(manifest)).toEqual(expect.arrayContaining(['build', 'files', 'inputs', 'tool', 'version']));
    expect(manifest).not.toHaveProperty('subset');
  });
});
