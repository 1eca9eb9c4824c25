import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/write/collect-garbage.js';

describe('collectGarbage', () => {
  it('frees what nothing refers to any more, at once', () => {
    let garbage: string[][] | undefined = Array.from({ length: 200 }, (_, i) => Array.from({ length: 1000 }, (_, j) => `${i}:${j}:${'x'.repeat(40)}`));
    const held = process.memoryUsage().heapUsed;
    expect(garbage.length).toBe(200);
    garbage = undefined;
    collectGarbage();
    // About 20 MB of strings and arrays were dropped: a full collection frees most of them.
    expect(process.memoryUsage().heapUsed).toBeLessThan(held - 10 * 2 ** 20);
  });
});
