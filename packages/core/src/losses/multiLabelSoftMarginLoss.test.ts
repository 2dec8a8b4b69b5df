import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multiLabelSoftMarginLoss } from './multiLabelSoftMarginLoss';
import { bceWithLogitsLoss } from './bceWithLogitsLoss';
import {
  RUNS,
  checkBuffersAndF32,
  expectClose,
  expectGradMatches,
  floats,
} from './fixtures/testKit';
import { RTOL_F64, checkTorchFixtures, predTarget } from './fixtures/torchKit';

describe('multiLabelSoftMarginLoss', () => {
  it('runs its JSDoc example', () => {
    const { value, grad } = multiLabelSoftMarginLoss(
      new Float64Array([0, 0]),
      new Float64Array([1, 0]),
    );
    expect(value).toBe(Math.LN2);
    expect(Array.from(grad)).toEqual([-0.25, 0.25]);
  });

  it('matches PyTorch (class weights, probability targets, B x C up to 1 x 300, float32)', () => {
    const s = checkTorchFixtures('multiLabelSoftMargin', predTarget(multiLabelSoftMarginLoss));
    expect(s.cases).toBeGreaterThanOrEqual(80);
    expect(s.worstValue).toBeLessThan(RTOL_F64);
  });

  it('has the right gradient with class and row weights', () => {
    const pred = [0.3, -2, 7, -40, 1, 0.5];
    const target = new Float64Array([1, 0, 0.3, 1, 0, 1]);
    expectGradMatches(multiLabelSoftMarginLoss, pred, target, {
      classes: 3,
      classWeight: new Float64Array([0.5, 1, 2]),
      weight: new Float64Array([3, 0.25]),
    });
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(
      multiLabelSoftMarginLoss,
      [0.3, 1.5, -2, 4],
      new Float64Array([1, 0, 0, 1]),
      {
        classes: 2,
      },
    );
  });

  it('is the per-row mean of BCE with logits (1000 runs)', () => {
    const gen = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }))
      .chain(([b, c]) =>
        fc.record({ c: fc.constant(c), pred: floats(b * c, -30, 30), target: floats(b * c, 0, 1) }),
      );
    fc.assert(
      fc.property(gen, ({ c, pred, target }) => {
        const p = Float64Array.from(pred);
        const t = Float64Array.from(target);
        const rows = pred.length / c;
        const ours = multiLabelSoftMarginLoss(p, t, { classes: c });
        const bce = bceWithLogitsLoss(p, t);
        expectClose(ours.value, bce.value, 1e-13, 'value');
        expectClose(
          ours.grad,
          Array.from(bce.grad, (g) => (g * pred.length) / rows / c),
          1e-13,
          'grad',
        );
      }),
      RUNS,
    );
  });
});
