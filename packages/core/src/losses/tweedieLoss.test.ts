import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mseLoss } from './mseLoss';
import { tweedieLoss } from './tweedieLoss';
import {
  RUNS,
  checkBuffersAndF32,
  expectClose,
  expectGradMatches,
  floats,
} from './fixtures/testKit';
import { RTOL_F64, checkTorchFixtures, predTarget } from './fixtures/torchKit';

const POWERS = [-1, -0.5, 0, 1, 1.5, 2, 2.5, 3];

describe('tweedieLoss', () => {
  it('runs its JSDoc example', () => {
    const { value, grad } = tweedieLoss(new Float64Array([2]), new Float64Array([1]), { power: 1 });
    expect(value).toBeCloseTo(2 * (Math.log(0.5) + 1), 15);
    expect(Array.from(grad)).toEqual([1]);
  });

  it('matches scikit-learn (the formula in PyTorch; every power, weights, 1e-100 to 1e50, float32)', () => {
    const s = checkTorchFixtures('tweedie', predTarget(tweedieLoss));
    expect(s.cases).toBeGreaterThanOrEqual(130);
    expect(s.worstValue).toBeLessThan(RTOL_F64);
  });

  it('keeps its digits where mu is close to y (no cancellation of the three terms)', () => {
    // d = 2 y^(2-p) (q^2 / 2 + O(q^3)) with q = log(mu / y); here y = 1 and q is about 1e-9,
    // where scikit-learn's three terms of size 1 leave only rounding (about 1e-16).
    const mu = 1 + 1e-9;
    const q = Math.log1p(mu - 1);
    for (const power of [1, 1.5, 2, 3, -1]) {
      const { value } = tweedieLoss(new Float64Array([mu]), new Float64Array([1]), { power });
      expect(Math.abs(value - q * q)).toBeLessThan(1e-8 * q * q);
    }
  });

  it('has the right gradient for every power, with weights', () => {
    for (const power of POWERS) {
      expectGradMatches(tweedieLoss, [0.3, 1.2, 2.5, 0.8], new Float64Array([0.5, 1, 2, 0.8]), {
        power,
        weight: new Float64Array([0.5, 1, 2, 3]),
      });
    }
  });

  it('is the squared error at p = 0 and the Poisson deviance at p = 1 (1000 runs)', () => {
    const gen = fc
      .integer({ min: 1, max: 6 })
      .chain((n) => fc.record({ mu: floats(n, 0.01, 5), y: floats(n, 0, 5) }));
    fc.assert(
      fc.property(gen, ({ mu, y }) => {
        const m = Float64Array.from(mu);
        const t = Float64Array.from(y);
        expectClose(tweedieLoss(m, t).value, mseLoss(m, t).value, 1e-15, 'p = 0');
        // 2 (y log(y / mu) - y + mu), 0 log 0 = 0: twice the Poisson NLL minus its minimum.
        const d = tweedieLoss(m, t, { power: 1, reduction: 'none' });
        (d.values as Float64Array).forEach((v, i) => {
          const [a, b] = [mu[i] as number, y[i] as number];
          const e = 2 * ((b === 0 ? 0 : b * (Math.log(b) - Math.log(a))) - b + a);
          expect(Math.abs(v - e)).toBeLessThan(1e-12 * (1 + Math.abs(e)));
        });
        expect(d.value).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  it('divides a weighted mean by the sum of the weights (numpy average)', () => {
    const r = tweedieLoss(new Float64Array([1, 3]), new Float64Array([0, 0]), {
      weight: new Float64Array([1, 3]),
    });
    expect(r.value).toBe((1 + 3 * 9) / 4);
    expect(Array.from(r.grad)).toEqual([(2 * 1) / 4, (3 * 2 * 3) / 4]);
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(tweedieLoss, [0.3, 0.5, 0.2, 0.9], new Float64Array([0, 1, 1, 0]), {
      power: 1.5,
    });
  });
});
