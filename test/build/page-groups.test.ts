import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { InputHashes } from '../../src/model/inputs.js';
import { allPages } from '../../src/model/pages.js';
import { searchPages } from '../../src/model/search.js';
import { validateProject } from '../../src/project.js';
import { hashOutput, rendererHash, type OutputHashes } from '../../src/site-files.js';
import { commitAll, gitInit } from '../support/git.js';
import { BASE, makeSite, writeProjectFile } from '../support/site.js';

async function hashSite(root: string, earlier?: OutputHashes): Promise<OutputHashes> {
  const { site, diagnostics } = await validateProject({ root, baseUrl: BASE });
  if (!site) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  const pages = allPages(site);
  const hashes = new InputHashes(site, rendererHash(site));
  return hashOutput(site, pages, hashes, searchPages(site, pages), new Map(), hashes.reusing(earlier));
}

const edit = (root: string, file: string, from: string | RegExp, to: string) => {
  const text = readFileSync(path.join(root, file), 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${from} not found in ${file}`);
  writeProjectFile(root, file, next);
};

/** Each change, and the languages whose pages it may change (the others keep the earlier hashes). */
const changes: Array<[string, (root: string) => void, readonly string[]]> = [
  ['one Vietnamese label', (root) => edit(root, 'locales/vi.json', '"Cách khắc phục"', '"Cách xử lý"'), ['vi']],
  // Vietnamese translates this field; Arabic shows the English.
  ['an English text Vietnamese translates', (root) => edit(root, 'codes/smtp/235.md', 'The server accepted the credentials', 'The server has accepted the credentials'), ['en', 'ar']],
  // Whether 235 is translated into Vietnamese decides which languages its pages name as alternates, in every language.
  ['a translation removed', (root) => rmSync(path.join(root, 'locales/vi/smtp/235.md')), ['en', 'ar', 'vi']],
  // No language translates 550: every language's pages that show it change, and only those.
  ['an English text no language translates', (root) => edit(root, 'codes/smtp/550.md', 'Check the address with the recipient', 'Ask the recipient for the right address'), ['en', 'ar', 'vi']],
  ['untranslated pages offered to search engines', (root) => edit(root, 'package.json', '{', '{"codeCompare":{"untranslated":"index"},'), ['en', 'ar', 'vi']],
];

/** The same text again, committed a day later: only the date of the file changes, which pages give as when their content last changed. */
const recommit = (file: string, date: string) => (root: string) => {
  const text = readFileSync(path.join(root, file), 'utf8');
  writeProjectFile(root, file, `${text}\n`);
  commitAll(root, date, 'edit');
  writeProjectFile(root, file, text);
  commitAll(root, date, 'undo');
};

/** In a repository, the content files' dates (from its history) are inputs too. */
const datedChanges: Array<[string, (root: string) => void, readonly string[]]> = [
  // Arabic and English pages show no Vietnamese file's date.
  ['a translation committed again', recommit('locales/vi/smtp/235.md', '2026-03-02T10:00:00Z'), ['vi']],
  // Every language shows the English file's date on the pages of 550.
  ['a code committed again', recommit('codes/smtp/550.md', '2026-03-03T10:00:00Z'), ['en', 'ar', 'vi']],
];

/** Changes to what every page is made from: which pages each language translates decides every page's alternates. */
const everywhere = new Set(['a translation removed', 'untranslated pages offered to search engines']);

/** How many pages were hashed one by one while making `hashes`. */
async function hashedPages<T>(make: () => Promise<T>): Promise<{ made: T; hashed: number }> {
  const spy = vi.spyOn(InputHashes.prototype, 'page');
  try {
    const made = await make();
    return { made, hashed: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}

async function checkChanges(root: string, list: typeof changes): Promise<void> {
  let earlier = await hashSite(root);
  expect(Object.keys(earlier.components).sort()).toEqual(['ar', 'en', 'vi']);
  for (const [what, change, changed] of list) {
    change(root);
    const fromScratch = await hashSite(root);
    const { made: reusing, hashed } = await hashedPages(() => hashSite(root, earlier));
    // A change every page shows (which pages each language translates, the policy) hashes every page; others keep some.
    const pages = Object.keys(fromScratch.files).filter((file) => file.endsWith('.html')).length;
    if (everywhere.has(what)) expect(hashed, what).toBe(pages);
    else expect(hashed, what).toBeLessThan(pages);
    expect(reusing.files, what).toEqual(fromScratch.files);
    expect(reusing.build, what).toBe(fromScratch.build);
    const kept = Object.keys(reusing.components).filter((tag) => JSON.stringify(reusing.components[tag]) === JSON.stringify(earlier.components[tag]));
    expect(kept.sort(), what).toEqual(['ar', 'en', 'vi'].filter((tag) => !changed.includes(tag)));
    // The languages it may change did change: a hash taken from before would have been wrong.
    for (const tag of changed) {
      const differ = Object.keys(reusing.files).filter((file) => file.startsWith(`${tag}/`) && reusing.files[file] !== earlier.files[file]);
      expect(differ.length, `${what}: ${tag}`).toBeGreaterThan(0);
    }
    earlier = reusing;
  }
}

describe('a language whose pages are made from what they were made from before', () => {
  const site = () => makeSite({ fixture: 'mini', fromProject: ['templates', 'locales/en.json', 'locales/ar.json'], files: { 'package.json': '{"name":"groups"}\n' } });

  it('keeps the earlier hashes of its pages, and every hash equals the one made from scratch', async () => {
    await checkChanges(site(), changes);
  });

  it('hashes again the pages a code no longer links to, in another family', async () => {
    const root = makeSite({ fixture: 'linked', fromProject: ['templates'] });
    const earlier = await hashSite(root);
    edit(root, 'codes/mail/550.md', 'enhanced: ["5.1.1", "5.1.2"]', 'enhanced: ["5.1.1"]');
    const fromScratch = await hashSite(root);
    const reusing = await hashSite(root, earlier);
    expect(reusing.files).toEqual(fromScratch.files);
    // The page of X.1.2 no longer lists 550 among the codes that link to it.
    const page = Object.keys(fromScratch.files).find((file) => file.startsWith('en/') && file.includes('/X.1.2/'))!;
    expect(fromScratch.files[page]).not.toBe(earlier.files[page]);

    // And those it still links to show its new title.
    edit(root, 'codes/mail/550.md', /^title: .*$/m, 'title: Mailbox not found');
    const retitled = await hashSite(root);
    expect((await hashSite(root, reusing)).files).toEqual(retitled.files);
    const linked = Object.keys(retitled.files).find((file) => file.startsWith('en/') && file.includes('/X.1.1/'))!;
    expect(retitled.files[linked]).not.toBe(reusing.files[linked]);
  });

  it('in a repository, also while the dates its pages show are the same', async () => {
    const root = site();
    gitInit(root, '2026-03-01T10:00:00Z');
    await checkChanges(root, datedChanges);
  });
});
