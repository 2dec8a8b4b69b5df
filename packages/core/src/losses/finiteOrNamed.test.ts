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
import { categoricalHingeLoss } from './categoricalHingeLoss';
import { cosineEmbeddingLoss } from './cosineEmbeddingLoss';
import { cosineSimilarityLoss } from './cosineSimilarityLoss';
import { ctcLoss } from './ctcLoss';
import { diceLoss } from './diceLoss';
import { hingeEmbeddingLoss } from './hingeEmbeddingLoss';
import { marginRankingLoss } from './marginRankingLoss';
import { multiLabelMarginLoss } from './multiLabelMarginLoss';
import { multiLabelSoftMarginLoss } from './multiLabelSoftMarginLoss';
import { multiclassHingeLoss } from './multiclassHingeLoss';
import { softMarginLoss } from './softMarginLoss';
import { tripletMarginLoss } from './tripletMarginLoss';
import { tverskyLoss } from './tverskyLoss';
import { tweedieLoss } from './tweedieLoss';
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
import { losses } from './registry';
import { smoothL1Loss } from './smoothL1Loss';
import { softmaxCrossEntropy } from './softmaxCrossEntropy';
import { squaredHingeLoss } from './squaredHingeLoss';

/** Runs per loss and precision: 34 losses x 2 precisions x 900 = 61,200 cases. */
const RUNS = 900;
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
      // At least one positive weight: all-zero weights make a weighted mean 0/0.
      weight: fc.option(
        typed(p, nonNegative(p), weightLength).filter((w) => w.some((v) => v > 0)),
        { nil: undefined },
      ),
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
  return callWith(() => loss(pred, target as never, options), { pred, target }, options);
}

