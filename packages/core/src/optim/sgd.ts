import type { ChainState } from './chain';
import { checkLearningRate } from './checkHyper';
import type { GradientTransformation } from './GradientTransformation';
import { l2Alias } from './l2Alias';
import type { LearningRate } from './Schedule';
import { momentumHyper, traceMomentum } from './traceMomentum';

/** Options of `sgd`, as torch.optim.SGD names them. */
export interface SgdOptions {
  /** Momentum factor mu >= 0. Default 0 (plain gradient descent). */
  momentum?: number;
  /** Dampening tau of the momentum. Default 0. */
  dampening?: number;
  /** Nesterov momentum (needs momentum > 0 and dampening 0). Default false. */
  nesterov?: boolean;
  /** L2 penalty lambda >= 0 added to the gradient. Default 0. */
  weightDecay?: number;
}

/**
 * Stochastic gradient descent as torch.optim.SGD documents it:
 *
 * $$g_t \leftarrow g_t + \lambda\theta_{t-1},\quad b_t = \mu b_{t-1} + (1-\tau) g_t\ (b_1 = g_1),\quad
 *   \theta_t = \theta_{t-1} - \gamma \begin{cases} g_t + \mu b_t & \text{nesterov}\\ b_t & \mu > 0\\ g_t & \mu = 0\end{cases}$$
 *
 * A chain of `addWeightDecay`, `traceMomentum` and `scaleByLearningRate` (the links that do
 * nothing are left out).
 *
 * @example
 * const opt = sgd(0.1, { momentum: 0.9 });
 * const params = new Float64Array([1]);
 * const state = opt.init(params);
 * const [u] = opt.update(new Float64Array([2]), state, params);
 * applyUpdates(params, u); // params = [1 - 0.1 * 2] = [0.8]
 * // opt.name === 'sgd(lr=0.1, momentum=0.9)'
 */
export function sgd(
  lr: LearningRate = 1e-3,
  options?: SgdOptions,
): GradientTransformation<ChainState> {
  const fn = 'sgd';
  checkLearningRate(fn, lr);
  const { momentum, dampening, nesterov } = momentumHyper(fn, options, 0, ['weightDecay']);
  return l2Alias(
    fn,
    lr,
    options?.weightDecay,
    // Without momentum, SGD's update is the (decayed) gradient times -lr.
    momentum > 0 ? traceMomentum({ momentum, dampening, nesterov }) : null,
    { momentum, dampening, nesterov },
    { momentum: 0, dampening: 0, nesterov: false },
  );
}
