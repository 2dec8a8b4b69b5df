import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LosslabError } from '../errors';
import { leastSquares } from './leastSquares';

const fixtures = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'models.json'), 'utf8')) as {
  leastSquares: { n: number; features: number; x: number[]; y: number[]; beta: number[] };
};

describe('leastSquares', () => {
  it('runs its JSDoc example', () => {
    // y = 2x + 3 exactly
    const beta = leastSquares(new Float64Array([0, 1, 2]), new Float64Array([3, 5, 7]), 3, 1);
    expect(beta[0]).toBeCloseTo(2, 14);
    expect(beta[1]).toBeCloseTo(3, 14);
  });

  it("equals numpy's lstsq on three noisy features", () => {
    const f = fixtures.leastSquares;
    const beta = leastSquares(Float64Array.from(f.x), Float64Array.from(f.y), f.n, f.features);
    f.beta.forEach((b, i) => expect(Math.abs(beta[i]! - b)).toBeLessThan(1e-13));
  });

  it('stays accurate when X^T X is ill-conditioned (features near 1e4 with a small spread)', () => {
    // Normal equations would lose about 8 digits here; QR keeps the exact solution of exact data.
    const n = 20;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = 1e4 + i / 8;
      y[i] = 0.5 * x[i]! - 7;
    }
    const [w, b] = leastSquares(x, y, n, 1);
    expect(Math.abs(w! - 0.5)).toBeLessThan(1e-9);
    expect(Math.abs(b! + 7)).toBeLessThan(1e-5);
  });

  it('names a rank-deficient design instead of returning NaN', () => {
    const dup = new Float64Array([1, 1, 2, 2, 3, 3, 4, 4]); // two identical features
    expect(() => leastSquares(dup, new Float64Array([1, 2, 3, 4]), 4, 2)).toThrow(LosslabError);
    const constant = new Float64Array([5, 5, 5]);
    expect(() => leastSquares(constant, new Float64Array([1, 2, 3]), 3, 1)).toThrow(
      "leastSquares: X'X is singular: the bias column is a linear combination of the columns before it (constant or duplicated feature?)",
    );
  });
});
