import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { anchorPairsSummary, type AnchorPair } from '../../src/bench/anchor-runs.js';
import { buildFloor, floorSummary } from '../../src/bench/floor.js';
import type { Run } from '../../src/bench/measure.js';
import { writeCorpus } from '../../src/bench/corpus.js';
import { makeTempDir, REPO, run } from '../support/site.js';

// The compiled module: its thread runs the compiled renderer, as the benchmark does.
const { renderFloor } = (await import(pathToFileURL(path.join(REPO, 'lib/bench/render-floor.js')).href)) as typeof import('../../src/bench/render-floor.js');

const runOf = (seconds: number, pages = 1000): Run => ({ step: 'full build', pages, bytes: 0, seconds, pagesPerSecond: Math.round(pages / seconds), peakRssMb: 0, filesWritten: pages, summary: '' });

describe('the floor of the benchmark', () => {
  it('renders every page a build of the corpus writes, as many characters as the build has in its pages', async () => {
    const root = makeTempDir('code-compare-floor-');
    writeCorpus(root, REPO, { codes: 5, languages: 2, families: 1, translated: 0.5 });
    const floor = await renderFloor(root);
    const shared = await renderFloor(root, 3);
    expect([shared.pages, shared.characters, shared.threads]).toEqual([floor.pages, floor.characters, 3]);
    const built = await run('build', '--root', root, '--out', path.join(root, 'dist'));
    expect(built.code).toBe(0);
    const pages = (readdirSync(path.join(root, 'dist'), { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.html'));
    expect(floor.pages).toBe(pages.length);
    expect(floor.characters).toBe(pages.reduce((n, f) => n + readFileSync(path.join(root, 'dist', f), 'utf8').length, 0));
    expect(floor.seconds).toBeGreaterThan(0);
  });

  it('spreads the render over the cores and adds the writes, and says how far the full build is above it', () => {
    const floor = buildFloor({ pages: 1000, threads: 1, seconds: 6, characters: 1 }, { pages: 1000, threads: 2, seconds: 4, characters: 1 }, 1.5);
    expect([floor.seconds, floor.measuredSeconds]).toEqual([4.5, 5.5]);
    const said = floorSummary(floor, runOf(9));
    expect(said).toContain('6.00 s in one thread, 4.00 s on 2 threads at once (1.50× as fast)');
    expect(said).toContain('floor 4.50 s (the render\'s CPU time over 2 cores, then the writes): the full build took 2.00× that');
    expect(said).toContain('(5.50 s), 1.64×');
  });

  it('names the lowest ratio of every anchor run, the steps\' own first', () => {
    const pair = (ratio: number, first: AnchorPair['first']): AnchorPair => ({ ours: runOf(10), anchor: { ...runOf(10 * ratio), tool: 'Eleventy', ratio }, first });
    expect(anchorPairsSummary(2.3, [pair(1.9, 'anchor'), pair(2.4, 'ours')]).split('\n')[0]).toBe("anchor, every run: lowest 1.90× of 3 (run 1: 2.30×, the steps' full build)");
    expect(anchorPairsSummary(1.7, [pair(2.1, 'anchor')])).toMatch(/^anchor, every run: lowest 1\.70× of 2 .*\n {2}run 2 \(Eleventy first\): code-compare 10\.00 s, Eleventy 21\.00 s: 2\.10×$/);
  });
});
