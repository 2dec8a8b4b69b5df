import type { FloatArray } from '../types';
import { LosslabError } from '../errors';
import {
  checkGrads,
  checkOptions,
  checkState,
  checkInitParams,
  checkInteger,
  checkNonNegativeHyper,
  checkPositiveHyper,
  checkUnitInterval,
} from './checkHyper';
import type { GradientTransformation, UpdateExtra } from './GradientTransformation';

/** Options of `reduceOnPlateau`, as torch.optim.lr_scheduler.ReduceLROnPlateau names them. */
export interface ReduceOnPlateauOptions {
  /** 'min': the watched value should fall (a loss); 'max': it should rise. Default 'min'. */
  mode?: 'min' | 'max';
  /** Multiply the learning rate by `factor` on a plateau, in [0, 1). Default 0.1. */
  factor?: number;
  /** Steps without improvement tolerated before reducing (an integer >= 0). Default 10. */
  patience?: number;
  /** The improvement needed, >= 0 (relative or absolute, see `thresholdMode`). Default 1e-4. */
  threshold?: number;
  /**
   * 'rel': better means below best * (1 - threshold) in mode 'min' (above best * (1 + threshold)
   * in 'max'); 'abs': below best - threshold (above best + threshold). Default 'rel'.
   */
  thresholdMode?: 'rel' | 'abs';
  /** Steps to wait after a reduction before counting bad steps again (an integer >= 0). Default 0. */
  cooldown?: number;
  /** Lower bound of the scale (1 = the optimizer's own learning rate). Default 0. */
  minScale?: number;
  /**
   * Lower bound of the learning rate, as PyTorch's `min_lr`; needs `lr`, the optimizer's base
   * learning rate, since this transformation only sees updates (it sets `minScale = minLr / lr`).
   */
  minLr?: number;
  /** The base learning rate of the optimizer this follows (for `minLr` and `eps`). */
  lr?: number;
  /**
   * A reduction that would change the learning rate `lr * scale` by `eps` or less is skipped, as
   * PyTorch's `eps`; without `lr` the change of the scale is compared. Default 1e-8.
   */
  eps?: number;
}

/** The state of `reduceOnPlateau`: PyTorch's counters and the current scale. */
export interface ReduceOnPlateauState {
  readonly size: number;
  /** The factor applied to the next update (1 until the first plateau). */
  readonly scale: number;
  /** The best value seen so far (Infinity before the first in mode 'min', -Infinity in 'max'). */
  readonly best: number;
  readonly numBadSteps: number;
  readonly cooldownCounter: number;
}

const KEYS = [
  'mode',
  'factor',
  'patience',
  'threshold',
  'thresholdMode',
  'cooldown',
  'minScale',
  'minLr',
  'lr',
  'eps',
] as const;

/**
 * Reduce-on-plateau as a transformation placed after an optimizer,
 * `chain(adam(0.01), reduceOnPlateau({ patience: 5 }))`: it multiplies the updates by a scale that
 * starts at 1 and is multiplied by `factor` when the watched value (read from `extra.loss`, the
 * loss at the parameters being updated) has not improved for more than `patience` steps. The
 * bookkeeping is torch.optim.lr_scheduler.ReduceLROnPlateau's, with one scheduler step per update
 * taken *after* the update, as PyTorch's loop does (`optimizer.step()` then
 * `scheduler.step(loss)`): a loss affects the next update, not its own.
 *
 * $$\text{better} \iff L_t < L_{best}(1 - \text{threshold})\ (\text{min, rel}),\qquad
 *   \text{bad} > \text{patience} \Rightarrow s \leftarrow \max(s \cdot \text{factor}, s_{min})
 *   \text{ if the learning rate changes by more than eps}$$
 *
 * @example
 * const opt = chain(sgd(0.1), reduceOnPlateau({ patience: 1, factor: 0.5 }));
 * const params = new Float64Array([0]);
 * let state = opt.init(params);
 * for (const loss of [1, 1, 1]) {
 *   [, state] = opt.update(new Float64Array([1]), state, params, { loss });
 * }
 * // two steps without improvement > patience 1: opt.learningRate(state) === 0.05
 */
