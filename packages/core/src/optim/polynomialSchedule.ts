import { checkInteger, checkOptions, checkPositiveHyper } from './checkHyper';
import type { Schedule } from './Schedule';

/** Options of `polynomialSchedule` (PyTorch's PolynomialLR). */
export interface PolynomialScheduleOptions {
  /** The learning rate at step 0, > 0. */
  initLr: number;
  /** Steps until the rate reaches 0 (a positive integer). Default 5, as PyTorch. */
  totalIters?: number;
  /** The power of the decay, > 0. Default 1 (linear). */
  power?: number;
}

/**
 * Polynomial decay to zero, torch.optim.lr_scheduler.PolynomialLR (its closed form) with one
 * scheduler step per update:
 *
 * $$\gamma_t = \gamma_0 \left(1 - \frac{\min(t, T)}{T}\right)^{p}$$
 *
 * After `totalIters` steps the rate stays 0, as PyTorch's (and the updates stop).
 *
 * @example
 * const lr = polynomialSchedule({ initLr: 1, totalIters: 4, power: 2 });
 * // lr(0) === 1, lr(2) === 0.25, lr(4) === 0, lr(9) === 0
 */
export function polynomialSchedule(options: PolynomialScheduleOptions): Schedule {
  const fn = 'polynomialSchedule';
  checkOptions(fn, options, ['initLr', 'totalIters', 'power']);
  const { initLr, totalIters = 5, power = 1 } = options ?? ({} as PolynomialScheduleOptions);
  checkPositiveHyper(fn, 'initLr', initLr);
  checkInteger(fn, 'totalIters', totalIters, 1);
  checkPositiveHyper(fn, 'power', power);
  return (step: number): number =>
    initLr * Math.pow(1 - Math.min(totalIters, step) / totalIters, power);
}
