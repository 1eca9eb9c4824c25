import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildSite, makeSite, makeTempDir, readPage, run, text } from '../support/site.js';
import { elements, isFuzzy, poEntries, snapshotFiles, translatePo, translateXliff, xliffUnits } from '../support/exchange.js';

type Format = 'po' | 'xliff';

interface Row {
  readonly context: string;
  readonly source: string;
  readonly target: string;
  readonly state: string;
}

/** An export as rows, whatever its format: the context, the English, the translation and its state. */
function rows(format: Format, file: string): Row[] {
  if (format === 'po') {
    return [...poEntries(file)].map(([context, e]) => ({
      context,
      source: [e.msgid, e.msgid_plural ?? ''].join('|'),
      target: e.msgstr.join('|'),
      state: e.msgstr.every((s) => s === '') ? 'new' : isFuzzy(e) ? 'stale' : 'translated',
    }));
  }
  return [...xliffUnits(file)].map(([context, unit]) => {
    const target = elements(unit, 'target')[0]!;
    return { context, source: elements(unit, 'source')[0]!.textContent ?? '', target: target.textContent ?? '', state: target.getAttribute('state') ?? '' };
  });
}

const fileName = (format: Format) => (format === 'po' ? 'vi.po' : 'vi.xlf');

async function exportTo(root: string, format: Format): Promise<string> {
  const file = path.join(makeTempDir('code-compare-xchg-'), fileName(format));
  const result = await run('export', '--root', root, '--lang', 'vi', '--format', format, '--out', file);
  expect(result.code, result.stderr).toBe(0);
  return file;
}

function translate(format: Format, file: string, values: Record<string, string>, changeSource: Record<string, string> = {}) {
  if (format === 'po') translatePo(file, values, { changeSource });
  else translateXliff(file, values, { changeSource });
}

async function statusOf(root: string) {
  const result = await run('status', '--root', root, '--json', '--lang', 'vi');
  return (JSON.parse(result.stdout) as { languages: Array<{ labels: { translated: number; total: number }; content: { translated: number } }> }).languages[0]!;
}

/** The lines of `before`, in order, are lines of `after`: what was there was left as it was. */
function keptLines(before: string, after: string): boolean {
  const lines = after.split('\n');
  let at = 0;
  for (const line of before.split('\n')) {
    while (at < lines.length && lines[at] !== line) at++;
    if (at++ >= lines.length) return false;
  }
  return true;
}

const LABEL = 'locales/en.json#home.title';
const CONTENT = 'codes/smtp/550.md#title';
const LABEL_VI = 'Mã phản hồi giao thức, giải thích và so sánh';
const CONTENT_VI = 'Hộp thư không khả dụng';

describe.each(['po', 'xliff'] as const)('export and import round trip (%s)', (format) => {
  it('translates one label and one content field: they show on the pages, status counts them, nothing else in locales/ changes', async () => {
    const root = makeSite({ fixture: 'mini' });
    const before = snapshotFiles(path.join(root, 'locales'));
    const statusBefore = await statusOf(root);
    const file = await exportTo(root, format);
    const first = rows(format, file);
    expect(first.find((r) => r.context.startsWith(LABEL))!.state).toBe('new');
    expect(first.find((r) => r.context === CONTENT)!.state).toBe('new');

    translate(format, file, { [LABEL]: LABEL_VI, [CONTENT]: CONTENT_VI });
    const imported = await run('import', '--root', root, file);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout.split('\n').sort()).toEqual(['wrote locales/vi.json', 'wrote locales/vi/smtp/550.md']);

    const after = snapshotFiles(path.join(root, 'locales'));
    expect([...after.keys()].sort()).toEqual([...before.keys(), 'vi/smtp/550.md'].sort());
    for (const [name, bytes] of before) if (name !== 'vi.json') expect(after.get(name)!.equals(bytes), name).toBe(true);
    const [oldLabels, newLabels] = [before.get('vi.json')!.toString('utf8'), after.get('vi.json')!.toString('utf8')];
    expect(keptLines(oldLabels, newLabels)).toBe(true);
    expect(JSON.parse(newLabels)).toEqual({ ...JSON.parse(oldLabels), home: { title: LABEL_VI } });
    const [, frontMatter] = after.get('vi/smtp/550.md')!.toString('utf8').split('---\n');
    const hash = (await run('hash', '--root', root, 'codes/smtp/550.md')).stdout.split(' ')[0];
    expect(parseYaml(frontMatter!)).toEqual({ source_hash: hash, title: CONTENT_VI });

    const built = await buildSite(root);
    expect(built.code, built.stderr).toBe(0);
    expect(text(readPage(built.dist, 'vi/index.html').querySelector('h1'))).toBe(LABEL_VI);
    const codePage = readPage(built.dist, 'vi/smtp/550/index.html');
    // The heading's frame is code-compare's own Vietnamese label; the code's title inside it is the import.
    expect(text(codePage.querySelector('h1'))).toContain(CONTENT_VI);
    expect(codePage.querySelector('h1 [lang="en"]')).toBeNull();
    const statusAfter = await statusOf(root);
    // code-compare's own Vietnamese labels already fill the project's missing ones: the count stays
    // complete, and the imported label now stands in the project's own file (checked below).
    expect(statusAfter.labels.translated).toBe(Math.min(statusBefore.labels.total, statusBefore.labels.translated + 1));
    expect(statusAfter.content.translated).toBe(statusBefore.content.translated + 1);

    const again = rows(format, await exportTo(root, format));
    expect(again.map((r) => [r.context, r.source])).toEqual(first.map((r) => [r.context, r.source]));
    for (const [i, row] of again.entries()) {
      if (row.context === LABEL || row.context === CONTENT) expect(row).toEqual({ ...first[i], target: row.context === LABEL ? LABEL_VI : CONTENT_VI, state: 'translated' });
      else expect(row).toEqual(first[i]);
    }
  });

  it('refuses an entry whose English changed since the export, with its position, and imports the rest', async () => {
    const root = makeSite({ fixture: 'mini' });
    const file = await exportTo(root, format);
    const english = path.join(root, 'codes/smtp/553.md');
    writeFileSync(english, readFileSync(english, 'utf8').replace('title: Mailbox name not allowed', 'title: Mailbox name refused'));
    const translation = readFileSync(path.join(root, 'locales/vi/smtp/553.md'));
    translate(format, file, { 'codes/smtp/553.md#title': 'Tên hộp thư bị từ chối', [LABEL]: LABEL_VI });

    const result = await run('import', '--root', root, file);
    expect(result.code).toBe(1);
    const match = new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):(\\d+): error: the English of codes/smtp/553\\.md#title has changed.*"Mailbox name refused".*\\[source-changed\\]$`, 'm').exec(result.stderr);
    expect(match, result.stderr).not.toBeNull();
    const line = readFileSync(file, 'utf8').split('\n')[Number(match![1]) - 1]!;
    const column = Number(match![2]);
    if (format === 'po') expect(line).toBe('msgid "Mailbox name not allowed"');
    else expect(line.slice(column - 1)).toBe('<source>Mailbox name not allowed</source>');
    expect(readFileSync(path.join(root, 'locales/vi/smtp/553.md')).equals(translation)).toBe(true);
    expect(JSON.parse(readFileSync(path.join(root, 'locales/vi.json'), 'utf8')).home.title).toBe(LABEL_VI);
    expect(result.stderr).toMatch(/1 refused/);
  });
});

