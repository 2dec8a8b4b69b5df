import { describe, expect, it } from 'vitest';
import { tverskyLoss } from './tverskyLoss';
import { checkBuffersAndF32, expectGradMatches } from './fixtures/testKit';
import { RTOL_F64, checkTorchFixtures, predTarget } from './fixtures/torchKit';

describe('tverskyLoss', () => {
  it('runs its JSDoc example', () => {
    const { value } = tverskyLoss(new Float64Array([0.9, 0.2]), new Float64Array([1, 0]), {
      alpha: 0.7,
      beta: 0.3,
      smooth: 0,
    });
    expect(value).toBeCloseTo(1 - 0.9 / 1.07, 15);
  });

  it('matches optax (the formula in PyTorch; alpha, beta, smooth, weights, float32)', () => {
    const s = checkTorchFixtures('tversky', predTarget(tverskyLoss));
    expect(s.cases).toBeGreaterThanOrEqual(200);
    expect(s.worstValue).toBeLessThan(RTOL_F64);
  });

  it('weighs false positives with alpha and false negatives with beta', () => {
    // One false positive (p = 1, t = 0) and one true positive: T = 1 / (1 + alpha).
    const fp = tverskyLoss(new Float64Array([1, 1]), new Float64Array([1, 0]), {
      alpha: 0.9,
      beta: 0.1,
      smooth: 0,
    });
    expect(fp.value).toBeCloseTo(1 - 1 / 1.9, 15);
    const fn = tverskyLoss(new Float64Array([1, 0]), new Float64Array([1, 1]), {
      alpha: 0.9,
      beta: 0.1,
      smooth: 0,
    });
    expect(fn.value).toBeCloseTo(1 - 1 / 1.1, 15);
  });

  it('has the right gradient for several alpha and beta, with row weights', () => {
    const target = new Float64Array([1, 0, 0.3, 1, 0, 1]);
    for (const [alpha, beta] of [
      [0.7, 0.3],
      [0, 1],
      [2, 0.5],
    ] as const) {
      expectGradMatches(tverskyLoss, [0.3, 0.2, 0.9, 0.45, 0.6, 0.1], target, {
        features: 3,
        alpha,
        beta,
        smooth: 0.1,
        weight: new Float64Array([0.5, 2]),
      });
    }
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(tverskyLoss, [0.3, 0.5, 0.2, 0.9], new Float64Array([0, 1, 1, 0]), {
      features: 2,
      alpha: 0.3,
      beta: 0.7,
    });
  });
});
