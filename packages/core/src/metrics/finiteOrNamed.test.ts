// No silent non-finite (issue 12) for the metrics: on finite inputs at every magnitude a float
// holds, each metric returns a finite number or throws a LosslabError from that metric saying what
// overflowed; and the scale-free ones do not change when the data are scaled by a power of two,
// down to subnormal squares and up to overflowing sums. Seeded, so a failure reproduces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { F32, F64, finiteOrOverflow, real, typed } from '../losses/fixtures/extremeArbitraries';
import type { Precision } from '../losses/fixtures/extremeArbitraries';
import { mulPow2 } from '../scalePow2';
import { accuracy } from './accuracy';
import { meanAbsoluteError } from './meanAbsoluteError';
import { meanSquaredError } from './meanSquaredError';
import { r2Score } from './r2Score';

/** Runs per metric and precision: 4 metrics x 2 precisions x 1600 = 12,800 cases. */
const RUNS = 1600;
const SEED = 12;

/** Predictions and targets of one length (at least `min`). */
function pairs(
  p: Precision,
  min: number,
): fc.Arbitrary<[Float64Array | Float32Array, Float64Array | Float32Array]> {
  return fc
    .integer({ min, max: 6 })
    .chain((n) => fc.tuple(typed(p, real(p), n), typed(p, real(p), n)));
}

const specs: Record<string, (p: Precision) => fc.Arbitrary<() => number>> = {
  meanSquaredError: (p) =>
    pairs(p, 1).map(
      ([a, b]) =>
        () =>
          meanSquaredError(a, b),
    ),
  meanAbsoluteError: (p) =>
    pairs(p, 1).map(
      ([a, b]) =>
        () =>
          meanAbsoluteError(a, b),
    ),
  r2Score: (p) =>
    pairs(p, 2).map(
      ([a, b]) =>
        () =>
          r2Score(a, b),
    ),
  accuracy: (p) =>
    fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 4 }))
      .chain(([rows, classes]) =>
        fc.tuple(
          typed(p, real(p), rows * classes),
          fc.array(fc.integer({ min: 0, max: classes - 1 }), { minLength: rows, maxLength: rows }),
        ),
      )
      .map(
        ([scores, t]) =>
          () =>
            accuracy(scores, Int32Array.from(t)),
      ),
};

describe('no silent non-finite: every metric is finite or a named overflow', () => {
  for (const [name, spec] of Object.entries(specs)) {
    for (const p of [F64, F32]) {
      it(`${name} in ${p.f32 ? 'float32' : 'float64'} (${RUNS} cases)`, () => {
        let ok = 0;
        fc.assert(
          fc.property(spec(p), (run) => {
            if (finiteOrOverflow(name, run) === 'ok') {
              ok++;
            }
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        );
        expect(ok).toBeGreaterThan(RUNS / 3);
      });
    }
  }
});

/** Everyday data and a power of two that keeps every scaled value normal and finite. */
const scaled = fc.integer({ min: 2, max: 6 }).chain((n) =>
  fc.record({
    pred: fc.array(
      fc.integer({ min: -1000, max: 1000 }).map((v) => v / 100),
      {
        minLength: n,
        maxLength: n,
      },
    ),
    target: fc.array(
      fc.integer({ min: -1000, max: 1000 }).map((v) => v / 100),
      {
        minLength: n,
        maxLength: n,
      },
    ),
    k: fc.integer({ min: -1010, max: 1015 }),
  }),
);

describe('metrics at every scale', () => {
  it('r2Score is unchanged by scaling both arrays by 2^k (1000 runs)', () => {
    fc.assert(
      fc.property(scaled, ({ pred, target, k }) => {
        const p = Float64Array.from(pred);
        const t = Float64Array.from(target);
        const r = r2Score(p, t);
        expect(
          r2Score(
            p.map((v) => mulPow2(v, k)),
            t.map((v) => mulPow2(v, k)),
          ),
        ).toBe(r);
      }),
      { numRuns: 1000, seed: SEED },
    );
  });

  it("r2Score of the issue's poor fit at the scale of 1e-161 is its value at scale 1", () => {
    const p = [0, 3, 0, 5];
    const t = [1, 2, 3, 4];
    const at = (s: number): number =>
      r2Score(
        Float64Array.from(p, (v) => v * s),
        Float64Array.from(t, (v) => v * s),
      );
    // numpy: 1 - sum((t - p)^2) / sum((t - mean t)^2) = 1 - 12 / 5 at scale 1;
    // at 1e-161 numpy's squares are subnormal and it gives -1.37
    expect(at(1)).toBeCloseTo(-1.4, 14);
    expect(at(1e-161)).toBeCloseTo(-1.4, 14);
    expect(at(1e-200)).toBeCloseTo(-1.4, 14);
    expect(at(1e200)).toBeCloseTo(-1.4, 14);
  });

  it('the mean errors scale as 4^k and 2^k, beyond the point where the plain sum overflows (1000 runs)', () => {
    fc.assert(
      fc.property(scaled, ({ pred, target, k }) => {
        const p = Float64Array.from(pred);
        const t = Float64Array.from(target);
        const ps = p.map((v) => mulPow2(v, k));
        const ts = t.map((v) => mulPow2(v, k));
        const mse = mulPow2(meanSquaredError(p, t), 2 * k);
        const mae = mulPow2(meanAbsoluteError(p, t), k);
        const rel = (a: number, b: number): number =>
          Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
        if (Number.isFinite(mse)) {
          expect(rel(meanSquaredError(ps, ts), mse)).toBeLessThan(1e-14);
        } else {
          expect(() => meanSquaredError(ps, ts)).toThrow('meanSquaredError: the error overflowed');
        }
        expect(rel(meanAbsoluteError(ps, ts), mae)).toBeLessThan(1e-14);
      }),
      { numRuns: 1000, seed: SEED },
    );
  });
});
