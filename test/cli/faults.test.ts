import { parse } from 'node-html-parser';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, makeSite, REPO, run } from '../support/site.js';

const fixture = (file: string) => readFileSync(path.join(REPO, 'test/fixtures/clean', file), 'utf8');
const project = (file: string) => readFileSync(path.join(REPO, file), 'utf8');
const code250 = fixture('codes/smtp/250.md');

/** 1-based `line:column` of the `nth` occurrence of `needle` in `text`. */
function at(text: string, needle: string, nth = 0): string {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = text.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, index).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

const site = (files: Record<string, string | Uint8Array>) => makeSite({ fixture: 'clean', fromProject: ['templates', 'locales/en.json', 'locales/vi.json'], files });

async function check(files: Record<string, string | Uint8Array>) {
  const result = await run('check', '--root', site(files));
  const lines = result.stderr.split('\n').slice(0, -1);
  for (const line of lines) expect(line).toMatch(/^[^:\n]+:\d+:\d+: (error|warning): .+ \[[a-z-]+\]$/);
  return { ...result, lines };
}

describe('faults that used to pass without a word', () => {
  // Written as ko.json, a language code-compare has no labels of: a broken label falls back to English there.
  const viCount = project('locales/vi.json').replace('"{{count}} mã",', '"{{count} mã",');
  const enTitle = project('locales/en.json').replace('"{{family}} {{code}}: {{title}}"', '"{{family}} {{code}}: {{title}"');

  it.each([
    ['a translated label', { 'locales/ko.json': viCount }, `locales/ko.json:${at(viCount, '{{count} mã')}: warning: \`home.codeCount_other\`: unbalanced braces in "{{count} mã"; a placeholder is written {{name}}; English is used instead [placeholder-syntax]`],
    ['an English label', { 'locales/en.json': enTitle }, `locales/en.json:${at(enTitle, '{{title}"')}: error: \`code.title\`: unbalanced braces in "{{family}} {{code}}: {{title}"; a placeholder is written {{name}} [placeholder-syntax]`],
  ])('unbalanced braces in %s are reported at the stray brace, once', async (_, files, expected) => {
    const result = await check(files);
    expect(result.lines).toEqual([expected]);
  });

  it('never lets the raw braces of a broken label reach a page', async () => {
    const root = site({ 'locales/ko.json': viCount });
    const result = await buildSite(root);
    expect(result.code, result.stderr).toBe(0);
    const home = readFileSync(path.join(result.dist, 'ko/index.html'), 'utf8');
    // What a reader sees; the search box's script gets its plural forms, placeholders and all, in an attribute.
    const shown = parse(home).querySelector('body')!.textContent;
    expect(shown).not.toContain('{{count}');
    expect(shown).not.toContain('{count}');
    expect(home).toContain('<span lang="en" dir="ltr">2 codes</span>');
    const broken = await buildSite(site({ 'locales/en.json': enTitle }));
    expect(broken.code).toBe(1);
  });

  const htmlLabel = project('locales/vi.json').replace('"home": "Trang chủ"', '"home": "<b>Trang chủ</b>"');
  const htmlBody = `${code250}\nSend \`<b>\` or <forward-path> as they are.\n\nThen <em>stop</em>.\n`;
  const htmlField = code250.replace('description: The server completed the command.', 'description: The server <i>completed</i> the command.');
  it.each([
    ['a label', { 'locales/vi.json': htmlLabel }, `locales/vi.json:${at(htmlLabel, '<b>')}: warning: label \`site.home\` holds HTML (<b>), which is shown as literal text; labels are plain text [html-in-text]`],
    ['a body', { 'codes/smtp/250.md': htmlBody }, `codes/smtp/250.md:${at(htmlBody, '<em>')}: warning: the body holds HTML (<em>), which is shown as literal text; use Markdown (*emphasis*, \`code\`) instead [html-in-text]`],
    ['a Markdown field', { 'codes/smtp/250.md': htmlField }, `codes/smtp/250.md:${at(htmlField, '<i>')}: warning: \`description\` holds HTML (<i>), which is shown as literal text; use Markdown (*emphasis*, \`code\`) instead [html-in-text]`],
  ])('HTML typed into %s is reported where it is typed (code spans and <grammar-names> are not HTML)', async (_, files, expected) => {
    const result = await check(files);
    expect(result.lines.filter((l) => l.endsWith('[html-in-text]'))).toEqual([expected]);
    expect(result.code).toBe(0);
  });

  it('refuses a code listed twice in `related`, at the second one', async () => {
    const twice = code250.replace('related: ["550"]', 'related: ["550", 550]');
    const result = await check({ 'codes/smtp/250.md': twice });
    expect(result.lines).toEqual([`codes/smtp/250.md:${at(twice, '550', 1)}: error: \`related\` lists "550" twice (items 1 and 2); remove one [duplicate-entry]`]);
    expect(result.code).toBe(1);
  });
});

