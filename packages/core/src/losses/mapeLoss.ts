import type { FloatArray, LossOptions, LossResult } from '../types';
import { finishLoss, lossKeys, lossOptions, prepareElementwise } from './lossKit';

const KEYS = lossKeys();

/** scikit-learn's floor on |y| (float64 machine epsilon), so a zero target does not divide by 0. */
const EPS = 2.220446049250313e-16;

/**
 * Mean absolute percentage error, as a fraction (scikit-learn's
 * `mean_absolute_percentage_error`, not multiplied by 100).
 *
 * $$\ell_i = w_i \frac{|\hat y_i - y_i|}{\max(|y_i|, \epsilon)},\qquad
 *   \frac{\partial \ell_i}{\partial \hat y_i} = w_i \frac{\operatorname{sign}(\hat y_i - y_i)}{\max(|y_i|, \epsilon)}$$
 *
 * with $\epsilon = 2^{-52}$; the gradient is 0 at the kink, as for the MAE.
 *
 * @example
 * const { value, grad } = mapeLoss(new Float64Array([110, 45]), new Float64Array([100, 50]));
 * // value = (0.1 + 0.1) / 2 = 0.1, grad = [0.01/2, -0.02/2] = [0.005, -0.01]
 */
export function mapeLoss(pred: FloatArray, target: FloatArray, options?: LossOptions): LossResult {
  const fn = 'mapeLoss';
  const opts = lossOptions(fn, options, KEYS);
  const { n, scale, grad, values, weight } = prepareElementwise(fn, pred, target, opts);
  let sum = 0;
  let bound = 0;
  for (let i = 0; i < n; i++) {
    const y = target[i] as number;
    const d = (pred[i] as number) - y;
    const w = weight === undefined ? 1 : (weight[i] as number);
    const inv = 1 / Math.max(Math.abs(y), EPS);
    // w (|d| inv) and (inv scale) w: each product overflows only when the result does.
    const l = w * (Math.abs(d) * inv);
    const g = Math.sign(d) * (inv * scale) * w;
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
