import type { FloatArray, LossOptions, LossResult } from '../types';
import { checkRange, finishLoss, lossKeys, lossOptions, prepareElementwise } from './lossKit';

const KEYS = lossKeys();

/**
 * Mean squared logarithmic error, for non-negative targets spanning orders of magnitude.
 *
 * $$\ell_i = w_i \big(\log(1 + \hat y_i) - \log(1 + y_i)\big)^2,\qquad
 *   \frac{\partial \ell_i}{\partial \hat y_i} = \frac{2 w_i (\log(1 + \hat y_i) - \log(1 + y_i))}{1 + \hat y_i}$$
 *
 * Predictions and targets must be >= 0, as scikit-learn's `mean_squared_log_error` requires
 * (PyTorch has no MSLE).
 *
 * @example
 * const { value, grad } = msleLoss(new Float64Array([Math.E - 1]), new Float64Array([0]));
 * // value = (1 - 0)^2 = 1, grad = [2 * 1 / e] = [0.7357588823428847]
 */
export function msleLoss(pred: FloatArray, target: FloatArray, options?: LossOptions): LossResult {
  const fn = 'msleLoss';
  const opts = lossOptions(fn, options, KEYS);
  const { n, scale, grad, values, weight } = prepareElementwise(fn, pred, target, opts);
  checkRange(fn, 'pred', pred, 0, Infinity);
  checkRange(fn, 'target', target, 0, Infinity);
  let sum = 0;
  let bound = 0;
  for (let i = 0; i < n; i++) {
    const p = pred[i] as number;
    const d = Math.log1p(p) - Math.log1p(target[i] as number);
    const w = weight === undefined ? 1 : (weight[i] as number);
    const l = w * d * d;
    const g = ((2 * d) / (1 + p)) * scale * w;
    sum += l;
    grad[i] = g;
    bound += Math.abs(g);
    if (values !== null) {
      values[i] = l;
      bound += Math.abs(l);
    }
  }
  return finishLoss(fn, sum * scale, grad, values, bound, { pred, target, weight });
}
