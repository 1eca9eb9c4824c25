import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backgroundDone } from '../../src/bench/measure.js';
import { makeTempDir } from '../support/site.js';

describe('the benchmark between steps', () => {
  it('waits for a copy of the output, or the emptying of a trash folder, under way, and not for those a process that ended left', async () => {
    const root = makeTempDir('code-compare-bench-wait-');
    const out = path.join(root, 'dist');
    const live = path.join(root, '.code-compare-cache', `dist.copy-${process.pid}`);
    mkdirSync(live, { recursive: true });
    setTimeout(() => rmSync(live, { recursive: true, force: true }), 400);
    const waited = await backgroundDone(out);
    expect(waited).toBeGreaterThanOrEqual(0.35);
    expect(waited).toBeLessThan(3);

    // A trash folder being emptied, named after the process emptying it: waited for too.
    const emptying = path.join(root, '.code-compare-cache', `dist.trash-${process.pid}-a1B2c3`);
    mkdirSync(emptying);
    setTimeout(() => rmSync(emptying, { recursive: true, force: true }), 400);
    const waitedForTrash = await backgroundDone(out);
    expect(waitedForTrash).toBeGreaterThanOrEqual(0.35);
    expect(waitedForTrash).toBeLessThan(3);

    mkdirSync(path.join(root, '.code-compare-cache', `dist.copy-${2 ** 22 + 1}`));
    mkdirSync(path.join(root, '.code-compare-cache', `dist.trash-${2 ** 22 + 1}-x9Y8z7`));
    const started = performance.now();
    expect(await backgroundDone(out)).toBe(0);
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 30_000);
});
