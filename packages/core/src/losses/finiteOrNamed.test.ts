// No silent non-finite (issue 12): on finite inputs in each loss's domain, at magnitudes from the
// smallest subnormal to the largest double (or float), probabilities of exactly 0 and 1 and
// extreme but valid hyperparameters, every loss returns a finite value, gradient and per-element
// values, or throws a LosslabError from that loss saying what overflowed. Each loss runs in
// float64 and float32 with every reduction, with and without weights and caller buffers (of the
// other element type too). Seeded, so a failure reproduces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FloatArray, LossResult } from '../types';
import { bceLoss } from './bceLoss';
import { bceWithLogitsLoss } from './bceWithLogitsLoss';
import { crossEntropy } from './crossEntropy';
import {
  F32,
  F64,
  finiteOrOverflow,
  logit,
  nonNegative,
  nonPositive,
  positiveHyper,
  probability,
  real,
  typed,
} from './fixtures/extremeArbitraries';
import type { Precision } from './fixtures/extremeArbitraries';
import { focalLoss } from './focalLoss';
import { gaussianNllLoss } from './gaussianNllLoss';
import { hingeLoss } from './hingeLoss';
import { huberLoss } from './huberLoss';
import { klDivLoss } from './klDivLoss';
import { logCoshLoss } from './logCoshLoss';
import { maeLoss } from './maeLoss';
import { mapeLoss } from './mapeLoss';
import { mseLoss } from './mseLoss';
import { msleLoss } from './msleLoss';
import { multiMarginLoss } from './multiMarginLoss';
import { nllLoss } from './nllLoss';
import { poissonNllLoss } from './poissonNllLoss';
import { quantileLoss } from './quantileLoss';
import { smoothL1Loss } from './smoothL1Loss';
import { softmaxCrossEntropy } from './softmaxCrossEntropy';
import { squaredHingeLoss } from './squaredHingeLoss';

/** Runs per loss and precision: 20 losses x 2 precisions x 1600 = 64,000 cases. */
const RUNS = 1600;
const SEED = 12;

/** One generated call: the arguments and how to make it. */
interface Case {
  run: () => LossResult;
  describe: () => string;
}

type Options = Record<string, unknown>;
type AnyLoss = (pred: FloatArray, target: never, options?: Options) => LossResult;

/** Options every loss takes: a reduction, maybe weights, maybe caller buffers. */
function common(
  p: Precision,
  weightLength: number,
  gradLength: number,
  valuesLength: number,
): fc.Arbitrary<Options> {
  return fc
    .record({
      reduction: fc.constantFrom('mean', 'sum', 'none'),
      weight: fc.option(typed(p, nonNegative(p), weightLength), { nil: undefined }),
      // Caller buffers, sometimes of the other element type than the predictions.
      outGrad: fc.constantFrom('none', 'f64', 'f32'),
      outValues: fc.boolean(),
    })
    .map(({ reduction, weight, outGrad, outValues }) => {
      const o: Options = { reduction };
      if (weight !== undefined) {
        o.weight = weight;
      }
      const out: { grad?: FloatArray; values?: FloatArray } = {};
      if (outGrad !== 'none') {
        out.grad = outGrad === 'f32' ? new Float32Array(gradLength) : new Float64Array(gradLength);
      }
      if (outValues && reduction === 'none') {
        out.values = p.f32 ? new Float32Array(valuesLength) : new Float64Array(valuesLength);
      }
      if (out.grad !== undefined || out.values !== undefined) {
        o.out = out;
      }
      return o;
    });
}

/** Elementwise losses: pred and target of one length n, weights per element. */
function elementwise(
  loss: AnyLoss,
  predOf: (p: Precision) => fc.Arbitrary<number>,
  targetOf: (p: Precision) => fc.Arbitrary<number>,
  hyper: fc.Arbitrary<Options> = fc.constant({}),
): (p: Precision) => fc.Arbitrary<Case> {
  return (p) =>
    fc
      .integer({ min: 1, max: 5 })
      .chain((n) =>
        fc
          .tuple(typed(p, predOf(p), n), typed(p, targetOf(p), n), common(p, n, n, n), hyper)
          .map(([pred, target, opts, h]) => call(loss, pred, target, { ...opts, ...h })),
      );
}

