import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradCheck } from '../gradCheck';
import { cosineSimilarityLoss } from './cosineSimilarityLoss';
import { RUNS, checkBuffersAndF32, expectGradMatches, floats } from './fixtures/testKit';
import { RTOL_F64, checkTorchFixtures, predTarget } from './fixtures/torchKit';

describe('cosineSimilarityLoss', () => {
  it('runs its JSDoc example', () => {
    const { value, grad } = cosineSimilarityLoss(
      new Float64Array([3, 4]),
      new Float64Array([1, 0]),
    );
    expect(value).toBeCloseTo(-0.6, 15);
    expect(grad[0]).toBeCloseTo(-0.128, 15);
    expect(grad[1]).toBeCloseTo(0.096, 15);
  });

  it('matches Keras (the formula in PyTorch; 1e-200 to 1e200, clamped norms, float32)', () => {
    const s = checkTorchFixtures('cosineSimilarity', predTarget(cosineSimilarityLoss));
    expect(s.cases).toBeGreaterThanOrEqual(36);
    expect(s.worstValue).toBeLessThan(RTOL_F64);
  });

  it('has the right gradient, also below the norm clamp, with row weights', () => {
    const target = new Float64Array([1, 0.5, -1, 0.2, 2, 0.3]);
    expectGradMatches(cosineSimilarityLoss, [0.3, -0.2, 1.1, 0.45, 2, -1], target, {
      features: 3,
      weight: new Float64Array([0.5, 2]),
    });
    // |x|^2 = 5e-14 < 1e-12: the norm is the constant 1e-6 (steps of 1e-15 stay below the clamp).
    const tiny = new Float64Array([1e-7, -2e-7]);
    const t = new Float64Array([1, 1]);
    const { grad } = cosineSimilarityLoss(tiny, t);
    const check = gradCheck((v) => cosineSimilarityLoss(v, t).value, grad, tiny, { h: 1e-15 });
    expect(check.maxRelError).toBeLessThan(1e-6);
    expect(grad[0]).toBeCloseTo(-Math.SQRT1_2 / 1e-6, 6);
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(cosineSimilarityLoss, [0.3, 1.5, -2, 4], new Float64Array([0, 1, 1, 0]), {
      features: 2,
    });
  });

  it('lies in [-1, 1], is -1 for the same direction and scale-invariant (1000 runs)', () => {
    const gen = fc
      .integer({ min: 1, max: 6 })
      .chain((d) => fc.record({ x: floats(d, -3, 3), y: floats(d, -3, 3) }));
    fc.assert(
      fc.property(gen, ({ x, y }) => {
        const px = Float64Array.from(x);
        const v = cosineSimilarityLoss(px, Float64Array.from(y)).value;
        expect(Math.abs(v)).toBeLessThanOrEqual(1 + 1e-15);
        if (x.some((e) => Math.abs(e) > 1e-3)) {
          expect(
            cosineSimilarityLoss(
              px,
              px.map((e) => 7 * e),
            ).value,
          ).toBeCloseTo(-1, 14);
        }
      }),
      RUNS,
    );
  });
});
