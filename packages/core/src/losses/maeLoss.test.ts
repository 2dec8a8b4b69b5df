import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maeLoss } from './maeLoss';
import {
  checkBuffersAndF32,
  checkFixtures,
  checkProperties,
  expectGradMatches,
  floats,
} from './fixtures/testKit';

const pairs = fc
  .integer({ min: 1, max: 9 })
  .chain((n) => fc.record({ pred: floats(n, -100, 100), target: floats(n, -100, 100) }));
const awayFromKink = (p: number[], t: number[]): boolean =>
  p.every((v, i) => Math.abs(v - (t[i] as number)) > 1e-3);

describe('maeLoss', () => {
  it('runs its JSDoc example', () => {
    const { value, grad } = maeLoss(new Float64Array([1, 2, 3]), new Float64Array([0, 4, 3]));
    // value = (1 + 2 + 0) / 3 = 1, grad = [1/3, -1/3, 0]
    expect(value).toBe(1);
    expect(Array.from(grad)).toEqual([1 / 3, -1 / 3, 0]);
  });

  it('matches the numpy reference (f64 and f32, extreme magnitudes)', () => {
    expect(checkFixtures(maeLoss, 'mae')).toBeGreaterThan(3);
  });

  it('has gradient 0 at the kink, like torch.sign', () => {
    for (const n of [1, 4, 5]) {
      const x = new Float64Array(n).fill(2);
      expect(Array.from(maeLoss(x, x.slice()).grad)).toEqual(new Array(n).fill(0));
    }
  });

  it('has the right gradient away from the kink, with and without weights', () => {
    for (const n of [1, 3, 4, 5, 11]) {
      const pred = Array.from({ length: n }, (_, i) => Math.sin(i + 1) * 3);
      const target = new Float64Array(n).map((_, i) => Math.cos(i));
      expectGradMatches(maeLoss, pred, target);
      expectGradMatches(maeLoss, pred, target, {
        weight: new Float64Array(n).map((_, i) => 0.5 + i),
      });
    }
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(maeLoss, [1, 2, 3], new Float64Array([0, 0, 5]));
  });

  it('names a NaN input', () => {
    expect(() => maeLoss(new Float64Array([1, NaN]), new Float64Array([0, 0]))).toThrow(
      "maeLoss: 'pred' has a non-finite value (NaN) at index 1",
    );
  });

  it('satisfies its laws (1000 runs)', () => {
    checkProperties(maeLoss, pairs, {
      nonNegative: true,
      perfect: (t) => t,
      smoothAt: awayFromKink,
    });
  });
});