/** B x C losses with class-index targets, weights per row. */
function classIndexed(
  loss: AnyLoss,
  predOf: (p: Precision) => fc.Arbitrary<number>,
  hyper: (classes: number) => fc.Arbitrary<Options>,
): (p: Precision) => fc.Arbitrary<Case> {
  return (p) =>
    fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }))
      .chain(([rows, classes]) =>
        fc
          .tuple(
            typed(p, predOf(p), rows * classes),
            fc
              .array(fc.integer({ min: 0, max: classes - 1 }), {
                minLength: rows,
                maxLength: rows,
              })
              .map((t) => Int32Array.from(t)),
            common(p, rows, rows * classes, rows),
            hyper(classes),
          )
          .map(([pred, target, opts, h]) => call(loss, pred, target, { ...opts, ...h, classes })),
      );
}

function call(loss: AnyLoss, pred: FloatArray, target: unknown, options: Options): Case {
  return {
    run: () => loss(pred, target as never, options),
    describe: () =>
      JSON.stringify({
        pred: Array.from(pred),
        target: Array.from(target as ArrayLike<number>),
        options: Object.fromEntries(
          Object.entries(options).map(([k, v]) => [
            k,
            ArrayBuffer.isView(v) ? Array.from(v as FloatArray) : v,
          ]),
        ),
      }),
  };
}

/** Per-class weights at every magnitude, zeros included (not all zero: PyTorch's NaN case). */
function classWeightOf(classes: number): fc.Arbitrary<Float64Array | undefined> {
  return fc.option(
    typed(F64, nonNegative(F64), classes).filter((w) => w.some((v) => v > 0)),
    { nil: undefined },
  );
}

