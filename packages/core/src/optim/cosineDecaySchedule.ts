import { LosslabError } from '../errors';
import {
  checkInteger,
  checkNonNegativeHyper,
  checkOptions,
  checkPositiveHyper,
} from './checkHyper';
import type { Schedule } from './Schedule';

/** Options of `cosineDecaySchedule`. */
export interface CosineDecayScheduleOptions {
  /** The learning rate at the start of the decay (the peak after a warmup), > 0. */
  initLr: number;
  /** Length of the decay in steps, counted after the warmup (a positive integer). */
  decaySteps: number;
  /** The final learning rate as a fraction of `initLr`, in [0, 1]. Default 0. */
  alpha?: number;
  /** Steps of linear warmup from `warmupInit` to `initLr` before the decay. Default 0. */
  warmupSteps?: number;
  /** The learning rate at step 0 when warming up, >= 0. Default 0. */
  warmupInit?: number;
}

/**
 * Cosine decay (Loshchilov and Hutter's SGDR without restarts; optax's `cosine_decay_schedule`),
 * after an optional linear warmup of $T_w$ steps:
 *
 * $$\gamma_t = \gamma_0\left((1-\alpha)\,\tfrac12\left(1 + \cos\frac{\pi \min(t - T_w, T)}{T}\right) + \alpha\right),\quad t \ge T_w$$
 *
 * and $\gamma_t = \gamma_{w} + (\gamma_0 - \gamma_w)\, t / T_w$ for $t < T_w$. After $T_w + T$
 * steps the rate stays at $\alpha\gamma_0$.
 *
 * Difference from PyTorch: up to `decaySteps` this is CosineAnnealingLR with
 * `T_max = decaySteps, eta_min = alpha * initLr` (and the warmup LinearLR), but CosineAnnealingLR
 * does not stop there: it rises back to `initLr` at `2 T_max` and keeps cycling. For that
 * schedule use `cosineAnnealingSchedule`.
 *
 * @example
 * const lr = cosineDecaySchedule({ initLr: 1, decaySteps: 10, warmupSteps: 2 });
 * // lr(0) === 0, lr(1) === 0.5, lr(2) === 1, lr(7) ~ 0.5, lr(12) === 0
 */
export function cosineDecaySchedule(options: CosineDecayScheduleOptions): Schedule {
  const fn = 'cosineDecaySchedule';
  checkOptions(fn, options, ['initLr', 'decaySteps', 'alpha', 'warmupSteps', 'warmupInit']);
  const {
    initLr,
    decaySteps,
    alpha = 0,
    warmupSteps = 0,
    warmupInit = 0,
  } = options ?? ({} as CosineDecayScheduleOptions);
  checkPositiveHyper(fn, 'initLr', initLr);
  checkInteger(fn, 'decaySteps', decaySteps, 1);
  if (typeof alpha !== 'number' || !(alpha >= 0 && alpha <= 1)) {
    throw new LosslabError(fn, 'alpha', `'alpha' must be in [0, 1], got ${String(alpha)}`);
  }
  checkInteger(fn, 'warmupSteps', warmupSteps, 0);
  checkNonNegativeHyper(fn, 'warmupInit', warmupInit);
  return (step: number): number => {
    if (step < warmupSteps) {
      return warmupInit + (initLr - warmupInit) * (step / warmupSteps);
    }
    const t = Math.min(step - warmupSteps, decaySteps);
    const cosine = 0.5 * (1 + Math.cos((Math.PI * t) / decaySteps));
    return initLr * ((1 - alpha) * cosine + alpha);
  };
}
