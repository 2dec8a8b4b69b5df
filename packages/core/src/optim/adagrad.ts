import type { ChainState } from './chain';
import { checkLearningRate } from './checkHyper';
import type { GradientTransformation } from './GradientTransformation';
import { l2Alias } from './l2Alias';
import type { LearningRate } from './Schedule';
import { adagradHyper, scaleByAdagrad } from './scaleByAdagrad';
import type { ScaleByAdagradOptions } from './scaleByAdagrad';

/** Options of `adagrad`: `lrDecay`, `initialAccumulatorValue`, `eps` and the L2 `weightDecay`. */
export interface AdagradOptions extends ScaleByAdagradOptions {
  /** L2 penalty lambda >= 0 added to the gradient. Default 0. */
  weightDecay?: number;
}

/**
 * Adagrad (Duchi et al.), as torch.optim.Adagrad documents it (t counting from 1):
 *
 * $$\tilde\gamma = \frac{\gamma}{1 + (t-1)\eta},\quad g_t \leftarrow g_t + \lambda\theta_{t-1},\quad
 *   s_t = s_{t-1} + g_t^2,\quad \theta_t = \theta_{t-1} - \tilde\gamma\,\frac{g_t}{\sqrt{s_t} + \epsilon}$$
 *
 * Default learning rate 1e-2, as PyTorch; `learningRate(state)` reports $\tilde\gamma$. A chain
 * of `addWeightDecay` (when lambda > 0), `scaleByAdagrad` and `scaleByLearningRate`.
 *
 * @example
 * const opt = adagrad(0.1, { lrDecay: 1 });
 * const params = new Float64Array([0]);
 * const [, s1] = opt.update(new Float64Array([1]), opt.init(params), params);
 * // the second step's learning rate is 0.1 / (1 + 1 * 1): opt.learningRate(s1) === 0.05
 */
export function adagrad(
  lr: LearningRate = 1e-2,
  options?: AdagradOptions,
): GradientTransformation<ChainState> {
  const fn = 'adagrad';
  checkLearningRate(fn, lr);
  const hyper = adagradHyper(fn, options, ['weightDecay']);
  return l2Alias(fn, lr, options?.weightDecay, scaleByAdagrad(hyper), hyper, {
    lrDecay: 0,
    initialAccumulatorValue: 0,
    eps: 1e-10,
  });
}
