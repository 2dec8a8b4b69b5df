import { addDecayedWeights } from './addDecayedWeights';
import { aliasName, named } from './aliasName';
import { chain } from './chain';
import type { ChainState } from './chain';
import { checkLearningRate, checkNonNegativeHyper, checkOptions } from './checkHyper';
import type { GradientTransformation } from './GradientTransformation';
import type { LearningRate } from './Schedule';
import { adamHyper, scaleByAdam } from './scaleByAdam';
import { scaleByLearningRate } from './scaleByLearningRate';
import { scaleByTrustRatio } from './scaleByTrustRatio';

/** Options of `lamb`, as optax's `lamb` names them. */
export interface LambOptions {
  /** Decay of the first moment, in [0, 1). Default 0.9. */
  b1?: number;
  /** Decay of the second moment, in [0, 1). Default 0.999. */
  b2?: number;
  /** Added to Adam's denominator, > 0. Default 1e-6 (optax, Keras). */
  eps?: number;
  /** Decoupled weight decay lambda >= 0, inside the trust ratio. Default 0. */
  weightDecay?: number;
}

/**
 * LAMB (You et al. 2020, "Large Batch Optimization for Deep Learning"), as optax's `lamb`
 * composes it (Keras's `Lamb` computes the same): the Adam direction plus decoupled weight
 * decay, scaled by the trust ratio $\lVert\theta\rVert / \lVert r\rVert$, then by the learning
 * rate:
 *
 * $$r_t = \frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon} + \lambda\theta_{t-1},\qquad
 *   \theta_t = \theta_{t-1} - \gamma\,\frac{\lVert\theta_{t-1}\rVert}{\lVert r_t\rVert}\, r_t$$
 *
 * (ratio 1 when either norm is 0). All parameters are one layer here (see `scaleByTrustRatio`).
 * Not in PyTorch; checked against this formula written in torch. A chain of `scaleByAdam`,
 * `addDecayedWeights`, `scaleByTrustRatio` and `scaleByLearningRate`.
 *
 * @example
 * const opt = lamb(0.1);
 * const params = new Float64Array([3, 4]);
 * const [u] = opt.update(new Float64Array([1, 0]), opt.init(params), params);
 * // r ~ [1, 0], ratio 5: u ~ [-0.5, 0]
 */
export function lamb(
  lr: LearningRate = 1e-3,
  options?: LambOptions,
): GradientTransformation<ChainState> {
  const fn = 'lamb';
  checkLearningRate(fn, lr);
  checkOptions(fn, options, ['b1', 'b2', 'eps', 'weightDecay']);
  const { b1, b2, eps } = adamHyper(fn, {
    b1: options?.b1,
    b2: options?.b2,
    eps: options?.eps ?? 1e-6,
  });
  const weightDecay = options?.weightDecay ?? 0;
  checkNonNegativeHyper(fn, 'weightDecay', weightDecay);
  return named(
    chain(
      scaleByAdam({ b1, b2, eps }),
      addDecayedWeights(weightDecay),
      scaleByTrustRatio(),
      scaleByLearningRate(lr),
    ),
    aliasName(
      fn,
      lr,
      { b1, b2, eps, weightDecay },
      { b1: 0.9, b2: 0.999, eps: 1e-6, weightDecay: 0 },
    ),
    fn,
    4,
  );
}
