import path from 'node:path';
import { runAnchor, withRatio, type AnchorRun } from './anchor.js';
import { step, type Run } from './measure.js';

export interface AnchorPair {
  readonly ours: Run;
  readonly anchor: AnchorRun;
  /** Which of the two built first. */
  readonly first: 'ours' | 'anchor';
}

export interface AnchorRunsSetup {
  readonly cli: string;
  readonly eleventy: string;
  readonly corpus: string;
  readonly anchorDir: string;
  readonly moduleDir: string;
  readonly jobs: number | undefined;
  readonly say: (line: string) => void;
}

/**
 * More clean builds of the corpus by both tools, after the steps: `count` pairs, each into new
 * output folders, the first of each pair taking turns (Eleventy first in the first of them), so
 * that one slow minute of a shared machine or a disk still busy with removed files weighs on both.
 * The goal is a lead in every run, and one pair is no test of that.
 */
export async function anchorPairs(setup: AnchorRunsSetup, count: number): Promise<AnchorPair[]> {
  const pairs: AnchorPair[] = [];
  for (let k = 0; k < count; k++) {
    const first = k % 2 === 0 ? 'anchor' : 'ours';
    const name = `run ${k + 2}`;
    const ourBuild = () => step(setup.cli, `full build, ${name}`, setup.corpus, path.join(setup.corpus, `dist-run-${k + 2}`), setup.jobs);
    const theirs = () => runAnchor(setup.eleventy, setup.corpus, setup.anchorDir, setup.moduleDir, setup.say, `_site-run-${k + 2}`);
    const anchorFirst = first === 'anchor' ? await theirs() : undefined;
    const ours = await ourBuild();
    const anchorRun = first === 'anchor' ? anchorFirst : await theirs();
    const anchor = anchorRun && withRatio(anchorRun, ours);
    if (!anchor) break;
    pairs.push({ ours, anchor, first });
  }
  return pairs;
}

/** One line per pair and the lowest ratio of all, the first pair (the steps' full build) included. */
export function anchorPairsSummary(firstRatio: number, pairs: readonly AnchorPair[]): string {
  const lines = pairs.map((p, k) => `  run ${k + 2} (${p.first === 'anchor' ? 'Eleventy' : 'code-compare'} first): code-compare ${p.ours.seconds.toFixed(2)} s, Eleventy ${p.anchor.seconds.toFixed(2)} s: ${p.anchor.ratio.toFixed(2)}×`);
  const lowest = Math.min(firstRatio, ...pairs.map((p) => p.anchor.ratio));
  return [`anchor, every run: lowest ${lowest.toFixed(2)}× of ${pairs.length + 1} (run 1: ${firstRatio.toFixed(2)}×, the steps' full build)`, ...lines].join('\n');
}
