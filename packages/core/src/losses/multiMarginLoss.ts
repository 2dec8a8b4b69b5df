import { checkArray, checkPositive, prepareOutputs } from '../check';
import { LosslabError } from '../errors';
import type { FloatArray, LossOptions, LossResult } from '../types';
import { checkLabels, resolveClasses } from './classTargets';
import { checkRange, checkWeight, finishLoss, lossKeys, lossOptions } from './lossKit';

const KEYS = lossKeys('classes', 'p', 'margin', 'classWeight');

/** Options of {@link multiMarginLoss} (PyTorch's MultiMarginLoss). */
export interface MultiMarginLossOptions extends LossOptions {
  /** Number of classes C. Default: `pred.length / target.length`. */
  classes?: number;
  /** 1 (hinge) or 2 (squared hinge). Default 1. */
  p?: number;
  /** Margin by which the true class must win; > 0. Default 1. */
  margin?: number;
  /** Per-class weights (PyTorch's `weight`), length C, applied to the true class's terms. */
  classWeight?: FloatArray;
}

/**
 * Multi-class hinge loss on a flat row-major B x C array of scores (PyTorch's MultiMarginLoss).
 *
 * $$\ell_i = \frac{w_i\, v_{t_i}}{C} \sum_{c \ne t_i} \max(0,\ m - x_{i t_i} + x_{ic})^p,\qquad
 *   \frac{\partial \ell_i}{\partial x_{ic}} = \frac{w_i v_{t_i}}{C}\, p\, z_{ic}^{p-1} [z_{ic} > 0]\ (c \ne t_i),\quad
 *   \frac{\partial \ell_i}{\partial x_{i t_i}} = -\sum_{c \ne t_i} \frac{\partial \ell_i}{\partial x_{ic}}$$
 *
 * The class weight multiplies each term after the power, as PyTorch's implementation does (its
 * documentation writes it inside the max). At the kink (z = 0) the gradient is 0. 'mean'
 * divides by B; `weight` holds one weight per row.
 *
 * @example
 * const { value, grad } = multiMarginLoss(new Float64Array([0.1, 0.2, 0.4, 0.8]), new Int32Array([3]));
 * // value = ((1-0.8+0.1) + (1-0.8+0.2) + (1-0.8+0.4)) / 4 = 0.325
 * // grad = [0.25, 0.25, 0.25, -0.75]
 */
export function multiMarginLoss(
  pred: FloatArray,
  target: FloatArray | Int32Array,
  options?: MultiMarginLossOptions,
): LossResult {
  const fn = 'multiMarginLoss';
  const opts = lossOptions(fn, options, KEYS);
  checkArray(fn, 'pred', pred);
  if (!(target instanceof Int32Array)) {
    checkArray(fn, 'target', target);
  } else if (target.length === 0) {
    throw new LosslabError(fn, 'target', `'target' is empty`);
  }
  const power = opts.p ?? 1;
  if (power !== 1 && power !== 2) {
    throw new LosslabError(fn, 'p', `'p' must be 1 or 2, got ${String(power)}`);
  }
  const margin = opts.margin ?? 1;
  checkPositive(fn, 'margin', margin);
  const { rows, classes } = resolveClasses(fn, 'pred', pred, target, opts.classes, false);
  const classWeight = checkWeight(
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
  const { reduction, grad, values } = prepareOutputs(fn, pred, rows, opts, {
    pred,
    target,
    weight,
    classWeight,
  });
  checkLabels(fn, target, classes, undefined, undefined);
  const scale = reduction === 'mean' ? 1 / rows : 1;
  let sum = 0;
  let bound = 0;
  for (let i = 0; i < rows; i++) {
    const base = i * classes;
    const t = target[i] as number;
    // w v / C with the division first: w v alone may overflow where w v / C does not.
    const k =
      ((weight === undefined ? 1 : (weight[i] as number)) / classes) *
      (classWeight === undefined ? 1 : (classWeight[t] as number));
    const xt = pred[base + t] as number;
    let l = 0;
    let gt = 0;
    for (let c = 0; c < classes; c++) {
      if (c === t) {
        continue;
      }
      const z = margin - xt + (pred[base + c] as number);
      // `z <= 0` so that NaN reaches the loss and the finite check.
      if (z <= 0) {
        grad[base + c] = 0;
      } else {
        l += power === 1 ? z : z * z;
        const g = (power === 1 ? 1 : 2 * z) * scale * k;
        grad[base + c] = g;
        gt -= g;
        bound += Math.abs(g);
      }
    }
    grad[base + t] = gt;
    bound += Math.abs(gt);
    l *= k;
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
    classWeight,
  });
}
