import { LosslabError } from '../errors';
import {
  checkInteger,
  checkNonNegativeHyper,
  checkOptions,
  checkPositiveHyper,
} from './checkHyper';
import type { Schedule } from './Schedule';

/** Options of `cyclicSchedule` (PyTorch's CyclicLR, without its momentum cycling). */
export interface CyclicScheduleOptions {
  /** The low end of the cycle, >= 0. */
  baseLr: number;
  /** The high end of the cycle, > baseLr. */
  maxLr: number;
  /** Steps from `baseLr` up to `maxLr` (a positive integer). Default 2000, as PyTorch. */
  stepSizeUp?: number;
  /** Steps back down (a positive integer). Default `stepSizeUp`. */
  stepSizeDown?: number;
  /**
   * 'triangular': the same triangle every cycle; 'triangular2': its height halves each cycle;
   * 'exp_range': its height is multiplied by `gamma^step`. Default 'triangular'.
   */
  mode?: 'triangular' | 'triangular2' | 'exp_range';
  /** The decay of 'exp_range', in (0, 1]. Default 1. */
  gamma?: number;
}

/**
 * Cyclical learning rates (Smith 2017), torch.optim.lr_scheduler.CyclicLR with one scheduler step
 * per update, same arithmetic:
 *
 * $$c = \lfloor 1 + t / (u + d) \rfloor,\quad x = 1 + t/(u + d) - c,\quad
 *   h = \begin{cases} x / r & x \le r \\ (x - 1)/(r - 1) & \text{otherwise}\end{cases},\quad
 *   \gamma_t = \gamma_{base} + (\gamma_{max} - \gamma_{base})\, h\, f$$
 *
 * with $r = u / (u + d)$ and $f = 1$, $2^{-(c-1)}$ or $\text{gamma}^t$ by mode. Unlike PyTorch's
 * default `cycle_momentum=True`, the momentum is not cycled.
 *
 * @example
 * const lr = cyclicSchedule({ baseLr: 0.1, maxLr: 1, stepSizeUp: 3 });
 * // lr(0) === 0.1, lr(3) === 1, lr(6) === 0.1, lr(9) === 1
 */
export function cyclicSchedule(options: CyclicScheduleOptions): Schedule {
  const fn = 'cyclicSchedule';
  checkOptions(fn, options, ['baseLr', 'maxLr', 'stepSizeUp', 'stepSizeDown', 'mode', 'gamma']);
  const {
    baseLr,
    maxLr,
    stepSizeUp = 2000,
    stepSizeDown = stepSizeUp,
    mode = 'triangular',
    gamma = 1,
  } = options ?? ({} as CyclicScheduleOptions);
  checkNonNegativeHyper(fn, 'baseLr', baseLr);
  checkPositiveHyper(fn, 'maxLr', maxLr);
  if (!(maxLr > baseLr)) {
    throw new LosslabError(fn, 'maxLr', `'maxLr' (${maxLr}) must be above 'baseLr' (${baseLr})`);
  }
  checkInteger(fn, 'stepSizeUp', stepSizeUp, 1);
  checkInteger(fn, 'stepSizeDown', stepSizeDown, 1);
  if (mode !== 'triangular' && mode !== 'triangular2' && mode !== 'exp_range') {
    throw new LosslabError(
      fn,
      'mode',
      `'mode' must be 'triangular', 'triangular2' or 'exp_range', got ${String(mode)}`,
    );
  }
  if (typeof gamma !== 'number' || !(gamma > 0 && gamma <= 1)) {
    throw new LosslabError(fn, 'gamma', `'gamma' must be in (0, 1], got ${String(gamma)}`);
  }
  const totalSize = stepSizeUp + stepSizeDown;
  const stepRatio = stepSizeUp / totalSize;
  return (step: number): number => {
    const cycle = Math.floor(1 + step / totalSize);
    const x = 1 + step / totalSize - cycle;
    const scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
    const height = (maxLr - baseLr) * scaleFactor;
    const f =
      mode === 'triangular' ? 1 : mode === 'triangular2' ? 1 / 2 ** (cycle - 1) : gamma ** step;
    return baseLr + height * f;
  };
}
