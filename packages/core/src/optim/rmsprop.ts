import type { ChainState } from './chain';
import { checkLearningRate } from './checkHyper';
import type { GradientTransformation } from './GradientTransformation';
import { l2Alias } from './l2Alias';
import type { LearningRate } from './Schedule';
import { rmsHyper, scaleByRms } from './scaleByRms';
import type { ScaleByRmsOptions } from './scaleByRms';

/** Options of `rmsprop`: `alpha`, `eps`, `centered`, `momentum` and the L2 `weightDecay`. */
export interface RmspropOptions extends ScaleByRmsOptions {
  /** L2 penalty lambda >= 0 added to the gradient. Default 0. */
  weightDecay?: number;
}

/**
 * RMSprop (Hinton; centered variant from Graves 2013), as torch.optim.RMSprop documents it:
 *
 * $$v_t = \alpha v_{t-1} + (1-\alpha) g_t^2,\quad
 *   \theta_t = \theta_{t-1} - \gamma\,\frac{g_t}{\sqrt{\tilde v_t} + \epsilon}$$
 *
 * with $\tilde v_t = v_t - \bar g_t^2$ when centered and a momentum buffer when momentum > 0
 * (see `scaleByRms`). Default learning rate 1e-2, as PyTorch. A chain of `addWeightDecay`
 * (when lambda > 0), `scaleByRms` and `scaleByLearningRate`.
 *
 * @example
 * const opt = rmsprop(0.01, { centered: true });
 * // opt.name === 'rmsprop(lr=0.01, centered=true)'
 * const params = new Float64Array([0]);
 * const [u] = opt.update(new Float64Array([1]), opt.init(params), params);
 * // v = 0.01, gbar = 0.01, u = -0.01 / (sqrt(0.01 - 0.0001) + 1e-8) ~ [-0.1005]
 */
export function rmsprop(
  lr: LearningRate = 1e-2,
  options?: RmspropOptions,
): GradientTransformation<ChainState> {
  const fn = 'rmsprop';
  checkLearningRate(fn, lr);
  const hyper = rmsHyper(fn, options, ['weightDecay']);
  return l2Alias(fn, lr, options?.weightDecay, scaleByRms(hyper), hyper, {
    alpha: 0.99,
    eps: 1e-8,
    centered: false,
    momentum: 0,
  });
}
