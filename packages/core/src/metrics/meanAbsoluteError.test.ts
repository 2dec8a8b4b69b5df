import { describe, expect, it } from 'vitest';
import { loadFixture } from '../data/fixtures/loadFixture';
import { meanAbsoluteError } from './meanAbsoluteError';

const { regression } = loadFixture<{
  regression: { pred: number[]; target: number[]; mae: number }[];
}>('metrics.json');

describe('meanAbsoluteError', () => {
  it('runs its JSDoc example', () => {
    expect(meanAbsoluteError(new Float64Array([1, 2, 3]), new Float64Array([1, 4, 0]))).toBe(5 / 3);
  });

  it.each(regression.map((c) => [c.pred.length, c] as const))(
    "equals numpy's np.mean(np.abs(pred - target)) at n = %i",
    (_n, c) => {
      const value = meanAbsoluteError(Float64Array.from(c.pred), Float64Array.from(c.target));
      expect(Math.abs(value - c.mae)).toBeLessThanOrEqual(1e-13 * c.mae);
    },
  );

  it('accepts Float32Array', () => {
    expect(meanAbsoluteError(new Float32Array([1, -1]), new Float32Array([0, 0]))).toBe(1);
  });
});
