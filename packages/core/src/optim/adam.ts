import type { ChainState } from './chain';
import { checkLearningRate } from './checkHyper';
import type { GradientTransformation } from './GradientTransformation';
import { l2Alias } from './l2Alias';
import type { LearningRate } from './Schedule';
import { adamHyper, scaleByAdam } from './scaleByAdam';
import type { ScaleByAdamOptions } from './scaleByAdam';

/** Options of `adam`: PyTorch's betas as `b1`, `b2`, plus `eps`, `weightDecay`, `amsgrad`. */
export interface AdamOptions extends ScaleByAdamOptions {
  /** L2 penalty lambda >= 0 added to the gradient (coupled, unlike `adamw`). Default 0. */
  weightDecay?: number;
}

/**
 * Adam (Kingma and Ba), as torch.optim.Adam documents it, with t counting from 1:
 *
 * $$g_t \leftarrow g_t + \lambda\theta_{t-1},\quad m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t,\quad
 *   v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2,$$
 * $$\theta_t = \theta_{t-1} - \gamma\,\frac{m_t/(1-\beta_1^t)}{\sqrt{v_t/(1-\beta_2^t)} + \epsilon}$$
 *
 * `amsgrad` uses the running maximum of $v_t$. A chain of `addWeightDecay` (when lambda > 0),
 * `scaleByAdam` and `scaleByLearningRate`.
 *
 * @example
 * const opt = adam(0.01);
 * const params = new Float64Array([1, 1]);
 * const [u] = opt.update(new Float64Array([5, -0.1]), opt.init(params), params);
 * applyUpdates(params, u); // the first step moves each parameter by ~lr: [0.99, 1.01]
 * // opt.name === 'adam(lr=0.01)'
 */
export function adam(
  lr: LearningRate = 1e-3,
  options?: AdamOptions,
): GradientTransformation<ChainState> {
  const fn = 'adam';
  checkLearningRate(fn, lr);
  const hyper = adamHyper(fn, options, ['weightDecay']);
  return l2Alias(fn, lr, options?.weightDecay, scaleByAdam(hyper), hyper, {
    b1: 0.9,
    b2: 0.999,
    eps: 1e-8,
    amsgrad: false,
  });
}
