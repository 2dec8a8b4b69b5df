import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tripletMarginLoss } from './tripletMarginLoss';
import { RUNS, floats } from './fixtures/testKit';
import type { Caller } from './fixtures/torchKit';
import { RTOL_F64, checkTorchFixtures, expectGradsMatch } from './fixtures/torchKit';

const call: Caller = (a, o) => {
  const r = tripletMarginLoss(a.anchor!, a.positive!, a.negative!, o);
  return {
    value: r.value,
    values: r.values,
    grads: { anchor: r.grad, positive: r.gradPositive, negative: r.gradNegative },
  };
};
const f64 = (...v: number[]): Float64Array => Float64Array.from(v);

describe('tripletMarginLoss', () => {
  it('runs its JSDoc example', () => {
    const [a, p, n] = [f64(0, 0), f64(0, 1), f64(2, 0)];
    const kink = tripletMarginLoss(a, p, n, { eps: 0 });
    expect(kink.value).toBe(0);
    expect(Array.from(kink.grad)).toEqual([0, 0]);
    const r = tripletMarginLoss(a, p, n, { eps: 0, margin: 1.5 });
    expect(r.value).toBe(0.5);
    expect(Array.from(r.grad)).toEqual([1, -1]);
    expect(Array.from(r.gradNegative)).toEqual([-1, 0]);
  });

  it('matches PyTorch (p, eps, swap, margins, weights, 1e-200 to 1e200, float32)', () => {
    const s = checkTorchFixtures('tripletMargin', call);
    expect(s.cases).toBeGreaterThanOrEqual(140);
    expect(s.worstValue).toBeLessThan(RTOL_F64);
  });

  it('has the right gradients for every p, eps, swap and weights', () => {
    const anchor = [0.3, -0.2, 1.1, 0.4, 2, -1];
    const positive = [0.5, 0.1, 0.9, -0.4, 1.5, -0.3];
    const negative = [0.2, -0.1, 1.3, 0.9, 1.8, -1.4];
    for (const p of [1, 1.5, 2, 3]) {
      for (const swap of [false, true]) {
        expectGradsMatch(
          call,
          { anchor, positive, negative },
          {},
          {
            features: 3,
            p,
            swap,
            margin: 2,
            eps: 1e-3,
            weight: f64(0.5, 2),
          },
        );
      }
    }
  });

  it('uses the positive-negative distance with swap when it is the smaller', () => {
    const [a, p, n] = [f64(0, 0), f64(3, 0), f64(3, 1)];
    const plain = tripletMarginLoss(a, p, n, { eps: 0 });
    const swapped = tripletMarginLoss(a, p, n, { eps: 0, swap: true });
    expect(plain.value).toBeCloseTo(3 - Math.sqrt(10) + 1, 14);
    expect(swapped.value).toBe(3 - 1 + 1);
    expect(Array.from(swapped.grad)).toEqual([-1, 0]);
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    const out = {
      grad: new Float64Array(2),
      gradPositive: new Float64Array(2),
      gradNegative: new Float64Array(2),
      values: new Float64Array(1),
    };
    const r = tripletMarginLoss(f64(0, 0), f64(0, 1), f64(1, 1), { reduction: 'none', out });
    expect(r.grad).toBe(out.grad);
    expect(r.gradPositive).toBe(out.gradPositive);
    expect(r.gradNegative).toBe(out.gradNegative);
    expect(r.values).toBe(out.values);
    const r32 = tripletMarginLoss(Float32Array.of(0), Float32Array.of(1), Float32Array.of(2));
    expect(r32.gradPositive).toBeInstanceOf(Float32Array);
  });

  it('is >= 0 and its three gradients sum to 0 without eps (1000 runs)', () => {
    const gen = fc
      .integer({ min: 1, max: 4 })
      .chain((d) => fc.record({ a: floats(d, -3, 3), p: floats(d, -3, 3), n: floats(d, -3, 3) }));
    fc.assert(
      fc.property(gen, ({ a, p, n }) => {
        const r = tripletMarginLoss(f64(...a), f64(...p), f64(...n), { eps: 0, swap: true });
        expect(r.value).toBeGreaterThanOrEqual(0);
        r.grad.forEach((g, j) => {
          const total = g + (r.gradPositive[j] as number) + (r.gradNegative[j] as number);
          expect(Math.abs(total)).toBeLessThan(1e-12);
        });
      }),
      RUNS,
    );
  });
});
