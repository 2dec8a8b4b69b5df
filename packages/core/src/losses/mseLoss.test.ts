import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mseLoss } from './mseLoss';
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

describe('mseLoss', () => {
  it('runs its JSDoc example', () => {
    const { value, grad } = mseLoss(new Float64Array([1, 2]), new Float64Array([0, 4]));
    // value = ((1-0)^2 + (2-4)^2) / 2 = 2.5, grad = [2*1/2, 2*(-2)/2] = [1, -2]
    expect(value).toBe(2.5);
    expect(Array.from(grad)).toEqual([1, -2]);
  });

  it('matches the numpy reference (f64 and f32, extreme magnitudes)', () => {
    expect(checkFixtures(mseLoss, 'mse')).toBeGreaterThan(3);
  });

  it('has the right gradient, with and without weights, in the unrolled path and its tail', () => {
    for (const n of [1, 3, 4, 5, 11]) {
      const pred = Array.from({ length: n }, (_, i) => Math.sin(i + 1) * 3);
      const target = new Float64Array(n).map((_, i) => Math.cos(i));
      expectGradMatches(mseLoss, pred, target);
      expectGradMatches(mseLoss, pred, target, {
        weight: new Float64Array(n).fill(0.5).map((w, i) => w + i),
      });
    }
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(mseLoss, [1, 2, 3], new Float64Array([0, 0, 5]));
  });

  it('reports overflow instead of returning Infinity', () => {
    expect(() => mseLoss(new Float64Array([1e200]), new Float64Array([0]))).toThrow(
      'mseLoss: the loss overflowed to Infinity',
    );
  });

  it('satisfies its laws (1000 runs)', () => {
    checkProperties(mseLoss, pairs, { nonNegative: true, perfect: (t) => t });
  });
});
