import { checkNonNegativeHyper } from './checkHyper';
import type { Schedule } from './Schedule';

/**
 * The same learning rate at every step: $\gamma_t = \gamma$.
 *
 * @example
 * const lr = constantSchedule(0.1);
 * // lr(0) === 0.1, lr(1000) === 0.1
 */
export function constantSchedule(value: number): Schedule {
  checkNonNegativeHyper('constantSchedule', 'value', value);
  return (): number => value;
}
