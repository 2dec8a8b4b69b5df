import { checkPositive } from '../check';
import type { FloatArray, LossResult } from '../types';
import { HINGE_KEYS } from './hingeLoss';
import type { HingeLossOptions } from './hingeLoss';
import { checkSigns, finishLoss, lossOptions, prepareElementwise } from './lossKit';

/**
 * Squared hinge loss of a real score against a label of -1 or +1: differentiable everywhere.
 *
 * $$\ell_i = w_i \max(0,\ m - y_i \hat y_i)^2,\qquad
 *   \frac{\partial \ell_i}{\partial \hat y_i} = -2 w_i y_i \max(0,\ m - y_i \hat y_i)$$
 *
 * @example
 * const { value, grad } = squaredHingeLoss(new Float64Array([0.5, 2]), new Float64Array([1, -1]));
 * // value = (0.25 + 9) / 2 = 4.625, grad = [-2*0.5/2, 2*3/2] = [-0.5, 3]
 */
export function squaredHingeLoss(
  pred: FloatArray,
  target: FloatArray,
  options?: HingeLossOptions,
): LossResult {
  const fn = 'squaredHingeLoss';
  const opts = lossOptions(fn, options, HINGE_KEYS);
  const margin = opts.margin ?? 1;
  checkPositive(fn, 'margin', margin);
  const { n, scale, grad, values, weight } = prepareElementwise(fn, pred, target, opts);
  checkSigns(fn, 'target', target);
  let sum = 0;
  let bound = 0;
  for (let i = 0; i < n; i++) {
    const y = target[i] as number;
    const z = margin - y * (pred[i] as number);
    const w = weight === undefined ? 1 : (weight[i] as number);
    // (w z) z and (z scale) w overflow only when the result does.
    const l = z <= 0 ? 0 : w * z * z;
    const g = z <= 0 ? 0 : -2 * y * (z * scale) * w;
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