describe('positions that point at the cause', () => {
  it('puts an unclosed quote where it opens, not where the parser gave up', async () => {
    const text = code250.replace('title: Requested mail action okay, completed', "title: 'Requested mail action okay, completed");
    const result = await check({ 'codes/smtp/250.md': `${text}\nThe body.\n` });
    expect(result.lines).toEqual(["codes/smtp/250.md:3:8: error: the string opened here with ' is not closed: add the closing '; without it the string runs on to line 7 [yaml-syntax]"]);
  });

  it('says a tab indents a line of a block scalar, at the tab', async () => {
    const text = code250.replace('fix: No action is needed.', 'fix: |\n  No action\n\tis needed.');
    const result = await check({ 'codes/smtp/250.md': text });
    expect(result.lines).toEqual([`codes/smtp/250.md:${at(text, '\tis')}: error: a tab indents this line; YAML indents with spaces only [yaml-syntax]`]);
  });

  it.each([
    ['a Latin-1 byte', Buffer.concat([Buffer.from(code250.replace('okay', 'ok')).subarray(0, 40), Buffer.from([0xe9]), Buffer.from(code250).subarray(40)]), '3:25'],
    ['a truncated sequence after a BOM and CRLF lines', Buffer.concat([Buffer.from(`\ufeff${code250.replace(/\n/g, '\r\n')}Caf`), Buffer.from([0xc3])]), '9:4'],
    ['a stray continuation byte after multi-byte text', Buffer.concat([Buffer.from('---\ncode: "250"\ntitle: "Thành công '), Buffer.from([0x80]), Buffer.from('"\n---\n')]), '3:20'],
  ])('reports %s at the first invalid byte', async (_, bytes, position) => {
    const result = await check({ 'codes/smtp/250.md': bytes });
    expect(result.lines).toEqual([`codes/smtp/250.md:${position}: error: this byte is not valid UTF-8; save the file as UTF-8 [encoding]`]);
  });

  it('reports a malformed source_hash as such, as written, not as a changed English', async () => {
    const result = await check({ 'locales/vi/smtp/250.md': '---\nsource_hash: 12e3\ntitle: Đã xong\n---\n' });
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]).toMatch(/^locales\/vi\/smtp\/250\.md:2:14: warning: source_hash "12e3" is not a source hash .*once the text matches the English, run `code-compare confirm locales\/vi\/smtp\/250\.md` \(or set source_hash: [0-9a-f]{16}\).*\[source-hash-format\]$/);
    expect(result.stderr).not.toContain('stale-translation');
  });

  it('blames the copy for a duplicate code, not the original, once', async () => {
    const result = await check({ 'codes/smtp/250-copy.md': code250 });
    expect(result.lines).toEqual(['codes/smtp/250-copy.md:2:7: error: code "250" is already defined in codes/smtp/250.md; this file must hold code "250-copy" [duplicate-code]']);
  });

  it('reports one wrong code once, not again in the files that link to it', async () => {
    const wrong = fixture('codes/smtp/550.md').replace('code: "550"', 'code: "551"');
    const result = await check({ 'codes/smtp/550.md': wrong });
    expect(result.lines).toEqual(['codes/smtp/550.md:2:7: error: code "551" does not match the file name 550.md [code-mismatch]']);
  });

  it('does not echo a file that does not parse into the files that link to it', async () => {
    const result = await check({ 'codes/smtp/550.md': '---\ncode: "550\n---\n' });
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0]).toMatch(/^codes\/smtp\/550\.md:2:7: error: .*\[yaml-syntax\]$/);
  });

  const vi = project('locales/vi.json');
  it.each([
    ['a closing quote', vi.replace('"Trang chủ",', '"Trang chủ,'), '"Trang chủ,', 'a string is not closed'],
    ['an opening quote', vi.replace('"Trang chủ",', 'Trang chủ",'), 'Trang chủ",', 'unexpected text; a string must be written in double quotes'],
  ])('gives one diagnostic, at the string, for a missing %s in a label file', async (_, text, needle, message) => {
    const result = await check({ 'locales/vi.json': text });
    expect(result.lines).toEqual([`locales/vi.json:${at(text, needle)}: error: ${message} [json-syntax]`]);
  });

  it('warns about a key given twice in a label file, and about keys no label can have', async () => {
    const text = vi.replace('"home": "Trang chủ",', '"home": "Trang chủ",\n    "home": "Nhà",\n    "a.b": "x",');
    const result = await check({ 'locales/vi.json': text });
    expect(result.lines).toContain(`locales/vi.json:${at(text, '"home"', 1)}: warning: "home" is given twice in this object; the last one is used [duplicate-key]`);
    expect(result.lines).toContain(`locales/vi.json:${at(text, '"a.b"')}: warning: a key with \`.\` or \`:\` in it (nest the keys instead: i18next reads those as separators) cannot name a label; it is ignored [label-key]`);
  });

  it('prints twenty of one rule in one file, then counts the rest', async () => {
    const labels = JSON.parse(vi) as Record<string, unknown>;
    for (let i = 0; i < 100; i++) labels[`extra${i}`] = 'x';
    const result = await check({ 'locales/vi.json': JSON.stringify(labels, null, 2) });
    const unknown = result.lines.filter((l) => l.endsWith('[unknown-key]'));
    expect(unknown).toHaveLength(21);
    expect(unknown[20]).toMatch(/`extra20` is not a key of en\.json; it is ignored \(and 79 more like it in this file, not shown\) \[unknown-key\]$/);
  });

  it('keeps a diagnostic on one line whatever the file name or text holds', async () => {
    const result = await check({ 'locales/vi.json': vi.replace('"Trang chủ"', '"Trang\\n{{chủ"') });
    expect(result.lines.find((l) => l.includes('placeholder-syntax'))).toContain('Trang\\n{{chủ');
  });
});
