import { checkArray, checkSameLength, prepareOutputs } from '../check';
import type { FloatArray, LossOptions, LossResult } from '../types';
import { checkRange, checkWeight, finishLoss, lossKeys, lossOptions } from './lossKit';
import { resolveRowLength } from './rowLength';

const KEYS = lossKeys('classes', 'classWeight');

/** Options of {@link multiLabelSoftMarginLoss} (PyTorch's MultiLabelSoftMarginLoss). */
export interface MultiLabelSoftMarginLossOptions extends LossOptions {
  /** Number of classes C. Default `pred.length` (one row, as PyTorch reads a 1-D input). */
  classes?: number;
  /** Per-class weights (PyTorch's `weight`), length C, >= 0. (`weight` is one per row.) */
  classWeight?: FloatArray;
}

/**
 * Multi-label one-versus-all logistic loss on a flat row-major B x C array of logits with a
 * B x C target of 0/1 labels (or probabilities in [0, 1]) (PyTorch's MultiLabelSoftMarginLoss).
 *
 * $$\ell_i = \frac{w_i}{C}\sum_c v_c\big(y_{ic}\operatorname{sp}(-x_{ic}) + (1 - y_{ic})\operatorname{sp}(x_{ic})\big),\qquad
 *   \frac{\partial \ell_i}{\partial x_{ic}} = \frac{w_i v_c}{C}\big(\sigma(x_{ic}) - y_{ic}\big)$$
 *
 * with $\operatorname{sp}(x) = \log(1 + e^x) = -\log\sigma(-x)$, computed stably for any logit.
 * 'mean' divides by B. `classWeight` is PyTorch's `weight`; `weight` (one per row) is a losslab
 * addition that multiplies each row's loss.
 *
 * @throws LosslabError on lengths that do not match B x C, a target outside [0, 1], a negative
 *   class weight, or a NaN or infinite value.
 * @example
 * const { value, grad } = multiLabelSoftMarginLoss(new Float64Array([0, 0]), new Float64Array([1, 0]));
 * // value = (log 2 + log 2) / 2 = 0.6931471805599453, grad = [-0.25, 0.25]
 */
export function multiLabelSoftMarginLoss(
  pred: FloatArray,
  target: FloatArray,
  options?: MultiLabelSoftMarginLossOptions,
): LossResult {
  const fn = 'multiLabelSoftMarginLoss';
  const opts = lossOptions(fn, options, KEYS);
  checkArray(fn, 'pred', pred);
  checkArray(fn, 'target', target);
  checkSameLength(fn, 'pred', pred, 'target', target);
  const { rows, rowLength: C } = resolveRowLength(fn, 'classes', opts.classes, 'pred', pred.length);
  const classWeight = checkWeight(fn, 'classWeight', opts.classWeight, C, `there are ${C} classes`);
  if (classWeight !== undefined) {
    checkRange(fn, 'classWeight', classWeight, 0, Infinity);
  }
  const weight = checkWeight(fn, 'weight', opts.weight, rows, `there are ${rows} rows`);
  const inputs = { pred, target, weight, classWeight };
  const { reduction, grad, values } = prepareOutputs(fn, pred, rows, opts, inputs);
  checkRange(fn, 'target', target, 0, 1);
  const scale = reduction === 'mean' ? 1 / rows : 1;
  let sum = 0;
  let bound = 0;
  for (let i = 0; i < rows; i++) {
    const base = i * C;
    const k = (weight === undefined ? 1 : (weight[i] as number)) / C;
    let l = 0;
    for (let c = 0; c < C; c++) {
      const x = pred[base + c] as number;
      const y = target[base + c] as number;
      const v = classWeight === undefined ? 1 : (classWeight[c] as number);
      const e = Math.exp(-Math.abs(x));
      const log1pE = Math.log1p(e);
      // sp(x) and sp(-x) share log(1 + e^-|x|); sigma(x) - y without cancellation near 1.
      const spPos = Math.max(x, 0) + log1pE;
      const spNeg = Math.max(-x, 0) + log1pE;
      const sig = x >= 0 ? 1 / (1 + e) : e / (1 + e);
      const sigNeg = x >= 0 ? e / (1 + e) : 1 / (1 + e);
      l += v * (y * spNeg + (1 - y) * spPos);
      const g = ((1 - y) * sig - y * sigNeg) * scale * k * v;
      grad[base + c] = g;
      bound += Math.abs(g);
    }
    l *= k;
    sum += l;
    if (values !== null) {
      values[i] = l;
      bound += Math.abs(l);
    }
  }
  return finishLoss(fn, sum * scale, grad, values, bound, inputs);
}
