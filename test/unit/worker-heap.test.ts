import { describe, expect, it } from 'vitest';
import type { Site } from '../../src/model/types.js';
import { workerHeapLimits } from '../../src/write/render-pages.js';

/** A site of `languages` languages and one family of `codes` codes: all the limit looks at. */
function siteOf(codes: number, languages: number): Site {
  const family = { id: 'f', codes: Array.from({ length: codes }, (_, i) => ({ code: String(i) })) };
  return { languages: Array.from({ length: languages }, (_, i) => ({ tag: `l${i}` })), families: [family] } as unknown as Site;
}

/** What a render worker was measured to hold per code and language (site model and caches together). */
const HELD_PER_LOCALIZED_CODE_MB = 20 / 1024;

describe('the heap limit of a render worker', () => {
  it('is 512 MB for sites up to the bundled one, so that V8 grows the heap by small steps', () => {
    expect(workerHeapLimits(siteOf(195, 10)).maxOldGenerationSizeMb).toBe(512);
    expect(workerHeapLimits(siteOf(3, 1)).maxOldGenerationSizeMb).toBe(512);
  });

  it('grows with the site and stays ten times above what its workers hold', () => {
    for (const [codes, languages] of [[195, 10], [2_000, 10], [5_000, 40]] as const) {
      const { maxOldGenerationSizeMb } = workerHeapLimits(siteOf(codes, languages));
      expect(maxOldGenerationSizeMb).toBeGreaterThanOrEqual(10 * HELD_PER_LOCALIZED_CODE_MB * codes * languages);
    }
    expect(workerHeapLimits(siteOf(5_000, 40)).maxOldGenerationSizeMb).toBeGreaterThan(workerHeapLimits(siteOf(2_000, 10)).maxOldGenerationSizeMb);
  });
});
