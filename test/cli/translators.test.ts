import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, makeSite, readPage, REPO, run, text } from '../support/site.js';
import { listFiles } from '../support/dist.js';

describe('code-compare status', () => {
  it('reports label and content coverage, stale and missing per language', async () => {
    // mini: vi.json has 7 of en's labels; vi/smtp has 235 (title, description of 6 fields … see fixture) and a stale 553.
    const root = makeSite({ fixture: 'mini' });
    const result = await run('status', '--root', root, '--json');
    expect(result.code).toBe(0);
    const { languages } = JSON.parse(result.stdout) as { languages: Array<{ tag: string; labels: { translated: number; total: number }; content: { translated: number; total: number }; stale: number; identical: number; missing: string[] }> };
    expect(languages.map((l) => l.tag)).toEqual(['en', 'vi']);
    const [en, vi] = languages;
    expect(en!.labels.translated).toBe(en!.labels.total);
    expect(en!.content.translated).toBe(en!.content.total);
    // The fixture's vi.json has 7 labels; code-compare's own Vietnamese labels supply the others.
    expect(vi!.labels.translated).toBe(vi!.labels.total);
    expect(vi!.labels.total).toBe(en!.labels.total);
    // English content fields: 2 families × (title + body) + smtp codes 235 (5: title…fix, body), 550 (5 + fix_admin), 553 (4) + http 404, 410 (4 each).
    expect(vi!.content.total).toBe(4 + 5 + 5 + 4 + 4 + 4);
    expect(vi!.content.translated).toBe(6); // 235 title, description, when, fix and body; 553 title (stale, still counted)
    expect(vi!.stale).toBe(2); // 553 and _family
    expect(vi!.missing).toContain('content smtp/550#fix_admin');
    expect(vi!.missing.filter((m) => m.startsWith('label '))).toEqual([]);
  });

  it('prints a table with one row per language', async () => {
    const result = await run('status', '--root', makeSite({ fixture: 'mini' }));
    const rows = result.stdout.split('\n');
    expect(rows[0]).toMatch(/^language\s+labels\s+%\s+content\s+%\s+stale labels\s+stale content\s+identical\s+missing\s+indexable$/);
    expect(rows.find((r) => r.startsWith('vi '))).toMatch(/^vi\s+\d+\/\d+\s+[\d.]+%\s+\d+\/\d+\s+[\d.]+%\s+0\s+2\s+\d+\s+\d+\s+(\d+\/\d+|–)$/);
  });

  it('shows every bundled language at 100% of labels', async () => {
    const result = await run('status', '--root', REPO, '--json');
    const { languages } = JSON.parse(result.stdout) as { languages: Array<{ tag: string; labels: { translated: number; total: number } }> };
    expect(languages.map((l) => l.tag)).toEqual(['en', 'ar', 'de', 'es', 'fr', 'ja', 'pt-BR', 'ru', 'vi', 'zh-CN']);
    for (const language of languages) expect(language.labels, language.tag).toEqual({ translated: language.labels.total, total: language.labels.total });
  });
});

