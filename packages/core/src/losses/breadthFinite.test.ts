// No silent non-finite in the issue-12 losses: on finite input in the domain, every value,
// gradient element and per-element loss is finite, or the call throws a LosslabError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LosslabError } from '../errors';
import type { FloatArray } from '../types';
import { categoricalHingeLoss } from './categoricalHingeLoss';
import { cosineEmbeddingLoss } from './cosineEmbeddingLoss';
import { cosineSimilarityLoss } from './cosineSimilarityLoss';
import { ctcLoss } from './ctcLoss';
import { diceLoss } from './diceLoss';
import { hingeEmbeddingLoss } from './hingeEmbeddingLoss';
import { marginRankingLoss } from './marginRankingLoss';
import { multiclassHingeLoss } from './multiclassHingeLoss';
import { multiLabelMarginLoss } from './multiLabelMarginLoss';
import { multiLabelSoftMarginLoss } from './multiLabelSoftMarginLoss';
import { softMarginLoss } from './softMarginLoss';
import { tripletMarginLoss } from './tripletMarginLoss';
import { tverskyLoss } from './tverskyLoss';
import { tweedieLoss } from './tweedieLoss';

/** A finite double of any magnitude from subnormal to 1e300 and either sign, or 0. */
const anyMagnitude = fc.oneof(
  fc.constant(0),
  fc
    .tuple(
      fc.double({ min: 1, max: 10, noNaN: true }),
      fc.integer({ min: -323, max: 300 }),
      fc.boolean(),
    )
    .map(([m, e, neg]) => (neg ? -1 : 1) * m * 10 ** e)
    .filter(Number.isFinite),
);
const weights = fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1e300, noNaN: true }));

function arrays(n: number, f32: boolean): fc.Arbitrary<FloatArray> {
  return fc
    .array(anyMagnitude, { minLength: n, maxLength: n })
    .map((v) => (f32 ? Float32Array.from(v, (x) => Math.fround(x)) : Float64Array.from(v)))
    .filter((a) => Array.from(a).every(Number.isFinite));
}

const signs = (n: number): fc.Arbitrary<Float64Array> =>
  fc.array(fc.constantFrom(-1, 1), { minLength: n, maxLength: n }).map((v) => Float64Array.from(v));
const unit = (n: number): fc.Arbitrary<Float64Array> =>
  fc
    .array(fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })), {
      minLength: n,
      maxLength: n,
    })
    .map((v) => Float64Array.from(v));

/** Calls `run`; passes when it throws a LosslabError or every number it returns is finite. */
function finiteOrNamed(
  run: () => { value: number; values: FloatArray | null } & Record<string, unknown>,
): void {
  let r: ReturnType<typeof run>;
  try {
    r = run();
  } catch (e) {
    expect(e).toBeInstanceOf(LosslabError);
    return;
  }
  expect(Number.isFinite(r.value), 'value').toBe(true);
  for (const [k, v] of Object.entries(r)) {
    if (v instanceof Float64Array || v instanceof Float32Array) {
      const bad = Array.from(v).findIndex((x) => !Number.isFinite(x));
      expect(bad, `${k}[${bad}]`).toBe(-1);
    }
  }
}

const RUNS = { numRuns: 300 };
const shape = fc.record({
  B: fc.integer({ min: 1, max: 3 }),
  C: fc.integer({ min: 1, max: 4 }),
  f32: fc.boolean(),
});
const reduction = fc.constantFrom('mean' as const, 'sum' as const, 'none' as const);

describe('the issue-12 losses never return a silent NaN or Infinity', () => {
  it('on pairs and triplets', () => {
    fc.assert(
      fc.property(
        shape.chain(({ B, C, f32 }) =>
          fc.tuple(
            arrays(B * C, f32),
            arrays(B * C, f32),
            arrays(B * C, f32),
            signs(B),
            signs(B * C),
            weights,
            reduction,
          ),
        ),
        ([a, b, c, y, yy, w, red]) => {
          const B = y.length;
          const wB = new Float64Array(B).fill(w);
          finiteOrNamed(() => marginRankingLoss(a, b, yy, { reduction: red, margin: 0.5 }));
          finiteOrNamed(() => cosineEmbeddingLoss(a, b, y, { reduction: red, weight: wB }));
          finiteOrNamed(() =>
            tripletMarginLoss(a, b, c, {
              features: a.length / B,
              swap: true,
              reduction: red,
              weight: wB,
            }),
          );
          finiteOrNamed(() => tripletMarginLoss(a, b, c, { p: 1.5, eps: 0, reduction: red }));
          finiteOrNamed(() => hingeEmbeddingLoss(a, yy, { reduction: red, margin: 2 }));
          finiteOrNamed(() => softMarginLoss(a, yy, { reduction: red }));
        },
      ),
      RUNS,
    );
  });

  it('on rows of classes and samples', () => {
    fc.assert(
      fc.property(
        shape.chain(({ B, C, f32 }) =>
          fc
            .tuple(
              arrays(B * C, f32),
              arrays(B * C, false),
              unit(B * C),
              fc.array(fc.integer({ min: 0, max: C - 1 }), { minLength: B, maxLength: B }),
              weights,
              reduction,
            )
            .map((t) => ({ C, t })),
        ),
        ({ C, t: [x, other, u, labels, w, red] }) => {
          const B = labels.length;
          const wB = new Float64Array(B).fill(w);
          const opts = { classes: C, reduction: red, weight: wB };
          finiteOrNamed(() => multiLabelSoftMarginLoss(x, u, opts));
          const padded = new Int32Array(B * C).fill(-1);
          labels.forEach((l, i) => (padded[i * C] = l));
          finiteOrNamed(() => multiLabelMarginLoss(x, padded, opts));
          finiteOrNamed(() => multiclassHingeLoss(x, Int32Array.from(labels), opts));
          finiteOrNamed(() => categoricalHingeLoss(x, u, opts));
          finiteOrNamed(() =>
            cosineSimilarityLoss(x, other, { features: C, reduction: red, weight: wB }),
          );
          finiteOrNamed(() =>
            diceLoss(
              u,
              u.map((v) => 1 - v),
              { features: C, reduction: red, weight: wB },
            ),
          );
          finiteOrNamed(() =>
            tverskyLoss(
              u,
              u.map((v) => v * v),
              { features: C, alpha: 0.7, beta: 0.3, smooth: 1e-3, reduction: red },
            ),
          );
          for (const power of [0, -1, 1, 1.5, 2, 3]) {
            const mu = x.map((v) => Math.abs(v) || 1);
            const y = other.map((v) => (power >= 1 ? Math.abs(v) || 1 : v));
            finiteOrNamed(() => tweedieLoss(mu, y, { power, reduction: red }));
          }
          // C classes of T = 2 frames, one sequence of a single label (blank 0), C >= 2.
          if (C >= 2) {
            const lp = x.length >= 2 * C ? x.subarray(0, 2 * C).map((v) => -Math.abs(v)) : null;
            if (lp !== null) {
              finiteOrNamed(() => ctcLoss(lp, new Int32Array([1]), { classes: C, reduction: red }));
            }
          }
        },
      ),
      RUNS,
    );
  });
});
