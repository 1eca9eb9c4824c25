import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { po } from 'gettext-parser';
import { describe, expect, it } from 'vitest';
import { makeSite, makeTempDir, REPO, run } from '../support/site.js';
import { elements, isFuzzy, poEntries, snapshotFiles, translatePo, XLIFF_NS, xliffDocument, xliffUnits } from '../support/exchange.js';

type Json = Record<string, Record<string, string>>;
const project = (tag: string): Json => JSON.parse(readFileSync(path.join(REPO, `locales/${tag}.json`), 'utf8'));
const english = project('en');

/** mini's codes with the project's labels for Russian and Arabic beside mini's Vietnamese. */
const site = () => makeSite({ fixture: 'mini', fromProject: ['templates', 'locales/en.json', 'locales/ru.json', 'locales/ar.json'] });

async function exported(root: string, tag: string, name: string): Promise<string> {
  const file = path.join(makeTempDir('code-compare-xchg-'), name);
  const result = await run('export', '--root', root, '--lang', tag, '--out', file);
  expect(result.code, result.stderr).toBe(0);
  return file;
}

/** The category Intl gives `n`, and the one the PO formula gives, for 0…1000 and a few millions. */
function formulaMismatches(header: string, categories: readonly string[], tag: string): number[] {
  const [, nplurals, expression] = /^nplurals=(\d+); plural=(.+);$/.exec(header) ?? [];
  expect(Number(nplurals)).toBe(categories.length);
  const plural = new Function('n', `return Number(${expression});`) as (n: number) => number;
  const rules = new Intl.PluralRules(tag);
  return [...Array.from({ length: 1001 }, (_, n) => n), 1e6, 2e6, 1e6 + 1].filter((n) => categories[plural(n)] !== rules.select(n));
}

