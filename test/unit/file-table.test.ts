import { describe, expect, it } from 'vitest';
import { overlayTable, recordTable, tableDifferences, type FileTable } from '../../src/write/file-table.js';

/** A table of `size` files with hashes drawn from a seeded sequence, so each run checks the same tables. */
function table(size: number, seed: number): Record<string, string> {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
  const files: Record<string, string> = {};
  for (let i = 0; i < size; i++) files[`${["en", "vi", "ar"][i % 3]}/smtp/${i}/index.html`] = `h${(next() >>> 16) % 4}`;
  return files;
}

const asRecord = (t: FileTable) => Object.fromEntries(t.files().map((file) => [file, t.get(file)]));

describe('a table seen through another one’s differences', () => {
  it('is exactly the other table, files added, changed and removed included', () => {
    const base = table(300, 1);
    const other: Record<string, string> = { ...table(300, 2), 'pagefind/pagefind.en_1.pf_meta': 'x', 'sitemap.xml': 'y' };
    delete other['vi/smtp/4/index.html'];
    delete other['en/smtp/0/index.html'];
    const differences = tableDifferences(base, other, 1000)!;
    expect(Object.keys(differences).length).toBeGreaterThan(100);
    expect(differences['vi/smtp/4/index.html']).toBeNull();
    const seen = overlayTable(base, differences);
    expect(asRecord(seen)).toEqual(other);
    expect(seen.files()).toHaveLength(Object.keys(other).length);
    expect(seen.has('en/smtp/0/index.html')).toBe(false);
    expect(seen.get('en/smtp/0/index.html')).toBeUndefined();
    expect(seen.has('sitemap.xml')).toBe(true);
    // A file neither table has.
    expect(seen.get('de/index.html')).toBeUndefined();
  });

  it('records nothing for equal tables, and gives up past the limit', () => {
    const base = table(50, 3);
    expect(tableDifferences(base, { ...base }, 0)).toEqual({});
    expect(asRecord(overlayTable(base, {}))).toEqual(base);
    const other = table(50, 4);
    const count = Object.keys(tableDifferences(base, other, 50)!).length;
    expect(count).toBeGreaterThan(2);
    expect(tableDifferences(base, other, count)).toBeDefined();
    expect(tableDifferences(base, other, count - 1)).toBeUndefined();
  });

  it('as parsed, answers for its own files only', () => {
    const files = recordTable({ 'en/index.html': 'a' });
    expect(files.get('en/index.html')).toBe('a');
    expect(files.has('toString')).toBe(false);
    expect(files.get('constructor')).toBeUndefined();
    expect(files.files()).toEqual(['en/index.html']);
  });
});
