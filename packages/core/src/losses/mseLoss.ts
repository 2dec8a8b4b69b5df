import { checkArray, checkFinite, checkSameLength, prepareOutputs } from '../check';
import { LosslabError } from '../errors';
import type { FloatArray, LossOptions, LossResult } from '../types';

/**
 * Mean squared error and its gradient, in one pass.
 *
 * $$\ell_i = w_i (\hat y_i - y_i)^2,\qquad
 *   L = \frac{\sum_i \ell_i}{n}\ (\text{mean}),\qquad
 *   \frac{\partial L}{\partial \hat y_i} = \frac{2 w_i (\hat y_i - y_i)}{n}$$
 *
 * Weights rescale each element's loss and the weighted mean still divides by n, as PyTorch's
 * BCELoss does with its `weight` (PyTorch's MSELoss has none).
 *
 * @example
 * const { value, grad } = mseLoss(new Float64Array([1, 2]), new Float64Array([0, 4]));
 * // value = ((1-0)^2 + (2-4)^2) / 2 = 2.5, grad = [2*1/2, 2*(-2)/2] = [1, -2]
 */
export function mseLoss(pred: FloatArray, target: FloatArray, options?: LossOptions): LossResult {
  const fn = 'mseLoss';
  checkArray(fn, 'pred', pred);
  checkArray(fn, 'target', target);
  checkSameLength(fn, 'pred', pred, 'target', target);
  const weight = options?.weight;
  if (weight !== undefined) {
    checkArray(fn, 'weight', weight);
    checkSameLength(fn, 'pred', pred, 'weight', weight);
  }
  const n = pred.length;
  const { reduction, grad, values } = prepareOutputs(fn, pred, n, options);
  const scale = reduction === 'mean' ? 1 / n : 1;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = (pred[i] as number) - (target[i] as number);
    const w = weight === undefined ? 1 : (weight[i] as number);
    const l = w * d * d;
    sum += l;
    grad[i] = 2 * w * d * scale;
    if (values !== null) {
      values[i] = l;
    }
  }
  const value = sum * scale;
  if (!Number.isFinite(value)) {
    checkFinite(fn, weight === undefined ? { pred, target } : { pred, target, weight });
    throw new LosslabError(fn, 'pred', `the loss overflowed to ${value}`);
  }
  return { value, grad, values };
}
