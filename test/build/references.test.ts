import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCompareSite } from '../support/compare-site.js';
import { buildSite, readPage, text } from '../support/site.js';

// References of any family: an RFC section (linked at rfc-editor.org, in English) or any document
// by its address and title (an operator's API guide), rendered as the title the author gave.

/** The compare fixture with `references` (YAML list lines) added to E1001, built. */
async function build(references: string) {
  const root = makeCompareSite();
  const file = path.join(root, 'codes/api/E1001.md');
  const source = readFileSync(file, 'utf8').replace('related: [E1002]', `related: [E1002]\nreferences:\n${references}`);
  writeFileSync(file, source);
  return { root, result: await buildSite(root), source };
}

describe('references', () => {
  it('link a document by its address with the title as text, and an RFC section in English', async () => {
    const { root, result } = await build('  - url: https://docs.shop.example/errors#E1001\n    title: ShopAPI error guide\n  - rfc: 9110\n    section: "15.5.2"');
    expect(result.code, result.stderr).toBe(0);
    for (const lang of ['en', 'vi']) {
      const links = readPage(path.join(root, 'dist'), `${lang}/api/E1001/index.html`).querySelectorAll('ul.references a');
      expect(links.map((a) => [a.getAttribute('href'), a.getAttribute('hreflang') ?? null])).toEqual([
        ['https://docs.shop.example/errors#E1001', null],
        ['https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2', 'en'],
      ]);
      expect(text(links[0])).toBe('ShopAPI error guide');
      expect(text(links[1])).toContain('9110');
    }
  });

  it.each([
    ['an address that is not http(s)', '  - url: ftp://docs.shop.example/errors\n    title: Guide', 'error: `url` must be an absolute http:// or https:// address [field-value]', 'url: ftp'],
    ['an address without a title', '  - url: https://docs.shop.example/errors', 'error: a `url` reference needs a `title`: the link text readers see [missing-field]', '- url'],
    ['both an RFC and an address', '  - rfc: 9110\n    url: https://docs.shop.example/', 'error: each reference must be a mapping with either `rfc` (and an optional `section`) or `url` and `title` [field-type]', '- rfc'],
  ])('refuse %s, at its position', async (_, references, message, near) => {
    const { result, source } = await build(references);
    expect(result.code).toBe(1);
    const line = source.split('\n').findIndex((l) => l.includes(near)) + 1;
    expect(result.stderr).toMatch(new RegExp(`^codes/api/E1001\\.md:${line}:\\d+: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
  });
});
