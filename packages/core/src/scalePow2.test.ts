import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exponentToUnit, mulPow2, pow2Halves } from './scalePow2';

describe('scalePow2', () => {
  it('runs its JSDoc examples', () => {
    expect(mulPow2(1e300, -1000)).toBe(1e300 / 2 ** 500 / 2 ** 500);
    expect(mulPow2(1, 1074 - 2098)).toBe(2 ** -1024);
    expect(pow2Halves(1074)).toEqual([2 ** 537, 2 ** 537]);
    expect(exponentToUnit(1e-161)).toBe(535);
  });

  it('brings any positive double into [1, 2), subnormals and the largest included (2000 runs)', () => {
    const positive = fc.oneof(
      fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }),
      fc.constantFrom(Number.MIN_VALUE, 2 ** -1022, 1, 2 - 2 ** -52, Number.MAX_VALUE),
    );
    fc.assert(
      fc.property(positive, (x) => {
        const k = exponentToUnit(x);
        const y = mulPow2(x, k);
        expect(y).toBeGreaterThanOrEqual(1);
        expect(y).toBeLessThan(2);
        // Exact: scaling back gives x again.
        expect(mulPow2(y, -k)).toBe(x);
      }),
      { numRuns: 2000, seed: 12 },
    );
  });
});
