import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { huberLoss } from './huberLoss';
import { smoothL1Loss } from './smoothL1Loss';
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

describe('smoothL1Loss', () => {
  it('runs its JSDoc example', () => {
    const { value, grad } = smoothL1Loss(new Float64Array([0.5, 3]), new Float64Array([0, 0]), {
      beta: 1,
    });
    // value = (0.125 + 2.5) / 2 = 1.3125, grad = [0.25, 0.5]
    expect(value).toBe(1.3125);
    expect(Array.from(grad)).toEqual([0.25, 0.5]);
  });

  it('matches the numpy reference, beta = 0 included', () => {
    expect(checkFixtures(smoothL1Loss, 'smoothL1')).toBeGreaterThan(6);
  });

  it('is the Huber loss divided by beta', () => {
    const p = Float64Array.from(pred);
    expect(smoothL1Loss(p, target, { beta: 0.5 }).value).toBeCloseTo(
      huberLoss(p, target, { delta: 0.5 }).value / 0.5,
      14,
    );
  });

  it('has the right gradient for each beta and with weights', () => {
    for (const beta of [0, 0.25, 1, 4]) {
      expectGradMatches(smoothL1Loss, pred, target, { beta });
      expectGradMatches(smoothL1Loss, pred, target, {
        beta,
        weight: new Float64Array([1, 2, 3, 0.5, 1, 2]),
      });
    }
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(smoothL1Loss, pred, target, { beta: 0.5 });
  });

  it('satisfies its laws (1000 runs)', () => {
    checkProperties(smoothL1Loss, pairs, {
      nonNegative: true,
      perfect: (t) => t,
      options: { beta: 0.5 },
    });
  });
});
