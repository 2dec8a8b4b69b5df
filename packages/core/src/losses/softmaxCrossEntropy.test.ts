import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { softmaxCrossEntropy } from './softmaxCrossEntropy';
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
      pred: floats(B * C, -20, 20),
      target: fc.array(fc.integer({ min: 0, max: C - 1 }), { minLength: B, maxLength: B }),
    }),
  );
const oneHot = (t: number[], C: number): number[] =>
  t.flatMap((y) => Array.from({ length: C }, (_, c) => (c === y ? 1000 : 0)));

describe('softmaxCrossEntropy', () => {
  it('runs its JSDoc example', () => {
    const logits = new Float64Array([2, 0, 0, 0, 0, 2]); // B = 2 rows of C = 3
    const { value, grad } = softmaxCrossEntropy(logits, new Int32Array([0, 2]));
    // value = log(e^2 + 2) - 2 = 0.2395447...; grad row 0 = [p0 - 1, p1, p2] / 2
    const s = Math.exp(2) + 2;
    expect(value).toBeCloseTo(Math.log(s) - 2, 15);
    expect(grad[0]).toBeCloseTo((Math.exp(2) / s - 1) / 2, 15);
    expect(grad[1]).toBeCloseTo(1 / s / 2, 15);
  });

  it('matches the numpy reference (weights, smoothing, ignore_index, probability targets, +-1000)', () => {
    expect(checkFixtures(softmaxCrossEntropy, 'softmaxCrossEntropy')).toBeGreaterThan(12);
  });

  it('accepts class indices as Int32Array, Float64Array or Float32Array alike', () => {
    const x = new Float64Array([1, 2, 3, 0.5, -1, 0]);
    const a = softmaxCrossEntropy(x, new Int32Array([2, 0]));
    expect(softmaxCrossEntropy(x, new Float64Array([2, 0])).value).toBe(a.value);
    expect(softmaxCrossEntropy(x, new Float32Array([2, 0])).value).toBe(a.value);
  });

  it('equals a one-hot probability target, and ignoring rows drops them from the mean', () => {
    const x = new Float64Array([1, 2, 3, 0.5, -1, 0]);
    const byIndex = softmaxCrossEntropy(x, new Int32Array([2, 0]));
    const byProb = softmaxCrossEntropy(x, new Float64Array([0, 0, 1, 1, 0, 0]), { classes: 3 });
    expect(byProb.value).toBeCloseTo(byIndex.value, 15);
    const first = softmaxCrossEntropy(x.subarray(0, 3), new Int32Array([2]));
    const ignored = softmaxCrossEntropy(x, new Int32Array([2, -100]));
    expect(ignored.value).toBe(first.value);
    expect(Array.from(ignored.grad.subarray(3))).toEqual([0, 0, 0]);
  });

  it('gives 0 with a zero gradient when every target is ignored (PyTorch: NaN)', () => {
    const r = softmaxCrossEntropy(new Float64Array([1, 2, 3]), new Int32Array([-100]));
    expect(r.value).toBe(0);
    expect(Array.from(r.grad)).toEqual([0, 0, 0]);
  });

  it('has the right gradient for every option', () => {
    const logits = [1.5, -0.2, 0.3, 2, -1, 0.1, 0.7, 0.7, -2, 3, 0, 1];
    const idx = new Int32Array([2, 0, 3]);
    const probs = new Float64Array([0.1, 0.2, 0.3, 0.4, 1, 0, 0, 0, 0.25, 0.25, 0.25, 0.25]);
    const classWeight = new Float64Array([0.5, 1, 2, 3]);
    const weight = new Float64Array([1, 0.5, 2]);
    for (const labelSmoothing of [0, 0.1, 0.5]) {
      expectGradMatches(softmaxCrossEntropy, logits, idx, { labelSmoothing });
      expectGradMatches(softmaxCrossEntropy, logits, idx, { labelSmoothing, classWeight });
      expectGradMatches(softmaxCrossEntropy, logits, new Int32Array([2, -100, 1]), {
        labelSmoothing,
        classWeight,
        weight,
      });
      expectGradMatches(softmaxCrossEntropy, logits, new Int32Array([2, 1, 1]), {
        labelSmoothing,
        ignoreIndex: 1,
      });
      expectGradMatches(softmaxCrossEntropy, logits, probs, { labelSmoothing, classes: 4 });
      expectGradMatches(softmaxCrossEntropy, logits, probs, {
        labelSmoothing,
        classes: 4,
        classWeight,
        weight,
      });
    }
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(softmaxCrossEntropy, [1, 2, 3, 0.5, -1, 0], new Int32Array([2, 0]));
  });

  it('satisfies its laws (1000 runs)', () => {
    checkProperties(softmaxCrossEntropy, batches, {
      nonNegative: true,
      weightCount: (_p, t) => t.length,
    });
  });

  it('is 0 at a confident correct prediction (1000 runs)', () => {
    fc.assert(
      fc.property(batches, ({ pred, target }) => {
        const C = pred.length / target.length;
        expect(
          softmaxCrossEntropy(Float64Array.from(oneHot(target, C)), Float64Array.from(target))
            .value,
        ).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });
});
