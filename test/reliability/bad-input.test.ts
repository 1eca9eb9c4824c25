import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, makeSite, REPO, writeProjectFile } from '../support/site.js';
import { snapshot } from '../support/snapshot.js';

const code250 = readFileSync(path.join(REPO, 'test/fixtures/clean/codes/smtp/250.md'), 'utf8');

/**
 * Each case: files that break a clean project, and the exact diagnostic expected. The project is
 * first built successfully, so the test can check the failed build left that output untouched.
 */
const cases: Array<[string, Record<string, string | Uint8Array>, string]> = [
  ['YAML that does not parse', { 'codes/smtp/250.md': '---\ncode: "250"\ntitle: "unclosed\n---\n' }, 'codes/smtp/250.md:3:8: error: the string opened here with " is not closed: add the closing " [yaml-syntax]'],
  ['front matter that is a list', { 'codes/smtp/250.md': '---\n- code\n- title\n---\n' }, 'codes/smtp/250.md:2:1: error: front matter must be a mapping of field names to values [front-matter-type]'],
  ['front matter that is missing', { 'codes/smtp/250.md': 'Just text.\n' }, 'codes/smtp/250.md:1:1: error: file must start with YAML front matter between two `---` lines [front-matter-missing]'],
  ['a missing required field', { 'codes/smtp/250.md': code250.replace(/^when: .*\n/m, '') }, 'codes/smtp/250.md:2:1: error: required field `when` is missing or empty [missing-field]'],
  ['an empty required field', { 'codes/smtp/250.md': code250.replace(/^title: .*$/m, 'title: ""') }, 'codes/smtp/250.md:3:8: error: required field `title` is missing or empty [missing-field]'],
  ['a field of the wrong type', { 'codes/smtp/250.md': code250.replace(/^title: .*$/m, 'title: [a, b]') }, 'codes/smtp/250.md:3:8: error: `title` must be a string, not a list [field-type]'],
  ['a list field given as a string', { 'codes/smtp/250.md': code250.replace('related: ["550"]', 'related: 550') }, 'codes/smtp/250.md:7:10: error: `related` must be a list, not a number [field-type]'],
  ['a code that does not match its file name', { 'codes/smtp/250.md': code250.replace('code: "250"', 'code: "251"') }, 'codes/smtp/250.md:2:7: error: code "251" does not match the file name 250.md [code-mismatch]'],
  ['a code outside the family pattern', { 'codes/smtp/650.md': code250.replace('code: "250"', 'code: "650"') }, 'codes/smtp/650.md:2:7: error: code "650" does not match the family\'s pattern ^[2-5][0-9]{2}$ [code-mismatch]'],
  ['two files with one code', { 'codes/smtp/251.md': code250 }, 'codes/smtp/251.md:2:7: error: code "250" is already defined in codes/smtp/250.md; this file must hold code "251" [duplicate-code]'],
  ['a related code that does not exist', { 'codes/smtp/250.md': code250.replace('related: ["550"]', 'related: ["550", "599"]') }, 'codes/smtp/250.md:7:18: error: `related` names code "599", which this family does not have [unknown-related]'],
  ['a locale with a trailing comma', { 'locales/vi.json': '{\n  "meta": {\n    "languageName": "Tiếng Việt",\n  }\n}\n' }, 'locales/vi.json:4:3: error: expected a property name in double quotes: remove the trailing comma [json-syntax]'],
  ['a locale that is not an object', { 'locales/vi.json': '["Mô tả"]\n' }, 'locales/vi.json:1:1: error: a locale file must hold a JSON object of labels [locale-type]'],
  ['a locale file name that is not a BCP 47 tag', { 'locales/vietnamese!.json': '{}\n' }, 'locales/vietnamese!.json:1:1: error: "vietnamese!" is not a BCP 47 language tag in canonical form [invalid-tag]'],
  ['a template that does not compile', { 'templates/pages/home.hbs': '<h1>{{t "home.title"}}</h1>\n{{#each families}}\n<p>{{title}}\n' }, 'templates/pages/home.hbs:4:1: error: '],
  ['a template calling a helper the tool does not have', { 'templates/pages/home.hbs': '<h1>{{t "home.title"}}</h1>\n<p>{{upper title}}</p>\n' }, 'templates/pages/home.hbs:2:4: error: unknown helper "upper"; the helpers are t, ta, '],
  ['a template that fails while rendering', { 'templates/pages/home.hbs': '<h1>{{t "home.title"}}</h1>\n{{#each}}<p></p>{{/each}}\n' }, 'templates/pages/home.hbs:1:1: error: rendering failed (in it or a partial it uses): page en: Must pass iterator to #each [template-render]'],
  // Found by the fuzzer (test/fuzz): an alias to no anchor crashed with exit 70.
  ['an alias to an anchor that is never set', { 'codes/smtp/250.md': code250.replace(/^title: .*$/m, 'title: *missing') }, 'codes/smtp/250.md:3:8: error: the alias `*missing` names no anchor `&missing` set before it [yaml-syntax]'],
  ['a file in another encoding', { 'codes/smtp/250.md': Buffer.from(code250.replace('okay', 'ok\u00e9'), 'latin1') }, 'codes/smtp/250.md:3:32: error: this byte is not valid UTF-8; save the file as UTF-8 [encoding]'],
];

