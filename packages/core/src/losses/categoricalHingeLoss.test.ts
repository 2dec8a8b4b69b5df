import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoricalHingeLoss } from './categoricalHingeLoss';
import { checkBuffersAndF32, checkProperties, expectGradMatches, floats } from './fixtures/testKit';
import { RTOL_F64, checkTorchFixtures, predTarget } from './fixtures/torchKit';

// One row of C scores (the default row length is the whole array) with a one-hot target.
const oneHot = fc.integer({ min: 2, max: 6 }).chain((C) =>
  fc.record({
    pred: floats(C, -3, 3),
    target: fc
      .integer({ min: 0, max: C - 1 })
      .map((t) => Array.from({ length: C }, (_, c) => (c === t ? 1 : 0))),
  }),
);

/** Away from the hinge's kink and from ties of the best wrong class, by 1e-3. */
function smooth(pred: number[], target: number[], C: number): boolean {
  for (let i = 0; i < pred.length / C; i++) {
    const row = pred.slice(i * C, (i + 1) * C);
    const y = target.slice(i * C, (i + 1) * C);
    const wrong = row.map((x, c) => (1 - (y[c] as number)) * x).sort((a, b) => b - a);
    const pos = row.reduce((s, x, c) => s + x * (y[c] as number), 0);
    if (
      Math.abs((wrong[0] as number) - pos + 1) < 1e-3 ||
      (wrong[0] as number) - (wrong[1] as number) < 1e-3
    ) {
      return false;
    }
  }
  return true;
}

describe('categoricalHingeLoss', () => {
  it('runs its JSDoc example', () => {
    const { value, grad } = categoricalHingeLoss(
      new Float64Array([0.3, 0.5, 0.2]),
      new Float64Array([1, 0, 0]),
    );
    expect(value).toBeCloseTo(1.2, 15);
    expect(Array.from(grad)).toEqual([-1, 1, 0]);
  });

  it('matches Keras (the formula in PyTorch; one-hot and soft targets, float32)', () => {
    const s = checkTorchFixtures('categoricalHinge', predTarget(categoricalHingeLoss));
    expect(s.cases).toBeGreaterThanOrEqual(80);
    expect(s.worstValue).toBeLessThan(RTOL_F64);
  });

  it('has the right gradient with soft targets and row weights', () => {
    expectGradMatches(
      categoricalHingeLoss,
      [0.3, -0.2, 1.1, 0.45, 2, -1],
      new Float64Array([0.2, 0.7, 0.1, 1, 0, 0]),
      { classes: 3, weight: new Float64Array([0.5, 2]) },
    );
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(categoricalHingeLoss, [0.3, 1.5, -2, 4], new Float64Array([0, 1, 1, 0]), {
      classes: 2,
    });
  });

  it('satisfies its laws (1000 runs)', () => {
    checkProperties(categoricalHingeLoss, oneHot, {
      nonNegative: true,
      smoothAt: (p, t) => smooth(p, t, p.length),
      weightCount: () => 1,
    });
  });
});
