import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RandomState } from '../data/RandomState';
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

  it('property: the residual is orthogonal to every column of [X 1] (the normal equations hold)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 1e6 }),
        (features, extra, seed) => {
          const n = features + 1 + extra;
          const rng = new RandomState(seed);
          const x = rng.normal(0, 3, n * features);
          const y = rng.normal(1, 5, n);
          const beta = leastSquares(x, y, n, features);
          const r = new Float64Array(n);
          for (let i = 0; i < n; i++) {
            let p = beta[features]!;
            for (let j = 0; j < features; j++) {
              p += x[i * features + j]! * beta[j]!;
            }
            r[i] = p - y[i]!;
          }
          const scale = n * 5 * 3 * 10; // |column| x |y|, generously: round-off is far smaller
          for (let j = 0; j <= features; j++) {
            let dot = 0;
            for (let i = 0; i < n; i++) {
              dot += (j < features ? x[i * features + j]! : 1) * r[i]!;
            }
            if (!(Math.abs(dot) < 1e-12 * scale)) {
              return false;
            }
          }
          return true;
        },
      ),
      { numRuns: 100, seed: 7 },
    );
  });
});
