import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gaussianNllLoss } from './gaussianNllLoss';
import { mseLoss } from './mseLoss';
import {
  checkBuffersAndF32,
  checkFixtures,
  checkProperties,
  expectGradMatches,
  floats,
} from './fixtures/testKit';

const pairs = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.record({ pred: floats(n, -10, 10), target: floats(n, -10, 10) }));

describe('gaussianNllLoss', () => {
  it('runs its JSDoc example', () => {
    const { value, grad } = gaussianNllLoss(new Float64Array([1]), new Float64Array([3]), {
      variance: new Float64Array([4]),
    });
    // value = (log 4 + 4/4) / 2 = 1.1931471805599454, grad = [(1 - 3) / 4] = [-0.5]
    expect(value).toBeCloseTo(1.1931471805599454, 15);
    expect(Array.from(grad)).toEqual([-0.5]);
  });

  it('matches the numpy reference (per-element, shared and clamped variances, full)', () => {
    expect(checkFixtures(gaussianNllLoss, 'gaussianNll')).toBeGreaterThan(6);
  });

  it('is half the MSE with the default unit variance', () => {
    const p = new Float64Array([1, -2, 3]);
    const t = new Float64Array([0, 1, 3]);
    expect(gaussianNllLoss(p, t).value).toBeCloseTo(mseLoss(p, t).value / 2, 15);
  });

  it('accepts a variance as a number, one value or one per element, alike', () => {
    const p = new Float64Array([1, -2, 3]);
    const t = new Float64Array([0, 1, 3]);
    const a = gaussianNllLoss(p, t, { variance: 2 }).value;
    expect(gaussianNllLoss(p, t, { variance: new Float64Array([2]) }).value).toBe(a);
    expect(gaussianNllLoss(p, t, { variance: new Float64Array([2, 2, 2]) }).value).toBe(a);
  });

  it('has the right gradient for every option', () => {
    const pred = [-1, 0.2, 0.7, 1.5];
    const target = new Float64Array([0, 1, 2, -5]);
    for (const full of [false, true]) {
      expectGradMatches(gaussianNllLoss, pred, target, { full });
      expectGradMatches(gaussianNllLoss, pred, target, {
        full,
        variance: new Float64Array([0.5, 1, 2, 1e-9]),
        eps: 1e-3,
      });
      expectGradMatches(gaussianNllLoss, pred, target, {
        full,
        variance: 3,
        weight: new Float64Array([1, 2, 3, 4]),
      });
    }
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(gaussianNllLoss, [0.5, -1, 2], new Float64Array([1, 0, 7]), {
      variance: 0.5,
    });
  });

  it('satisfies its laws (1000 runs): gradient and unit weights (log variance makes it signed)', () => {
    checkProperties(gaussianNllLoss, pairs, { options: { variance: 0.3, full: true } });
  });
});
