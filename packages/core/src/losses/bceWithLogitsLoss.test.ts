import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bceLoss } from './bceLoss';
import { bceWithLogitsLoss } from './bceWithLogitsLoss';
import {
  checkBuffersAndF32,
  checkFixtures,
  checkProperties,
  expectGradMatches,
  floats,
} from './fixtures/testKit';

const pairs = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.record({ pred: floats(n, -30, 30), target: floats(n, 0, 1) }));
const hard = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    pred: floats(n, -30, 30),
    target: fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n }),
  }),
);

describe('bceWithLogitsLoss', () => {
  it('runs its JSDoc example', () => {
    const { value, grad } = bceWithLogitsLoss(
      new Float64Array([1000, -1000]),
      new Float64Array([1, 1]),
    );
    // value = (0 + 1000) / 2 = 500, grad = [0, -1/2]
    expect(value).toBe(500);
    expect(Array.from(grad)).toEqual([0, -0.5]);
  });

  it('matches the numpy reference, logits of +-1000, 1e-300 and 1e300 included', () => {
    expect(checkFixtures(bceWithLogitsLoss, 'bceWithLogits')).toBeGreaterThan(6);
  });

  it('keeps full precision where the loss is tiny (x = -30, y = 0)', () => {
    const { value } = bceWithLogitsLoss(new Float64Array([-30]), new Float64Array([0]), {
      posWeight: 2,
    });
    expect(Math.abs(value - Math.log1p(Math.exp(-30))) / value).toBeLessThan(1e-15);
  });

  it('equals bceLoss on sigmoid(x)', () => {
    const x = new Float64Array([-2, -0.5, 0.3, 4]);
    const y = new Float64Array([0, 1, 0.25, 1]);
    const p = x.map((v) => 1 / (1 + Math.exp(-v)));
    expect(bceWithLogitsLoss(x, y).value).toBeCloseTo(bceLoss(p, y).value, 14);
  });

  it('has the right gradient for every option', () => {
    const pred = [-5, -0.3, 0, 0.7, 3, 12];
    const target = new Float64Array([0, 1, 0.5, 0, 1, 0.2]);
    expectGradMatches(bceWithLogitsLoss, pred, target);
    expectGradMatches(bceWithLogitsLoss, pred, target, { posWeight: 2.5 });
    expectGradMatches(bceWithLogitsLoss, pred, target, { posWeight: new Float64Array([0.5, 3]) });
    expectGradMatches(bceWithLogitsLoss, pred, target, {
      weight: new Float64Array([1, 2, 3, 4, 5, 6]),
    });
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(bceWithLogitsLoss, [0.2, -5, 9], new Float64Array([0, 1, 1]), {
      posWeight: 2,
    });
  });

  it('satisfies its laws (1000 runs)', () => {
    checkProperties(bceWithLogitsLoss, pairs, { nonNegative: true, options: { posWeight: 1.5 } });
    checkProperties(bceWithLogitsLoss, hard, {
      nonNegative: true,
      perfect: (t) => t.map((y) => (2 * y - 1) * 1000),
    });
  });
});
