import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { softMarginLoss } from './softMarginLoss';
import { checkBuffersAndF32, checkProperties, expectGradMatches, floats } from './fixtures/testKit';
import { RTOL_F64, checkTorchFixtures, predTarget } from './fixtures/torchKit';

const signed = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    pred: floats(n, -40, 40),
    target: fc.array(fc.constantFrom(-1, 1), { minLength: n, maxLength: n }),
  }),
);

describe('softMarginLoss', () => {
  it('runs its JSDoc example', () => {
    const { value, grad } = softMarginLoss(new Float64Array([0, 1000]), new Float64Array([1, -1]));
    expect(value).toBe((Math.log(2) + 1000) / 2);
    expect(Array.from(grad)).toEqual([-0.25, 0.5]);
  });

  it('matches PyTorch, exactly where PyTorch loses digits (scores to 1e300, float32)', () => {
    const s = checkTorchFixtures('softMargin', predTarget(softMarginLoss));
    expect(s.cases).toBeGreaterThanOrEqual(35);
    expect(s.worstValue).toBeLessThan(RTOL_F64);
  });

  it('has the right gradient with weights', () => {
    expectGradMatches(softMarginLoss, [0.3, -2, 7, -40], new Float64Array([1, -1, -1, 1]), {
      weight: new Float64Array([0.5, 1, 2, 3]),
    });
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(softMarginLoss, [0.3, 1.5, -2], new Float64Array([1, -1, -1]));
  });

  it('satisfies its laws (1000 runs)', () => {
    checkProperties(softMarginLoss, signed, { nonNegative: true });
  });
});
