import { addDecayedWeights } from './addDecayedWeights';
import { aliasName, named } from './aliasName';
import { chain } from './chain';
import type { ChainState } from './chain';
import { checkLearningRate, checkNonNegativeHyper } from './checkHyper';
import type { GradientTransformation } from './GradientTransformation';
import type { LearningRate } from './Schedule';
import { scaleByLearningRate } from './scaleByLearningRate';
import { lionHyper, scaleByLion } from './scaleByLion';
import type { ScaleByLionOptions } from './scaleByLion';

/** Options of `lion`: `b1`, `b2` and the decoupled `weightDecay`. */
export interface LionOptions extends ScaleByLionOptions {
  /** Decoupled weight decay lambda >= 0. Default 1e-3, as optax. */
  weightDecay?: number;
}

/**
 * Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"), as optax's `lion`
 * composes it: `scaleByLion`, `addDecayedWeights`, `scaleByLearningRate`,
 *
 * $$\theta_t = \theta_{t-1} - \gamma\left(\operatorname{sign}(\beta_1 m_{t-1} + (1-\beta_1) g_t) + \lambda\theta_{t-1}\right),\quad
 *   m_t = \beta_2 m_{t-1} + (1-\beta_2) g_t$$
 *
 * Every step has size lr per coordinate, so Lion wants a learning rate 3-10 times smaller than
 * AdamW's (the paper's advice); default 1e-4.
 *
 * @example
 * const opt = lion(0.01, { weightDecay: 0 });
 * const params = new Float64Array([0, 0]);
 * const [u] = opt.update(new Float64Array([0.2, -30]), opt.init(params), params);
 * // u = -0.01 * sign(g) = [-0.01, 0.01]
 */
export function lion(
  lr: LearningRate = 1e-4,
  options?: LionOptions,
): GradientTransformation<ChainState> {
  const fn = 'lion';
  checkLearningRate(fn, lr);
  const hyper = lionHyper(fn, options, ['weightDecay']);
  const weightDecay = options?.weightDecay ?? 1e-3;
  checkNonNegativeHyper(fn, 'weightDecay', weightDecay);
  return named(
    chain(scaleByLion(hyper), addDecayedWeights(weightDecay), scaleByLearningRate(lr)),
    aliasName(fn, lr, { ...hyper, weightDecay }, { b1: 0.9, b2: 0.99, weightDecay: 1e-3 }),
    fn,
    3,
  );
}
