import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { byLanguage, type SearchPage } from '../../src/model/search.js';
import { belongsTo, mergeEntries, ownerOf, parseEntry } from '../../src/write/search-entry.js';
import { inSlices, runIndexer, type SearchFile } from '../../src/write/search-index.js';
import { indexFromFiles, indexPages, joinLanguages, languagesOf } from '../../src/write/search-languages.js';
import { htmlFiles } from '../support/dist.js';
import { buildSite, makeSite, readPage } from '../support/site.js';
import { snapshot } from '../support/snapshot.js';

const sha = (file: SearchFile) => createHash('sha256').update(file.content).digest('hex');
const byName = (files: readonly SearchFile[]) => Object.fromEntries([...files].sort((a, b) => a.name.localeCompare(b.name)).map((file) => [file.name, sha(file)]));

/** The search fixture built, its searchable pages, and the index the build published, file by file. */
async function searchSite(): Promise<{ dist: string; pages: SearchPage[]; published: Record<string, string> }> {
  const { code, stderr, dist } = await buildSite(makeSite({ fixture: 'search' }));
  expect(code, stderr).toBe(0);
  const pages: SearchPage[] = htmlFiles(dist)
    .filter((file) => readPage(dist, file).querySelector('main[data-pagefind-body]'))
    .map((file) => ({ lang: file.split('/')[0]!, file }));
  const published = Object.fromEntries(Object.entries(snapshot(path.join(dist, 'pagefind'))).sort(([a], [b]) => a.localeCompare(b)));
  return { dist, pages, published };
}

/** Each group's index made by a run of its own. */
const alone = (dist: string, groups: readonly (readonly SearchPage[])[]) => Promise.all(groups.map(async (group) => indexFromFiles(await runIndexer(dist, group))));

describe('an index made language by language', () => {
  it('is, byte for byte, the index Pagefind makes of all languages at once, and the one the build publishes', async () => {
    const { dist, pages, published } = await searchSite();
    const groups = [...byLanguage(pages).values()];
    expect(groups.length).toBe(5);

    const atOnce = await runIndexer(dist, pages);
    const joined = joinLanguages(await alone(dist, groups));
    expect(byName(joined)).toEqual(byName(atOnce));
    expect(byName(joined)).toEqual(published);
  });

  it('can be made in one run and split by language: each part is the one Pagefind makes of the language alone', async () => {
    const { dist, pages } = await searchSite();
    const groups = [...byLanguage(pages).values()];
    const whole = indexFromFiles(await runIndexer(dist, pages));
    const parts = languagesOf(whole, groups);
    const made = await alone(dist, groups);
    expect(parts.map((part) => Object.keys(part.entry.languages))).toEqual(groups.map((group) => [group[0]!.lang.toLowerCase()]));
    parts.forEach((part, i) => {
      expect(part.own.length, groups[i]![0]!.lang).toBeGreaterThan(0);
      expect(byName(joinLanguages([part])), groups[i]![0]!.lang).toEqual(byName(joinLanguages([made[i]!])));
    });
    // A language the run found nothing of has no line and no files of its own, as when it is made alone.
    const [none] = languagesOf(whole, [[{ lang: 'xx', file: 'xx/index.html' }]]);
    expect(none!.entry.languages).toEqual({});
    expect(none!.own).toEqual([]);
  });
});

describe("the files of one language's index", () => {
  const entry = parseEntry(
    JSON.stringify({
      version: '1.6.0',
      languages: {
        pt: { hash: 'pt_11aa', wasm: 'pt', page_count: 3 },
        'pt-br': { hash: 'pt-br_22bb', wasm: 'pt-br', page_count: 4 },
        ja: { hash: 'ja_33cc', wasm: null, page_count: 2 },
      },
      include_characters: ['_'],
    }),
  );

  it('are its metadata, its chunks and its stemmer; a language named like the start of another keeps to its own', () => {
    expect(ownerOf(entry, 'pagefind.pt-br_22bb.pf_meta')).toBe('pt-br');
    expect(ownerOf(entry, 'fragment/pt-br_0c1d2e3.pf_fragment')).toBe('pt-br');
    expect(ownerOf(entry, 'fragment/pt_0c1d2e3.pf_fragment')).toBe('pt');
    expect(ownerOf(entry, 'index/ja_99.pf_index')).toBe('ja');
    expect(ownerOf(entry, 'wasm.pt.pagefind')).toBe('pt');
    // The engine's: its scripts and the wasm for languages without a stemmer.
    for (const name of ['pagefind.js', 'pagefind-worker.js', 'wasm.unknown.pagefind']) expect(ownerOf(entry, name), name).toBeUndefined();
    expect(belongsTo('ja', entry.languages.ja!, 'wasm.null.pagefind')).toBe(false);
  });

  it('join into one entry file in Pagefind order (by key), with the version and settings where Pagefind writes them', () => {
    const merged = mergeEntries(entry, new Map([['vi', { hash: 'vi_44dd', wasm: null, page_count: 5 }], ['en', { hash: 'en_55ee', wasm: 'en', page_count: 6 }]]));
    expect(merged).toBe('{"version":"1.6.0","languages":{"en":{"hash":"en_55ee","wasm":"en","page_count":6},"vi":{"hash":"vi_44dd","wasm":null,"page_count":5}},"include_characters":["_"]}');
    expect(() => parseEntry('{"languages":{}}')).toThrow(/not a Pagefind entry file/);
  });
});

describe("the preview's index, made in the background", () => {
  it('is the index the build publishes, and leaves none of its work folders behind', async () => {
    const { dist, pages, published } = await searchSite();
    const made = await indexPages(dist, pages);
    expect(byName(made)).toEqual(published);
    // The work folders were moved into one trash folder, which a process of its own removes.
    const workFolders = () => readdirSync(dist).filter((name) => name.startsWith('.search-'));
    expect(workFolders().every((name) => name.startsWith('.search-trash-'))).toBe(true);
    await expect.poll(workFolders, { timeout: 20_000, interval: 100 }).toEqual([]);
  });

  it('works through many files a slice at a time, in order, letting other work run between slices', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('other work'));
    const results = await inSlices([1, 2, 3, 4, 5], (n) => {
      order.push(`item ${n}`);
      return n * 10;
    }, 2);
    expect(results).toEqual([10, 20, 30, 40, 50]);
    expect(order).toEqual(['item 1', 'item 2', 'other work', 'item 3', 'item 4', 'item 5']);
  });
});
