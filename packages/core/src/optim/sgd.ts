import { addWeightDecay } from './addWeightDecay';
import { aliasName, named } from './aliasName';
import { chain } from './chain';
import type { ChainState } from './chain';
import { checkLearningRate, checkNonNegativeHyper } from './checkHyper';
import type { GradientTransformation } from './GradientTransformation';
import type { LearningRate } from './Schedule';
import { scaleByLearningRate } from './scaleByLearningRate';
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
  const { momentum, dampening, nesterov } = momentumHyper(fn, options, 0);
  const weightDecay = options?.weightDecay ?? 0;
  checkNonNegativeHyper(fn, 'weightDecay', weightDecay);
  const links: GradientTransformation[] = [];
  if (weightDecay > 0) {
    links.push(addWeightDecay(weightDecay));
  }
  if (momentum > 0) {
    links.push(traceMomentum({ momentum, dampening, nesterov }));
  }
  links.push(scaleByLearningRate(lr));
  return named(
    chain(...links),
    aliasName(
      fn,
      lr,
      { momentum, dampening, nesterov, weightDecay },
      { momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 },
    ),
  );
}
