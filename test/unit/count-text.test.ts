import { describe, expect, it } from 'vitest';
import { countText } from '../../src/count-text.js';

describe('counts in messages', () => {
  it('are written as toLocaleString("en-US") writes them', () => {
    const numbers = [0, 1, 7, 12, 999, 1000, 1001, 12_345, 50_522, 999_999, 1_000_000, 63_952_123, -1, -1234, -50_522, 2 ** 40, 0.5, 1234.5678];
    for (const n of numbers) expect(countText(n), String(n)).toBe(n.toLocaleString('en-US'));
  });
});
