import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { buildSite, BASE, makeSite, REPO, writeProjectFile } from '../support/site.js';
import { snapshot } from '../support/snapshot.js';
import { overlayTable, type FileTable } from '../../src/write/file-table.js';

const asRecord = (t: FileTable) => Object.fromEntries(t.files().map((file) => [file, t.get(file)]));

/** "(12 rendered, 30 reused)" from the build summary. */
function counts(summary: string): { rendered: number; reused: number } {
  const match = /\((\d+) rendered, (\d+) reused\)/.exec(summary);
  if (!match) throw new Error(`no counts in: ${summary}`);
  return { rendered: Number(match[1]), reused: Number(match[2]) };
}

type Change = (root: string) => void;
const edit = (file: string, from: string | RegExp, to: string): Change => (root) => {
  const text = readFileSync(path.join(root, file), 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${from} not found in ${file}`);
  writeProjectFile(root, file, next);
};

const changes: Array<[string, Change, (pages: { rendered: number; total: number }) => void]> = [
  ['a code’s English text', edit('codes/smtp/550.md', 'Check the address with the recipient', 'Ask the recipient for the right address'), ({ rendered, total }) => expect(rendered).toBeLessThan(total / 2)],
  // Every vi page, plus the root chooser and 404, which show every language's labels (3 languages).
  ['one Vietnamese label', edit('locales/vi.json', '"Cách khắc phục"', '"Cách xử lý"'), ({ rendered, total }) => expect(rendered).toBe((total - 2) / 3 + 2)],
  ['a content translation', edit('locales/vi/smtp/235.md', 'Xác thực thành công', 'Đã xác thực'), ({ rendered, total }) => expect(rendered).toBeLessThan(total / 3)],
  // The pages of 235 in every language: which languages they name as alternates changes with it.
  ['a translation removed', (root) => rmSync(path.join(root, 'locales/vi/smtp/235.md')), ({ rendered, total }) => expect(rendered).toBeLessThan(total / 2)],
  ['a template', edit('templates/partials/breadcrumbs.hbs', '<ol>', '<ol class="crumbs">'), ({ rendered, total }) => expect(rendered).toBe(total)],
  ['a language added', (root) => writeProjectFile(root, 'locales/de.json', readFileSync(path.join(REPO, 'locales/de.json'), 'utf8')), ({ rendered, total }) => expect(rendered).toBe(total)],
  ['a language removed', (root) => rmSync(path.join(root, 'locales/ar.json')), () => undefined],
  ['a code deleted', (root) => {
    rmSync(path.join(root, 'codes/http/410.md'));
    edit('codes/http/404.md', 'related: ["410"]', 'related: []')(root);
  }, () => undefined],
];

describe('incremental builds', () => {
  it('gives, after each kind of change, the same bytes as a clean build, rendering only what changed', async () => {
    const root = makeSite({ fixture: 'mini', fromProject: ['templates', 'locales/en.json', 'locales/ar.json'] });
    const first = await buildSite(root);
    expect(first.code, first.stderr).toBe(0);
    const noop = await buildSite(root);
    expect(noop.stdout).toContain('up to date, nothing rewritten');

    for (const [what, change, expectCounts] of changes) {
      change(root);
      const incremental = await buildSite(root);
      expect(incremental.code, `${what}: ${incremental.stderr}`).toBe(0);
      const { rendered, reused } = counts(incremental.stdout);
      expectCounts({ rendered, total: rendered + reused });
      const cleanOut = path.join(root, `clean-${changes.findIndex((c) => c[0] === what)}`);
      const clean = await buildSite(root, '--out', cleanOut);
      expect(counts(clean.stdout).reused, what).toBe(0);
      expect(snapshot(incremental.dist), what).toEqual(snapshot(cleanOut));
    }
  });
});

describe('an English edit that a translation stands in for', () => {
  it('leaves the pages of a language that translates the field as they were; data every language shows renders them all again', async () => {
    const root = makeSite({ fixture: 'mini', fromProject: ['templates', 'locales/en.json', 'locales/ar.json'] });
    expect((await buildSite(root)).code).toBe(0);
    const pages = ['vi/smtp/235/index.html', 'vi/smtp/235-vs-553/index.html', 'vi/smtp/index.html', 'en/smtp/235/index.html', 'en/smtp/235-vs-553/index.html', 'ar/smtp/235/index.html'];
    const inodes = () => Object.fromEntries(pages.map((page) => [page, statSync(path.join(root, 'dist', page)).ino]));
    const clean = async (name: string) => {
      const result = await buildSite(root, '--out', path.join(root, name));
      expect(result.code, result.stderr).toBe(0);
      return snapshot(path.join(root, name));
    };

    // The Vietnamese translation of 235 has its own description; Arabic has none, so it shows the English.
    const before = inodes();
    edit('codes/smtp/235.md', 'The server accepted the credentials', 'The server has accepted the credentials')(root);
    const described = await buildSite(root);
    expect(described.code, described.stderr).toBe(0);
    const after = inodes();
    for (const page of pages.filter((p) => p.startsWith('vi/'))) expect(after[page], page).toBe(before[page]);
    for (const page of pages.filter((p) => !p.startsWith('vi/'))) expect(after[page], page).not.toBe(before[page]);
    expect(readFileSync(path.join(root, 'dist/ar/smtp/235/index.html'), 'utf8')).toContain('The server has accepted the credentials');
    expect(snapshot(described.dist)).toEqual(await clean('clean-described'));

    // The example transcript is shown as it is in every language.
    edit('codes/smtp/235.md', 'C: EHLO client.example.org', 'C: EHLO laptop.example.org')(root);
    const example = await buildSite(root);
    expect(example.code, example.stderr).toBe(0);
    const last = inodes();
    for (const page of pages.filter((p) => p !== 'vi/smtp/index.html')) expect(last[page], page).not.toBe(after[page]);
    expect(snapshot(example.dist)).toEqual(await clean('clean-example'));
  });
});

describe('the output kept from the build before', () => {
  const site = () => makeSite({ fixture: 'mini', fromProject: ['templates', 'locales/en.json', 'locales/ar.json'] });
  const kept = (root: string) => path.join(root, '.code-compare-cache/dist');
  const inode = (file: string) => statSync(file).ino;
  const cleanBuild = async (root: string, name: string) => {
    const out = path.join(root, name);
    const result = await buildSite(root, '--out', out);
    expect(result.code, result.stderr).toBe(0);
    return snapshot(out);
  };

  it('is the replaced output, sharing the files that did not change, and the next build starts from it', async () => {
    const root = site();
    const first = await buildSite(root);
    expect(first.code, first.stderr).toBe(0);
    expect(existsSync(kept(root))).toBe(false);
    const firstOutput = snapshot(first.dist);

    edit('codes/smtp/550.md', 'Check the address with the recipient', 'Ask the recipient for the right address')(root);
    expect((await buildSite(root)).code).toBe(0);
    expect(snapshot(kept(root))).toEqual(firstOutput);
    // A page that does not show 550 is the same file in both; one that does is a new file.
    expect(inode(path.join(root, 'dist/en/http/404/index.html'))).toBe(inode(path.join(kept(root), 'en/http/404/index.html')));
    expect(inode(path.join(root, 'dist/en/smtp/550/index.html'))).not.toBe(inode(path.join(kept(root), 'en/smtp/550/index.html')));

    edit('locales/ar.json', /"intro": "[^"]*"/, '"intro": "مقدمة"')(root);
    const second = snapshot(path.join(root, 'dist'));
    const next = await buildSite(root);
    expect(next.code, next.stderr).toBe(0);
    // Rendered: the Arabic pages and the two pages that show every language; the rest was already there.
    expect(counts(next.stdout).rendered).toBeLessThan(counts(next.stdout).reused);
    expect(snapshot(next.dist)).toEqual(await cleanBuild(root, 'clean'));
    expect(snapshot(kept(root))).toEqual(second);
    expect(readdirSync(root).filter((n) => n.startsWith('.dist.'))).toEqual([]);
  });

  it('is never written through: an update in place (as serve makes) leaves it as it was', async () => {
    const root = site();
    expect((await buildSite(root)).code).toBe(0);
    edit('codes/smtp/550.md', 'Check the address with the recipient', 'Ask the recipient for the right address')(root);
    expect((await buildSite(root)).code).toBe(0);
    // Pages that show 235 and not 550 are hard links shared by the output and the kept output.
    expect(inode(path.join(root, 'dist/en/smtp/235-vs-553/index.html'))).toBe(inode(path.join(kept(root), 'en/smtp/235-vs-553/index.html')));
    const keptBefore = snapshot(kept(root));
    edit('codes/smtp/235.md', /^title: .*$/m, 'title: Signed in')(root);
    const update = await build({ root, out: path.join(root, 'dist'), baseUrl: BASE, strict: false, jobs: 1, inPlace: true });
    expect(update.ok).toBe(true);
    expect(update.rendered).toBeGreaterThan(0);
    expect(snapshot(kept(root))).toEqual(keptBefore);
    edit('codes/http/404.md', /^title: .*$/m, 'title: Nothing here')(root);
    const next = await buildSite(root);
    expect(next.code, next.stderr).toBe(0);
    expect(snapshot(next.dist)).toEqual(await cleanBuild(root, 'clean'));
  });

  it('is known from the record of how it differs from the published output, which a later build believes only about the folders it names', async () => {
    const record = (root: string) => path.join(root, '.code-compare-cache/dist.kept.json');
    const manifestOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, '.code-compare.json'), 'utf8')) as { files: Record<string, string>; filesHash: string };
    // Two sites taken through the same edits; the record of one is made to say one page more differs.
    const [honest, doctored, misnamed] = [site(), site(), site()];
    for (const root of [honest, doctored, misnamed]) {
      expect((await buildSite(root)).code).toBe(0);
      edit('codes/smtp/550.md', 'Check the address with the recipient', 'Ask the recipient for the right address')(root);
      expect((await buildSite(root)).code).toBe(0);
    }
    const written = JSON.parse(readFileSync(record(honest), 'utf8')) as { published: string; kept: string; differences: Record<string, string | null> };
    const [published, keptManifest] = [manifestOf(path.join(honest, 'dist')), manifestOf(kept(honest))];
    expect([written.published, written.kept]).toEqual([published.filesHash, keptManifest.filesHash]);
    expect(asRecord(overlayTable(published.files, written.differences))).toEqual(keptManifest.files);
    expect(written.differences['en/smtp/550/index.html']).toBe(keptManifest.files['en/smtp/550/index.html']);
    expect(written.differences['en/http/404/index.html']).toBeUndefined();

    // The honest site's next build first: what an Arabic page is made from once the Arabic label changes.
    const arabic = 'ar/smtp/550/index.html';
    const changeLabel = edit('locales/ar.json', /"intro": "[^"]*"/, '"intro": "مقدمة"');
    changeLabel(honest);
    const fromHonest = await buildSite(honest);
    expect(fromHonest.code, fromHonest.stderr).toBe(0);
    expect(snapshot(fromHonest.dist)).toEqual(await cleanBuild(honest, 'clean'));
    const newHash = manifestOf(fromHonest.dist).files[arabic]!;
    expect(newHash).not.toBe(keptManifest.files[arabic]);

    // Records that say the kept output holds that page made from the new inputs already.
    for (const [root, named] of [[doctored, {}], [misnamed, { kept: 'another-output' }]] as const) {
      const found = JSON.parse(readFileSync(record(root), 'utf8')) as typeof written;
      writeFileSync(record(root), JSON.stringify({ ...found, ...named, differences: { ...found.differences, [arabic]: newHash } }));
      changeLabel(root);
    }
    const believed = await buildSite(doctored);
    expect(believed.code, believed.stderr).toBe(0);
    // Believed: the page is left as the kept output holds it, one page fewer rendered.
    expect(counts(believed.stdout).rendered).toBe(counts(fromHonest.stdout).rendered - 1);
    const clean = await cleanBuild(doctored, 'clean');
    const output = snapshot(believed.dist);
    expect(Object.keys(output).filter((file) => output[file] !== clean[file])).toEqual([arabic]);
    // About another kept output than the one found: not believed, the kept manifest is read instead.
    const ignored = await buildSite(misnamed);
    expect(ignored.code, ignored.stderr).toBe(0);
    expect(counts(ignored.stdout).rendered).toBe(counts(fromHonest.stdout).rendered);
    expect(snapshot(ignored.dist)).toEqual(await cleanBuild(misnamed, 'clean'));
  });

  it('is not used when something foreign was put into it', async () => {
    const root = site();
    expect((await buildSite(root)).code).toBe(0);
    edit('codes/smtp/550.md', 'Check the address with the recipient', 'Ask the recipient for the right address')(root);
    expect((await buildSite(root)).code).toBe(0);
    writeFileSync(path.join(kept(root), 'stray.txt'), 'not from a build');
    edit('codes/http/404.md', /^title: .*$/m, 'title: Nothing here')(root);
    const next = await buildSite(root);
    expect(next.code, next.stderr).toBe(0);
    expect(existsSync(path.join(next.dist, 'stray.txt'))).toBe(false);
    expect(existsSync(path.join(kept(root), 'stray.txt'))).toBe(false);
    expect(snapshot(next.dist)).toEqual(await cleanBuild(root, 'clean'));
  });
});

describe('parallel rendering', () => {
  it('writes the same bytes with two worker threads as with one', () => {
    const root = makeSite({ fromProject: ['codes', 'locales', 'templates'] });
    const cli = path.join(REPO, 'bin/code-compare.js');
    const outs = ['1', '2'].map((jobs) => {
      const out = path.join(root, `out-${jobs}`);
      const result = spawnSync(process.execPath, [cli, 'build', '--root', root, '--lang', 'en,vi', '--family', 'smtp', '--base-url', 'https://codes.example.com/', '--out', out, '--jobs', jobs], { encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      return out;
    });
    const [one, two] = outs.map(snapshot);
    expect(Object.keys(one!).length).toBeGreaterThan(1000);
    expect(two).toEqual(one);
  });
});