/** A call of a loss of any arity, described by its arrays and options. */
function callWith(run: () => LossResult, arrays: Record<string, unknown>, options: Options): Case {
  return {
    run,
    describe: () =>
      JSON.stringify({
        ...Object.fromEntries(
          Object.entries(arrays).map(([k, v]) => [k, Array.from(v as ArrayLike<number>)]),
        ),
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
  // The losses issue 12 added.
  categoricalHingeLoss: rowsOf(categoricalHingeLoss as AnyLoss, real, probability, 'classes'),
  cosineSimilarityLoss: rowsOf(cosineSimilarityLoss as AnyLoss, real, real, 'features'),
  diceLoss: rowsOf(diceLoss as AnyLoss, probability, probability, 'features', () =>
    fc.record({ smooth: positiveHyper() }),
  ),
  tverskyLoss: rowsOf(tverskyLoss as AnyLoss, probability, probability, 'features', () =>
    fc.record({
      smooth: positiveHyper(),
      alpha: fc.oneof(fc.constant(0), positiveHyper()),
      beta: fc.oneof(fc.constant(0), positiveHyper()),
    }),
  ),
  multiLabelSoftMarginLoss: rowsOf(
    multiLabelSoftMarginLoss as AnyLoss,
    logit,
    probability,
    'classes',
    (classes) => fc.record({ classWeight: classWeightOf(classes) }),
  ),
  multiclassHingeLoss: classIndexed(multiclassHingeLoss as AnyLoss, real, () => fc.constant({})),
  multiLabelMarginLoss: (p) =>
    fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }))
      .chain(([rows, classes]) =>
        fc
          .tuple(
            typed(p, real(p), rows * classes),
            // Each row: distinct class indices, then -1 and anything after it.
            fc
              .array(
                fc
                  .tuple(
                    fc.shuffledSubarray(range(classes)),
                    fc.integer({ min: -1, max: classes - 1 }),
                  )
                  .map(([labels, pad]) => [...labels, -1, pad, pad, pad, pad].slice(0, classes)),
                { minLength: rows, maxLength: rows },
              )
              .map((r) => Int32Array.from(r.flat())),
            common(p, rows, rows * classes, rows),
          )
          .map(([pred, target, opts]) =>
            call(multiLabelMarginLoss as AnyLoss, pred, target, { ...opts, classes }),
          ),
      ),
  softMarginLoss: elementwise(softMarginLoss as AnyLoss, logit, () => fc.constantFrom(-1, 1)),
  hingeEmbeddingLoss: elementwise(
    hingeEmbeddingLoss as AnyLoss,
    nonNegative,
    () => fc.constantFrom(-1, 1),
    fc.record({ margin: positiveHyper() }),
  ),
  tweedieLoss: (p) =>
    fc
      .constantFrom(-1, 0, 1, 1.5, 2, 3)
      .chain((power) =>
        elementwise(
          tweedieLoss as AnyLoss,
          power === 0 ? real : positive,
          power === 0 || power < 1 ? real : power < 2 ? nonNegative : positive,
          fc.constant({ power }),
        )(p),
      ),
  marginRankingLoss: (p) =>
    fc
      .integer({ min: 1, max: 5 })
      .chain((n) =>
        fc
          .tuple(
            typed(p, real(p), n),
            typed(p, real(p), n),
            typed(p, fc.constantFrom(-1, 1), n),
            common(p, n, n, n),
            fc.record({ margin: real(F64) }),
          )
          .map(([x1, x2, t, opts, h]) =>
            callWith(
              () => marginRankingLoss(x1, x2, t, { ...opts, ...h }),
              { x1, x2, t },
              { ...opts, ...h },
            ),
          ),
      ),
  cosineEmbeddingLoss: (p) =>
    fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }))
      .chain(([rows, d]) =>
        fc
          .tuple(
            typed(p, real(p), rows * d),
            typed(p, real(p), rows * d),
            typed(p, fc.constantFrom(-1, 1), rows),
            common(p, rows, rows * d, rows),
            fc.record({ margin: fc.double({ min: -1, max: 1, noNaN: true }) }),
          )
          .map(([x1, x2, t, opts, h]) =>
            callWith(
              () => cosineEmbeddingLoss(x1, x2, t, { ...opts, ...h }),
              { x1, x2, t },
              { ...opts, ...h },
            ),
          ),
      ),
  tripletMarginLoss: (p) =>
    fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 })).chain(([rows, d]) =>
      fc
        .tuple(
          typed(p, real(p), rows * d),
          typed(p, real(p), rows * d),
          typed(p, real(p), rows * d),
          common(p, rows, rows * d, rows),
          fc.record({
            margin: fc.oneof(fc.constant(0), positiveHyper()),
            p: fc.oneof(
              fc.constantFrom(1, 2, 3, 1e300),
              fc.double({ min: 1, max: 10, noNaN: true }),
            ),
            eps: fc.oneof(fc.constant(0), positiveHyper()),
            swap: fc.boolean(),
          }),
        )
        .map(([a, pos, neg, opts, h]) => {
          const o = { ...opts, ...h, features: d };
          return callWith(() => tripletMarginLoss(a, pos, neg, o), { a, pos, neg }, o);
        }),
    ),
  ctcLoss: (p) =>
    // One sequence of T frames and C classes (blank 0), at most T / 2 labels: always alignable.
    fc
      .tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 2, max: 4 }))
      .chain(([frames, classes]) =>
        fc
          .tuple(
            typed(p, nonPositive(p), frames * classes),
            fc.array(fc.integer({ min: 1, max: classes - 1 }), {
              minLength: 1,
              maxLength: Math.floor(frames / 2),
            }),
            common(p, 1, frames * classes, 1),
            fc.boolean(),
          )
          .map(([lp, labels, opts, zeroInfinity]) => {
            const o = { ...opts, classes, zeroInfinity };
            const t = Int32Array.from(labels);
            return callWith(() => ctcLoss(lp, t, o), { lp, t }, o);
          }),
      ),
};

/** B x C (or B x D) losses with a target of the same shape, weights per row. */
function rowsOf(
  loss: AnyLoss,
  predOf: (p: Precision) => fc.Arbitrary<number>,
  targetOf: (p: Precision) => fc.Arbitrary<number>,
  widthKey: 'classes' | 'features',
  hyper: (width: number) => fc.Arbitrary<Options> = () => fc.constant({}),
): (p: Precision) => fc.Arbitrary<Case> {
  return (p) =>
    fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }))
      .chain(([rows, width]) =>
        fc
          .tuple(
            typed(p, predOf(p), rows * width),
            typed(p, targetOf(p), rows * width),
            common(p, rows, rows * width, rows),
            hyper(width),
          )
          .map(([pred, target, opts, h]) =>
            call(loss, pred, target, { ...opts, ...h, [widthKey]: width }),
          ),
      );
}

/** A finite real > 0. */
function positive(p: Precision): fc.Arbitrary<number> {
  return nonNegative(p).map((v) => (v === 0 ? 1 : v));
}

/** [0, 1, ..., n - 1]. */
function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

describe('no silent non-finite: every loss is finite or a named overflow', () => {
  it('covers the 34 losses of the registry', () => {
    expect(Object.keys(specs).sort()).toEqual(losses.map((l) => l.fn.name).sort());
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
        // Many cases must give numbers: a generator that only made overflows would test nothing.
        expect(counts.ok + counts.overflow).toBe(RUNS);
        expect(counts.ok).toBeGreaterThan(RUNS / 4);
      });
    }
  }
});
