import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flattenLabels } from '../../src/i18n/labels.js';
import { makeTempDir, readPage, REPO, run, text } from '../support/site.js';

const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

describe('code-compare init', () => {
  it('writes a project that checks and builds at once, with no warnings', async () => {
    const root = path.join(makeTempDir(), 'api-codes');
    const made = await run('init', root);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toBe('');
    for (const file of ['package.json', '.gitignore', 'README.md', 'locales/en.json', 'codes/api/_family.md', 'codes/api/401.md', 'codes/api/pairs/401-vs-403.md']) {
      expect(existsSync(path.join(root, file)), file).toBe(true);
    }
    const pkg = json(path.join(root, 'package.json'));
    expect(pkg.name).toBe('api-codes');
    expect(pkg.codeCompare).toEqual({ baseUrl: 'https://codes.example.com/', untranslated: 'noindex' });

    const check = await run('check', '--root', root);
    expect(check.stderr).toBe('0 errors, 0 warnings');
    expect(check.code).toBe(0);
    // No --base-url: the build takes codeCompare.baseUrl from the new package.json.
    const build = await run('build', '--root', root, '--jobs', '1');
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(/^built 14 pages in 1 language .*, 0 warnings, missing translations: 0 labels, 0 content fields/);

    const pair = readPage(path.join(root, 'dist'), 'en/api/401-vs-403/index.html');
    expect(pair.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://codes.example.com/en/api/401-vs-403/');
    expect(text(pair.querySelector('h1'))).toBe('HTTP 401 vs 403');
    expect(text(pair.querySelector('.brand'))).toBe('Example API codes');
    // A facet row comes from the project's facet labels; the row headers around it from the tool's.
    expect(text(pair.querySelector('main'))).toContain('Caller identified');
    expect(text(pair.querySelector('main'))).toContain('When to use which');
    expect(pair.querySelector('meta[name="robots"]')).toBeNull();
  });

  it('writes English labels only where they differ from the tool\'s', async () => {
    const root = path.join(makeTempDir(), 'codes');
    expect((await run('init', root)).code).toBe(0);
    const tools = new Map(flattenLabels(json(path.join(REPO, 'locales/en.json'))));
    const own = flattenLabels(json(path.join(root, 'locales/en.json')));
    expect(own.length).toBeGreaterThan(0);
    expect(own.filter(([key, value]) => tools.get(key) === value)).toEqual([]);
    expect(own.some(([key]) => key.startsWith('families.api.facets.'))).toBe(true);
  });

  it('documents every setting it writes in the new README', async () => {
    const root = path.join(makeTempDir(), 'codes');
    expect((await run('init', root)).code).toBe(0);
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const setting of Object.keys(json(path.join(root, 'package.json')).codeCompare)) expect(readme).toMatch(new RegExp(`^\\| \`${setting}\` \\|`, 'm'));
  });

  it('takes --base-url into the settings', async () => {
    const root = path.join(makeTempDir(), 'codes');
    expect((await run('init', root, '--base-url', 'https://docs.example.org/errors')).code).toBe(0);
    expect(json(path.join(root, 'package.json')).codeCompare.baseUrl).toBe('https://docs.example.org/errors/');
    const bad = await run('init', path.join(makeTempDir(), 'other'), '--base-url', 'docs.example.org');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--base-url must be an absolute URL/);
  });

  it('refuses a folder that is not empty, writing nothing', async () => {
    const root = makeTempDir();
    writeFileSync(path.join(root, 'notes.txt'), 'mine\n');
    const result = await run('init', root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: .* is not empty \(it holds notes\.txt\); init writes a new project only into an empty folder/);
    expect(readdirSync(root)).toEqual(['notes.txt']);
  });

  it('refuses a file, and a project that already has settings', async () => {
    const file = path.join(makeTempDir(), 'file');
    writeFileSync(file, '');
    const onFile = await run('init', file);
    expect(onFile.code).toBe(1);
    expect(onFile.stderr).toMatch(/is not a folder/);

    const root = makeTempDir();
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ codeCompare: { baseUrl: 'https://x.example/' } }));
    const again = await run('init', root);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already has "codeCompare" settings/);
    expect(readdirSync(root)).toEqual(['package.json']);
  });

  it('writes beside what npm install leaves, keeping the package.json it wrote', async () => {
    const root = makeTempDir();
    mkdirSync(path.join(root, 'node_modules'));
    writeFileSync(path.join(root, 'package-lock.json'), '{}\n');
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ dependencies: { 'code-compare': 'file:../code-compare-0.1.0.tgz' }, scripts: { build: 'make site' } }));
    const result = await run('init', root);
    expect(result.code, result.stderr).toBe(0);
    const pkg = json(path.join(root, 'package.json'));
    expect(pkg.dependencies).toEqual({ 'code-compare': 'file:../code-compare-0.1.0.tgz' });
    expect(pkg.scripts).toEqual({ check: 'code-compare check', build: 'make site', serve: 'code-compare serve' });
    expect(pkg.codeCompare.baseUrl).toBe('https://codes.example.com/');
    expect(existsSync(path.join(root, 'codes/api/_family.md'))).toBe(true);
  });
});

describe('code-compare --version', () => {
  it('prints the version of the package and exits 0', async () => {
    const result = await run('--version');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(json(path.join(REPO, 'package.json')).version);
  });
});
