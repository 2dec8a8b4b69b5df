// Keras's and tfjs's `label_smoothing` on bceLoss and bceWithLogitsLoss (the rest of those
// losses is tested in their own files).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bceLoss } from './bceLoss';
import { bceWithLogitsLoss } from './bceWithLogitsLoss';
import { RUNS, expectClose, expectGradMatches, floats } from './fixtures/testKit';
import { RTOL_F64, checkTorchFixtures, predTarget } from './fixtures/torchKit';

describe('label smoothing of the binary cross-entropies', () => {
  it('matches PyTorch on the smoothed targets (Keras formula; weights, posWeight, float32)', () => {
    const a = checkTorchFixtures('bceLabelSmoothing', predTarget(bceLoss));
    const b = checkTorchFixtures('bceWithLogitsLabelSmoothing', predTarget(bceWithLogitsLoss));
    expect(a.cases + b.cases).toBeGreaterThanOrEqual(128);
    expect(Math.max(a.worstValue, b.worstValue)).toBeLessThan(RTOL_F64);
  });

  it('is the loss of the targets (1 - s) y + s / 2 (1000 runs)', () => {
    const gen = fc.integer({ min: 1, max: 6 }).chain((n) =>
      fc.record({
        p: floats(n, 0.001, 0.999),
        y: floats(n, 0, 1),
        s: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
    );
    fc.assert(
      fc.property(gen, ({ p, y, s }) => {
        const pred = Float64Array.from(p);
        const smoothed = Float64Array.from(y, (v) => v * (1 - s) + 0.5 * s);
        const target = Float64Array.from(y);
        for (const fn of [bceLoss, bceWithLogitsLoss]) {
          const ours = fn(pred, target, { labelSmoothing: s });
          const plain = fn(pred, smoothed);
          expectClose(ours.value, plain.value, 0, `${fn.name} value`);
          expectClose(ours.grad, plain.grad, 0, `${fn.name} grad`);
        }
      }),
      RUNS,
    );
  });

  it('has the right gradients with smoothing', () => {
    const target = new Float64Array([1, 0, 0.3, 1]);
    expectGradMatches(bceLoss, [0.3, 0.2, 0.9, 0.45], target, { labelSmoothing: 0.1 });
    expectGradMatches(bceWithLogitsLoss, [0.3, -2, 7, -40], target, {
      labelSmoothing: 0.2,
      posWeight: 3,
    });
  });

  it('defaults to none, and 1 makes every target 1/2', () => {
    const p = new Float64Array([0.8, 0.1]);
    const t = new Float64Array([1, 0]);
    expect(bceLoss(p, t, { labelSmoothing: 0 }).value).toBe(bceLoss(p, t).value);
    expect(bceLoss(p, t, { labelSmoothing: 1 }).value).toBe(
      bceLoss(p, new Float64Array([0.5, 0.5])).value,
    );
  });

  it('rejects smoothing outside [0, 1] by name', () => {
    const one = new Float64Array([0.5]);
    expect(() => bceLoss(one, one, { labelSmoothing: 1.5 })).toThrow(
      "bceLoss: 'labelSmoothing' must be a number in [0, 1], got 1.5",
    );
    expect(() => bceWithLogitsLoss(one, one, { labelSmoothing: -0.1 })).toThrow(
      "bceWithLogitsLoss: 'labelSmoothing' must be a number in [0, 1], got -0.1",
    );
  });
});
