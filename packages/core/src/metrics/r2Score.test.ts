import { describe, expect, it } from 'vitest';
import { loadFixture } from '../data/fixtures/loadFixture';
import { r2Score } from './r2Score';

const { regression } = loadFixture<{
  regression: { pred: number[]; target: number[]; r2?: number }[];
}>('metrics.json');

describe('r2Score', () => {
  it('runs its JSDoc example', () => {
    expect(r2Score(new Float64Array([1, 2, 3]), new Float64Array([1, 2, 4]))).toBeCloseTo(
      11 / 14,
      15,
    );
  });

  it.each(regression.filter((c) => c.r2 !== undefined).map((c) => [c.pred.length, c] as const))(
    "equals numpy's 1 - SS_res / SS_tot at n = %i",
    (_n, c) => {
      const value = r2Score(Float64Array.from(c.pred), Float64Array.from(c.target));
      expect(Math.abs(value - (c.r2 as number))).toBeLessThan(1e-13);
    },
  );

  it('is 1 for a perfect fit and 0 for predicting the mean', () => {
    const t = new Float64Array([3, -1, 4, 1, 5]);
    expect(r2Score(t, t)).toBe(1);
    expect(r2Score(new Float64Array(5).fill(2.4), t)).toBeCloseTo(0, 15);
  });

  it("stays accurate when the targets' mean is huge (two-pass sums)", () => {
    const t = new Float64Array([1e9 + 1, 1e9 + 2, 1e9 + 3]);
    const p = new Float64Array([1e9 + 1, 1e9 + 2, 1e9 + 4]);
    expect(r2Score(p, t)).toBe(0.5);
  });

  it('follows scikit-learn on constant targets: 1 if perfect, else 0', () => {
    const t = new Float64Array([2, 2, 2]);
    expect(r2Score(t, t)).toBe(1);
    expect(r2Score(new Float64Array([2, 2, 3]), t)).toBe(0);
  });
});
