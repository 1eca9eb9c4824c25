import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeBaseline, runCase } from './harness.js';
import { mutations } from './mutations.js';

// Broken and odd input files, generated: every build exits 0 or 1, prints only diagnostics in the
// contract's format, and a failed build leaves the previous output byte for byte. `npm test` runs a
// short seeded sample; `npm run fuzz` a long one (FUZZ_RUNS, FUZZ_SEED), with a report.

const runs = Number(process.env.FUZZ_RUNS ?? 40);
const seed = Number(process.env.FUZZ_SEED ?? 20261206);

describe('bad input, generated', () => {
  it(`builds ${runs} broken projects (seed ${seed}) without a crash, a stray line or lost output`, async () => {
    const baseline = await makeBaseline();
    let cases = 0;
    const found = new Map<string, string[]>();
    const details = await fc.check(
      fc.asyncProperty(mutations, async (changes) => {
        cases++;
        const problems = await runCase(baseline, changes);
        if (problems.length) found.set(changes.map((c) => c.name).join('; '), problems);
        return problems.length === 0;
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );
    const report = [`fuzz: seed ${seed}, ${cases} cases run (shrinking included), ${found.size} failing`];
    // A case whose harness threw (not the build: runCase catches that) has no problems listed: its error is the report.
    const problems = [...found.values()].at(-1) ?? [`the case threw: ${details.errorInstance instanceof Error ? (details.errorInstance.stack ?? details.errorInstance.message) : String(details.errorInstance)}`];
    if (details.failed) report.push(`replay: FUZZ_SEED=${seed} (path ${details.counterexamplePath})`, `case: ${details.counterexample?.[0].map((c) => c.name).join('; ')}`, ...problems);
    console.log(report.join('\n'));
    expect(details.failed, report.join('\n')).toBe(false);
  }, 3_600_000);
});