describe('bad input', () => {
  it.each(cases)('%s gets a diagnostic, exit 1, and the previous output stays as it was', async (_, files, expected) => {
    const root = makeSite({ fixture: 'clean', fromProject: ['templates', 'locales/en.json', 'locales/vi.json'] });
    const first = await buildSite(root);
    expect(first.code, first.stderr).toBe(0);
    const before = snapshot(first.dist);
    for (const [file, content] of Object.entries(files)) writeProjectFile(root, file, content);
    const broken = await buildSite(root);
    expect(broken.code).toBe(1);
    const lines = broken.stderr.split('\n');
    expect(lines.some((l) => l.startsWith(expected)), `expected a line starting with\n${expected}\ngot\n${broken.stderr}`).toBe(true);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(first.dist)).toEqual(before);
  });

  it('reports every problem of a run together', async () => {
    const root = makeSite({ fixture: 'clean', fromProject: ['templates', 'locales/en.json', 'locales/vi.json'] });
    writeProjectFile(root, 'codes/smtp/250.md', code250.replace(/^when: .*\n/m, '').replace('related: ["550"]', 'related: ["599"]'));
    writeProjectFile(root, 'codes/smtp/550.md', '---\n- x\n---\n');
    writeProjectFile(root, 'locales/vi.json', '{ "a": 1, }');
    writeProjectFile(root, 'locales/xx_YY.json', '{}');
    const result = await buildSite(root);
    expect(result.code).toBe(1);
    const rules = result.stderr.split('\n').flatMap((l) => /\[([a-z-]+)\]$/.exec(l)?.[1] ?? []);
    expect(new Set(rules)).toEqual(new Set(['missing-field', 'unknown-related', 'front-matter-type', 'json-syntax', 'invalid-tag']));
    expect(result.stderr).toMatch(/^build failed: 5 errors/m);
  });

  it('accepts a UTF-8 byte order mark and CRLF line endings in every kind of file', async () => {
    const plain = makeSite({ fixture: 'clean', fromProject: ['templates', 'locales/en.json', 'locales/vi.json'] });
    const crlf = makeSite({ fixture: 'clean', fromProject: ['templates', 'locales/en.json', 'locales/vi.json'] });
    const bomCrlf = (file: string) => `\ufeff${readFileSync(path.join(crlf, file), 'utf8').replace(/\n/g, '\r\n')}`;
    for (const file of ['codes/smtp/250.md', 'codes/smtp/_family.md', 'locales/vi.json', 'locales/en.json', 'templates/pages/code.hbs']) writeProjectFile(crlf, file, bomCrlf(file));
    const a = await buildSite(plain);
    const b = await buildSite(crlf);
    expect(b.code, b.stderr).toBe(0);
    const left = snapshot(a.dist);
    const right = snapshot(b.dist);
    delete left['.code-compare.json'];
    delete right['.code-compare.json'];
    expect(right).toEqual(left);
  });

  it('normalizes text to Unicode NFC', async () => {
    const root = makeSite({ fixture: 'clean', fromProject: ['templates', 'locales/en.json'] });
    writeProjectFile(root, 'codes/smtp/250.md', code250.replace(/^title: .*$/m, 'title: "Acce\u0301pte\u0301"'));
    const result = await buildSite(root);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(path.join(result.dist, 'en/smtp/250/index.html'), 'utf8');
    expect(html).toContain('Accépté'.normalize('NFC'));
    expect(html).not.toContain('e\u0301');
  });

  it('does not leave a temporary folder after a failed build', async () => {
    const root = makeSite({ fixture: 'clean', fromProject: ['templates', 'locales/en.json'] });
    writeProjectFile(root, 'templates/pages/home.hbs', '{{> nosuch}}');
    const result = await buildSite(root);
    expect(result.code).toBe(1);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(root).filter((n) => n.includes('.building-') || n.includes('.retired-'))).toEqual([]);
    rmSync(path.join(root, 'templates'), { recursive: true });
  });
});
