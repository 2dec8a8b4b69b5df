import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { squaredHingeLoss } from './squaredHingeLoss';
import {
  checkBuffersAndF32,
  checkFixtures,
  checkProperties,
  expectGradMatches,
  floats,
} from './fixtures/testKit';

const signs = (n: number): fc.Arbitrary<number[]> =>
  fc.array(fc.constantFrom(-1, 1), { minLength: n, maxLength: n });
const pairs = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.record({ pred: floats(n, -5, 5), target: signs(n) }));

describe('squaredHingeLoss', () => {
  it('runs its JSDoc example', () => {
    const { value, grad } = squaredHingeLoss(new Float64Array([0.5, 2]), new Float64Array([1, -1]));
    // value = (0.25 + 9) / 2 = 4.625, grad = [-2*0.5/2, 2*3/2] = [-0.5, 3]
    expect(value).toBe(4.625);
    expect(Array.from(grad)).toEqual([-0.5, 3]);
  });

  it('matches the numpy reference', () => {
    expect(checkFixtures(squaredHingeLoss, 'squaredHinge')).toBeGreaterThan(3);
  });

  it('has the right gradient for each margin and with weights', () => {
    const pred = [-2, -0.3, 0.4, 1.7, 3];
    const target = new Float64Array([1, -1, 1, -1, 1]);
    for (const margin of [0.5, 1, 2.5]) {
      expectGradMatches(squaredHingeLoss, pred, target, { margin });
      expectGradMatches(squaredHingeLoss, pred, target, {
        margin,
        weight: new Float64Array([1, 2, 3, 4, 5]),
      });
    }
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(squaredHingeLoss, [0.2, -5, 9], new Float64Array([1, 1, -1]));
  });

  it('satisfies its laws (1000 runs), smooth at the margin', () => {
    checkProperties(squaredHingeLoss, pairs, {
      nonNegative: true,
      perfect: (t) => t.map((y) => 2 * y),
    });
  });
});
