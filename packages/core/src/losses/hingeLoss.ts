import { checkPositive } from '../check';
import type { FloatArray, LossOptions, LossResult } from '../types';
import { checkSigns, finishLoss, lossKeys, lossOptions, prepareElementwise } from './lossKit';

/** The option keys of the hinge losses. */
export const HINGE_KEYS = lossKeys('margin');

/** Options of {@link hingeLoss} and {@link squaredHingeLoss}. */
export interface HingeLossOptions extends LossOptions {
  /** The margin the score must clear; > 0. Default 1. */
  margin?: number;
}

/**
 * Hinge loss of a real score against a label of -1 or +1 (the SVM loss).
 *
 * $$\ell_i = w_i \max(0,\ m - y_i \hat y_i),\qquad
 *   \frac{\partial \ell_i}{\partial \hat y_i} = \begin{cases} -w_i y_i & m - y_i \hat y_i > 0 \\
 *   0 & \text{otherwise} \end{cases}$$
 *
 * At the kink the gradient is 0, as in PyTorch's MultiMarginLoss (`z > 0`). Weights rescale each
 * element's loss; the weighted mean divides by n.
 *
 * @example
 * const { value, grad } = hingeLoss(new Float64Array([0.5, 2]), new Float64Array([1, -1]));
 * // value = (0.5 + 3) / 2 = 1.75, grad = [-1/2, 1/2]
 */
export function hingeLoss(
  pred: FloatArray,
  target: FloatArray,
  options?: HingeLossOptions,
): LossResult {
  const fn = 'hingeLoss';
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
    // `z <= 0` rather than `z > 0` so that a NaN score reaches the value and is reported.
    const l = z <= 0 ? 0 : w * z;
    const g = z <= 0 ? 0 : -y * scale * w;
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
