import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { klDivLoss } from './klDivLoss';
import {
  checkBuffersAndF32,
  checkFixtures,
  checkProperties,
  expectGradMatches,
  floats,
} from './fixtures/testKit';

/** Rows of C positive numbers normalised to sum to 1. */
const distributions = (rows: number, C: number): fc.Arbitrary<number[]> =>
  floats(rows * C, 0.001, 1).map((v) => {
    const out = v.slice();
    for (let r = 0; r < rows; r++) {
      const s = out.slice(r * C, (r + 1) * C).reduce((a, b) => a + b, 0);
      for (let c = 0; c < C; c++) {
        out[r * C + c] = (out[r * C + c] as number) / s;
      }
    }
    return out;
  });
const pairs = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 4 }))
  .chain(([rows, C]) =>
    fc.record({
      pred: distributions(rows, C).map((q) => q.map(Math.log)),
      target: distributions(rows, C),
    }),
  );

describe('klDivLoss', () => {
  it('runs its JSDoc example', () => {
    const logQ = new Float64Array([Math.log(0.5), Math.log(0.5)]);
    const { value } = klDivLoss(logQ, new Float64Array([0.25, 0.75]), {
      reduction: 'batchmean',
      classes: 2,
    });
    // value = 0.25 log(0.25/0.5) + 0.75 log(0.75/0.5) = 0.130812035941137…
    expect(value).toBeCloseTo(0.25 * Math.log(0.5) + 0.75 * Math.log(1.5), 15);
  });

  it('matches the numpy reference (mean, sum, batchmean, log targets, zero targets)', () => {
    expect(checkFixtures(klDivLoss, 'klDiv')).toBeGreaterThan(6);
  });

  it('gives the same divergence from a log target', () => {
    const x = new Float64Array([-1.2, -0.4, -2]);
    const t = new Float64Array([0.2, 0.5, 0.3]);
    expect(klDivLoss(x, t.map(Math.log), { logTarget: true }).value).toBeCloseTo(
      klDivLoss(x, t).value,
      15,
    );
  });

  it('has the right gradient for every option', () => {
    const pred = [-1.2, -0.4, -2, -0.1, -3, -0.7];
    const target = new Float64Array([0.2, 0.5, 0.3, 0, 0.6, 0.4]);
    expectGradMatches(klDivLoss, pred, target);
    expectGradMatches(klDivLoss, pred, target, { weight: new Float64Array([1, 2, 3, 4, 5, 6]) });
    expectGradMatches(
      klDivLoss,
      pred,
      target.map((t) => Math.log(t + 0.1)),
      { logTarget: true },
    );
    const x = Float64Array.from(pred);
    const g = klDivLoss(x, target, { reduction: 'batchmean', classes: 3 }).grad;
    expect(Array.from(g)).toEqual(Array.from(target).map((t) => -t / 2));
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    checkBuffersAndF32(klDivLoss, [-0.2, -5, -1], new Float64Array([0.5, 0.1, 0.4]));
  });

  it('satisfies its laws (1000 runs): KL >= 0 between distributions, 0 at q = p', () => {
    fc.assert(
      fc.property(pairs, ({ pred, target }) => {
        expect(
          klDivLoss(Float64Array.from(pred), Float64Array.from(target), { reduction: 'sum' }).value,
        ).toBeGreaterThanOrEqual(-1e-15);
      }),
      { numRuns: 1000 },
    );
    checkProperties(klDivLoss, pairs, { perfect: (t) => t.map(Math.log) });
  });
});
