import { checkNonNegativeHyper, checkOptions, checkPositiveHyper, checkRate } from './checkHyper';
import type { Schedule } from './Schedule';

/** Options of `exponentialSchedule` (PyTorch's ExponentialLR). */
export interface ExponentialScheduleOptions {
  /** The learning rate at step 0, > 0. */
  initLr: number;
  /** Decay factor >= 0 per step (above 1 the rate grows). */
  gamma: number;
}

/**
 * Exponential decay, torch.optim.lr_scheduler.ExponentialLR with one scheduler step per update:
 *
 * $$\gamma_t = \gamma_0 \cdot \text{gamma}^{t}$$
 *
 * With `gamma > 1` the rate grows; the step at which it would pass the largest double throws a
 * `LosslabError` instead of returning Infinity (PyTorch returns `inf`).
 *
 * @example
 * const lr = exponentialSchedule({ initLr: 2, gamma: 0.5 });
 * // lr(0) === 2, lr(1) === 1, lr(3) === 0.25
 */
export function exponentialSchedule(options: ExponentialScheduleOptions): Schedule {
  const fn = 'exponentialSchedule';
  checkOptions(fn, options, ['initLr', 'gamma']);
  const { initLr, gamma } = options ?? ({} as ExponentialScheduleOptions);
  checkPositiveHyper(fn, 'initLr', initLr);
  checkNonNegativeHyper(fn, 'gamma', gamma);
  return (step: number): number => {
    let lr = initLr * Math.pow(gamma, step);
    if (lr === Infinity || lr === 0) {
      // gamma^step alone may overflow or underflow where the product does not.
      lr = Math.exp(Math.log(initLr) + step * Math.log(gamma));
    }
    return checkRate(fn, 'gamma', lr, step);
  };
}
