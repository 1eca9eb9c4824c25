import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flattenLabels } from '../../src/i18n/labels.js';
import { loadDefaults } from '../../src/load/defaults.js';
import { labelDefaults } from '../../src/validate/label-defaults.js';
import { buildSite, makeSite, readPage, REPO, run, text } from '../support/site.js';

/** A project of its own codes only: no templates/, no locales/ unless a test adds them. */
const project = (files: Record<string, string> = {}) => makeSite({ fixture: 'clean', fromProject: [], files });
const toolFile = (file: string) => readFileSync(path.join(REPO, file), 'utf8');
const toolVi = JSON.parse(toolFile('locales/vi.json'));
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

describe('a project without templates or labels', () => {
  it('checks and builds with the tool\'s templates, assets and English labels', async () => {
    const root = project();
    const check = await run('check', '--root', root);
    expect(check.stderr).toBe('0 errors, 0 warnings');
    const built = await buildSite(root);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toBe('');
    const page = readPage(built.dist, 'en/smtp/250/index.html');
    expect(page.querySelector('article.code-page')).not.toBeNull();
    expect(text(page.querySelector('#fix-250'))).toBe('How to fix it');
    expect(text(page.querySelector('.brand'))).toBe('Code Compare');
    for (const asset of ['site.css', 'site.js', 'search.js']) expect(readFileSync(path.join(built.dist, 'assets', asset), 'utf8')).toBe(toolFile(`templates/assets/${asset}`));
  });

  it('uses its own files as they are when the project is the tool\'s own folder', async () => {
    expect((await loadDefaults(REPO)).defaults).toBeUndefined();
    const elsewhere = (await loadDefaults(project())).defaults;
    expect(elsewhere?.templates.map((t) => t.path)).toContain('templates/layout.hbs');
    expect(elsewhere?.locales.map((l) => l.path)).toContain('locales/vi.json');
  });
});

describe('templates and assets replaced one at a time', () => {
  it('a partial of the project replaces only that partial', async () => {
    const root = project({ 'templates/partials/breadcrumbs.hbs': '<nav class="own-crumbs">{{#each meta.crumbs}}<span>{{name}}</span>{{/each}}</nav>\n' });
    const built = await buildSite(root);
    expect(built.code, built.stderr).toBe(0);
    const page = readPage(built.dist, 'en/smtp/250/index.html');
    expect(page.querySelectorAll('nav.own-crumbs span').length).toBe(3);
    expect(page.querySelector('nav.breadcrumbs')).toBeNull();
    expect(page.querySelector('a.skip-link')).not.toBeNull();
    expect(page.querySelector('article.code-page')).not.toBeNull();
  });

  it('a page template of the project replaces only that kind of page', async () => {
    const root = project({ 'templates/pages/code.hbs': '<p class="own-code">{{c.code}}: {{text c.title}}</p>\n' });
    const built = await buildSite(root);
    expect(built.code, built.stderr).toBe(0);
    expect(text(readPage(built.dist, 'en/smtp/250/index.html').querySelector('main .own-code'))).toMatch(/^250: \S/);
    expect(readPage(built.dist, 'en/smtp/250-vs-550/index.html').querySelector('article.pair-page')).not.toBeNull();
  });

  it('an asset of the project replaces only that asset', async () => {
    const root = project({ 'templates/assets/site.css': 'body { color: #123456; }\n' });
    const built = await buildSite(root);
    expect(built.code, built.stderr).toBe(0);
    expect(readFileSync(path.join(built.dist, 'assets/site.css'), 'utf8')).toBe('body { color: #123456; }\n');
    expect(readFileSync(path.join(built.dist, 'assets/site.js'), 'utf8')).toBe(toolFile('templates/assets/site.js'));
  });

  it('reports a fault in a replacing template at the project\'s file', async () => {
    const root = project({ 'templates/partials/breadcrumbs.hbs': '<nav>\n{{#each meta.crumbs}}\n' });
    const check = await run('check', '--root', root);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/^templates\/partials\/breadcrumbs\.hbs:\d+:\d+: error: .*\[template-syntax\]$/m);
  });
});

