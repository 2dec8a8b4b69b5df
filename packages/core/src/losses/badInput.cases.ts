import type { BadInputCase } from '../badInputCase';
import { gradCheck } from '../gradCheck';
import { bceLoss } from './bceLoss';
import { bceWithLogitsLoss } from './bceWithLogitsLoss';
import { crossEntropy } from './crossEntropy';
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
import { getLoss } from './registry';
import { smoothL1Loss } from './smoothL1Loss';
import { softmaxCrossEntropy } from './softmaxCrossEntropy';
import { squaredHingeLoss } from './squaredHingeLoss';

const f64 = (...v: number[]): Float64Array => Float64Array.from(v);
const i32 = (...v: number[]): Int32Array => Int32Array.from(v);
/** Deliberately ill-typed arguments, as plain JavaScript or a notebook may pass them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const untyped = (v: unknown): any => v;

export const lossCases: BadInputCase[] = [
  // Shapes and types
  {
    name: 'mseLoss: target shorter than pred',
    run: () => mseLoss(f64(1, 2, 3, 4), f64(1, 2, 3)),
    message: "mseLoss: 'target' has length 3 but 'pred' has 4",
  },
  {
    name: 'maeLoss: empty pred',
    run: () => maeLoss(f64(), f64()),
    message: "maeLoss: 'pred' is empty",
  },
  {
    name: 'huberLoss: pred is a plain array',
    run: () => huberLoss(untyped([1, 2]), f64(1, 2)),
    message: "huberLoss: 'pred' must be a Float64Array or Float32Array",
  },
  {
    name: 'logCoshLoss: target is an Int32Array',
    run: () => logCoshLoss(f64(1), untyped(i32(1))),
    message: "logCoshLoss: 'target' must be a Float64Array or Float32Array",
  },
  {
    name: 'mseLoss: weight of the wrong length',
    run: () => mseLoss(f64(1, 2, 3), f64(0, 0, 0), { weight: f64(1, 2) }),
    message: "mseLoss: 'weight' has length 2 but 'pred' has 3",
  },
  // NaN and Infinity
  {
    name: 'mseLoss: NaN in target',
    run: () => mseLoss(f64(1, 2), f64(0, NaN)),
    message: "mseLoss: 'target' has a non-finite value (NaN) at index 1",
  },
  {
    name: 'maeLoss: Infinity in pred',
    run: () => maeLoss(f64(Infinity, 2), f64(0, 0)),
    message: "maeLoss: 'pred' has a non-finite value (Infinity) at index 0",
  },
  {
    name: 'logCoshLoss: NaN weight',
    run: () => logCoshLoss(f64(1, 2), f64(0, 0), { weight: f64(NaN, 1) }),
    message: "logCoshLoss: 'weight' has a non-finite value (NaN) at index 0",
  },
  {
    name: 'mapeLoss: NaN target',
    run: () => mapeLoss(f64(1), f64(NaN)),
    message: "mapeLoss: 'target' has a non-finite value (NaN) at index 0",
  },
  {
    name: 'squaredHingeLoss: NaN score',
    run: () => squaredHingeLoss(f64(NaN), f64(1)),
    message: "squaredHingeLoss: 'pred' has a non-finite value (NaN) at index 0",
  },
  {
    name: 'hingeLoss: NaN score past the margin is still reported',
    run: () => hingeLoss(f64(5, NaN), f64(1, 1)),
    message: "hingeLoss: 'pred' has a non-finite value (NaN) at index 1",
  },
  {
    name: 'bceWithLogitsLoss: NaN logit',
    run: () => bceWithLogitsLoss(f64(NaN), f64(1)),
    message: "bceWithLogitsLoss: 'pred' has a non-finite value (NaN) at index 0",
  },
  {
    name: 'softmaxCrossEntropy: NaN logit',
    run: () => softmaxCrossEntropy(f64(1, NaN, 0), i32(0)),
    message: "softmaxCrossEntropy: 'logits' has a non-finite value (NaN) at index 1",
  },
  {
    name: 'klDivLoss: -Infinity log-probability',
    run: () => klDivLoss(f64(-Infinity, 0), f64(0, 1)),
    message: "klDivLoss: 'pred' has a non-finite value (-Infinity) at index 0",
  },
  {
    name: 'poissonNllLoss: exp(1000) overflows',
    run: () => poissonNllLoss(f64(1000), f64(1)),
    message: 'poissonNllLoss: the loss overflowed to Infinity',
  },
  // Reductions and output buffers
  {
    name: 'mseLoss: unknown reduction',
    run: () => mseLoss(f64(1), f64(1), { reduction: untyped('avg') }),
    message: "mseLoss: unknown reduction 'avg' (expected 'mean', 'sum' or 'none')",
  },
  {
    name: 'klDivLoss: unknown reduction',
    run: () => klDivLoss(f64(-1), f64(1), { reduction: untyped('batch') }),
    message: "klDivLoss: unknown reduction 'batch' (expected 'mean', 'sum', 'none' or 'batchmean')",
  },
  {
    name: 'mseLoss: out.grad of the wrong length',
    run: () => mseLoss(f64(1, 2, 3), f64(1, 2, 3), { out: { grad: new Float64Array(2) } }),
    message: "mseLoss: 'out.grad' has length 2 but 'pred' has 3",
  },
  {
    name: 'mseLoss: out.grad is a plain array',
    run: () => mseLoss(f64(1), f64(1), { out: { grad: untyped([0]) } }),
    message: "mseLoss: 'out.grad' must be a Float64Array or Float32Array",
  },
  {
    name: 'maeLoss: out.values of the wrong length',
    run: () =>
      maeLoss(f64(1, 2, 3), f64(1, 2, 3), {
        reduction: 'none',
        out: { values: new Float64Array(1) },
      }),
    message: "maeLoss: 'out.values' has length 1 but 3 values are needed",
  },
  {
    name: 'softmaxCrossEntropy: out.values needs one per row',
    run: () =>
      softmaxCrossEntropy(f64(1, 2, 3, 4), i32(0, 1), {
        reduction: 'none',
        out: { values: new Float64Array(4) },
      }),
    message: "softmaxCrossEntropy: 'out.values' has length 4 but 2 values are needed",
  },
  // Hyperparameters
  {
    name: 'huberLoss: delta 0',
    run: () => huberLoss(f64(1), f64(0), { delta: 0 }),
    message: "huberLoss: 'delta' must be a positive finite number, got 0",
  },
  {
    name: 'huberLoss: negative delta',
    run: () => huberLoss(f64(1), f64(0), { delta: -1 }),
    message: "huberLoss: 'delta' must be a positive finite number, got -1",
  },
  {
    name: 'smoothL1Loss: negative beta',
    run: () => smoothL1Loss(f64(1), f64(0), { beta: -0.5 }),
    message: "smoothL1Loss: 'beta' must be a non-negative finite number, got -0.5",
  },
  {
    name: 'quantileLoss: q = 1',
    run: () => quantileLoss(f64(1), f64(0), { q: 1 }),
    message: "quantileLoss: 'q' must be a number in (0, 1), got 1",
  },
  {
    name: 'quantileLoss: q = 0',
    run: () => quantileLoss(f64(1), f64(0), { q: 0 }),
    message: "quantileLoss: 'q' must be a number in (0, 1), got 0",
  },
  {
    name: 'poissonNllLoss: eps 0',
    run: () => poissonNllLoss(f64(1), f64(0), { eps: 0 }),
    message: "poissonNllLoss: 'eps' must be a positive finite number, got 0",
  },
  {
    name: 'poissonNllLoss: logInput not a boolean',
    run: () => poissonNllLoss(f64(1), f64(0), { logInput: untyped('yes') }),
    message: "poissonNllLoss: 'logInput' must be true or false, got yes",
  },
  {
    name: 'gaussianNllLoss: eps negative',
    run: () => gaussianNllLoss(f64(1), f64(0), { eps: -1e-6 }),
    message: "gaussianNllLoss: 'eps' must be a positive finite number, got -0.000001",
  },
  {
    name: 'bceWithLogitsLoss: posWeight 0',
    run: () => bceWithLogitsLoss(f64(1), f64(0), { posWeight: 0 }),
    message: "bceWithLogitsLoss: 'posWeight' must be a positive finite number, got 0",
  },
  {
    name: 'bceWithLogitsLoss: posWeight not dividing the length',
    run: () =>
      bceWithLogitsLoss(f64(1, 2, 3, 4, 5, 6), f64(0, 0, 0, 0, 0, 0), {
        posWeight: f64(1, 2, 3, 4),
      }),
    message:
      "bceWithLogitsLoss: 'pred' has length 6, not a multiple of the length 4 of 'posWeight'",
  },
  {
    name: 'focalLoss: gamma < 0',
    run: () => focalLoss(f64(1), f64(0), { gamma: -1 }),
    message: "focalLoss: 'gamma' must be a non-negative finite number, got -1",
  },
  {
    name: 'focalLoss: alpha > 1',
    run: () => focalLoss(f64(1), f64(0), { alpha: 1.5 }),
    message: "focalLoss: 'alpha' must be in [0, 1] (or negative to disable it), got 1.5",
  },
  {
    name: 'hingeLoss: margin 0',
    run: () => hingeLoss(f64(1), f64(1), { margin: 0 }),
    message: "hingeLoss: 'margin' must be a positive finite number, got 0",
  },
  {
    name: 'multiMarginLoss: p = 3',
    run: () => multiMarginLoss(f64(1, 2), i32(0), { p: 3 }),
    message: "multiMarginLoss: 'p' must be 1 or 2, got 3",
  },
  {
    name: 'multiMarginLoss: negative margin',
    run: () => multiMarginLoss(f64(1, 2), i32(0), { margin: -1 }),
    message: "multiMarginLoss: 'margin' must be a positive finite number, got -1",
  },
  {
    name: 'softmaxCrossEntropy: label smoothing above 1',
    run: () => softmaxCrossEntropy(f64(1, 2), i32(0), { labelSmoothing: 1.5 }),
    message: "softmaxCrossEntropy: 'labelSmoothing' must be a number in [0, 1], got 1.5",
  },
  {
    name: 'softmaxCrossEntropy: fractional ignoreIndex',
    run: () => softmaxCrossEntropy(f64(1, 2), i32(0), { ignoreIndex: 0.5 }),
    message: "softmaxCrossEntropy: 'ignoreIndex' must be an integer, got 0.5",
  },
  // Domains: probabilities, signs, counts, variances
  {
    name: 'bceLoss: probability above 1',
    run: () => bceLoss(f64(0.5, 1.5), f64(0, 1)),
    message: "bceLoss: 'pred' has 1.5 at index 1, outside [0, 1]",
  },
  {
    name: 'bceLoss: negative target',
    run: () => bceLoss(f64(0.5), f64(-0.1)),
    message: "bceLoss: 'target' has -0.1 at index 0, outside [0, 1]",
  },
  {
    name: 'bceLoss: NaN probability',
    run: () => bceLoss(f64(NaN), f64(1)),
    message: "bceLoss: 'pred' has a non-finite value (NaN) at index 0",
  },
  {
    name: 'bceWithLogitsLoss: target 2',
    run: () => bceWithLogitsLoss(f64(0), f64(2)),
    message: "bceWithLogitsLoss: 'target' has 2 at index 0, outside [0, 1]",
  },
  {
    name: 'focalLoss: target 3',
    run: () => focalLoss(f64(0), f64(3)),
    message: "focalLoss: 'target' has 3 at index 0, outside [0, 1]",
  },
  {
    name: 'crossEntropy: probability above 1',
    run: () => crossEntropy(f64(1.2, 0), f64(1, 0)),
    message: "crossEntropy: 'pred' has 1.2 at index 0, outside [0, 1]",
  },
  {
    name: 'klDivLoss: negative target probability',
    run: () => klDivLoss(f64(-1), f64(-0.1)),
    message: "klDivLoss: 'target' has -0.1 at index 0, outside [0, 1]",
  },
  {
    name: 'hingeLoss: label 0 instead of -1/+1',
    run: () => hingeLoss(f64(1, 2), f64(1, 0)),
    message: "hingeLoss: 'target' has 0 at index 1; labels must be -1 or +1",
  },
  {
    name: 'msleLoss: negative prediction',
    run: () => msleLoss(f64(-1), f64(1)),
    message: "msleLoss: 'pred' has -1 at index 0, outside [0, Infinity]",
  },
  {
    name: 'msleLoss: negative target',
    run: () => msleLoss(f64(1, 1), f64(1, -2)),
    message: "msleLoss: 'target' has -2 at index 1, outside [0, Infinity]",
  },
  {
    name: 'poissonNllLoss: negative count',
    run: () => poissonNllLoss(f64(0, 0), f64(1, -1)),
    message: "poissonNllLoss: 'target' has -1 at index 1, outside [0, Infinity]",
  },
  {
    name: 'poissonNllLoss: negative rate when logInput is false',
    run: () => poissonNllLoss(f64(-0.5), f64(1), { logInput: false }),
    message: "poissonNllLoss: 'pred' has -0.5 at index 0, outside [0, Infinity]",
  },
  {
    name: 'gaussianNllLoss: negative variance',
    run: () => gaussianNllLoss(f64(1, 2), f64(0, 0), { variance: f64(1, -1) }),
    message: "gaussianNllLoss: 'variance' has -1 at index 1, outside [0, Infinity]",
  },
  {
    name: 'gaussianNllLoss: negative shared variance',
    run: () => gaussianNllLoss(f64(1), f64(0), { variance: -2 }),
    message: "gaussianNllLoss: 'variance' must be a non-negative finite number, got -2",
  },
  {
    name: 'gaussianNllLoss: variance of the wrong length',
    run: () => gaussianNllLoss(f64(1, 2, 3), f64(0, 0, 0), { variance: f64(1, 2) }),
    message: "gaussianNllLoss: 'variance' has length 2 but 'pred' has 3 (give 1 or 3 values)",
  },
  // Class indices and B x C shapes
  {
    name: 'softmaxCrossEntropy: label out of range',
    run: () => softmaxCrossEntropy(f64(1, 2, 3, 4, 5, 6), i32(0, 3)),
    message:
      "softmaxCrossEntropy: 'target' has 3 at index 1; class indices must be integers in [0, 3)",
  },
  {
    name: 'softmaxCrossEntropy: fractional label',
    run: () => softmaxCrossEntropy(f64(1, 2, 3, 4), f64(1.5, 0)),
    message:
      "softmaxCrossEntropy: 'target' has 1.5 at index 0; class indices must be integers in [0, 2)",
  },
  {
    name: 'softmaxCrossEntropy: logits not a multiple of the targets',
    run: () => softmaxCrossEntropy(f64(1, 2, 3, 4, 5, 6, 7), i32(0, 1)),
    message: "softmaxCrossEntropy: 'logits' has length 7, not a multiple of the 2 targets",
  },
  {
    name: 'softmaxCrossEntropy: classes not dividing the logits',
    run: () => softmaxCrossEntropy(f64(1, 2, 3, 4, 5, 6), i32(0), { classes: 4 }),
    message: "softmaxCrossEntropy: 'logits' has length 6, not a multiple of classes = 4",
  },
  {
    name: 'softmaxCrossEntropy: target length fits neither indices nor probabilities',
    run: () => softmaxCrossEntropy(f64(1, 2, 3, 4, 5, 6), f64(0, 1, 0), { classes: 3 }),
    message:
      "softmaxCrossEntropy: 'target' has length 3 but 2 class indices or 6 probabilities are needed",
  },
  {
    name: 'softmaxCrossEntropy: probability targets without classes',
    run: () => softmaxCrossEntropy(f64(1, 2, 3, 4), f64(0.5, 0.5, 1, 0)),
    message:
      "softmaxCrossEntropy: 'target' has as many values as 'logits': pass options.classes to give the class count",
  },
  {
    name: 'softmaxCrossEntropy: classes 0',
    run: () => softmaxCrossEntropy(f64(1, 2), i32(0), { classes: 0 }),
    message: "softmaxCrossEntropy: 'classes' must be a positive integer, got 0",
  },
  {
    name: 'softmaxCrossEntropy: probability target below 0',
    run: () => softmaxCrossEntropy(f64(1, 2, 3), f64(0.5, 0.7, -0.2), { classes: 3 }),
    message: "softmaxCrossEntropy: 'target' has -0.2 at index 2, outside [0, 1]",
  },
  {
    name: 'softmaxCrossEntropy: classWeight of the wrong length',
    run: () => softmaxCrossEntropy(f64(1, 2, 3), i32(0), { classWeight: f64(1, 2) }),
    message: "softmaxCrossEntropy: 'classWeight' has length 2 but there are 3 classes",
  },
  {
    name: 'softmaxCrossEntropy: row weights of the wrong length',
    run: () => softmaxCrossEntropy(f64(1, 2, 3, 4), i32(0, 1), { weight: f64(1, 2, 3, 4) }),
    message: "softmaxCrossEntropy: 'weight' has length 4 but there are 2 rows",
  },
  {
    name: 'softmaxCrossEntropy: empty class indices',
    run: () => softmaxCrossEntropy(f64(1, 2), i32()),
    message: "softmaxCrossEntropy: 'target' is empty",
  },
  {
    name: 'nllLoss: negative label',
    run: () => nllLoss(f64(-1, -2, -3, -4), i32(-1, 0)),
    message: "nllLoss: 'target' has -1 at index 0; class indices must be integers in [0, 2)",
  },
  {
    name: 'multiMarginLoss: label out of range',
    run: () => multiMarginLoss(f64(1, 2, 3), f64(5)),
    message: "multiMarginLoss: 'target' has 5 at index 0; class indices must be integers in [0, 3)",
  },
  {
    name: 'crossEntropy: classes not dividing the length',
    run: () =>
      crossEntropy(f64(0.5, 0.5, 0.2, 0.8, 0.1, 0.9), f64(1, 0, 1, 0, 1, 0), { classes: 4 }),
    message: "crossEntropy: 'classes' must be a positive integer dividing the length 6, got 4",
  },
  {
    name: 'klDivLoss: batchmean classes not dividing the length',
    run: () =>
      klDivLoss(f64(-1, -1, -1), f64(0.2, 0.3, 0.5), { reduction: 'batchmean', classes: 2 }),
    message: "klDivLoss: 'classes' must be a positive integer dividing the length 3, got 2",
  },
  // Options that are not an object, or keys no loss reads (read as {} before: the mean)
  {
    name: 'mseLoss: options is a string',
    run: () => mseLoss(f64(1, 2), f64(0, 0), untyped('sum')),
    message: "mseLoss: 'options' must be an object, got the string 'sum'",
  },
  {
    name: 'softmaxCrossEntropy: options is null',
    run: () => softmaxCrossEntropy(f64(1, 2), i32(0), untyped(null)),
    message: "softmaxCrossEntropy: 'options' must be an object, got null",
  },
  {
    name: 'bceLoss: options is an array',
    run: () => bceLoss(f64(0.5), f64(1), untyped(['sum'])),
    message: "bceLoss: 'options' must be an object, got an array",
  },
  {
    name: 'mseLoss: misspelt reduction',
    run: () => mseLoss(f64(1, 2), f64(0, 0), untyped({ redution: 'sum' })),
    message:
      "mseLoss: unknown option 'redution' (did you mean 'reduction'? valid options: reduction, weight, out)",
  },
  {
    name: 'focalLoss: another loss option',
    run: () => focalLoss(f64(1), f64(0), untyped({ margin: 1 })),
    message:
      "focalLoss: unknown option 'margin' (valid options: reduction, weight, out, alpha, gamma)",
  },
  {
    name: 'nllLoss: label smoothing is softmaxCrossEntropy only',
    run: () => nllLoss(f64(-1, -2), i32(0), untyped({ labelSmoothing: 0.1 })),
    message:
      "nllLoss: unknown option 'labelSmoothing' (valid options: reduction, weight, out, classes, classWeight, ignoreIndex)",
  },
  {
    name: 'maeLoss: misspelt out.grad',
    run: () => maeLoss(f64(1), f64(0), untyped({ out: { grd: new Float64Array(1) } })),
    message: "maeLoss: unknown key 'grd' in 'out' (did you mean 'grad'? valid keys: grad, values)",
  },
  {
    name: 'huberLoss: out is a typed array',
    run: () => huberLoss(f64(1), f64(0), untyped({ out: new Float64Array(1) })),
    message: "huberLoss: 'out' must be an object, got a Float64Array",
  },
  // Output buffers that share memory with an input (wrong results before)
  {
    name: 'nllLoss: out.grad is pred',
    run: () => {
      const p = f64(-1, -2, -0.5, -1.5);
      return nllLoss(p, i32(0, 1), { out: { grad: p } });
    },
    message:
      "nllLoss: 'out.grad' shares memory with 'pred'; pass a separate buffer (outputs are written while inputs are read)",
  },
  {
    name: 'softmaxCrossEntropy: out.grad is the logits, with label smoothing',
    run: () => {
      const x = f64(1, 2, 3, 0.5, 0.1, -1);
      return softmaxCrossEntropy(x, i32(0, 2), { out: { grad: x }, labelSmoothing: 0.2 });
    },
    message:
      "softmaxCrossEntropy: 'out.grad' shares memory with 'logits'; pass a separate buffer (outputs are written while inputs are read)",
  },
  {
    name: 'mseLoss: out.grad overlaps target through a subarray',
    run: () => {
      const buf = f64(0, 0, 0, 0);
      return mseLoss(f64(1, 2), buf.subarray(0, 2), { out: { grad: buf.subarray(1, 3) } });
    },
    message:
      "mseLoss: 'out.grad' shares memory with 'target'; pass a separate buffer (outputs are written while inputs are read)",
  },
  {
    name: 'gaussianNllLoss: out.values is the variance',
    run: () => {
      const v = f64(1, 2);
      return gaussianNllLoss(f64(1, 2), f64(0, 0), {
        variance: v,
        reduction: 'none',
        out: { values: v },
      });
    },
    message:
      "gaussianNllLoss: 'out.values' shares memory with 'variance'; pass a separate buffer (outputs are written while inputs are read)",
  },
  {
    name: 'maeLoss: out.values is out.grad',
    run: () => {
      const g = new Float64Array(2);
      return maeLoss(f64(1, 2), f64(0, 0), { reduction: 'none', out: { grad: g, values: g } });
    },
    message:
      "maeLoss: 'out.values' shares memory with 'out.grad'; pass a separate buffer (outputs are written while inputs are read)",
  },
  // Values and gradients the output type cannot hold (Infinity before)
  {
    name: 'mseLoss: float32 gradient beyond 3.4e38',
    run: () => mseLoss(Float32Array.of(3e38), Float32Array.of(-3e38)),
    message:
      "mseLoss: the gradient with respect to 'pred' overflowed at index 0 (Infinity in a Float32Array)",
  },
  {
    name: "mseLoss: float32 per-element loss beyond 3.4e38 with 'none'",
    run: () => mseLoss(Float32Array.of(1e20), Float32Array.of(0), { reduction: 'none' }),
    message: 'mseLoss: the per-element loss overflowed at index 0 (Infinity in a Float32Array)',
  },
  {
    name: 'bceLoss: a weight of 1e300 makes the gradient -5e311',
    run: () => bceLoss(f64(0), f64(0.5), { weight: f64(1e300) }),
    message:
      "bceLoss: the gradient with respect to 'pred' overflowed at index 0 (-Infinity in a Float64Array)",
  },
  {
    name: 'softmaxCrossEntropy: float64 logits into a float32 out.grad with huge row weights',
    run: () =>
      softmaxCrossEntropy(f64(0, 0), i32(0), {
        weight: f64(1e300),
        out: { grad: new Float32Array(2) },
      }),
    message:
      "softmaxCrossEntropy: the gradient with respect to 'logits' overflowed at index 0 (Infinity in a Float32Array)",
  },
  // gradCheck
  {
    name: 'gradCheck: an infinite step',
    run: () => gradCheck((x) => x[0] as number, [1], f64(0), { h: Infinity }),
    message: "gradCheck: 'h' must be a positive finite number, got Infinity",
  },
  {
    name: 'gradCheck: misspelt option',
    run: () => gradCheck((x) => x[0] as number, [1], f64(0), untyped({ step: 1e-4 })),
    message: "gradCheck: unknown option 'step' (valid options: h, floor)",
  },
  // Registry
  {
    name: 'getLoss: unknown id',
    run: () => getLoss('l3'),
    message:
      "getLoss: unknown loss 'l3' (known: mse, mae, huber, smoothL1, logCosh, quantile, msle, mape, poissonNll, gaussianNll, tweedie, cosineSimilarity, bce, bceWithLogits, softmaxCrossEntropy, nll, crossEntropy, klDiv, focal, hinge, squaredHinge, multiMargin, softMargin, multiLabelSoftMargin, multiLabelMargin, multiclassHinge, categoricalHinge, dice, tversky, ctc, hingeEmbedding, cosineEmbedding, marginRanking, tripletMargin)",
  },
];
