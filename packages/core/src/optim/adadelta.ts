import type { ChainState } from './chain';
import { checkLearningRate } from './checkHyper';
import type { GradientTransformation } from './GradientTransformation';
import { l2Alias } from './l2Alias';
import type { LearningRate } from './Schedule';
import { adadeltaHyper, scaleByAdadelta } from './scaleByAdadelta';
import type { ScaleByAdadeltaOptions } from './scaleByAdadelta';

/** Options of `adadelta`: `rho`, `eps` and the L2 `weightDecay`. */
export interface AdadeltaOptions extends ScaleByAdadeltaOptions {
  /** L2 penalty lambda >= 0 added to the gradient. Default 0. */
  weightDecay?: number;
}

/**
 * Adadelta (Zeiler 2012), as torch.optim.Adadelta documents it:
 *
 * $$g_t \leftarrow g_t + \lambda\theta_{t-1},\quad v_t = \rho v_{t-1} + (1-\rho) g_t^2,\quad
 *   \Delta_t = \frac{\sqrt{u_{t-1} + \epsilon}}{\sqrt{v_t + \epsilon}} g_t,\quad
 *   u_t = \rho u_{t-1} + (1-\rho)\Delta_t^2,\quad \theta_t = \theta_{t-1} - \gamma\Delta_t$$
 *
 * Default learning rate 1, as PyTorch. A chain of `addWeightDecay` (when lambda > 0),
 * `scaleByAdadelta` and `scaleByLearningRate`.
 *
 * @example
 * const opt = adadelta();
 * const params = new Float64Array([1]);
 * const [u] = opt.update(new Float64Array([1]), opt.init(params), params);
 * // the first steps are small: u ~ [-0.00316]
 */
export function adadelta(
  lr: LearningRate = 1,
  options?: AdadeltaOptions,
): GradientTransformation<ChainState> {
  const fn = 'adadelta';
  checkLearningRate(fn, lr);
  const hyper = adadeltaHyper(fn, options, ['weightDecay']);
  return l2Alias(fn, lr, options?.weightDecay, scaleByAdadelta(hyper), hyper, {
    rho: 0.9,
    eps: 1e-6,
  });
}