describe('PO export', () => {
  it('has a gettext header, one msgctxt per string and CLDR plural forms in CLDR order (Russian)', async () => {
    const file = await exported(site(), 'ru', 'ru.po');
    const parsed = po.parse(readFileSync(file));
    expect(parsed.headers.Language).toBe('ru');
    expect(parsed.headers['Content-Type']).toMatch(/charset=utf-8/i);
    expect(formulaMismatches(parsed.headers['Plural-Forms']!, ['one', 'few', 'many', 'other'], 'ru')).toEqual([]);

    const entries = poEntries(file);
    const msgctxtLines = readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('msgctxt ')).length;
    expect(entries.size).toBe(msgctxtLines);
    for (const context of entries.keys()) expect(context).toMatch(/^(locales\/en\.json#[\w.-]+|codes\/(smtp|http)\/(pairs\/)?[\w-]+\.md#[\w.]+)$/);

    const ru = project('ru');
    const count = entries.get('locales/en.json#home.codeCount')!;
    expect([count.msgid, count.msgid_plural]).toEqual([english.home!.codeCount_one, english.home!.codeCount_other]);
    expect(count.msgstr).toEqual(['one', 'few', 'many', 'other'].map((c) => ru.home![`codeCount_${c}`]));
    expect(entries.get('locales/en.json#home.title')!.msgstr).toEqual([ru.home!.title]);
    expect(entries.get('locales/en.json#home.title')!.comments!.reference).toBe(`locales/en.json:${readFileSync(path.join(REPO, 'locales/en.json'), 'utf8').split('\n').findIndex((l) => l.includes('"title": "Protocol')) + 1}`);
    // English's _zero is its own entry where the language has no zero form.
    expect(entries.get('locales/en.json#family.filterShown_zero')!.msgstr).toEqual([ru.family!.filterShown_zero]);
    expect(entries.get('locales/en.json#codes/smtp/553.md#title')).toBeUndefined();
    expect(entries.get('codes/smtp/553.md#title')!).toMatchObject({ msgid: 'Mailbox name not allowed', msgstr: [''] });
  });

  it('puts Arabic zero first among its six forms, and a Vietnamese label has one', async () => {
    const root = site();
    const ar = poEntries(await exported(root, 'ar', 'ar.po'));
    const shown = ar.get('locales/en.json#family.filterShown')!;
    const arabic = project('ar');
    expect(shown.msgstr).toEqual(['zero', 'one', 'two', 'few', 'many', 'other'].map((c) => arabic.family![`filterShown_${c}`]));
    expect(ar.has('locales/en.json#family.filterShown_zero')).toBe(false);
    const arHeader = po.parse(readFileSync(await exported(root, 'ar', 'ar2.po'))).headers['Plural-Forms']!;
    expect(formulaMismatches(arHeader, ['zero', 'one', 'two', 'few', 'many', 'other'], 'ar')).toEqual([]);
    const vi = poEntries(await exported(root, 'vi', 'vi.po'));
    expect(vi.get('locales/en.json#home.codeCount')!.msgstr).toEqual(['']);
  });

  it('marks stale translations fuzzy, leaves new ones empty, and names the translation file', async () => {
    const vi = poEntries(await exported(site(), 'vi', 'vi.po'));
    const stale = vi.get('codes/smtp/553.md#title')!;
    expect(isFuzzy(stale)).toBe(true);
    expect(stale.msgstr).toEqual(['Tên hộp thư không được phép']);
    const current = vi.get('codes/smtp/235.md#title')!;
    expect([isFuzzy(current), current.msgstr]).toEqual([false, ['Xác thực thành công']]);
    expect(vi.get('codes/smtp/550.md#fix_admin')!.msgstr).toEqual(['']);
    expect(current.comments!.extracted).toContain('Translation: locales/vi/smtp/235.md');
    expect(current.comments!.reference).toBe('codes/smtp/235.md:3');
  });
});

describe('XLIFF export', () => {
  it('is XLIFF 1.2: one <file> per English file, units with source, target and state', async () => {
    const file = await exported(site(), 'vi', 'vi.xlf');
    const root = xliffDocument(file).documentElement!;
    expect([root.localName, root.namespaceURI, root.getAttribute('version')]).toEqual(['xliff', XLIFF_NS, '1.2']);
    const files = elements(root, 'file');
    expect(files.map((f) => f.getAttribute('original'))).toEqual(expect.arrayContaining(['locales/en.json', 'codes/smtp/_family.md', 'codes/smtp/553.md', 'codes/http/404.md']));
    for (const f of files) {
      expect([f.getAttribute('source-language'), f.getAttribute('target-language')]).toEqual(['en', 'vi']);
      expect(f.getAttribute('datatype')).toBeTruthy();
      expect(elements(f, 'body')).toHaveLength(1);
      const ids = elements(f, 'trans-unit').map((u) => u.getAttribute('id'));
      expect(new Set(ids).size).toBe(ids.length);
      for (const unit of elements(f, 'trans-unit')) {
        expect(elements(unit, 'source')).toHaveLength(1);
        expect(elements(unit, 'target')).toHaveLength(1);
        expect(['new', 'translated', 'needs-review-translation']).toContain(elements(unit, 'target')[0]!.getAttribute('state'));
      }
    }
    const units = xliffUnits(file);
    const state = (key: string) => [elements(units.get(key)!, 'source')[0]!.textContent, elements(units.get(key)!, 'target')[0]!.textContent, elements(units.get(key)!, 'target')[0]!.getAttribute('state')];
    expect(state('codes/smtp/553.md#title')).toEqual(['Mailbox name not allowed', 'Tên hộp thư không được phép', 'needs-review-translation']);
    expect(state('codes/smtp/235.md#title')).toEqual(['Authentication succeeded', 'Xác thực thành công', 'translated']);
    expect(state('codes/smtp/550.md#title')).toEqual(['Mailbox unavailable', '', 'new']);
    expect(units.get('codes/smtp/235.md#body')!.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'space')).toBe('preserve');
  });

  it('groups plural forms as x-gettext-plurals, one unit per CLDR category of the language', async () => {
    const file = await exported(site(), 'ru', 'ru.xlf');
    const group = elements(xliffDocument(file), 'group').find((g) => g.getAttribute('id') === 'home.codeCount')!;
    expect(group.getAttribute('restype')).toBe('x-gettext-plurals');
    const units = elements(group, 'trans-unit');
    expect(units.map((u) => u.getAttribute('id'))).toEqual(['one', 'few', 'many', 'other'].map((c) => `home.codeCount_${c}`));
    expect(units.map((u) => elements(u, 'source')[0]!.textContent)).toEqual([english.home!.codeCount_one, ...Array(3).fill(english.home!.codeCount_other)]);
    expect(units.map((u) => elements(u, 'target')[0]!.textContent)).toEqual(['one', 'few', 'many', 'other'].map((c) => project('ru').home![`codeCount_${c}`]));
  });
});

