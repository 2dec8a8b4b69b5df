import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { msleLoss } from './msleLoss';
import {
  checkBuffersAndF32,
  checkFixtures,
  checkProperties,
  expectGradMatches,
  floats,
} from './fixtures/testKit';

const pairs = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.record({ pred: floats(n, 0.01, 100), target: floats(n, 0, 100) }));

describe('msleLoss', () => {
  it('runs its JSDoc example', () => {
    const { value, grad } = msleLoss(new Float64Array([Math.E - 1]), new Float64Array([0]));
    // value = (1 - 0)^2 = 1, grad = [2 * 1 / e] = [0.7357588823428847]
    expect(value).toBeCloseTo(1, 15);
    expect(grad[0]).toBeCloseTo(0.7357588823428847, 15);
  });

  it('matches the numpy reference, including 0, 1e-300 and 1e300', () => {
    expect(checkFixtures(msleLoss, 'msle')).toBeGreaterThan(3);
  });

  it('has the right gradient, with and without weights', () => {
    const pred = [0.5, 3, 10, 100];
    const target = new Float64Array([0, 5, 10.5, 1]);
    expectGradMatches(msleLoss, pred, target);
    expectGradMatches(msleLoss, pred, target, { weight: new Float64Array([1, 2, 3, 4]) });
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(msleLoss, [1, 2, 3], new Float64Array([0, 0, 5]));
  });

  it('satisfies its laws (1000 runs)', () => {
    checkProperties(msleLoss, pairs, { nonNegative: true, perfect: (t) => t });
  });
});
