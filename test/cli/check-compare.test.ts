import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCompareSite } from '../support/compare-site.js';
import { FIXTURES, run } from '../support/site.js';

const fixture = (file: string) => readFileSync(path.join(FIXTURES, 'compare', file), 'utf8');

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function at(text: string, needle: string): string {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, index).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

async function check(files: Record<string, string>) {
  const result = await run('check', '--root', makeCompareSite(files));
  return { ...result, lines: result.stderr.split('\n') };
}

const code = fixture('codes/api/E1003.md');
const pair = fixture('codes/api/pairs/E1001-vs-E1002.md');

describe('check: facets and pair files', () => {
  it('accepts the fixture as it is', async () => {
    const result = await check({});
    expect(result.lines.filter((l) => /\[(unknown-facet|unknown-facet-value|missing-facet|pair-order|pair-name|unknown-code|missing-facet-label)\]/.test(l))).toEqual([]);
    expect(result.code).toBe(0);
  });

  const cases: Array<[string, string, string, string, string]> = [
    ['a facet the family does not declare', 'codes/api/E1003.md', code.replace('  retry: never\n', '  retry: never\n  colour: red\n'), 'red', 'error: unknown facet "colour"; the family declares fault, retry [unknown-facet]'],
    ['a value the facet does not allow', 'codes/api/E1003.md', code.replace('retry: never', 'retry: sometimes'), 'sometimes', 'error: `facets.retry` cannot be "sometimes"; allowed: never, later, at-once [unknown-facet-value]'],
    ['a facet left out', 'codes/api/E1003.md', code.replace('  retry: never\n', ''), 'fault: client', 'warning: no value for facet retry, which the family declares [missing-facet]'],
    ['advice for a code the pair does not compare', 'codes/api/pairs/E1001-vs-E1002.md', pair.replace('  E1002: Ask', '  E1003: Ask'), 'Ask the account', 'error: `advice` names E1003; a pair file advises on its two codes, E1001 and E1002 [unknown-code]'],
  ];
  for (const [what, file, content, needle, message] of cases) {
    it(`reports ${what} where it stands`, async () => {
      const result = await check({ [file]: content });
      expect(result.lines).toContain(`${file}:${at(content, needle)}: ${message}`);
      expect(result.code).toBe(message.startsWith('error') ? 1 : 0);
    });
  }

  it('refuses a pair file in the wrong order, naming the file it should be', async () => {
    const result = await check({ 'codes/api/pairs/E2002-vs-E2001.md': pair.replaceAll('E1001', 'E2002').replaceAll('E1002', 'E2001') });
    expect(result.lines).toContain('codes/api/pairs/E2002-vs-E2001.md:1:1: error: pair files name the codes in pair order: rename E2002-vs-E2001.md to E2001-vs-E2002.md [pair-order]');
    expect(result.code).toBe(1);
  });

  it('refuses a pair file for a code the family does not have', async () => {
    const result = await check({ 'codes/api/pairs/E1001-vs-E9999.md': pair.replaceAll('E1002', 'E9999') });
    expect(result.lines.filter((l) => l.includes('[unknown-code]'))).toEqual([
      'codes/api/pairs/E1001-vs-E9999.md:1:1: error: E1001-vs-E9999.md compares "E9999", which family api does not have; both codes of a pair must be of the family whose pairs/ folder holds it [unknown-code]',
    ]);
  });

  it('reports a facet without labels in en.json at the facet in _family.md', async () => {
    const family = fixture('codes/api/_family.md').replace('  retry: [never, later, at-once]', '  retry: [never, later, at-once, tomorrow]');
    const result = await check({ 'codes/api/_family.md': family });
    expect(result.lines).toContain(`codes/api/_family.md:${at(family, '[never, later, at-once, tomorrow]')}: error: facet "retry" has labels families.api.facets.retry.values.tomorrow, families.api.facets.retry.sentences.tomorrow missing in locales/en.json [missing-facet-label]`);
  });

  it('reports a pair translation made from older English as stale', async () => {
    const changed = pair.replace('at all', 'whatsoever');
    const result = await check({ 'codes/api/pairs/E1001-vs-E1002.md': changed });
    expect(result.lines.some((l) => /^locales\/vi\/api\/pairs\/E1001-vs-E1002\.md:2:\d+: warning: the English has changed since this translation .*\[stale-translation\]$/.test(l))).toBe(true);
  });
});

describe('check: highlights', () => {
  it('refuses a highlighted pair that is not featured, at its place in the list', async () => {
    const family = fixture('codes/api/_family.md').replace('facets:', 'highlights: [E1001-vs-E1002, E2001-vs-E2002]\nfacets:');
    const result = await check({ 'codes/api/_family.md': family });
    expect(result.lines).toContain(`codes/api/_family.md:${at(family, 'E2001-vs-E2002')}: error: \`highlights\` names E2001-vs-E2002, which is not featured: give it a pair file, or list one code in the other's \`related\` [not-featured]`);
  });
});
