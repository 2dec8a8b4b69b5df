import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multiMarginLoss } from './multiMarginLoss';
import {
  checkBuffersAndF32,
  checkFixtures,
  checkProperties,
  expectGradMatches,
  floats,
} from './fixtures/testKit';

const batches = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 5 }))
  .chain(([B, C]) =>
    fc.record({
      pred: floats(B * C, -3, 3),
      target: fc.array(fc.integer({ min: 0, max: C - 1 }), { minLength: B, maxLength: B }),
    }),
  );

/** No margin term within 1e-3 of its kink, where finite differences straddle it. */
function awayFromKinks(pred: number[], target: number[]): boolean {
  const C = pred.length / target.length;
  return target.every((t, i) =>
    pred
      .slice(i * C, (i + 1) * C)
      .every((x, c) => c === t || Math.abs(1 - (pred[i * C + t] as number) + x) > 1e-3),
  );
}

describe('multiMarginLoss', () => {
  it('runs its JSDoc example', () => {
    const { value, grad } = multiMarginLoss(
      new Float64Array([0.1, 0.2, 0.4, 0.8]),
      new Int32Array([3]),
    );
    // value = ((1-0.8+0.1) + (1-0.8+0.2) + (1-0.8+0.4)) / 4 = 0.325
    // grad = [0.25, 0.25, 0.25, -0.75]
    expect(value).toBeCloseTo(0.325, 15);
    expect(Array.from(grad)).toEqual([0.25, 0.25, 0.25, -0.75]);
  });

  it('matches the numpy reference (p = 1 and 2, margin, class and row weights, extremes)', () => {
    expect(checkFixtures(multiMarginLoss, 'multiMargin')).toBeGreaterThan(4);
  });

  it('has the right gradient for every option', () => {
    const pred = [0.3, -0.2, 1.1, 0.4, 2, -1, 0.15, 0.5, 0.6, -0.4, 0.05, 0.9];
    const target = new Int32Array([2, 0, 3]);
    for (const p of [1, 2]) {
      for (const margin of [0.5, 1, 2]) {
        expectGradMatches(multiMarginLoss, pred, target, { p, margin });
      }
      expectGradMatches(multiMarginLoss, pred, target, {
        p,
        classWeight: new Float64Array([1, 2, 3, 4]),
        weight: new Float64Array([0.5, 1, 2]),
      });
    }
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(multiMarginLoss, [0.1, 0.2, 0.4, 0.8, 1, 0], new Int32Array([1, 2]), {
      p: 2,
    });
  });

  it('satisfies its laws (1000 runs)', () => {
    const weightCount = (_p: number[], t: number[]): number => t.length;
    checkProperties(multiMarginLoss, batches, {
      nonNegative: true,
      smoothAt: awayFromKinks,
      weightCount,
    });
    checkProperties(multiMarginLoss, batches, {
      nonNegative: true,
      options: { p: 2 },
      weightCount,
    });
    fc.assert(
      fc.property(batches, ({ pred, target }) => {
        const C = pred.length / target.length;
        const perfect = Float64Array.from(pred, (v, j) =>
          j % C === target[Math.floor(j / C)] ? 10 : Math.min(v, 3),
        );
        expect(multiMarginLoss(perfect, Float64Array.from(target)).value).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });
});
