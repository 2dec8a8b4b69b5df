import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hingeLoss } from './hingeLoss';
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
const awayFromKink = (p: number[], t: number[]): boolean =>
  p.every((v, i) => Math.abs(1 - (t[i] as number) * v) > 1e-3);

describe('hingeLoss', () => {
  it('runs its JSDoc example', () => {
    const { value, grad } = hingeLoss(new Float64Array([0.5, 2]), new Float64Array([1, -1]));
    // value = (0.5 + 3) / 2 = 1.75, grad = [-1/2, 1/2]
    expect(value).toBe(1.75);
    expect(Array.from(grad)).toEqual([-0.5, 0.5]);
  });

  it('matches the numpy reference', () => {
    expect(checkFixtures(hingeLoss, 'hinge')).toBeGreaterThan(3);
  });

  it('has gradient 0 exactly at the margin', () => {
    expect(
      Array.from(hingeLoss(new Float64Array([1, -1]), new Float64Array([1, -1])).grad),
    ).toEqual([0, 0]);
  });

  it('has the right gradient for each margin and with weights', () => {
    const pred = [-2, -0.3, 0.4, 1.7, 3];
    const target = new Float64Array([1, -1, 1, -1, 1]);
    for (const margin of [0.5, 1, 2.5]) {
      expectGradMatches(hingeLoss, pred, target, { margin });
      expectGradMatches(hingeLoss, pred, target, {
        margin,
        weight: new Float64Array([1, 2, 3, 4, 5]),
      });
    }
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(hingeLoss, [0.2, -5, 9], new Float64Array([1, 1, -1]));
  });

  it('satisfies its laws (1000 runs)', () => {
    checkProperties(hingeLoss, pairs, {
      nonNegative: true,
      perfect: (t) => t.map((y) => 2 * y),
      smoothAt: awayFromKink,
    });
  });
});