describe('labels falling back key by key', () => {
  const viProject = () => project({
    'locales/en.json': json({ site: { name: 'Own Codes' } }),
    'locales/vi.json': json({ code: { fix: 'Sửa thế nào (của dự án)' } }),
  });

  it('takes each key from the project, else the tool\'s file of the language, else English', async () => {
    const built = await buildSite(viProject());
    expect(built.code, built.stderr).toBe(0);
    const en = readPage(built.dist, 'en/smtp/250/index.html');
    expect(text(en.querySelector('.brand'))).toBe('Own Codes');
    expect(text(en.querySelector('#when-250'))).toBe('When you see this code');

    const vi = readPage(built.dist, 'vi/smtp/250/index.html');
    expect(text(vi.querySelector('#fix-250'))).toBe('Sửa thế nào (của dự án)');
    expect(text(vi.querySelector('#when-250'))).toBe(toolVi.code.when);
    expect(vi.querySelector('#when-250 [lang="en"]')).toBeNull();
    // The project rewrote the English of site.name, so the tool's Vietnamese of the old English is not used.
    expect(text(vi.querySelector('.brand [lang="en"]'))).toBe('Own Codes');
  });

  it('check and status count the tool\'s labels as present, and ask only for a rewritten key', async () => {
    const root = viProject();
    const check = await run('check', '--root', root);
    expect(check.code).toBe(0);
    const missing = check.stderr.split('\n').filter((l) => l.endsWith('[missing-key]'));
    expect(missing).toEqual([expect.stringMatching(/^locales\/vi\.json:\d+:\d+: warning: `site\.name` is missing/)]);
    const status = JSON.parse((await run('status', '--root', root, '--json')).stdout);
    const vi = status.languages.find((l: { tag: string }) => l.tag === 'vi');
    expect(vi.labels.total - vi.labels.translated).toBe(1);
    expect(vi.missing.filter((m: string) => m.startsWith('label '))).toEqual(['label site.name']);
  });

  it('a broken label of the project falls back to the tool\'s label of its language, and says so', async () => {
    const root = project({ 'locales/vi.json': json({ code: { when: 'Khi {{oops}}' } }) });
    const built = await buildSite(root);
    expect(built.code).toBe(0);
    expect(built.stderr).toMatch(/^locales\/vi\.json:\d+:\d+: warning: `code\.when`: \{\{oops\}\} is not in English; code-compare's own vi label is used instead \[placeholder-mismatch\]$/m);
    expect(text(readPage(built.dist, 'vi/smtp/250/index.html').querySelector('#when-250'))).toBe(toolVi.code.when);
  });

  it('a project without en.json publishes a language from an empty file of it', async () => {
    const built = await buildSite(project({ 'locales/vi.json': '{}\n' }));
    expect(built.code, built.stderr).toBe(0);
    const vi = readPage(built.dist, 'vi/smtp/250/index.html');
    expect(text(vi.querySelector('#fix-250'))).toBe(toolVi.code.fix);
    expect(vi.querySelector('.brand [lang="en"]')).toBeNull();
  });

  it('new-locale writes only the keys the tool\'s labels of the language cannot fill in', async () => {
    const root = project({ 'locales/en.json': json({ site: { name: 'Own Codes' } }) });
    const made = await run('new-locale', '--root', root, 'vi');
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/wrote locales\/vi\.json: 1 labels to translate/);
    expect(flattenLabels(JSON.parse(readFileSync(path.join(root, 'locales/vi.json'), 'utf8')))).toEqual([['site.name', '']]);
  });
});

describe('the tool\'s facet labels', () => {
  it('are left out for a family the project does not have', async () => {
    const { defaults } = await loadDefaults(project());
    const keys = (families: string[]) => [...labelDefaults(defaults!.locales, families, (f) => f)!.english.keys()];
    expect(keys(['api']).filter((k) => k.startsWith('families.'))).toEqual([]);
    expect(keys(['smtp'])).toContain('families.smtp.facets.scope.name');
    expect(keys(['api'])).toContain('code.fix');
  });
});
