import type { FloatArray, LossOptions, LossResult } from '../types';
import { finishLoss, prepareElementwise } from './lossKit';

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
  const { n, scale, grad, values, weight } = prepareElementwise(fn, pred, target, options);
  const g2 = 2 * scale;
  let sum = 0;
  if (weight === undefined && values === null) {
    // The training-loop case, kept free of per-element branches.
    for (let i = 0; i < n; i++) {
      const d = (pred[i] as number) - (target[i] as number);
      sum += d * d;
      grad[i] = g2 * d;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const d = (pred[i] as number) - (target[i] as number);
      const w = weight === undefined ? 1 : (weight[i] as number);
      const l = w * d * d;
      sum += l;
      grad[i] = g2 * w * d;
      if (values !== null) {
        values[i] = l;
      }
    }
  }
  return finishLoss(fn, sum * scale, grad, values, { pred, target, weight });
}
