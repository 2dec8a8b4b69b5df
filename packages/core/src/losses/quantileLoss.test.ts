import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maeLoss } from './maeLoss';
import { quantileLoss } from './quantileLoss';
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
const awayFromKink = (p: number[], t: number[]): boolean =>
  p.every((v, i) => Math.abs(v - (t[i] as number)) > 1e-3);

describe('quantileLoss', () => {
  it('runs its JSDoc example', () => {
    const { value, grad } = quantileLoss(new Float64Array([0, 2]), new Float64Array([1, 1]), {
      q: 0.9,
    });
    // value = (0.9*1 + 0.1*1) / 2 = 0.5, grad = [-0.9/2, 0.1/2] = [-0.45, 0.05]
    expect(value).toBeCloseTo(0.5, 15);
    expect(grad[0]).toBeCloseTo(-0.45, 15);
    expect(grad[1]).toBeCloseTo(0.05, 15);
  });

  it('matches the numpy reference', () => {
    expect(checkFixtures(quantileLoss, 'quantile')).toBeGreaterThan(6);
  });

  it('is half the MAE at q = 0.5, gradient included', () => {
    const p = new Float64Array([1, -2, 3, 0]);
    const t = new Float64Array([0, 1, 3, 0.5]);
    expect(quantileLoss(p, t).value).toBe(maeLoss(p, t).value / 2);
    expect(Array.from(quantileLoss(p, t).grad)).toEqual(
      Array.from(maeLoss(p, t).grad).map((g) => g / 2),
    );
  });

  it('has the right gradient for each q and with weights', () => {
    const pred = [-3, -0.7, -0.2, 0.1, 0.9, 2.5];
    const target = new Float64Array([0, 0, 0.5, 0, 0, 1]);
    for (const q of [0.1, 0.5, 0.95]) {
      expectGradMatches(quantileLoss, pred, target, { q });
      expectGradMatches(quantileLoss, pred, target, {
        q,
        weight: new Float64Array([1, 2, 3, 0.5, 1, 2]),
      });
    }
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(quantileLoss, [1, -2, 3], new Float64Array([0, 0, 3]), { q: 0.3 });
  });

  it('satisfies its laws (1000 runs)', () => {
    checkProperties(quantileLoss, pairs, {
      nonNegative: true,
      perfect: (t) => t,
      smoothAt: awayFromKink,
      options: { q: 0.7 },
    });
  });
});