describe('exchange files: bad usage and bad input', () => {
  it.each([
    [['--lang', 'en', '--format', 'po'], /English is the source language/],
    [['--lang', 'pt-br', '--format', 'po'], /canonical form \(pt-BR\)/],
    [['--lang', 'vi'], /pass --format po or --format xliff/],
    [['--lang', 'vi', '--format', 'csv'], /Allowed choices are po, xliff/],
    [['--format', 'po'], /required option '--lang <tag>'/],
    [['--lang', 'vi', '--format', 'po', '--family', 'smtp,nope'], /no family nope under codes\//],
  ])('export %j exits 2', async (args, message) => {
    const result = await run('export', '--root', site(), ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it.each([
    ['broken.po', 'msgid ""\nmsgstr ""\n"Language: vi\\n"\n\nmsgctxt "locales/en.json#home.title"\nmsgid "Protocol\nmsgstr ""\n', /^broken\.po:6:1: error: .*\[exchange-syntax\]$/m],
    ['nolang.po', 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n', /^nolang\.po:1:1: error: the header has no Language.*\[exchange-language\]$/m],
    ['v2.xlf', '<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="vi"/>\n', /^v2\.xlf:2:1: error: this is XLIFF 2\.0; code-compare reads XLIFF 1\.2.*\[exchange-syntax\]$/m],
    ['broken.xlf', '<?xml version="1.0"?>\n<xliff version="1.2">\n  <file>\n</xliff>\n', /^broken\.xlf:3:\d+: error: not well-formed XML: Opening and ending tag mismatch: \"file\" != \"xliff\" \[exchange-syntax\]$/m],
  ])('import of %s exits 1 with a positioned diagnostic and writes nothing', async (name, content, message) => {
    const root = site();
    const before = snapshotFiles(path.join(root, 'locales'));
    const dir = makeTempDir('code-compare-xchg-');
    writeFileSync(path.join(dir, name), content);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const result = await run('import', '--root', root, name);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
    } finally {
      process.chdir(cwd);
    }
    expect(snapshotFiles(path.join(root, 'locales'))).toEqual(before);
  });

  it('ignores entries the project no longer has, with a warning, and writes nothing for an untouched export', async () => {
    const root = site();
    const file = await exported(root, 'vi', 'vi.po');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nmsgctxt "codes/smtp/999.md#title"\nmsgid "Gone"\nmsgstr "Mất"\n`);
    const before = snapshotFiles(path.join(root, 'locales'));
    const result = await run('import', '--root', root, file);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/:\d+:1: warning: codes\/smtp\/999\.md#title is no longer a string of the project.*\[unknown-entry\]/);
    expect(result.stderr).toMatch(/imported 0 translations for vi into 0 files/);
    expect(snapshotFiles(path.join(root, 'locales'))).toEqual(before);
  });

  it('--dry-run reports what it would write and writes nothing', async () => {
    const root = site();
    const file = await exported(root, 'vi', 'vi.po');
    translatePo(file, { 'locales/en.json#home.title': 'Mã phản hồi' });
    const before = snapshotFiles(path.join(root, 'locales'));
    const result = await run('import', '--root', root, '--dry-run', file);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('would write locales/vi.json');
    expect(result.stderr).toMatch(/would import 1 translation for vi into 1 file/);
    expect(snapshotFiles(path.join(root, 'locales'))).toEqual(before);
  });
});
