import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bceLoss } from './bceLoss';
import { crossEntropy } from './crossEntropy';
import {
  checkBuffersAndF32,
  checkFixtures,
  checkProperties,
  expectGradMatches,
  floats,
} from './fixtures/testKit';

const C = 3;
const soft = fc
  .integer({ min: 1, max: 4 })
  .chain((B) => fc.record({ pred: floats(B * C, 0.01, 0.99), target: floats(B * C, 0, 1) }));
const hard = fc.integer({ min: 1, max: 4 }).chain((B) =>
  fc.record({
    pred: floats(B * C, 0.01, 0.99),
    target: fc
      .array(fc.integer({ min: 0, max: C - 1 }), { minLength: B, maxLength: B })
      .map((t) => t.flatMap((y) => [0, 1, 2].map((c) => (c === y ? 1 : 0)))),
  }),
);

describe('crossEntropy', () => {
  it('runs its JSDoc example', () => {
    const { value, grad } = crossEntropy(
      new Float64Array([0.5, 0.25, 0.25]),
      new Float64Array([1, 0, 0]),
    );
    // value = -log 0.5 = 0.6931471805599453, grad = [-2, 0, 0]
    expect(value).toBe(-Math.log(0.5));
    expect(Array.from(grad)).toEqual([-2, -0, -0]);
  });

  it('matches the numpy reference (batches, weights, probabilities of 0 and 1)', () => {
    expect(checkFixtures(crossEntropy, 'crossEntropy')).toBeGreaterThan(4);
  });

  it('on two classes [p, 1 - p] equals binary cross-entropy', () => {
    const p = [0.2, 0.9, 0.5];
    const y = [1, 0, 1];
    const q = new Float64Array(p.flatMap((v) => [v, 1 - v]));
    const t = new Float64Array(y.flatMap((v) => [v, 1 - v]));
    expect(crossEntropy(q, t, { classes: 2 }).value).toBeCloseTo(
      bceLoss(Float64Array.from(p), Float64Array.from(y)).value,
      15,
    );
  });

  it('has the right gradient, with and without row weights', () => {
    const pred = [0.2, 0.5, 0.3, 0.05, 0.9, 0.05];
    const target = new Float64Array([0, 1, 0, 0.3, 0.3, 0.4]);
    expectGradMatches(crossEntropy, pred, target);
    expectGradMatches(crossEntropy, pred, target, {
      classes: 3,
      weight: new Float64Array([2, 0.5]),
    });
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(crossEntropy, [0.2, 0.8, 0.6, 0.4], new Float64Array([1, 0, 0, 1]), {
      classes: 2,
    });
  });

  it('satisfies its laws (1000 runs)', () => {
    const weightCount = (p: number[]): number => p.length / C;
    checkProperties(crossEntropy, soft, {
      nonNegative: true,
      options: { classes: C },
      weightCount,
    });
    checkProperties(crossEntropy, hard, {
      nonNegative: true,
      perfect: (t) => t,
      options: { classes: C },
      weightCount,
    });
  });
});
