import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multiLabelMarginLoss } from './multiLabelMarginLoss';
import { multiMarginLoss } from './multiMarginLoss';
import {
  RUNS,
  checkBuffersAndF32,
  expectClose,
  expectGradMatches,
  floats,
} from './fixtures/testKit';
import { RTOL_F64, checkTorchFixtures, predTarget } from './fixtures/torchKit';

describe('multiLabelMarginLoss', () => {
  it("runs its JSDoc example (PyTorch's documented example)", () => {
    const { value, grad } = multiLabelMarginLoss(
      new Float64Array([0.1, 0.2, 0.4, 0.8]),
      new Int32Array([3, 0, -1, 1]),
    );
    expect(value).toBeCloseTo(0.85, 15);
    expect(Array.from(grad)).toEqual([-0.5, 0.5, 0.5, -0.5]);
  });

  it('matches PyTorch (padded targets, B x C up to 1 x 300, float32)', () => {
    const s = checkTorchFixtures('multiLabelMargin', predTarget(multiLabelMarginLoss));
    expect(s.cases).toBeGreaterThanOrEqual(84);
    expect(s.worstValue).toBeLessThan(RTOL_F64);
  });

  it('has the right gradient with row weights', () => {
    const pred = [0.3, -0.2, 1.1, 0.45, 2, -1, 0.15, 0.5];
    const target = new Int32Array([2, 0, -1, 3, 1, -1, 0, 0]);
    expectGradMatches(multiLabelMarginLoss, pred, target, {
      classes: 4,
      weight: new Float64Array([0.5, 2]),
    });
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(multiLabelMarginLoss, [0.3, 1.5, -2, 4], new Int32Array([1, -1, 0, 1]), {
      classes: 2,
    });
  });

  it('with one label per row is multiMarginLoss (1000 runs)', () => {
    const gen = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 6 }))
      .chain(([b, c]) =>
        fc.record({
          c: fc.constant(c),
          pred: floats(b * c, -3, 3),
          labels: fc.array(fc.integer({ min: 0, max: c - 1 }), { minLength: b, maxLength: b }),
        }),
      );
    fc.assert(
      fc.property(gen, ({ c, pred, labels }) => {
        const p = Float64Array.from(pred);
        const padded = new Int32Array(pred.length).fill(-1);
        labels.forEach((t, i) => (padded[i * c] = t));
        const ours = multiLabelMarginLoss(p, padded, { classes: c });
        const multi = multiMarginLoss(p, Int32Array.from(labels), { classes: c });
        expectClose(ours.value, multi.value, 1e-14, 'value');
        expectClose(ours.grad, multi.grad, 1e-14, 'grad');
      }),
      RUNS,
    );
  });
});
