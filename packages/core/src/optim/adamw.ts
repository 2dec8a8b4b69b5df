import { addDecayedWeights } from './addDecayedWeights';
import { aliasName, named } from './aliasName';
import { chain } from './chain';
import type { ChainState } from './chain';
import { checkLearningRate, checkNonNegativeHyper } from './checkHyper';
import type { GradientTransformation } from './GradientTransformation';
import type { LearningRate } from './Schedule';
import { adamHyper, scaleByAdam } from './scaleByAdam';
import type { ScaleByAdamOptions } from './scaleByAdam';
import { scaleByLearningRate } from './scaleByLearningRate';

/** Options of `adamw`: Adam's, plus the decoupled `weightDecay` (default 0.01, as PyTorch). */
export interface AdamwOptions extends ScaleByAdamOptions {
  /** Decoupled weight decay lambda >= 0. Default 0.01. */
  weightDecay?: number;
}

/**
 * AdamW (Loshchilov and Hutter), as torch.optim.AdamW documents it: decay the weights by
 * $\gamma\lambda$, then take the Adam step,
 *
 * $$\theta_t = \theta_{t-1} - \gamma\lambda\theta_{t-1} - \gamma\,\frac{m_t/(1-\beta_1^t)}{\sqrt{v_t/(1-\beta_2^t)} + \epsilon}$$
 *
 * A chain of `scaleByAdam`, `addDecayedWeights` and `scaleByLearningRate` (optax's `adamw`).
 *
 * @example
 * const opt = adamw(0.1, { weightDecay: 0.5 });
 * const params = new Float64Array([2]);
 * const [u] = opt.update(new Float64Array([0]), opt.init(params), params);
 * // a zero gradient leaves only the decay: u = -0.1 * 0.5 * 2 = [-0.1]
 */
export function adamw(
  lr: LearningRate = 1e-3,
  options?: AdamwOptions,
): GradientTransformation<ChainState> {
  const fn = 'adamw';
  checkLearningRate(fn, lr);
  const hyper = adamHyper(fn, options, ['weightDecay']);
  const weightDecay = options?.weightDecay ?? 0.01;
  checkNonNegativeHyper(fn, 'weightDecay', weightDecay);
  return named(
    chain(scaleByAdam(hyper), addDecayedWeights(weightDecay), scaleByLearningRate(lr)),
    aliasName(
      fn,
      lr,
      { ...hyper, weightDecay },
      { b1: 0.9, b2: 0.999, eps: 1e-8, amsgrad: false, weightDecay: 0.01 },
    ),
    fn,
    3,
  );
}