describe('code-compare new-locale', () => {
  it('scaffolds every key with the language plural forms, at 0%, and the new language builds with English marked', async () => {
    const root = makeSite({ fixture: 'clean' });
    const made = await run('new-locale', '--root', root, 'uk');
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('locales/uk.json');
    const labels = JSON.parse(readFileSync(path.join(root, 'locales/uk.json'), 'utf8'));
    expect(Object.keys(labels.home)).toEqual(expect.arrayContaining(['codeCount_one', 'codeCount_few', 'codeCount_many', 'codeCount_other']));
    expect(labels.home.codeCount_two).toBeUndefined();
    const status = JSON.parse((await run('status', '--root', root, '--json', '--lang', 'uk')).stdout);
    expect(status.languages[0].labels.translated).toBe(0);

    const built = await buildSite(root);
    expect(built.code, built.stderr).toBe(0);
    expect(listFiles(built.dist)).toContain('uk/smtp/250-vs-550/index.html');
    const page = readPage(built.dist, 'uk/smtp/250/index.html');
    expect(page.querySelector('html')!.getAttribute('lang')).toBe('uk');
    expect(text(page.querySelector('h1 [lang="en"]'))).toContain('SMTP 250');
    expect(text(page.querySelector('nav.languages a[lang="uk"]'))).toBe('Українська');
  });

  it.each([
    ['pt-br', /canonical form: pt-BR/],
    ['en_US', /not a valid BCP 47/],
    ['', /not a valid BCP 47/],
  ])('refuses the tag %j with exit 2', async (tag, message) => {
    const result = await run('new-locale', '--root', makeSite({ fixture: 'clean' }), tag);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('does not overwrite an existing locale', async () => {
    const root = makeSite({ fixture: 'clean' });
    const result = await run('new-locale', '--root', root, 'en');
    expect(result.code).toBe(1);
    expect(JSON.parse(readFileSync(path.join(root, 'locales/en.json'), 'utf8')).site.name).toBe('Code Compare');
  });
});

describe('broken labels in a build', () => {
  const withVi = () => makeSite({ fixture: 'clean', fromProject: ['templates', 'locales/en.json', 'locales/vi.json'] });
  const broken = (root: string) => {
    const vi = JSON.parse(readFileSync(path.join(REPO, 'locales/vi.json'), 'utf8'));
    vi.code.description = 'Mô tả {{oops}}';
    writeFileSync(path.join(root, 'locales/vi.json'), JSON.stringify(vi, null, 2));
  };

  it('warns and falls back to English for that label only', async () => {
    // As ko.json, a language code-compare has no labels of: English is then the only fallback.
    const root = withVi();
    broken(root);
    writeFileSync(path.join(root, 'locales/ko.json'), readFileSync(path.join(root, 'locales/vi.json')));
    const result = await buildSite(root);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^locales\/ko\.json:\d+:\d+: warning: .*\{\{oops\}\}.*English is used instead \[placeholder-mismatch\]$/m);
    const headings = readPage(result.dist, 'ko/smtp/250/index.html').querySelectorAll('h2');
    expect(headings.map((h) => h.toString())).toContain('<h2 id="desc-250"><span lang="en" dir="ltr">Description</span></h2>');
    expect(headings.map(text)).toContain('Khi bạn thấy mã này');
  });

  it('fails with --strict and leaves the previous output as it was', async () => {
    const root = withVi();
    const first = await buildSite(root);
    expect(first.code).toBe(0);
    const before = readFileSync(path.join(first.dist, 'vi/smtp/250/index.html'));
    broken(root);
    const strict = await buildSite(root, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/: error: .*\[placeholder-mismatch\]$/m);
    expect(readFileSync(path.join(first.dist, 'vi/smtp/250/index.html'))).toEqual(before);
  });
});

describe('code-compare serve', () => {
  it('serves the site, rebuilds on a label change, and reports a broken file without stopping', async () => {
    const root = makeSite({ fixture: 'clean', fromProject: ['templates', 'locales/en.json', 'locales/vi.json'] });
    const child = spawn(process.execPath, [path.join(REPO, 'bin/code-compare.js'), 'serve', '--root', root, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const waitFor = async (condition: () => boolean | Promise<boolean>, what: string) => {
      const deadline = Date.now() + 15_000;
      while (!(await condition())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${stdout}\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await waitFor(() => /serving http:\/\/127\.0\.0\.1:\d+\//.test(stdout), 'the server');
      const base = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)![1]!;
      const page = async () => (await fetch(`${base}vi/smtp/250/`)).text();
      expect(await page()).toContain('Mô tả');
      expect(await page()).toContain('/__code-compare/live.js');
      expect((await fetch(`${base}no/such/page/`)).status).toBe(404);

      const file = path.join(root, 'locales/vi.json');
      const vi = JSON.parse(readFileSync(file, 'utf8'));
      vi.code.description = 'Mô tả ngắn';
      writeFileSync(file, JSON.stringify(vi, null, 2));
      await waitFor(async () => (await page()).includes('Mô tả ngắn'), 'the changed label');

      const events = await fetch(`${base}__code-compare/events`);
      const reader = events.body!.getReader();
      let stream = '';
      writeFileSync(file, '{ "code": ');
      await waitFor(() => /locales\/vi\.json:\d+:\d+: error: .*\[json-syntax\]/.test(stderr), 'the diagnostic');
      expect(await page()).toContain('Mô tả ngắn');
      // The open page is told too: the live-reload stream carries the diagnostic for its overlay.
      while (!stream.includes('event: failed')) stream += new TextDecoder().decode((await reader.read()).value);
      expect(stream).toMatch(/event: failed\ndata: ".*locales\/vi\.json:\d+:\d+: error: .*\[json-syntax\]/);
      await reader.cancel();
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});
