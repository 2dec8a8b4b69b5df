import { checkPositive } from '../check';
import type { FloatArray, LossOptions, LossResult } from '../types';
import { huberKernel } from './huberKernel';
import { lossKeys, lossOptions } from './lossKit';

const KEYS = lossKeys('delta');

/** Options of {@link huberLoss}. */
export interface HuberLossOptions extends LossOptions {
  /** Where the loss turns from quadratic to linear; > 0. Default 1. */
  delta?: number;
}

/**
 * Huber loss (PyTorch's HuberLoss): quadratic near 0, linear beyond `delta`.
 *
 * $$\ell_i = w_i \begin{cases} \tfrac12 d_i^2 & |d_i| < \delta \\
 *   \delta\,(|d_i| - \tfrac12\delta) & \text{otherwise} \end{cases},\quad d_i = \hat y_i - y_i,\qquad
 *   \frac{\partial \ell_i}{\partial \hat y_i} = w_i \operatorname{clip}(d_i, -\delta, \delta)$$
 *
 * @example
 * const { value, grad } = huberLoss(new Float64Array([0.5, 3]), new Float64Array([0, 0]), { delta: 1 });
 * // value = (0.125 + 2.5) / 2 = 1.3125, grad = [0.5/2, 1/2] = [0.25, 0.5]
 */
export function huberLoss(
  pred: FloatArray,
  target: FloatArray,
  options?: HuberLossOptions,
): LossResult {
  const fn = 'huberLoss';
  const opts = lossOptions(fn, options, KEYS);
  const delta = opts.delta ?? 1;
  checkPositive(fn, 'delta', delta);
  return huberKernel(fn, pred, target, opts, delta, 1, delta);
}
