import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapeLoss } from './mapeLoss';
import {
  checkBuffersAndF32,
  checkFixtures,
  checkProperties,
  expectGradMatches,
  floats,
} from './fixtures/testKit';

const pairs = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    pred: floats(n, -100, 100),
    target: floats(n, 0.5, 100).map((t) => t.map((v, i) => (i % 2 === 0 ? v : -v))),
  }),
);
const awayFromKink = (p: number[], t: number[]): boolean =>
  p.every((v, i) => Math.abs(v - (t[i] as number)) > 1e-3);

describe('mapeLoss', () => {
  it('runs its JSDoc example', () => {
    const { value, grad } = mapeLoss(new Float64Array([110, 45]), new Float64Array([100, 50]));
    // value = (0.1 + 0.1) / 2 = 0.1, grad = [0.01/2, -0.02/2] = [0.005, -0.01]
    expect(value).toBeCloseTo(0.1, 15);
    expect(grad[0]).toBeCloseTo(0.005, 15);
    expect(grad[1]).toBeCloseTo(-0.01, 15);
  });

  it('matches the numpy reference (scikit-learn semantics), zero targets included', () => {
    expect(checkFixtures(mapeLoss, 'mape')).toBeGreaterThan(3);
  });

  it('has the right gradient, with and without weights', () => {
    const pred = [1, -3, 12, 0.5];
    const target = new Float64Array([2, -1, 10, -4]);
    expectGradMatches(mapeLoss, pred, target);
    expectGradMatches(mapeLoss, pred, target, { weight: new Float64Array([1, 2, 3, 4]) });
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(mapeLoss, [1, 2, 3], new Float64Array([2, 1, 5]));
  });

  it('satisfies its laws (1000 runs)', () => {
    checkProperties(mapeLoss, pairs, {
      nonNegative: true,
      perfect: (t) => t,
      smoothAt: awayFromKink,
    });
  });
});
