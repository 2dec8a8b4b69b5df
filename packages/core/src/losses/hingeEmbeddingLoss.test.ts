import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hingeEmbeddingLoss } from './hingeEmbeddingLoss';
import { checkBuffersAndF32, checkProperties, expectGradMatches, floats } from './fixtures/testKit';
import { RTOL_F64, checkTorchFixtures, predTarget } from './fixtures/torchKit';

const signed = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    pred: floats(n, -3, 3),
    target: fc.array(fc.constantFrom(-1, 1), { minLength: n, maxLength: n }),
  }),
);

describe('hingeEmbeddingLoss', () => {
  it('runs its JSDoc example', () => {
    const { value, grad } = hingeEmbeddingLoss(
      new Float64Array([0.3, 0.4]),
      new Float64Array([1, -1]),
    );
    expect(value).toBeCloseTo(0.45, 15);
    expect(Array.from(grad)).toEqual([0.5, -0.5]);
  });

  it('matches PyTorch (margins, weights, 1e-300 to 1e300, float32)', () => {
    const s = checkTorchFixtures('hingeEmbedding', predTarget(hingeEmbeddingLoss));
    expect(s.cases).toBeGreaterThanOrEqual(100);
    expect(s.worstValue).toBeLessThan(RTOL_F64);
  });

  it('has the right gradient for each margin and weights', () => {
    const target = new Float64Array([1, -1, -1, 1, -1]);
    for (const margin of [1, 0.5, -0.5, 3]) {
      expectGradMatches(hingeEmbeddingLoss, [0.3, -0.2, 1.7, 0.4, 2.2], target, {
        margin,
        weight: new Float64Array([0.5, 1, 2, 3, 1]),
      });
    }
  });

  it('has a zero gradient at the kink (PyTorch passes -1 there)', () => {
    expect(hingeEmbeddingLoss(new Float64Array([1]), new Float64Array([-1])).grad[0]).toBe(0);
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(hingeEmbeddingLoss, [0.3, 1.5, -2], new Float64Array([1, -1, -1]), {
      margin: 2,
    });
  });

  it('satisfies its laws (1000 runs)', () => {
    checkProperties(hingeEmbeddingLoss, signed, {
      smoothAt: (p, t) => p.every((x, i) => t[i] === 1 || Math.abs(1 - x) > 1e-3),
    });
  });
});
