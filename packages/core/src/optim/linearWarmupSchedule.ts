import {
  checkInteger,
  checkNonNegativeHyper,
  checkOptions,
  checkPositiveHyper,
} from './checkHyper';
import type { Schedule } from './Schedule';

/** Options of `linearWarmupSchedule`. */
export interface LinearWarmupScheduleOptions {
  /** The learning rate reached at the end of the warmup and kept after it, > 0. */
  peakLr: number;
  /** Number of warmup steps (a positive integer). */
  warmupSteps: number;
  /** The learning rate at step 0, >= 0. Default 0. */
  warmupInit?: number;
}

/**
 * Linear warmup, then constant (optax's `linear_schedule` from `warmupInit` to `peakLr`):
 *
 * $$\gamma_t = \gamma_{init} + (\gamma_{peak} - \gamma_{init}) \frac{\min(t, T_w)}{T_w}$$
 *
 * @example
 * const lr = linearWarmupSchedule({ peakLr: 1, warmupSteps: 4 });
 * // lr(0) === 0, lr(1) === 0.25, lr(4) === 1, lr(100) === 1
 */
export function linearWarmupSchedule(options: LinearWarmupScheduleOptions): Schedule {
  const fn = 'linearWarmupSchedule';
  checkOptions(fn, options, ['peakLr', 'warmupSteps', 'warmupInit']);
  const { peakLr, warmupSteps, warmupInit = 0 } = options ?? ({} as LinearWarmupScheduleOptions);
  checkPositiveHyper(fn, 'peakLr', peakLr);
  checkInteger(fn, 'warmupSteps', warmupSteps, 1);
  checkNonNegativeHyper(fn, 'warmupInit', warmupInit);
  return (step: number): number =>
    warmupInit + (peakLr - warmupInit) * (Math.min(step, warmupSteps) / warmupSteps);
}
