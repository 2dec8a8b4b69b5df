import type { ChainState } from './chain';
import { checkLearningRate } from './checkHyper';
import type { GradientTransformation } from './GradientTransformation';
import { l2Alias } from './l2Alias';
import type { LearningRate } from './Schedule';
import { radamHyper, scaleByRadam } from './scaleByRadam';
import type { ScaleByRadamOptions } from './scaleByRadam';

/** Options of `radam`: `b1`, `b2`, `eps` and the L2 `weightDecay`. */
export interface RadamOptions extends ScaleByRadamOptions {
  /** L2 penalty lambda >= 0 added to the gradient. Default 0. */
  weightDecay?: number;
}

/**
 * RAdam (Liu et al. 2020, "On the Variance of the Adaptive Learning Rate and Beyond"), as
 * torch.optim.RAdam documents it: Adam whose adaptive term is switched on, and rectified, only
 * once the variance of its estimate is tractable ($\rho_t > 5$; see `scaleByRadam`):
 * $\theta_t = \theta_{t-1} - \gamma u_t$. A chain of `addWeightDecay` (when lambda > 0),
 * `scaleByRadam` and `scaleByLearningRate`.
 *
 * @example
 * const opt = radam(0.01);
 * const params = new Float64Array([1]);
 * const [u] = opt.update(new Float64Array([2]), opt.init(params), params);
 * // step 1 is plain SGD on the bias-corrected momentum: u = -0.01 * 2 = [-0.02]
 */
export function radam(
  lr: LearningRate = 1e-3,
  options?: RadamOptions,
): GradientTransformation<ChainState> {
  const fn = 'radam';
  checkLearningRate(fn, lr);
  const hyper = radamHyper(fn, options, ['weightDecay']);
  return l2Alias(fn, lr, options?.weightDecay, scaleByRadam(hyper), hyper, {
    b1: 0.9,
    b2: 0.999,
    eps: 1e-8,
  });
}
