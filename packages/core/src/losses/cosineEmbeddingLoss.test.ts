import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cosineEmbeddingLoss } from './cosineEmbeddingLoss';
import { RUNS, floats } from './fixtures/testKit';
import type { Caller } from './fixtures/torchKit';
import { RTOL_F64, checkTorchFixtures, expectGradsMatch } from './fixtures/torchKit';

const call: Caller = (a, o) => {
  const r = cosineEmbeddingLoss(a.x1!, a.x2!, a.target!, o);
  return { value: r.value, values: r.values, grads: { x1: r.grad, x2: r.grad2 } };
};
const f64 = (...v: number[]): Float64Array => Float64Array.from(v);

describe('cosineEmbeddingLoss', () => {
  it('runs its JSDoc example', () => {
    const { value, grad } = cosineEmbeddingLoss(f64(1, 0), f64(1, 1), f64(1));
    // (PyTorch's eps of 1e-12 in each squared norm moves the 12th digit.)
    expect(value).toBeCloseTo(1 - Math.SQRT1_2, 11);
    expect(grad[0]).toBeCloseTo(0, 11);
    expect(grad[1]).toBeCloseTo(-Math.SQRT1_2, 11);
  });

  it('matches PyTorch (margins, weights, B x D up to 1 x 300, 1e-200 to 1e200, float32)', () => {
    const s = checkTorchFixtures('cosineEmbedding', call);
    expect(s.cases).toBeGreaterThanOrEqual(80);
    expect(s.worstValue).toBeLessThan(RTOL_F64);
  });

  it('has the right gradients for both labels, margins and weights', () => {
    const x1 = [0.3, -0.2, 1.1, 0.4, 2, -1, 0.15, 0.5, 0.6];
    const x2 = [0.5, 0.1, 0.9, -0.4, 1.5, -0.3, 0.25, -0.5, 0.7];
    for (const margin of [0, 0.2, -0.5]) {
      expectGradsMatch(
        call,
        { x1, x2 },
        { target: f64(1, -1, -1) },
        {
          margin,
          weight: f64(0.5, 1, 2),
        },
      );
    }
  });

  it('stays finite where squared norms overflow (PyTorch gives NaN)', () => {
    const r = cosineEmbeddingLoss(f64(3e200, 4e200), f64(1, 0), f64(1));
    expect(r.value).toBeCloseTo(1 - 0.6, 12);
    expect(Array.from(r.grad).every(Number.isFinite)).toBe(true);
    expect(Array.from(r.grad2).every(Number.isFinite)).toBe(true);
  });

  it('writes into caller buffers and keeps Float32Array', () => {
    const grad = new Float64Array(4);
    const grad2 = new Float64Array(4);
    const r = cosineEmbeddingLoss(f64(1, 2, 3, 4), f64(1, 0, 0, 1), f64(1, -1), {
      out: { grad, grad2 },
    });
    expect(r.grad).toBe(grad);
    expect(r.grad2).toBe(grad2);
    const r32 = cosineEmbeddingLoss(Float32Array.of(1, 2), Float32Array.of(2, 1), f64(1));
    expect(r32.grad).toBeInstanceOf(Float32Array);
    expect(r32.grad2).toBeInstanceOf(Float32Array);
  });

  it('is symmetric, scale-invariant and in [0, 2] (1000 runs)', () => {
    const gen = fc
      .integer({ min: 1, max: 5 })
      .chain((d) =>
        fc.record({ x1: floats(d, -3, 3), x2: floats(d, -3, 3), y: fc.constantFrom(-1, 1) }),
      );
    fc.assert(
      fc.property(gen, ({ x1, x2, y }) => {
        const t = f64(y);
        const a = cosineEmbeddingLoss(f64(...x1), f64(...x2), t);
        const b = cosineEmbeddingLoss(f64(...x2), f64(...x1), t);
        expect(b.value).toBe(a.value);
        expect(Array.from(b.grad)).toEqual(Array.from(a.grad2));
        expect(a.value).toBeGreaterThanOrEqual(0);
        expect(a.value).toBeLessThanOrEqual(2);
      }),
      RUNS,
    );
  });
});
