import type { ChainState } from './chain';
import { checkLearningRate } from './checkHyper';
import type { GradientTransformation } from './GradientTransformation';
import { l2Alias } from './l2Alias';
import type { LearningRate } from './Schedule';
import { nadamHyper, scaleByNadam } from './scaleByNadam';
import type { ScaleByNadamOptions } from './scaleByNadam';

/** Options of `nadam`: `b1`, `b2`, `eps`, `momentumDecay` and the L2 `weightDecay`. */
export interface NadamOptions extends ScaleByNadamOptions {
  /** L2 penalty lambda >= 0 added to the gradient. Default 0. */
  weightDecay?: number;
}

/**
 * NAdam (Dozat), with PyTorch's momentum-decay schedule, as torch.optim.NAdam documents it
 * (see `scaleByNadam` for the equations): $\theta_t = \theta_{t-1} - \gamma u_t$. Default
 * learning rate 2e-3, as PyTorch. A chain of `addWeightDecay` (when lambda > 0), `scaleByNadam`
 * and `scaleByLearningRate`.
 *
 * PyTorch 1.13's default (single-tensor) NAdam multiplies by $\mu_t$ twice in the product
 * $\prod_{i \le t+1} \mu_i$ (`mu_product * mu * mu_next`, fixed in later versions); losslab follows
 * the documented formula, which 1.13's `foreach=True` path computes, and is tested against that.
 *
 * @example
 * const opt = nadam();
 * // opt.name === 'nadam(lr=0.002)'
 * const params = new Float64Array([0]);
 * const [u] = opt.update(new Float64Array([1]), opt.init(params), params);
 * // the Nesterov look-ahead makes the first step a little longer than lr: u ~ [-0.00211]
 */
export function nadam(
  lr: LearningRate = 2e-3,
  options?: NadamOptions,
): GradientTransformation<ChainState> {
  const fn = 'nadam';
  checkLearningRate(fn, lr);
  const hyper = nadamHyper(fn, options, ['weightDecay']);
  return l2Alias(fn, lr, options?.weightDecay, scaleByNadam(hyper), hyper, {
    b1: 0.9,
    b2: 0.999,
    eps: 1e-8,
    momentumDecay: 4e-3,
  });
}
