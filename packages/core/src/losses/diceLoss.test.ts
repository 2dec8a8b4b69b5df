import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diceLoss } from './diceLoss';
import { tverskyLoss } from './tverskyLoss';
import {
  RUNS,
  checkBuffersAndF32,
  checkProperties,
  expectClose,
  expectGradMatches,
  floats,
} from './fixtures/testKit';
import { RTOL_F64, checkTorchFixtures, predTarget } from './fixtures/torchKit';

// Soft predictions against binary masks (a soft target has no prediction of zero loss).
const masks = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    pred: floats(n, 0, 1),
    target: fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n }),
  }),
);

describe('diceLoss', () => {
  it('runs its JSDoc example', () => {
    const { value, grad } = diceLoss(new Float64Array([0.5, 0.5]), new Float64Array([1, 0]), {
      smooth: 0,
    });
    expect(value).toBe(0.5);
    expect(Array.from(grad)).toEqual([-0.75, 0.25]);
  });

  it('matches optax (the formula in PyTorch; smooth 0, 1e-3, 1; soft and binary; float32)', () => {
    const s = checkTorchFixtures('dice', predTarget(diceLoss));
    expect(s.cases).toBeGreaterThanOrEqual(120);
    expect(s.worstValue).toBeLessThan(RTOL_F64);
  });

  it('has the right gradient for each smoothing, with row weights', () => {
    const target = new Float64Array([1, 0, 0.3, 1, 0, 1]);
    for (const smooth of [0, 0.01, 1]) {
      expectGradMatches(diceLoss, [0.3, 0.2, 0.9, 0.45, 0.6, 0.1], target, {
        features: 3,
        smooth,
        weight: new Float64Array([0.5, 2]),
      });
    }
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(diceLoss, [0.3, 0.5, 0.2, 0.9], new Float64Array([0, 1, 1, 0]), {
      features: 2,
    });
  });

  it('is Tversky with alpha = beta = 1/2, >= 0 and 0 at a perfect binary mask (1000 runs)', () => {
    checkProperties(diceLoss, masks, {
      nonNegative: true,
      perfect: (t) => t,
      // Finite differences step 1e-6 either side: keep inside [0, 1].
      smoothAt: (p) => p.every((x) => x > 1e-5 && x < 1 - 1e-5),
      weightCount: () => 1,
    });
    fc.assert(
      fc.property(masks, ({ pred, target }) => {
        const p = Float64Array.from(pred);
        const t = Float64Array.from(target);
        const d = diceLoss(p, t);
        const tv = tverskyLoss(p, t, { alpha: 0.5, beta: 0.5 });
        expectClose(d.value, tv.value, 0, 'value');
        expectClose(d.grad, tv.grad, 0, 'grad');
      }),
      RUNS,
    );
  });
});