describe('import into translation files', () => {
  it('keeps a stale file stale while entries marked for review remain, and says so', async () => {
    const root = makeSite({ fixture: 'mini' });
    const file = await exportTo(root, 'po');
    expect(isFuzzy(poEntries(file).get('codes/smtp/_family.md#classes.5')!)).toBe(true);
    const before = readFileSync(path.join(root, 'locales/vi/smtp/_family.md'), 'utf8');
    translatePo(file, { 'codes/smtp/_family.md#classes.2': 'Hoàn tất tích cực' });
    const result = await run('import', '--root', root, file);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/: warning: locales\/vi\/smtp\/_family\.md keeps its old source_hash: `classes\.5` is still translated from an older English.*\[stale-translation\]/);
    const after = readFileSync(path.join(root, 'locales/vi/smtp/_family.md'), 'utf8');
    expect(after).toBe(before.replace('classes:\n', 'classes:\n  "2": Hoàn tất tích cực\n'));
  });

  it('reviewing every stale entry of a file records the current source_hash', async () => {
    const root = makeSite({ fixture: 'mini' });
    const file = await exportTo(root, 'po');
    translatePo(file, { 'codes/smtp/553.md#title': 'Tên hộp thư không được phép' });
    const result = await run('import', '--root', root, file);
    expect(result.code, result.stderr).toBe(0);
    const hash = (await run('hash', '--root', root, 'codes/smtp/553.md')).stdout.split(' ')[0]!;
    expect(readFileSync(path.join(root, 'locales/vi/smtp/553.md'), 'utf8')).toBe(`---\nsource_hash: "${hash}"\ntitle: Tên hộp thư không được phép\n---\n`);
    const status = JSON.parse((await run('status', '--root', root, '--json', '--lang', 'vi')).stdout);
    expect(status.languages[0].staleFiles).toEqual(['smtp/_family']);
  });

  it('edits one item of a pair file list and one advice in place, leaving the other lines as written', async () => {
    const root = makeSite({ fixture: 'compare' });
    const target = path.join(root, 'locales/vi/api/pairs/E1001-vs-E1002.md');
    const before = readFileSync(target, 'utf8');
    const file = path.join(makeTempDir('code-compare-xchg-'), 'vi.xlf');
    expect((await run('export', '--root', root, '--lang', 'vi', '--out', file)).code).toBe(0);
    const item = 'Một bản triển khai mới có thể gây ra E1001 khi mất một biến cấu hình, còn E1002 chỉ xảy ra sau khi chủ khóa chủ động thu hồi nó.';
    translateXliff(file, { 'codes/api/pairs/E1001-vs-E1002.md#differences.1': item, 'codes/api/pairs/E1001-vs-E1002.md#advice.E1001': 'Hãy kiểm tra máy khách HTTP.' });
    const result = await run('import', '--root', root, file);
    expect(result.code, result.stderr).toBe(0);
    const after = readFileSync(target, 'utf8');
    const removed = before.split('\n').filter((l) => !after.split('\n').includes(l));
    const added = after.split('\n').filter((l) => !before.split('\n').includes(l));
    expect(removed).toEqual([expect.stringMatching(/^ {2}- Một lần triển khai mới/), expect.stringMatching(/^ {2}E1001: Hãy kiểm tra rằng/)]);
    expect(added.join(' ').replace(/\s+/g, ' ').trim()).toBe(`- >- ${item} E1001: Hãy kiểm tra máy khách HTTP.`);
    const data = parseYaml(after.split('---\n')[1]!);
    expect(data.differences[1]).toBe(item);
    expect(data.advice.E1001).toBe('Hãy kiểm tra máy khách HTTP.');
  });
});