export function reduceOnPlateau(
  options?: ReduceOnPlateauOptions,
): GradientTransformation<ReduceOnPlateauState> {
  const fn = 'reduceOnPlateau';
  checkOptions(fn, options, KEYS);
  const {
    mode = 'min',
    factor = 0.1,
    patience = 10,
    threshold = 1e-4,
    thresholdMode = 'rel',
    cooldown = 0,
    minLr,
    lr,
    eps = 1e-8,
  } = options ?? {};
  let minScale = options?.minScale ?? 0;
  if (mode !== 'min' && mode !== 'max') {
    throw new LosslabError(fn, 'mode', `'mode' must be 'min' or 'max', got ${String(mode)}`);
  }
  if (thresholdMode !== 'rel' && thresholdMode !== 'abs') {
    throw new LosslabError(
      fn,
      'thresholdMode',
      `'thresholdMode' must be 'rel' or 'abs', got ${String(thresholdMode)}`,
    );
  }
  checkUnitInterval(fn, 'factor', factor);
  checkInteger(fn, 'patience', patience, 0);
  checkNonNegativeHyper(fn, 'threshold', threshold);
  checkInteger(fn, 'cooldown', cooldown, 0);
  checkNonNegativeHyper(fn, 'minScale', minScale);
  checkNonNegativeHyper(fn, 'eps', eps);
  if (lr !== undefined) {
    checkPositiveHyper(fn, 'lr', lr);
  }
  if (minLr !== undefined) {
    checkNonNegativeHyper(fn, 'minLr', minLr);
    if (lr === undefined) {
      throw new LosslabError(fn, 'lr', `'minLr' needs 'lr', the optimizer's base learning rate`);
    }
    minScale = minLr / lr;
  }
  const base = lr ?? 1;
  const sign = mode === 'min' ? 1 : -1;
  // torch's is_better, case by case (its relative rule multiplies best, whatever its sign).
  const isBetter = (a: number, best: number): boolean => {
    if (mode === 'min') {
      return thresholdMode === 'rel' ? a < best * (1 - threshold) : a < best - threshold;
    }
    return thresholdMode === 'rel' ? a > best * (threshold + 1) : a > best + threshold;
  };
  return {
    name: `reduceOnPlateau(factor=${factor}, patience=${patience})`,
    init(params: FloatArray): ReduceOnPlateauState {
      checkInitParams(fn, params);
      return {
        size: params.length,
        scale: 1,
        best: sign * Infinity,
        numBadSteps: 0,
        cooldownCounter: 0,
      };
    },
    update(
      grads: FloatArray,
      state: ReduceOnPlateauState,
      _params?: FloatArray,
      extra?: UpdateExtra,
    ): [FloatArray, ReduceOnPlateauState] {
      checkState(fn, state, 'best');
      checkGrads(fn, grads, state.size);
      const loss = extra?.loss;
      // A NaN loss is not rejected: as in PyTorch it is simply not an improvement, and the
      // training loop, not this transformation, reports the divergence.
      if (typeof loss !== 'number') {
        throw new LosslabError(
          fn,
          'extra.loss',
          `needs the current loss in 'extra.loss', got ${String(loss)}`,
        );
      }
      const { scale } = state;
      if (scale !== 1) {
        for (let i = 0; i < grads.length; i++) {
          grads[i] = (grads[i] as number) * scale;
        }
      }
      // ReduceLROnPlateau.step(metrics), verbatim in order.
      let { best, numBadSteps, cooldownCounter } = state;
      if (isBetter(loss, best)) {
        best = loss;
        numBadSteps = 0;
      } else {
        numBadSteps += 1;
      }
      if (cooldownCounter > 0) {
        cooldownCounter -= 1;
        numBadSteps = 0;
      }
      let nextScale = scale;
      if (numBadSteps > patience) {
        const reduced = Math.max(scale * factor, minScale);
        if (base * scale - base * reduced > eps) {
          nextScale = reduced;
        }
        cooldownCounter = cooldown;
        numBadSteps = 0;
      }
      return [grads, { size: state.size, scale: nextScale, best, numBadSteps, cooldownCounter }];
    },
    lrFactor(state: ReduceOnPlateauState): number {
      return state.scale;
    },
  };
}
