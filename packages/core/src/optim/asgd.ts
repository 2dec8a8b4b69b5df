import { addDecayedWeights } from './addDecayedWeights';
import { addWeightDecay } from './addWeightDecay';
import { aliasName, named } from './aliasName';
import { averageIterates } from './averageIterates';
import { chain } from './chain';
import type { ChainState } from './chain';
import { checkLearningRate, checkNonNegativeHyper, checkOptions } from './checkHyper';
import type { GradientTransformation } from './GradientTransformation';
import type { LearningRate, Schedule } from './Schedule';
import { scaleByLearningRate } from './scaleByLearningRate';

/** Options of `asgd`, as torch.optim.ASGD names them. */
export interface AsgdOptions {
  /** Decay term lambda >= 0 (PyTorch's `lambd`). Default 1e-4. */
  lambd?: number;
  /** Power of the step-size decay, >= 0. Default 0.75. */
  alpha?: number;
  /** The step at which averaging starts, >= 0. Default 1e6. */
  t0?: number;
  /** L2 penalty >= 0 added to the gradient. Default 0. */
  weightDecay?: number;
}

/**
 * Averaged SGD (Polyak and Juditsky 1992; Bottou's step sizes), as torch.optim.ASGD computes it
 * (t counting from 1):
 *
 * $$\eta_t = \frac{\gamma}{(1 + \lambda\gamma (t-1))^{\alpha}},\quad
 *   g_t \leftarrow g_t + \text{wd}\,\theta_{t-1},\quad
 *   \theta_t = (1 - \lambda\eta_t)\,\theta_{t-1} - \eta_t g_t$$
 *
 * plus the running average of the parameters kept by `averageIterates(t0)` in the last member of
 * the state (`state[state.length - 1].ax`), which is ASGD's result. `learningRate(state)` reports
 * $\eta_t$. With a schedule for `lr`, $\gamma = $ lr(t - 1) in that formula. A chain of
 * `addWeightDecay`, `addDecayedWeights(lambda)`, `scaleByLearningRate` and `averageIterates`.
 *
 * @example
 * const opt = asgd(0.1, { lambd: 0.5 });
 * const params = new Float64Array([1]);
 * const [u] = opt.update(new Float64Array([2]), opt.init(params), params);
 * // eta_1 = 0.1: u = -0.1 * (2 + 0.5 * 1) = [-0.25]
 */
export function asgd(
  lr: LearningRate = 1e-2,
  options?: AsgdOptions,
): GradientTransformation<ChainState> {
  const fn = 'asgd';
  checkLearningRate(fn, lr);
  checkOptions(fn, options, ['lambd', 'alpha', 't0', 'weightDecay']);
  const { lambd = 1e-4, alpha = 0.75, t0 = 1e6, weightDecay = 0 } = options ?? {};
  checkNonNegativeHyper(fn, 'lambd', lambd);
  checkNonNegativeHyper(fn, 'alpha', alpha);
  checkNonNegativeHyper(fn, 't0', t0);
  checkNonNegativeHyper(fn, 'weightDecay', weightDecay);
  const base: Schedule = typeof lr === 'number' ? (): number => lr : lr;
  const eta: Schedule = (count) => {
    const g = base(count);
    return g / Math.pow(1 + lambd * g * count, alpha);
  };
  const links: GradientTransformation[] = [];
  if (weightDecay > 0) {
    links.push(addWeightDecay(weightDecay));
  }
  links.push(addDecayedWeights(lambd), scaleByLearningRate(eta), averageIterates(t0));
  return named(
    chain(...links),
    aliasName(
      fn,
      lr,
      { lambd, alpha, t0, weightDecay },
      { lambd: 1e-4, alpha: 0.75, t0: 1e6, weightDecay: 0 },
    ),
    fn,
    links.length,
  );
}
