import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { buildSite, makeSite, makeTempDir, run, BASE, writeProjectFile } from '../support/site.js';
import { htmlFiles } from '../support/dist.js';
import { snapshot } from '../support/snapshot.js';

const clean = () => makeSite({ fixture: 'clean', fromProject: ['templates', 'locales/en.json', 'locales/vi.json'] });

describe('paths stay inside the project', () => {
  it('refuses a code file that is a symlink to a file outside the root', async () => {
    const root = clean();
    const outside = makeTempDir('code-compare-outside-');
    writeFileSync(path.join(outside, 'secret.md'), readFileSync(path.join(root, 'codes/smtp/250.md')));
    symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'codes/smtp/251.md'));
    const result = await buildSite(root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^codes\/smtp\/251\.md:1:1: error: refusing to read codes\/smtp\/251\.md: it resolves to .*secret\.md, outside the project root \[path-outside-root\]$/m);
  });

  it('refuses a locale folder that is a symlink to a folder outside the root', async () => {
    const root = clean();
    const outside = makeTempDir('code-compare-outside-');
    mkdirSync(path.join(outside, 'smtp'));
    writeFileSync(path.join(outside, 'smtp/250.md'), '---\ntitle: x\n---\n');
    symlinkSync(outside, path.join(root, 'locales/vi'));
    const result = await buildSite(root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^locales\/vi\/smtp\/250\.md:1:1: error: .*\[path-outside-root\]$/m);
  });

  it('refuses a family folder whose name cannot be a URL segment', async () => {
    const root = clean();
    writeProjectFile(root, 'codes/sm tp/_family.md', readFileSync(path.join(root, 'codes/smtp/_family.md'), 'utf8'));
    const result = await buildSite(root);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^codes\/sm tp\/_family\.md:2:1: error: family folder "sm tp" may hold only .*\[invalid-family\]$/m);
  });
});

describe('the output folder', () => {
  it('refuses to replace a folder that holds files the tool did not write, and touches nothing in it', async () => {
    const root = clean();
    writeProjectFile(root, 'public/keep.txt', 'mine');
    const result = await buildSite(root, '--out', path.join(root, 'public'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/refusing to replace .*public: it holds files that an earlier build of code-compare did not write .*\[foreign-output\]/);
    expect(readdirSync(path.join(root, 'public'))).toEqual(['keep.txt']);
  });

  it.each([
    ['the root itself', (root: string) => root],
    ['a folder above the root', (root: string) => path.dirname(root)],
    ['a source folder', (root: string) => path.join(root, 'codes')],
  ])('refuses --out at %s', async (_, outOf) => {
    const root = clean();
    const before = snapshot(root);
    const result = await buildSite(root, '--out', outOf(root));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\[unsafe-output\]$/m);
    expect(snapshot(root)).toEqual(before);
  });

  it('replaces an earlier output of its own, and removes files that are no longer part of the site', async () => {
    // A no-op build checks only the top level of the output; a stray file there is found.
    const root = clean();
    const first = await buildSite(root);
    writeFileSync(path.join(first.dist, 'stray.html'), 'old');
    const second = await buildSite(root);
    expect(second.code).toBe(0);
    expect(existsSync(path.join(first.dist, 'stray.html'))).toBe(false);
  });

  it('cleans up temporary folders a killed build left, and puts back an output it had moved aside', async () => {
    const root = clean();
    const first = await buildSite(root);
    const before = snapshot(first.dist);
    const dead = 2 ** 22 + 12345; // no such process
    mkdirSync(path.join(root, `.dist.building-${dead}`, 'en'), { recursive: true });
    // A staging folder carries its marker from the moment it is made.
    writeFileSync(path.join(root, `.dist.building-${dead}`, '.code-compare.json'), '{"tool":"code-compare","staging":true}\n');
    const { renameSync } = await import('node:fs');
    renameSync(first.dist, path.join(root, `.dist.retired-${dead}`));
    const check = await run('check', '--root', root);
    expect(check.code).toBe(0);
    const again = await buildSite(root);
    expect(again.code, again.stderr).toBe(0);
    expect(readdirSync(root).filter((n) => n.startsWith('.dist.'))).toEqual([]);
    expect(snapshot(first.dist)).toEqual(before);
  });
});

describe('nothing unescaped reaches a page', () => {
  const evil = '<script>alert(1)</script><img src=x onerror="alert(2)">';
  it('escapes HTML from front matter, Markdown bodies and labels, and drops javascript: links', async () => {
    const root = clean();
    writeProjectFile(root, 'codes/smtp/250.md', [
      '---',
      'code: "250"',
      `title: '${evil}'`,
      `description: '${evil} [x](javascript:alert(3))'`,
      `when: '<a href="javascript:alert(4)" onclick="alert(5)">click</a>'`,
      `fix: '<svg onload=alert(6)>'`,
      `fix_admin: '[y](JaVaScRiPt:alert(7)) [z](data:text/html,<script>alert(8)</script>)'`,
      'related: ["550"]',
      `example: "S: 220 <script>alert(9)</script>"`,
      '---',
      `${evil}`,
      '',
      '[link](javascript:alert(10)) <iframe src="https://evil.example/"></iframe>',
      '',
      '![img](x" onerror="alert(11))',
      '',
    ].join('\n'));
    writeProjectFile(root, 'codes/smtp/_family.md', readFileSync(path.join(root, 'codes/smtp/_family.md'), 'utf8').replace('title: SMTP reply codes', `title: '${evil}'`).replace('Positive Completion', `'${evil}'`));
    const vi = JSON.parse(readFileSync(path.join(root, 'locales/vi.json'), 'utf8'));
    vi.code.description = `${evil}`;
    vi.meta.languageName = `</script><script>alert(12)</script>`;
    writeProjectFile(root, 'locales/vi.json', JSON.stringify(vi));
    const result = await buildSite(root);
    expect(result.code, result.stderr).toBe(0);
    for (const file of htmlFiles(result.dist)) {
      const doc = parse(readFileSync(path.join(result.dist, file), 'utf8'));
      for (const script of doc.querySelectorAll('script')) {
        const ownScript = /assets\/(?:site|search)\.js\?v=/.test(script.getAttribute('src') ?? '');
        const jsonLd = script.getAttribute('type') === 'application/ld+json';
        expect(ownScript || jsonLd, `${file}: ${script.toString().slice(0, 120)}`).toBe(true);
        if (jsonLd) expect(() => JSON.parse(script.textContent)).not.toThrow();
      }
      expect(doc.querySelectorAll('iframe, svg, img')).toHaveLength(0);
      for (const element of doc.querySelectorAll('*')) {
        for (const [name, value] of Object.entries(element.attributes)) {
          expect(name.startsWith('on'), `${file}: <${element.tagName} ${name}>`).toBe(false);
          expect(/^\s*(javascript|data|vbscript):/i.test(value), `${file}: ${name}="${value}"`).toBe(false);
        }
      }
    }
    const page = readFileSync(path.join(result.dist, 'vi/smtp/250/index.html'), 'utf8');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('the base URL', () => {
  it('is refused with exit 2 when it is not an absolute http(s) URL', async () => {
    const root = clean();
    const result = await run('build', '--root', root, '--base-url', 'codes.example.com');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--base-url must be an absolute URL/);
  });

  it('keeps its path in canonical links', async () => {
    const result = await buildSite(clean());
    expect(readFileSync(path.join(result.dist, 'en/smtp/250/index.html'), 'utf8')).toContain(`<link rel="canonical" href="${BASE}en/smtp/250/">`);
  });
});