const specs: Record<string, (p: Precision) => fc.Arbitrary<Case>> = {
  mseLoss: elementwise(mseLoss as AnyLoss, real, real),
  maeLoss: elementwise(maeLoss as AnyLoss, real, real),
  huberLoss: elementwise(huberLoss as AnyLoss, real, real, fc.record({ delta: positiveHyper() })),
  smoothL1Loss: elementwise(
    smoothL1Loss as AnyLoss,
    real,
    real,
    fc.record({ beta: fc.oneof(fc.constant(0), positiveHyper()) }),
  ),
  logCoshLoss: elementwise(logCoshLoss as AnyLoss, real, real),
  quantileLoss: elementwise(
    quantileLoss as AnyLoss,
    real,
    real,
    fc.record({
      q: fc.oneof(
        fc.constantFrom(5e-324, 1e-300, 0.5, 1 - 2 ** -53),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
      ),
    }),
  ),
  msleLoss: elementwise(msleLoss as AnyLoss, nonNegative, nonNegative),
  mapeLoss: elementwise(mapeLoss as AnyLoss, real, real),
  poissonNllLoss: (p) =>
    fc
      .record({ logInput: fc.boolean(), full: fc.boolean(), eps: positiveHyper() })
      .chain((h) =>
        elementwise(
          poissonNllLoss as AnyLoss,
          h.logInput ? real : nonNegative,
          nonNegative,
          fc.constant(h),
        )(p),
      ),
  gaussianNllLoss: (p) =>
    fc.integer({ min: 1, max: 5 }).chain((n) =>
      fc
        .tuple(
          typed(p, real(p), n),
          typed(p, real(p), n),
          common(p, n, n, n),
          fc.record({
            variance: fc.oneof(nonNegative(F64), typed(F64, nonNegative(F64), n)),
            full: fc.boolean(),
            eps: positiveHyper(),
          }),
        )
        .map(([pred, target, opts, h]) =>
          call(gaussianNllLoss as AnyLoss, pred, target, { ...opts, ...h }),
        ),
    ),
  bceLoss: elementwise(bceLoss as AnyLoss, probability, probability),
  bceWithLogitsLoss: elementwise(
    bceWithLogitsLoss as AnyLoss,
    logit,
    probability,
    fc.record({ posWeight: positiveHyper() }),
  ),
  focalLoss: elementwise(
    focalLoss as AnyLoss,
    logit,
    probability,
    fc.record({
      alpha: fc.oneof(fc.constantFrom(-1, 0, 1, 0.25), fc.double({ min: 0, max: 1, noNaN: true })),
      gamma: fc.oneof(
        fc.constantFrom(0, 5e-324, 0.01, 0.5, 2, 1e300),
        fc.double({ min: 0, max: 10, noNaN: true }),
      ),
    }),
  ),
  klDivLoss: (p) =>
    fc
      .boolean()
      .chain((logTarget) =>
        elementwise(
          klDivLoss as AnyLoss,
          nonPositive,
          logTarget ? nonPositive : probability,
          fc.constant({ logTarget }),
        )(p),
      ),
  hingeLoss: elementwise(
    hingeLoss as AnyLoss,
    real,
    () => fc.constantFrom(-1, 1),
    fc.record({ margin: positiveHyper() }),
  ),
  squaredHingeLoss: elementwise(
    squaredHingeLoss as AnyLoss,
    real,
    () => fc.constantFrom(-1, 1),
    fc.record({ margin: positiveHyper() }),
  ),
  crossEntropy: (p) =>
    fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }))
      .chain(([rows, classes]) =>
        fc
          .tuple(
            typed(p, probability(p), rows * classes),
            typed(p, probability(p), rows * classes),
            common(p, rows, rows * classes, rows),
          )
          .map(([pred, target, opts]) =>
            call(crossEntropy as AnyLoss, pred, target, { ...opts, classes }),
          ),
      ),
  softmaxCrossEntropy: (p) =>
    fc.boolean().chain((probabilities) =>
      probabilities
        ? fc
            // C >= 2: with C = 1, B probabilities read as B class indices.
            .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 4 }))
            .chain(([rows, classes]) =>
              fc
                .tuple(
                  typed(p, logit(p), rows * classes),
                  typed(p, probability(p), rows * classes),
                  common(p, rows, rows * classes, rows),
                  fc.record({
                    classWeight: classWeightOf(classes),
                    labelSmoothing: fc.oneof(
                      fc.constantFrom(0, 1),
                      fc.double({ min: 0, max: 1, noNaN: true }),
                    ),
                  }),
                )
                .map(([logits, target, opts, h]) =>
                  call(softmaxCrossEntropy as AnyLoss, logits, target, { ...opts, ...h, classes }),
                ),
            )
        : classIndexed(softmaxCrossEntropy as AnyLoss, logit, (classes) =>
            fc.record({
              classWeight: classWeightOf(classes),
              labelSmoothing: fc.oneof(
                fc.constantFrom(0, 1),
                fc.double({ min: 0, max: 1, noNaN: true }),
              ),
              ignoreIndex: fc.constantFrom(-100, 0),
            }),
          )(p),
    ),
  nllLoss: classIndexed(nllLoss as AnyLoss, nonPositive, (classes) =>
    fc.record({ classWeight: classWeightOf(classes), ignoreIndex: fc.constantFrom(-100, 0) }),
  ),
  multiMarginLoss: classIndexed(multiMarginLoss as AnyLoss, real, (classes) =>
    fc.record({
      classWeight: classWeightOf(classes),
      p: fc.constantFrom(1, 2),
      margin: positiveHyper(),
    }),
  ),
};

describe('no silent non-finite: every loss is finite or a named overflow', () => {
  it('covers the 20 losses', () => {
    expect(Object.keys(specs)).toHaveLength(20);
  });

  for (const [name, spec] of Object.entries(specs)) {
    for (const p of [F64, F32]) {
      it(`${name} in ${p.f32 ? 'float32' : 'float64'} (${RUNS} cases)`, () => {
        const counts = { ok: 0, overflow: 0 };
        fc.assert(
          fc.property(spec(p), (c) => {
            try {
              counts[finiteOrOverflow(name, c.run)]++;
            } catch (e) {
              throw new Error(`${(e as Error).message}\n  on ${c.describe()}`);
            }
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        );
        // Most cases must give numbers: a generator that only made overflows would test nothing.
        expect(counts.ok + counts.overflow).toBe(RUNS);
        expect(counts.ok).toBeGreaterThan(RUNS / 3);
      });
    }
  }
});
