import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { marginRankingLoss } from './marginRankingLoss';
import { RUNS, floats } from './fixtures/testKit';
import type { Caller } from './fixtures/torchKit';
import { RTOL_F64, checkTorchFixtures, expectGradsMatch } from './fixtures/torchKit';

const call: Caller = (a, o) => {
  const r = marginRankingLoss(a.x1!, a.x2!, a.target!, o);
  return { value: r.value, values: r.values, grads: { x1: r.grad, x2: r.grad2 } };
};
const f64 = (...v: number[]): Float64Array => Float64Array.from(v);

describe('marginRankingLoss', () => {
  it('runs its JSDoc example', () => {
    const { value, grad, grad2 } = marginRankingLoss(f64(0.5, 2), f64(1, 1), f64(1, 1), {
      margin: 0.1,
    });
    expect(value).toBeCloseTo(0.3, 15);
    expect(Array.from(grad)).toEqual([-0.5, 0]);
    expect(Array.from(grad2)).toEqual([0.5, 0]);
  });

  it('matches PyTorch (margins, weights, 1e-300 to 1e300, float32)', () => {
    const s = checkTorchFixtures('marginRanking', call);
    expect(s.cases).toBeGreaterThanOrEqual(100);
    expect(s.worstValue).toBeLessThan(RTOL_F64);
  });

  it('has the right gradients (finite differences) for each reduction and weights', () => {
    const fixed = { target: f64(1, -1, 1, -1) };
    for (const margin of [0, 0.5, -0.3]) {
      expectGradsMatch(call, { x1: [0.3, -0.2, 1.1, 0.4], x2: [2, -1, 0.15, 0.95] }, fixed, {
        margin,
        weight: f64(0.5, 1, 2, 3),
      });
    }
  });

  it('has a zero gradient at the kink (PyTorch passes -y there)', () => {
    const r = marginRankingLoss(f64(1), f64(1), f64(1));
    expect(r.value).toBe(0);
    expect(r.grad[0]).toBe(0);
  });

  it('writes into caller buffers, keeps Float32Array and refuses an overlapping buffer', () => {
    const grad = new Float64Array(2);
    const grad2 = new Float64Array(2);
    const values = new Float64Array(2);
    const x1 = f64(0.5, 2);
    const r = marginRankingLoss(x1, f64(1, 1), f64(1, -1), {
      reduction: 'none',
      out: { grad, grad2, values },
    });
    expect(r.grad).toBe(grad);
    expect(r.grad2).toBe(grad2);
    expect(Array.from(values)).toEqual([0.5, 1]);
    const r32 = marginRankingLoss(Float32Array.of(1), Float32Array.of(2), Float32Array.of(1));
    expect(r32.grad).toBeInstanceOf(Float32Array);
    expect(r32.grad2).toBeInstanceOf(Float32Array);
    expect(() => marginRankingLoss(x1, f64(1, 1), f64(1, 1), { out: { grad2: x1 } })).toThrow(
      /'out.grad2' shares memory with 'x1'/,
    );
  });

  it('is >= 0, antisymmetric in its inputs and label (1000 runs)', () => {
    const gen = fc.integer({ min: 1, max: 6 }).chain((n) =>
      fc.record({
        x1: floats(n, -5, 5),
        x2: floats(n, -5, 5),
        y: fc.array(fc.constantFrom(-1, 1), { minLength: n, maxLength: n }),
      }),
    );
    fc.assert(
      fc.property(gen, ({ x1, x2, y }) => {
        const a = marginRankingLoss(f64(...x1), f64(...x2), f64(...y), { margin: 0.5 });
        const b = marginRankingLoss(f64(...x2), f64(...x1), f64(...y.map((v) => -v)), {
          margin: 0.5,
        });
        expect(a.value).toBeGreaterThanOrEqual(0);
        expect(b.value).toBe(a.value);
        expect(Array.from(b.grad)).toEqual(Array.from(a.grad2));
      }),
      RUNS,
    );
  });
});
