import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { poissonNllLoss } from './poissonNllLoss';
import {
  checkBuffersAndF32,
  checkFixtures,
  checkProperties,
  expectGradMatches,
  floats,
} from './fixtures/testKit';

const counts = (n: number): fc.Arbitrary<number[]> =>
  fc.array(fc.integer({ min: 0, max: 12 }), { minLength: n, maxLength: n });
const logPairs = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.record({ pred: floats(n, -5, 5), target: counts(n) }));
const ratePairs = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.record({ pred: floats(n, 0.05, 20), target: counts(n) }));

describe('poissonNllLoss', () => {
  it('runs its JSDoc example', () => {
    const { value, grad } = poissonNllLoss(
      new Float64Array([0, Math.log(2)]),
      new Float64Array([1, 2]),
    );
    // value = ((1 - 0) + (2 - 2 log 2)) / 2 = 0.8068528194400547, grad = [(1-1)/2, (2-2)/2] = [0, 0]
    expect(value).toBeCloseTo(0.8068528194400547, 15);
    expect(Math.abs(grad[0] as number)).toBeLessThan(1e-15);
    expect(Math.abs(grad[1] as number)).toBeLessThan(1e-15);
  });

  it('matches the numpy reference (log input, rate input, full, eps, extremes)', () => {
    expect(checkFixtures(poissonNllLoss, 'poissonNll')).toBeGreaterThan(8);
  });

  it('has the right gradient for every option', () => {
    const target = new Float64Array([0, 1, 2, 5]);
    for (const full of [false, true]) {
      expectGradMatches(poissonNllLoss, [-1, 0.2, 0.7, 1.5], target, { full });
      expectGradMatches(poissonNllLoss, [0.1, 0.8, 2.5, 4], target, { full, logInput: false });
      expectGradMatches(poissonNllLoss, [0.1, 0.8, 2.5, 4], target, {
        full,
        logInput: false,
        eps: 0.5,
      });
      expectGradMatches(poissonNllLoss, [-1, 0.2, 0.7, 1.5], target, {
        full,
        weight: new Float64Array([1, 2, 3, 4]),
      });
    }
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(poissonNllLoss, [0.5, -1, 2], new Float64Array([1, 0, 7]), { full: true });
  });

  it('satisfies its laws (1000 runs): gradient and unit weights (it can be negative, with no zero)', () => {
    checkProperties(poissonNllLoss, logPairs, { options: { full: true } });
    checkProperties(poissonNllLoss, ratePairs, { options: { logInput: false } });
  });
});
