import {
  checkInteger,
  checkNonNegativeHyper,
  checkOptions,
  checkPositiveHyper,
} from './checkHyper';
import type { Schedule } from './Schedule';

/** Options of `cosineAnnealingWarmRestartsSchedule` (PyTorch's CosineAnnealingWarmRestarts). */
export interface CosineAnnealingWarmRestartsScheduleOptions {
  /** The learning rate at the start of every cycle, > 0. */
  initLr: number;
  /** Length of the first cycle in steps (a positive integer). */
  t0: number;
  /** Each cycle is `tMult` times longer than the previous (an integer >= 1). Default 1. */
  tMult?: number;
  /** The lowest learning rate, >= 0. Default 0. */
  etaMin?: number;
}

/**
 * SGDR (Loshchilov and Hutter 2017), torch.optim.lr_scheduler.CosineAnnealingWarmRestarts with
 * one scheduler step per update: a cosine from `initLr` to `etaMin` over a cycle of $T_i$ steps,
 * then a restart, with $T_0$ = `t0` and $T_{i+1} = T_i \cdot$ `tMult`:
 *
 * $$\gamma_t = \eta_{min} + (\gamma_0 - \eta_{min})\,\tfrac12\left(1 + \cos\frac{\pi T_{cur}}{T_i}\right)$$
 *
 * where $T_{cur}$ counts the steps since the last restart (found with integers, so a restart
 * falls exactly on its step).
 *
 * @example
 * const lr = cosineAnnealingWarmRestartsSchedule({ initLr: 1, t0: 4, tMult: 2 });
 * // lr(0) === 1, lr(2) ~ 0.5, lr(4) === 1 (restart), lr(8) ~ 0.5, lr(12) === 1
 */
export function cosineAnnealingWarmRestartsSchedule(
  options: CosineAnnealingWarmRestartsScheduleOptions,
): Schedule {
  const fn = 'cosineAnnealingWarmRestartsSchedule';
  checkOptions(fn, options, ['initLr', 't0', 'tMult', 'etaMin']);
  const {
    initLr,
    t0,
    tMult = 1,
    etaMin = 0,
  } = options ?? ({} as CosineAnnealingWarmRestartsScheduleOptions);
  checkPositiveHyper(fn, 'initLr', initLr);
  checkInteger(fn, 't0', t0, 1);
  checkInteger(fn, 'tMult', tMult, 1);
  checkNonNegativeHyper(fn, 'etaMin', etaMin);
  return (step: number): number => {
    let tCur = step;
    let tI = t0;
    if (tMult === 1) {
      tCur = step % t0;
    } else {
      // Cycles grow geometrically, so this loop runs O(log step) times.
      while (tCur >= tI) {
        tCur -= tI;
        tI *= tMult;
      }
    }
    return etaMin + ((initLr - etaMin) * (1 + Math.cos((Math.PI * tCur) / tI))) / 2;
  };
}
