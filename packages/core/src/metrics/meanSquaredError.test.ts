import { describe, expect, it } from 'vitest';
import { loadFixture } from '../data/fixtures/loadFixture';
import { meanSquaredError } from './meanSquaredError';

const { regression } = loadFixture<{
  regression: { pred: number[]; target: number[]; mse: number }[];
}>('metrics.json');

describe('meanSquaredError', () => {
  it('runs its JSDoc example', () => {
    expect(meanSquaredError(new Float64Array([1, 2, 3]), new Float64Array([1, 4, 0]))).toBe(13 / 3);
  });

  it.each(regression.map((c) => [c.pred.length, c] as const))(
    "equals numpy's np.mean((pred - target)**2) at n = %i",
    (_n, c) => {
      const value = meanSquaredError(Float64Array.from(c.pred), Float64Array.from(c.target));
      // numpy sums pairwise, this sums in order: equal to a few ulps.
      expect(Math.abs(value - c.mse)).toBeLessThanOrEqual(1e-13 * c.mse);
    },
  );

  it('accepts Float32Array and is zero on a perfect prediction', () => {
    const x = new Float32Array([0.5, -2, 7]);
    expect(meanSquaredError(x, x)).toBe(0);
    expect(meanSquaredError(x, new Float32Array([1.5, -2, 7]))).toBe(1 / 3);
  });
});
