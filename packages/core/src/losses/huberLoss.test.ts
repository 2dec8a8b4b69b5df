import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { huberLoss } from './huberLoss';
import {
  checkBuffersAndF32,
  checkFixtures,
  checkProperties,
  expectGradMatches,
  floats,
} from './fixtures/testKit';

const pairs = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.record({ pred: floats(n, -10, 10), target: floats(n, -10, 10) }));
const pred = [-3, -0.7, -0.2, 0.1, 0.9, 2.5];
const target = new Float64Array([0, 0, 0.5, 0, 0, 1]);

describe('huberLoss', () => {
  it('runs its JSDoc example', () => {
    const { value, grad } = huberLoss(new Float64Array([0.5, 3]), new Float64Array([0, 0]), {
      delta: 1,
    });
    // value = (0.125 + 2.5) / 2 = 1.3125, grad = [0.5/2, 1/2] = [0.25, 0.5]
    expect(value).toBe(1.3125);
    expect(Array.from(grad)).toEqual([0.25, 0.5]);
  });

  it('matches the numpy reference', () => {
    expect(checkFixtures(huberLoss, 'huber')).toBeGreaterThan(6);
  });

  it('has the right gradient for each delta and with weights', () => {
    for (const delta of [0.25, 1, 4]) {
      expectGradMatches(huberLoss, pred, target, { delta });
      expectGradMatches(huberLoss, pred, target, {
        delta,
        weight: new Float64Array([1, 2, 3, 0.5, 1, 2]),
      });
    }
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(huberLoss, pred, target, { delta: 0.5 });
  });

  it('satisfies its laws (1000 runs)', () => {
    checkProperties(huberLoss, pairs, {
      nonNegative: true,
      perfect: (t) => t,
      options: { delta: 1.5 },
    });
  });
});
