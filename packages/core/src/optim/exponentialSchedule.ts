import { checkNonNegativeHyper, checkPositiveHyper } from './checkHyper';
import type { Schedule } from './Schedule';

/** Options of `exponentialSchedule` (PyTorch's ExponentialLR). */
export interface ExponentialScheduleOptions {
  /** The learning rate at step 0, > 0. */
  initLr: number;
  /** Decay factor >= 0 per step. */
  gamma: number;
}

/**
 * Exponential decay, torch.optim.lr_scheduler.ExponentialLR with one scheduler step per update:
 *
 * $$\gamma_t = \gamma_0 \cdot \text{gamma}^{t}$$
 *
 * @example
 * const lr = exponentialSchedule({ initLr: 2, gamma: 0.5 });
 * // lr(0) === 2, lr(1) === 1, lr(3) === 0.25
 */
export function exponentialSchedule(options: ExponentialScheduleOptions): Schedule {
  const fn = 'exponentialSchedule';
  const { initLr, gamma } = options ?? ({} as ExponentialScheduleOptions);
  checkPositiveHyper(fn, 'initLr', initLr);
  checkNonNegativeHyper(fn, 'gamma', gamma);
  return (step: number): number => initLr * Math.pow(gamma, step);
}
