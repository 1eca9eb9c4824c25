import { describe, expect, inject, it } from 'vitest';
import { htmlFiles } from '../support/dist.js';
import { REPO } from '../support/site.js';
import { bundledSample, validatePages } from '../support/validate-pages.js';

// The second half of the sample, in a file of its own so the two halves run in parallel.
describe('the bundled site', () => {
  it('passes html-validate:recommended on the second half of a sample of its pages', async () => {
    const dist = inject('bundledDist');
    expect(await validatePages(dist, bundledSample(htmlFiles(dist), REPO).filter((_, i) => i % 2 === 1))).toEqual([]);
  }, 600_000);
});
