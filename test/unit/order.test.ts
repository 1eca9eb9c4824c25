import { describe, expect, it } from 'vitest';
import { classPrefix, compareCodes, unorderedPairs } from '../../src/model/order.js';

describe('compareCodes', () => {
  it.each([
    ['550', '553', -1],
    ['553', '550', 1],
    ['99', '100', -1],
    ['5.1.2', '5.1.10', -1],
    ['5.1.10', '5.1.2', 1],
    ['4.7.0', '4.7.0', 0],
    ['5.1', '5.1.0', -1],
  ])('orders %s against %s as %i', (a, b, sign) => {
    expect(Math.sign(compareCodes(a, b))).toBe(sign);
  });
});

describe('unorderedPairs', () => {
  it('makes n(n-1)/2 pairs, the lower code first in each', () => {
    const pairs = unorderedPairs(['553', '235', '550', '250']);
    expect(pairs).toHaveLength(6);
    for (const [a, b] of pairs) expect(compareCodes(a, b)).toBeLessThan(0);
    expect(pairs).toContainEqual(['235', '553']);
    expect(pairs).not.toContainEqual(['553', '235']);
  });

  it('orders numerically, not as text, so 99 comes before 100', () => {
    expect(unorderedPairs(['100', '99'])).toEqual([['99', '100']]);
  });

  it('gives no pair for a single code', () => {
    expect(unorderedPairs(['250'])).toEqual([]);
  });
});

describe('classPrefix', () => {
  it.each([
    ['553', { '5': 'x', '55': 'y' }, '55'],
    ['521', { '5': 'x', '55': 'y' }, '5'],
    ['250', { '5': 'x' }, undefined],
  ])('takes the longest matching prefix of %s', (code, classes, expected) => {
    expect(classPrefix(code, classes)).toBe(expected);
  });
});
