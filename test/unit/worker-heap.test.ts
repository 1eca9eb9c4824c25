import { describe, expect, it } from 'vitest';
import type { Site } from '../../src/model/types.js';
import { workerHeapLimits } from '../../src/write/render-pages.js';

/** A site of `languages` languages and one family of `codes` codes: all the limit looks at, with the size of its JSON. */
function siteOf(codes: number, languages: number): Site {
  const family = { id: 'f', codes: Array.from({ length: codes }, (_, i) => ({ code: String(i) })) };
  return { languages: Array.from({ length: languages }, (_, i) => ({ tag: `l${i}` })), families: [family] } as unknown as Site;
}

const MB = 2 ** 20;

/** What a render worker was measured to hold: 14–20 times the site model's JSON, about 20 KB a code and language. */
const held = (codes: number, languages: number, jsonBytes: number) => Math.max((20 * jsonBytes) / MB, (20 / 1024) * codes * languages);

describe('the heap limit of a render worker', () => {
  it('is 512 MB for sites up to the bundled one (2.2 MB of JSON), so that V8 grows the heap by small steps', () => {
    expect(workerHeapLimits(siteOf(195, 10), 2.2 * MB).maxOldGenerationSizeMb).toBe(512);
    expect(workerHeapLimits(siteOf(3, 1), 20_000).maxOldGenerationSizeMb).toBe(512);
  });

  it('grows with the site, by its codes or by the size of its texts, ten times above what a worker holds', () => {
    const sites = [[195, 10, 2.2 * MB], [2_000, 10, 3 * MB], [195, 10, 40 * MB], [5_000, 40, 60 * MB]] as const;
    for (const [codes, languages, bytes] of sites) {
      expect(workerHeapLimits(siteOf(codes, languages), bytes).maxOldGenerationSizeMb).toBeGreaterThanOrEqual(10 * held(codes, languages, bytes));
    }
    expect(workerHeapLimits(siteOf(195, 10), 40 * MB).maxOldGenerationSizeMb).toBeGreaterThan(512);
    expect(workerHeapLimits(siteOf(2_000, 10), 3 * MB).maxOldGenerationSizeMb).toBeGreaterThan(512);
  });
});
