import {
  checkInteger,
  checkNonNegativeHyper,
  checkOptions,
  checkPositiveHyper,
  checkRate,
} from './checkHyper';
import type { Schedule } from './Schedule';

/** Options of `stepSchedule` (PyTorch's StepLR). */
export interface StepScheduleOptions {
  /** The learning rate of the first `stepSize` steps, > 0. */
  initLr: number;
  /** Multiply by `gamma` every `stepSize` steps (a positive integer). */
  stepSize: number;
  /** Decay factor >= 0. Default 0.1, as PyTorch. */
  gamma?: number;
}

/**
 * Step decay, torch.optim.lr_scheduler.StepLR with one scheduler step per update:
 *
 * $$\gamma_t = \gamma_0 \cdot \text{gamma}^{\lfloor t / \text{stepSize} \rfloor}$$
 *
 * A `gamma` above 1 that makes the rate overflow throws a `LosslabError` at that step.
 *
 * @example
 * const lr = stepSchedule({ initLr: 1, stepSize: 10, gamma: 0.5 });
 * // lr(0) === 1, lr(9) === 1, lr(10) === 0.5, lr(25) === 0.25
 */
export function stepSchedule(options: StepScheduleOptions): Schedule {
  const fn = 'stepSchedule';
  checkOptions(fn, options, ['initLr', 'stepSize', 'gamma']);
  const { initLr, stepSize, gamma = 0.1 } = options ?? ({} as StepScheduleOptions);
  checkPositiveHyper(fn, 'initLr', initLr);
  checkInteger(fn, 'stepSize', stepSize, 1);
  checkNonNegativeHyper(fn, 'gamma', gamma);
  return (step: number): number =>
    checkRate(fn, 'gamma', initLr * Math.pow(gamma, Math.floor(step / stepSize)), step);
}
