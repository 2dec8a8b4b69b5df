import { checkArray, prepareOutputs } from '../check';
import { LosslabError } from '../errors';
import type { FloatArray, LossOptions, LossResult } from '../types';
import { checkLabels, normalizeClassWeight, resolveClasses } from './classTargets';
import { checkRange, checkWeight, finishLoss, lossKeys, lossOptions } from './lossKit';

const KEYS = lossKeys('classes', 'classWeight', 'ignoreIndex');

/** Options of {@link nllLoss} (PyTorch's NLLLoss). */
export interface NllLossOptions extends LossOptions {
  /** Number of classes C. Default: `pred.length / target.length`. */
  classes?: number;
  /** Per-class weights (PyTorch's `weight`), length C; the weighted mean divides by their sum over kept targets. */
  classWeight?: FloatArray;
  /** A target equal to this index contributes nothing. Default -100. */
  ignoreIndex?: number;
}

/**
 * Negative log-likelihood of class indices given log-probabilities, a flat row-major B x C
 * array (for example the output of a log-softmax).
 *
 * $$\ell_i = -w_i\, v_{t_i}\, x_{i t_i},\qquad L = \frac{\sum_i \ell_i}{\sum_{i\ \text{kept}} v_{t_i}}\ (\text{mean}),\qquad
 *   \frac{\partial \ell_i}{\partial x_{ic}} = -w_i v_{t_i} [c = t_i]$$
 *
 * As in {@link softmaxCrossEntropy}, `weight` holds one weight per row, and a mean whose
 * denominator is 0 (every target ignored, or kept class weights summing to 0) is 0 with a zero
 * gradient where PyTorch returns NaN.
 *
 * @example
 * const logProb = new Float64Array([Math.log(0.7), Math.log(0.3), Math.log(0.4), Math.log(0.6)]);
 * const { value, grad } = nllLoss(logProb, new Int32Array([0, 1]));
 * // value = -(log 0.7 + log 0.6) / 2 = 0.4337502838523616, grad = [-0.5, 0, 0, -0.5]
 */
export function nllLoss(
  pred: FloatArray,
  target: FloatArray | Int32Array,
  options?: NllLossOptions,
): LossResult {
  const fn = 'nllLoss';
  const opts = lossOptions(fn, options, KEYS);
  checkArray(fn, 'pred', pred);
  if (!(target instanceof Int32Array)) {
    checkArray(fn, 'target', target);
  } else if (target.length === 0) {
    throw new LosslabError(fn, 'target', `'target' is empty`);
  }
  const { rows, classes } = resolveClasses(fn, 'pred', pred, target, opts.classes, false);
  let classWeight = checkWeight(
    fn,
    'classWeight',
    opts.classWeight,
    classes,
    `there are ${classes} classes`,
  );
  if (classWeight !== undefined) {
    checkRange(fn, 'classWeight', classWeight, 0, Infinity);
  }
  const weight = checkWeight(fn, 'weight', opts.weight, rows, `there are ${rows} rows`);
  const ignoreIndex = opts.ignoreIndex ?? -100;
  const { reduction, grad, values } = prepareOutputs(fn, pred, rows, opts, {
    pred,
    target,
    weight,
    classWeight,
  });
  let denom = checkLabels(fn, target, classes, ignoreIndex, classWeight);
  if (reduction === 'mean' && classWeight !== undefined) {
    ({ classWeight, denom } = normalizeClassWeight(target, ignoreIndex, classWeight, denom));
  }
  const scale = reduction !== 'mean' ? 1 : denom === 0 ? 0 : 1 / denom;
  grad.fill(0);
  let sum = 0;
  let bound = 0;
  for (let i = 0; i < rows; i++) {
    const t = target[i] as number;
    let l = 0;
    if (t !== ignoreIndex) {
      const w = weight === undefined ? 1 : (weight[i] as number);
      const v = classWeight === undefined ? 1 : (classWeight[t] as number);
      const j = i * classes + t;
      // v scale <= 1 for a weighted mean (v is one term of the denominator), so the row weight
      // multiplies last and the products overflow only when the results do.
      l = -w * (v * (pred[j] as number));
      const g = -(v * scale) * w;
      grad[j] = g;
      bound += Math.abs(g);
    }
    sum += l;
    if (values !== null) {
      values[i] = l;
      bound += Math.abs(l);
    }
  }
  return finishLoss(fn, sum * scale, grad, values, bound, {
    pred,
    target,
    weight,
    classWeight: opts.classWeight,
  });
}
