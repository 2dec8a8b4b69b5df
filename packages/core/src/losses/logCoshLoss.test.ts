import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logCoshLoss } from './logCoshLoss';
import {
  checkBuffersAndF32,
  checkFixtures,
  checkProperties,
  expectGradMatches,
  floats,
} from './fixtures/testKit';

const pairs = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.record({ pred: floats(n, -50, 50), target: floats(n, -50, 50) }));

describe('logCoshLoss', () => {
  it('runs its JSDoc example', () => {
    const { value, grad } = logCoshLoss(new Float64Array([1]), new Float64Array([0]));
    // value = log(cosh(1)) = 0.4337808304830271, grad = [tanh(1)] = [0.7615941559557649]
    expect(value).toBeCloseTo(0.4337808304830271, 15);
    expect(grad[0]).toBeCloseTo(0.7615941559557649, 15);
  });

  it('matches the numpy reference, including |d| of 1e-300 and 1e300', () => {
    expect(checkFixtures(logCoshLoss, 'logCosh')).toBeGreaterThan(3);
  });

  it('is accurate on both sides of the series switch at |d| = 0.1', () => {
    // log cosh x = x^2/2 - x^4/12 + x^6/45 - ..., evaluated to 1e-17 at x = 0.01
    const x = 0.01;
    const series = (x * x) / 2 - x ** 4 / 12 + x ** 6 / 45;
    expect(
      Math.abs(logCoshLoss(new Float64Array([x]), new Float64Array([0])).value - series) / series,
    ).toBeLessThan(1e-13);
    for (const d of [0.0999999, 0.1, 0.1000001]) {
      // cosh d - 1 = 2 sinh^2(d/2) keeps the digits that log(cosh(d)) would lose
      const direct = Math.log1p(2 * Math.sinh(d / 2) ** 2);
      expect(
        Math.abs(logCoshLoss(new Float64Array([d]), new Float64Array([0])).value - direct) / direct,
      ).toBeLessThan(1e-13);
    }
  });

  it('has the right gradient, with and without weights', () => {
    const pred = [-30, -1, -0.05, 0.01, 0.3, 4];
    const target = new Float64Array(6);
    expectGradMatches(logCoshLoss, pred, target);
    expectGradMatches(logCoshLoss, pred, target, { weight: new Float64Array([1, 2, 3, 4, 5, 6]) });
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(logCoshLoss, [1, -2, 0.05], new Float64Array([0, 0, 0]));
  });

  it('satisfies its laws (1000 runs)', () => {
    checkProperties(logCoshLoss, pairs, { nonNegative: true, perfect: (t) => t });
  });
});
