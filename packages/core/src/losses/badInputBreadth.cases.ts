import type { BadInputCase } from '../badInputCase';
import { makeArticleData } from '../data/makeArticleData';
import { linearRegression } from '../models/linearRegression';
import { sgd } from '../optim/sgd';
import { fit } from '../training/fit';
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

// Bad input of the issue-12 losses (assembled with the other tables in badInput.test.ts).

const f64 = (...v: number[]): Float64Array => Float64Array.from(v);
const f32 = (...v: number[]): Float32Array => Float32Array.from(v);
const i32 = (...v: number[]): Int32Array => Int32Array.from(v);
/** Deliberately ill-typed arguments, as plain JavaScript or a notebook may pass them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const untyped = (v: unknown): any => v;

export const breadthLossCases: BadInputCase[] = [
  {
    name: 'marginRankingLoss: x2 shorter than x1',
    run: () => marginRankingLoss(f64(1, 2), f64(1), f64(1, 1)),
    message: "marginRankingLoss: 'x2' has length 1 but 'x1' has 2",
  },
  {
    name: 'marginRankingLoss: a label of 0',
    run: () => marginRankingLoss(f64(1), f64(2), f64(0)),
    message: "marginRankingLoss: 'target' has 0 at index 0; labels must be -1 or +1",
  },
  {
    name: 'marginRankingLoss: NaN in x2',
    run: () => marginRankingLoss(f64(1), f64(NaN), f64(1)),
    message: "marginRankingLoss: 'x2' has a non-finite value (NaN) at index 0",
  },
  {
    name: 'marginRankingLoss: out.grad2 of the wrong length',
    run: () => marginRankingLoss(f64(1), f64(2), f64(1), { out: { grad2: f64(0, 0) } }),
    message: "marginRankingLoss: 'out.grad2' has length 2 but its input has 1",
  },
  {
    name: 'marginRankingLoss: the gradient of a huge weight overflows a Float32Array',
    run: () => marginRankingLoss(f32(0), f32(1), f64(1), { weight: f64(1e300) }),
    message:
      "marginRankingLoss: the gradient with respect to 'x1' overflowed at index 0 (-Infinity in a Float32Array)",
  },
  {
    name: 'hingeEmbeddingLoss: infinite margin',
    run: () => hingeEmbeddingLoss(f64(1), f64(1), { margin: Infinity }),
    message: `hingeEmbeddingLoss: 'margin' must be a number in [${-Number.MAX_VALUE}, ${Number.MAX_VALUE}], got Infinity`,
  },
  {
    name: 'hingeEmbeddingLoss: a label of 0.5',
    run: () => hingeEmbeddingLoss(f64(1), f64(0.5)),
    message: "hingeEmbeddingLoss: 'target' has 0.5 at index 0; labels must be -1 or +1",
  },
  {
    name: 'softMarginLoss: Infinity score',
    run: () => softMarginLoss(f64(Infinity), f64(1)),
    message: "softMarginLoss: 'pred' has a non-finite value (Infinity) at index 0",
  },
  {
    name: 'cosineEmbeddingLoss: x1 not a multiple of the labels',
    run: () => cosineEmbeddingLoss(f64(1, 2, 3), f64(1, 2, 3), f64(1, -1)),
    message: "cosineEmbeddingLoss: 'x1' has length 3, not a multiple of the 2 labels in 'target'",
  },
  {
    name: 'cosineEmbeddingLoss: margin above 1',
    run: () => cosineEmbeddingLoss(f64(1), f64(1), f64(-1), { margin: 2 }),
    message: "cosineEmbeddingLoss: 'margin' must be a number in [-1, 1], got 2",
  },
  {
    name: 'cosineEmbeddingLoss: NaN in x1',
    run: () => cosineEmbeddingLoss(f64(NaN, 1), f64(1, 1), f64(1)),
    message: "cosineEmbeddingLoss: 'x1' has a non-finite value (NaN) at index 0",
  },
  {
    name: 'tripletMarginLoss: p below 1',
    run: () => tripletMarginLoss(f64(1), f64(2), f64(3), { p: 0.5 }),
    message: "tripletMarginLoss: 'p' must be a finite number >= 1, got 0.5",
  },
  {
    name: 'tripletMarginLoss: features not dividing the length',
    run: () => tripletMarginLoss(f64(1, 2, 3), f64(1, 2, 3), f64(1, 2, 3), { features: 2 }),
    message: "tripletMarginLoss: 'anchor' has length 3, not a multiple of features = 2",
  },
  {
    name: 'tripletMarginLoss: swap not a boolean',
    run: () => tripletMarginLoss(f64(1), f64(2), f64(3), { swap: untyped(1) }),
    message: "tripletMarginLoss: 'swap' must be true or false, got 1",
  },
  {
    name: 'tripletMarginLoss: a distance overflows',
    run: () => tripletMarginLoss(f64(1e308), f64(-1e308), f64(0)),
    message: 'tripletMarginLoss: the loss overflowed to Infinity',
  },
  {
    name: 'tripletMarginLoss: misspelt option',
    run: () => tripletMarginLoss(f64(1), f64(2), f64(3), untyped({ swp: true })),
    message:
      "tripletMarginLoss: unknown option 'swp' (did you mean 'swap'? valid options: reduction, weight, out, features, margin, p, eps, swap)",
  },
  {
    name: 'multiLabelSoftMarginLoss: a target above 1',
    run: () => multiLabelSoftMarginLoss(f64(0, 0), f64(1, 2)),
    message: "multiLabelSoftMarginLoss: 'target' has 2 at index 1, outside [0, 1]",
  },
  {
    name: 'multiLabelSoftMarginLoss: class weights of the wrong length',
    run: () => multiLabelSoftMarginLoss(f64(0, 0), f64(1, 0), { classWeight: f64(1) }),
    message: "multiLabelSoftMarginLoss: 'classWeight' has length 1 but there are 2 classes",
  },
  {
    name: 'multiLabelMarginLoss: a label beyond the classes',
    run: () => multiLabelMarginLoss(f64(0, 0, 0), i32(3, -1, 0)),
    message:
      "multiLabelMarginLoss: 'target' has 3 at index 0; entries must be -1 or class indices in [0, 3)",
  },
  {
    name: 'multiclassHingeLoss: a fractional label',
    run: () => multiclassHingeLoss(f64(0, 1), f64(0.5)),
    message:
      "multiclassHingeLoss: 'target' has 0.5 at index 0; class indices must be integers in [0, 2)",
  },
  {
    name: 'categoricalHingeLoss: classes not dividing the length',
    run: () => categoricalHingeLoss(f64(1, 2, 3), f64(0, 1, 0), { classes: 2 }),
    message: "categoricalHingeLoss: 'pred' has length 3, not a multiple of classes = 2",
  },
  {
    name: 'cosineSimilarityLoss: features of 0',
    run: () => cosineSimilarityLoss(f64(1), f64(1), { features: 0 }),
    message: "cosineSimilarityLoss: 'features' must be a positive integer, got 0",
  },
  {
    name: 'diceLoss: a prediction above 1',
    run: () => diceLoss(f64(1.5), f64(1)),
    message: "diceLoss: 'pred' has 1.5 at index 0, outside [0, 1]",
  },
  {
    name: 'diceLoss: 0/0 without smoothing',
    run: () => diceLoss(f64(0, 0), f64(0, 0), { smooth: 0 }),
    message:
      "diceLoss: sample 0 has nothing predicted nor present, so its overlap is 0/0: use 'smooth' > 0",
  },
  {
    name: 'diceLoss: alpha is a Tversky option',
    run: () => diceLoss(f64(0.5), f64(1), untyped({ alpha: 0.3 })),
    message:
      "diceLoss: unknown option 'alpha' (valid options: reduction, weight, out, features, smooth)",
  },
  {
    name: 'tverskyLoss: negative beta',
    run: () => tverskyLoss(f64(0.5), f64(1), { beta: -1 }),
    message: "tverskyLoss: 'beta' must be a non-negative finite number, got -1",
  },
  {
    name: 'tweedieLoss: a power between 0 and 1',
    run: () => tweedieLoss(f64(1), f64(1), { power: 0.5 }),
    message: "tweedieLoss: 'power' must be a finite number <= 0 or >= 1, got 0.5",
  },
  {
    name: 'tweedieLoss: a zero mean at power 1',
    run: () => tweedieLoss(f64(0), f64(1), { power: 1 }),
    message: "tweedieLoss: 'pred' has 0 at index 0, outside [5e-324, Infinity]",
  },
  {
    name: 'tweedieLoss: a zero target at power 2',
    run: () => tweedieLoss(f64(1), f64(0), { power: 2 }),
    message: "tweedieLoss: 'target' has 0 at index 0, outside [5e-324, Infinity]",
  },
  {
    name: 'tweedieLoss: weights summing to 0',
    run: () => tweedieLoss(f64(1, 2), f64(1, 1), { weight: f64(0, 0) }),
    message: "tweedieLoss: 'weight' must have a positive finite sum, got 0",
  },
  {
    name: 'fit: a loss of three inputs cannot train a model',
    run: () =>
      fit(linearRegression({ features: 1 }), makeArticleData(), {
        loss: 'tripletMargin',
        optimizer: sgd(0.1),
      }),
    message:
      "fit: loss 'tripletMargin' takes (anchor, positive, negative), not a model's predictions and targets; call it directly, or train with a loss such as 'bceWithLogits'",
  },
  {
    name: 'ctcLoss: classes missing',
    run: () => ctcLoss(f64(0, 0), i32(1)),
    message: "ctcLoss: 'classes' must be a positive integer (the class count C), got undefined",
  },
  {
    name: 'ctcLoss: a label equal to blank',
    run: () => ctcLoss(f64(-1, -1, -1, -1), i32(0), { classes: 2 }),
    message:
      "ctcLoss: 'targets' has 0 at index 0; labels must be integers in [0, 2) other than blank = 0",
  },
  {
    name: 'ctcLoss: an input length beyond T',
    run: () => ctcLoss(f64(-1, -1, -1, -1), i32(1), { classes: 2, inputLengths: [3] }),
    message: "ctcLoss: 'inputLengths' has 3 at index 0; lengths must be integers in [1, 2]",
  },
  {
    name: 'ctcLoss: lengths of different counts',
    run: () =>
      ctcLoss(f64(-1, -1, -1, -1), i32(1), {
        classes: 2,
        inputLengths: [1, 1],
        targetLengths: [1],
      }),
    message: "ctcLoss: 'targetLengths' has length 1 but 'inputLengths' has 2",
  },
  {
    name: 'ctcLoss: no alignment for the labels',
    run: () => ctcLoss(f64(-1, -1), i32(1, 1), { classes: 2 }),
    message:
      'ctcLoss: sequence 0 cannot be aligned: its 2 labels need at least 3 frames but its input has 1 (pass zeroInfinity: true to give it loss 0)',
  },
  {
    name: 'ctcLoss: -Infinity log-probability',
    run: () => ctcLoss(f64(-Infinity, 0), i32(1), { classes: 2 }),
    message: "ctcLoss: 'logProbs' has a non-finite value (-Infinity) at index 0",
  },
  {
    name: 'ctcLoss: out.grad is the log-probabilities',
    run: () => {
      const lp = f64(-1, -1);
      return ctcLoss(lp, i32(1), { classes: 2, out: { grad: lp } });
    },
    message:
      "ctcLoss: 'out.grad' shares memory with 'logProbs'; pass a separate buffer (outputs are written while inputs are read)",
  },
];
