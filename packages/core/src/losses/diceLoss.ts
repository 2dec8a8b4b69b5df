import type { FloatArray, LossResult } from '../types';
import type { DiceLossOptions } from './tverskyLoss';
import { overlapLoss } from './tverskyLoss';

/**
 * Soft Dice loss (Milletari et al. 2016; optax's `dice_loss` with `apply_softmax=False`) of
 * predicted probabilities against targets in [0, 1], one loss per sample of `features` values
 * (the whole array by default, as Keras's `Dice` with `axis=None`).
 *
 * With $I = \sum_j p_j t_j$, $P = \sum_j p_j$, $T = \sum_j t_j$ and smoothing $s$:
 *
 * $$\ell_i = w_i\Big(1 - \frac{2I + 2s}{P + T + 2s}\Big),\qquad
 *   \frac{\partial \ell_i}{\partial p_j} = -\frac{2 w_i}{P + T + 2s}\Big(t_j - \frac{I + s}{P + T + 2s}\Big)$$
 *
 * which is {@link tverskyLoss} with $\alpha = \beta = 1/2$, optax's form
 * $1 - (I + s)/(I + \tfrac12(P - I) + \tfrac12(T - I) + s)$. Keras's `Dice` is
 * $1 - 2I/(P + T + 10^{-7})$: `smooth: 0` here, without Keras's $10^{-7}$. 'mean' divides by the
 * number of samples; `weight` (one per sample) multiplies each sample's loss.
 *
 * @throws LosslabError when the lengths differ or are not a multiple of `features`, a value is
 *   outside [0, 1], `smooth` is negative, or a sample's denominator is 0 (`smooth: 0` with
 *   nothing predicted nor present).
 * @example
 * const { value, grad } = diceLoss(new Float64Array([0.5, 0.5]), new Float64Array([1, 0]), { smooth: 0 });
 * // 1 - 2 * 0.5 / (1 + 1) = 0.5, grad = -(2 / 2) ([1, 0] - 0.5 / 2) = [-0.75, 0.25]
 */
export function diceLoss(
  pred: FloatArray,
  target: FloatArray,
  options?: DiceLossOptions,
): LossResult {
  return overlapLoss('diceLoss', pred, target, options, 0.5, 0.5);
}
