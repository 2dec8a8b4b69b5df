import {
  checkInteger,
  checkNonNegativeHyper,
  checkOptions,
  checkPositiveHyper,
} from './checkHyper';
import type { Schedule } from './Schedule';

/** Options of `cosineAnnealingSchedule` (PyTorch's CosineAnnealingLR). */
export interface CosineAnnealingScheduleOptions {
  /** The learning rate at step 0, > 0. */
  initLr: number;
  /** Half a period: steps from `initLr` down to `etaMin` (a positive integer). */
  tMax: number;
  /** The lowest learning rate, >= 0. Default 0. */
  etaMin?: number;
}

/**
 * Cosine annealing exactly as torch.optim.lr_scheduler.CosineAnnealingLR (its closed form), with
 * one scheduler step per update. It does not stop at `tMax`: it keeps following the cosine, back
 * up to `initLr` at `2 tMax`, and so on (period `2 tMax`):
 *
 * $$\gamma_t = \eta_{min} + (\gamma_0 - \eta_{min})\,\tfrac12\left(1 + \cos\frac{\pi t}{T_{max}}\right)$$
 *
 * `cosineDecaySchedule` is the optax form instead: the same curve up to its `decaySteps`, then
 * flat at the final rate, with an optional warmup.
 *
 * @example
 * const lr = cosineAnnealingSchedule({ initLr: 1, tMax: 10 });
 * // lr(0) === 1, lr(5) ~ 0.5, lr(10) === 0, lr(15) ~ 0.5, lr(20) === 1
 */
export function cosineAnnealingSchedule(options: CosineAnnealingScheduleOptions): Schedule {
  const fn = 'cosineAnnealingSchedule';
  checkOptions(fn, options, ['initLr', 'tMax', 'etaMin']);
  const { initLr, tMax, etaMin = 0 } = options ?? ({} as CosineAnnealingScheduleOptions);
  checkPositiveHyper(fn, 'initLr', initLr);
  checkInteger(fn, 'tMax', tMax, 1);
  checkNonNegativeHyper(fn, 'etaMin', etaMin);
  return (step: number): number =>
    etaMin + ((initLr - etaMin) * (1 + Math.cos((Math.PI * step) / tMax))) / 2;
}
