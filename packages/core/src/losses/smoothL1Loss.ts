import { checkNonNegative } from '../check';
import type { FloatArray, LossOptions, LossResult } from '../types';
import { huberKernel } from './huberKernel';
import { lossKeys, lossOptions } from './lossKit';

const KEYS = lossKeys('beta');

/** Options of {@link smoothL1Loss}. */
export interface SmoothL1LossOptions extends LossOptions {
  /** Width of the quadratic zone; >= 0 (0 gives the L1 loss). Default 1. */
  beta?: number;
}

/**
 * Smooth L1 loss (PyTorch's SmoothL1Loss): the Huber loss divided by `beta`.
 *
 * $$\ell_i = w_i \begin{cases} \tfrac{1}{2\beta} d_i^2 & |d_i| < \beta \\
 *   |d_i| - \tfrac12\beta & \text{otherwise} \end{cases},\qquad
 *   \frac{\partial \ell_i}{\partial \hat y_i} = w_i \begin{cases} d_i/\beta & |d_i| < \beta \\
 *   \operatorname{sign}(d_i) & \text{otherwise} \end{cases}$$
 *
 * With `beta: 0` (the L1 loss) the gradient at $d_i = 0$ is $\operatorname{sign}(0) = 0$, as
 * PyTorch's L1Loss has it; PyTorch 1.13's SmoothL1Loss with beta 0 gives -1 there.
 *
 * @example
 * const { value, grad } = smoothL1Loss(new Float64Array([0.5, 3]), new Float64Array([0, 0]), { beta: 1 });
 * // value = (0.125 + 2.5) / 2 = 1.3125, grad = [0.25, 0.5]
 */
export function smoothL1Loss(
  pred: FloatArray,
  target: FloatArray,
  options?: SmoothL1LossOptions,
): LossResult {
  const fn = 'smoothL1Loss';
  const opts = lossOptions(fn, options, KEYS);
  const beta = opts.beta ?? 1;
  checkNonNegative(fn, 'beta', beta);
  return huberKernel(fn, pred, target, opts, beta, beta, 1);
}
