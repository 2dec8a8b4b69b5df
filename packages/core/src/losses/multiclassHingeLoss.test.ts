import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multiclassHingeLoss } from './multiclassHingeLoss';
import { checkBuffersAndF32, checkProperties, expectGradMatches, floats } from './fixtures/testKit';
import { RTOL_F64, checkTorchFixtures, predTarget } from './fixtures/torchKit';

const batches = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 5 }))
  .chain(([B, C]) =>
    fc.record({
      pred: floats(B * C, -3, 3),
      target: fc.array(fc.integer({ min: 0, max: C - 1 }), { minLength: B, maxLength: B }),
    }),
  );

/** The max of each row (with the head start) is unique by 1e-3, so differences see one branch. */
function uniqueMax(pred: number[], target: number[]): boolean {
  const C = pred.length / target.length;
  return target.every((t, i) => {
    const v = pred.slice(i * C, (i + 1) * C).map((x, c) => x + (c === t ? 0 : 1));
    const sorted = [...v].sort((a, b) => b - a);
    return sorted.length < 2 || (sorted[0] as number) - (sorted[1] as number) > 1e-3;
  });
}

describe('multiclassHingeLoss', () => {
  it('runs its JSDoc example', () => {
    const { value, grad } = multiclassHingeLoss(new Float64Array([0.5, 1, 0]), new Int32Array([0]));
    expect(value).toBe(1.5);
    expect(Array.from(grad)).toEqual([-1, 1, 0]);
  });

  it('matches optax (the formula in PyTorch; B x C up to 1 x 300, float32)', () => {
    const s = checkTorchFixtures('multiclassHinge', predTarget(multiclassHingeLoss));
    expect(s.cases).toBeGreaterThanOrEqual(40);
    expect(s.worstValue).toBeLessThan(RTOL_F64);
  });

  it('has the right gradient with row weights', () => {
    expectGradMatches(
      multiclassHingeLoss,
      [0.3, -0.2, 1.1, 0.45, 2, -1, 0.15, 0.5],
      new Int32Array([2, 0]),
      {
        weight: new Float64Array([0.5, 2]),
      },
    );
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(multiclassHingeLoss, [0.3, 1.5, -2, 4], new Int32Array([1, 0]));
  });

  it('satisfies its laws: >= 0, 0 once the true class leads by 1 (1000 runs)', () => {
    checkProperties(multiclassHingeLoss, batches, {
      nonNegative: true,
      smoothAt: uniqueMax,
      weightCount: (_p, t) => t.length,
    });
    fc.assert(
      fc.property(batches, ({ pred, target }) => {
        const C = pred.length / target.length;
        const lead = Float64Array.from(pred, (v, j) =>
          j % C === target[Math.floor(j / C)] ? 4 : v,
        );
        expect(multiclassHingeLoss(lead, Float64Array.from(target)).value).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });
});
