import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FloatArray, LossResult } from '../types';
import { nllLoss } from './nllLoss';
import { softmaxCrossEntropy } from './softmaxCrossEntropy';

// A class-weighted mean is a ratio: scaling every class weight by one factor leaves the loss and
// its gradient unchanged. normalizeClassWeight keeps that true where the sum of the weights
// overflows (1/Infinity read as a mean of 0) or is subnormal (1/denominator infinite).

type ClassLoss = (
  x: FloatArray,
  t: Int32Array,
  o: { classWeight: Float64Array; labelSmoothing?: number },
) => LossResult;

const cases = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 4 }))
  .chain(([rows, classes]) =>
    fc.record({
      // Hundredths: a logit near 1e-300 times a weight near 2^-1021 underflows, a rounding
      // of the product (absolute error 1e-300), not of the mean.
      logits: fc.array(
        fc.integer({ min: -500, max: 500 }).map((v) => v / 100),
        {
          minLength: rows * classes,
          maxLength: rows * classes,
        },
      ),
      target: fc.array(fc.integer({ min: 0, max: classes - 1 }), {
        minLength: rows,
        maxLength: rows,
      }),
      // In [0.5, 1.75], so that w * 2^k stays normal and finite for k in [-1021, 1023].
      weight: fc.array(fc.double({ min: 0.5, max: 1.75, noNaN: true }), {
        minLength: classes,
        maxLength: classes,
      }),
      k: fc.integer({ min: -1021, max: 1023 }),
      labelSmoothing: fc.constantFrom(0, 0.1),
    }),
  );

/** |a - b| <= 1e-14 |b| elementwise, value and gradient. */
function expectSame(a: LossResult, b: LossResult): void {
  expect(Math.abs(a.value - b.value)).toBeLessThanOrEqual(1e-14 * Math.abs(b.value));
  for (let i = 0; i < b.grad.length; i++) {
    const d = Math.abs((a.grad[i] as number) - (b.grad[i] as number));
    expect(d).toBeLessThanOrEqual(1e-14 * Math.abs(b.grad[i] as number));
  }
}

describe.each([
  ['softmaxCrossEntropy', softmaxCrossEntropy as ClassLoss],
  ['nllLoss', nllLoss as ClassLoss],
] as const)('%s with class weights', (name, loss) => {
  const smoothing = name === 'softmaxCrossEntropy';

  it('is unchanged when every class weight is scaled by 2^k, sums beyond 1e308 included (500 runs)', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const x = Float64Array.from(c.logits);
        const t = Int32Array.from(c.target);
        const w = Float64Array.from(c.weight);
        const scaled = w.map(
          (v) => v * 2 ** Math.trunc(c.k / 2) * 2 ** (c.k - Math.trunc(c.k / 2)),
        );
        const extra = smoothing ? { labelSmoothing: c.labelSmoothing } : {};
        expectSame(
          loss(x, t, { classWeight: scaled, ...extra }),
          loss(x, t, { classWeight: w, ...extra }),
        );
      }),
      { numRuns: 500, seed: 12 },
    );
  });

  it('gives the same mean with subnormal class weights (multiples of 2^-1074)', () => {
    const x = Float64Array.of(0.5, -1, 2, 0, 1, -0.5);
    const t = Int32Array.of(1, 0);
    const whole = Float64Array.of(3, 7, 2);
    const tiny = whole.map((v) => v * 2 ** -1074); // 1.5e-323, 3.5e-323, 1e-323: exact
    expectSame(loss(x, t, { classWeight: tiny }), loss(x, t, { classWeight: whole }));
  });

  it("gives the same mean with the issue's weights [0.9e308, 0.1e308] as with [0.9, 0.1]", () => {
    const x = Float64Array.of(-0.5, -1, -2, -0.25); // log-probabilities for nllLoss
    const t = Int32Array.of(0, 0);
    const big = loss(x, t, { classWeight: Float64Array.of(0.9e308, 0.1e308) });
    const small = loss(x, t, { classWeight: Float64Array.of(0.9, 0.1) });
    expect(big.value).toBeGreaterThan(0);
    expectSame(big, small);
  });
});
