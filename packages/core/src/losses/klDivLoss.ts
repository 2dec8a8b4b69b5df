import { LosslabError } from '../errors';
import type { FloatArray, LossOptions, LossResult, Reduction } from '../types';
import {
  checkBoolean,
  checkRange,
  finishLoss,
  lossKeys,
  lossOptions,
  prepareElementwise,
} from './lossKit';

const KEYS = lossKeys('logTarget', 'classes');

/** Options of {@link klDivLoss} (PyTorch's KLDivLoss). */
export interface KlDivLossOptions extends Omit<LossOptions, 'reduction'> {
  /**
   * 'batchmean' divides the sum by the number of rows (the true KL divergence per sample);
   * 'mean' divides by the number of elements, as PyTorch does. Default 'mean'.
   */
  reduction?: Reduction | 'batchmean';
  /** The target is given as log-probabilities. Default false. */
  logTarget?: boolean;
  /**
   * Row length C of a flat B x C array, so that 'batchmean' divides by B. Default 1: a flat array
   * is a 1-D batch, whose `size(0)` in PyTorch is its length.
   */
  classes?: number;
}

/**
 * Kullback-Leibler divergence with the prediction given as log-probabilities $x = \log q$
 * (PyTorch's KLDivLoss).
 *
 * $$\ell_i = w_i\, y_i (\log y_i - x_i)\ \ (0 \text{ when } y_i = 0),\qquad
 *   \ell_i = w_i\, e^{y_i}(y_i - x_i)\ \ (\text{logTarget}),\qquad
 *   \frac{\partial \ell_i}{\partial x_i} = -w_i y_i \ \text{or}\ -w_i e^{y_i}$$
 *
 * @example
 * const logQ = new Float64Array([Math.log(0.5), Math.log(0.5)]);
 * const { value } = klDivLoss(logQ, new Float64Array([0.25, 0.75]), { reduction: 'batchmean', classes: 2 });
 * // value = 0.25 log(0.25/0.5) + 0.75 log(0.75/0.5) = 0.130812035941137…
 */
export function klDivLoss(
  pred: FloatArray,
  target: FloatArray,
  options?: KlDivLossOptions,
): LossResult {
  const fn = 'klDivLoss';
  const opts = lossOptions(fn, options, KEYS);
  const logTarget = opts.logTarget ?? false;
  checkBoolean(fn, 'logTarget', logTarget);
  const reduction = opts.reduction;
  if (reduction !== undefined && !['mean', 'sum', 'none', 'batchmean'].includes(reduction)) {
    throw new LosslabError(
      fn,
      'reduction',
      `unknown reduction '${String(reduction)}' (expected 'mean', 'sum', 'none' or 'batchmean')`,
    );
  }
  const batchmean = reduction === 'batchmean';
  const { n, scale, grad, values, weight } = prepareElementwise(fn, pred, target, {
    ...opts,
    reduction: batchmean ? 'sum' : (opts.reduction as Reduction | undefined),
  });
  let factor = scale;
  if (batchmean) {
    const classes = opts.classes ?? 1;
    if (!Number.isInteger(classes) || classes < 1 || n % classes !== 0) {
      throw new LosslabError(
        fn,
        'classes',
        `'classes' must be a positive integer dividing the length ${n}, got ${String(classes)}`,
      );
    }
    factor = classes / n;
  }
  if (!logTarget) {
    checkRange(fn, 'target', target, 0, 1);
  }
  let sum = 0;
  let bound = 0;
  for (let i = 0; i < n; i++) {
    const x = pred[i] as number;
    const y = target[i] as number;
    const w = weight === undefined ? 1 : (weight[i] as number);
    let l: number;
    let g: number;
    if (logTarget) {
      const p = Math.exp(y);
      l = p * (y - x);
      g = -p;
    } else {
      // xlogy: a zero target contributes 0; `0 * x` still lets a NaN or infinite x through to
      // the finite check, so log-probabilities must be finite.
      l = y === 0 ? 0 * x : y * (Math.log(y) - x);
      g = -y;
    }
    const gi = g * factor * w;
    sum += w * l;
    grad[i] = gi;
    bound += Math.abs(gi);
    if (values !== null) {
      values[i] = w * l;
      bound += Math.abs(w * l);
    }
  }
  return finishLoss(fn, sum * factor, grad, values, bound, { pred, target, weight });
}
