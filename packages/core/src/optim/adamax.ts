import type { ChainState } from './chain';
import { checkLearningRate } from './checkHyper';
import type { GradientTransformation } from './GradientTransformation';
import { l2Alias } from './l2Alias';
import type { LearningRate } from './Schedule';
import { adamaxHyper, scaleByAdamax } from './scaleByAdamax';
import type { ScaleByAdamaxOptions } from './scaleByAdamax';

/** Options of `adamax`: `b1`, `b2`, `eps` and the L2 `weightDecay`. */
export interface AdamaxOptions extends ScaleByAdamaxOptions {
  /** L2 penalty lambda >= 0 added to the gradient. Default 0. */
  weightDecay?: number;
}

/**
 * Adamax (Kingma and Ba, section 7), as torch.optim.Adamax documents it:
 *
 * $$m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t,\quad u_t = \max(\beta_2 u_{t-1}, |g_t| + \epsilon),\quad
 *   \theta_t = \theta_{t-1} - \frac{\gamma\, m_t}{(1-\beta_1^t)\, u_t}$$
 *
 * Default learning rate 2e-3, as PyTorch. A chain of `addWeightDecay` (when lambda > 0),
 * `scaleByAdamax` and `scaleByLearningRate`.
 *
 * @example
 * const opt = adamax(0.5);
 * const params = new Float64Array([0]);
 * const [u] = opt.update(new Float64Array([-3]), opt.init(params), params); // u ~ [0.5]
 */
export function adamax(
  lr: LearningRate = 2e-3,
  options?: AdamaxOptions,
): GradientTransformation<ChainState> {
  const fn = 'adamax';
  checkLearningRate(fn, lr);
  const hyper = adamaxHyper(fn, options, ['weightDecay']);
  return l2Alias(fn, lr, options?.weightDecay, scaleByAdamax(hyper), hyper, {
    b1: 0.9,
    b2: 0.999,
    eps: 1e-8,
  });
}
