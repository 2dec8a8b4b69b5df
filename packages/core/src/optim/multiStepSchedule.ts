import { LosslabError } from '../errors';
import { checkNonNegativeHyper, checkOptions, checkPositiveHyper, checkRate } from './checkHyper';
import type { Schedule } from './Schedule';

/** Options of `multiStepSchedule` (PyTorch's MultiStepLR). */
export interface MultiStepScheduleOptions {
  /** The learning rate before the first milestone, > 0. */
  initLr: number;
  /** Steps (integers >= 0) at which the rate is multiplied by `gamma`; a repeated one counts twice. */
  milestones: readonly number[];
  /** Decay factor >= 0. Default 0.1, as PyTorch. */
  gamma?: number;
}

/**
 * Decay at given steps, torch.optim.lr_scheduler.MultiStepLR with one scheduler step per update:
 *
 * $$\gamma_t = \gamma_0 \cdot \text{gamma}^{\#\{m \in \text{milestones} : m \le t\}}$$
 *
 * @example
 * const lr = multiStepSchedule({ initLr: 1, milestones: [3, 5], gamma: 0.5 });
 * // lr(0) === 1, lr(3) === 0.5, lr(5) === 0.25, lr(100) === 0.25
 */
export function multiStepSchedule(options: MultiStepScheduleOptions): Schedule {
  const fn = 'multiStepSchedule';
  checkOptions(fn, options, ['initLr', 'milestones', 'gamma']);
  const { initLr, milestones, gamma = 0.1 } = options ?? ({} as MultiStepScheduleOptions);
  checkPositiveHyper(fn, 'initLr', initLr);
  if (
    !Array.isArray(milestones) ||
    !milestones.every((m) => typeof m === 'number' && Number.isInteger(m) && m >= 0)
  ) {
    throw new LosslabError(
      fn,
      'milestones',
      `'milestones' must be an array of integers >= 0, got ${String(milestones)}`,
    );
  }
  checkNonNegativeHyper(fn, 'gamma', gamma);
  const sorted = Float64Array.from(milestones).sort();
  return (step: number): number => {
    let k = 0;
    while (k < sorted.length && (sorted[k] as number) <= step) {
      k++;
    }
    return checkRate(fn, 'gamma', initLr * Math.pow(gamma, k), step);
  };
}
