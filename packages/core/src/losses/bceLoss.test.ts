import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bceLoss } from './bceLoss';
import {
  checkBuffersAndF32,
  checkFixtures,
  checkProperties,
  expectGradMatches,
  floats,
} from './fixtures/testKit';

const pairs = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.record({ pred: floats(n, 0.01, 0.99), target: floats(n, 0, 1) }));
const hard = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    pred: floats(n, 0.01, 0.99),
    target: fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n }),
  }),
);

describe('bceLoss', () => {
  it('runs its JSDoc example', () => {
    const { value, grad } = bceLoss(new Float64Array([0.8, 0.4]), new Float64Array([1, 0]));
    // value = -(log 0.8 + log 0.6) / 2 = 0.366985746067…, grad = [-0.2/0.16/2, 0.4/0.24/2] = [-0.625, 0.8333…]
    expect(value).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 15);
    expect(grad[0]).toBeCloseTo(-0.625, 15);
    expect(grad[1]).toBeCloseTo(0.4 / 0.24 / 2, 15);
  });

  it('matches the numpy reference, probabilities of exactly 0 and 1 included (log clamped at -100)', () => {
    expect(checkFixtures(bceLoss, 'bce')).toBeGreaterThan(4);
    const r = bceLoss(new Float64Array([0, 1]), new Float64Array([1, 0]), { reduction: 'none' });
    expect(Array.from(r.values as Float64Array)).toEqual([100, 100]);
    // PyTorch 1.13's autograd gives these: its floor on p(1 - p) is float32(1e-12).
    expect(Array.from(r.grad)).toEqual([-1000000003995.8029, 1000000003995.8029]);
  });

  it('has the right gradient, with and without weights', () => {
    const pred = [0.1, 0.35, 0.5, 0.9];
    const target = new Float64Array([0, 1, 0.3, 1]);
    expectGradMatches(bceLoss, pred, target);
    expectGradMatches(bceLoss, pred, target, { weight: new Float64Array([1, 2, 3, 4]) });
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(bceLoss, [0.2, 0.5, 0.9], new Float64Array([0, 1, 1]));
  });

  it('satisfies its laws (1000 runs)', () => {
    checkProperties(bceLoss, pairs, { nonNegative: true });
    checkProperties(bceLoss, hard, { nonNegative: true, perfect: (t) => t });
  });
});
