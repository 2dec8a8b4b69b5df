import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nllLoss } from './nllLoss';
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
      pred: floats(B * C, -20, 0),
      target: fc.array(fc.integer({ min: 0, max: C - 1 }), { minLength: B, maxLength: B }),
    }),
  );

describe('nllLoss', () => {
  it('runs its JSDoc example', () => {
    const logProb = new Float64Array([Math.log(0.7), Math.log(0.3), Math.log(0.4), Math.log(0.6)]);
    const { value, grad } = nllLoss(logProb, new Int32Array([0, 1]));
    // value = -(log 0.7 + log 0.6) / 2 = 0.4337502838523616, grad = [-0.5, 0, 0, -0.5]
    expect(value).toBeCloseTo(0.4337502838523616, 15);
    expect(Array.from(grad)).toEqual([-0.5, 0, 0, -0.5]);
  });

  it('matches the numpy reference (class weights, ignore_index, row weights)', () => {
    expect(checkFixtures(nllLoss, 'nll')).toBeGreaterThan(4);
  });

  it('on log-softmax equals softmaxCrossEntropy', () => {
    const x = [1, 2, 3, 0.5, -1, 0];
    const logp = new Float64Array(6);
    for (let r = 0; r < 2; r++) {
      const row = x.slice(3 * r, 3 * r + 3);
      const lse = Math.log(row.reduce((a, v) => a + Math.exp(v), 0));
      row.forEach((v, c) => (logp[3 * r + c] = v - lse));
    }
    const t = new Int32Array([2, 0]);
    const classWeight = new Float64Array([1, 2, 3]);
    expect(nllLoss(logp, t, { classWeight }).value).toBeCloseTo(
      softmaxCrossEntropy(Float64Array.from(x), t, { classWeight }).value,
      15,
    );
  });

  it('has the right gradient for every option', () => {
    const pred = [-0.2, -1.5, -3, -0.7, -0.9, -2, -0.1, -4, -1];
    expectGradMatches(nllLoss, pred, new Int32Array([0, 2, 1]));
    expectGradMatches(nllLoss, pred, new Int32Array([0, -100, 1]), {
      classWeight: new Float64Array([1, 2, 3]),
    });
    expectGradMatches(nllLoss, pred, new Int32Array([0, 2, 1]), {
      ignoreIndex: 2,
      weight: new Float64Array([1, 2, 3]),
    });
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(nllLoss, [-1, -2, -0.5, -0.1], new Int32Array([1, 0]));
  });

  it('satisfies its laws (1000 runs)', () => {
    checkProperties(nllLoss, batches, {
      nonNegative: true,
      weightCount: (_p, t) => t.length,
    });
    fc.assert(
      fc.property(batches, ({ pred, target }) => {
        const C = pred.length / target.length;
        const perfect = Float64Array.from(pred, (v, j) =>
          j % C === target[Math.floor(j / C)] ? 0 : v,
        );
        expect(nllLoss(perfect, Float64Array.from(target)).value).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });
});
