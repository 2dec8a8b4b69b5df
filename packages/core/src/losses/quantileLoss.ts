import { LosslabError } from '../errors';
import type { FloatArray, LossOptions, LossResult } from '../types';
import { finishLoss, lossKeys, lossOptions, prepareElementwise } from './lossKit';

const KEYS = lossKeys('q');

/** Options of {@link quantileLoss}. */
export interface QuantileLossOptions extends LossOptions {
  /** The quantile to estimate, in (0, 1). Default 0.5 (half the MAE). */
  q?: number;
}

/**
 * Quantile (pinball) loss: its minimiser is the q-th quantile of the target.
 *
 * $$\ell_i = w_i \max\big(q\,(y_i - \hat y_i),\ (q - 1)(y_i - \hat y_i)\big),\qquad
 *   \frac{\partial \ell_i}{\partial \hat y_i} = w_i \begin{cases} -q & y_i > \hat y_i \\
 *   1 - q & y_i < \hat y_i \\ 0 & y_i = \hat y_i \end{cases}$$
 *
 * At the kink the gradient is 0 (a valid subgradient for every q, and the MAE's choice at q = 0.5).
 *
 * @example
 * const { value, grad } = quantileLoss(new Float64Array([0, 2]), new Float64Array([1, 1]), { q: 0.9 });
 * // value = (0.9*1 + 0.1*1) / 2 = 0.5, grad = [-0.9/2, 0.1/2] = [-0.45, 0.05]
 */
export function quantileLoss(
  pred: FloatArray,
  target: FloatArray,
  options?: QuantileLossOptions,
): LossResult {
  const fn = 'quantileLoss';
  const opts = lossOptions(fn, options, KEYS);
  const q = opts.q ?? 0.5;
  if (typeof q !== 'number' || !(q > 0 && q < 1)) {
    throw new LosslabError(fn, 'q', `'q' must be a number in (0, 1), got ${String(q)}`);
  }
  const { n, scale, grad, values, weight } = prepareElementwise(fn, pred, target, opts);
  let sum = 0;
  let bound = 0;
  for (let i = 0; i < n; i++) {
    const d = (target[i] as number) - (pred[i] as number);
    const w = weight === undefined ? 1 : (weight[i] as number);
    const l = w * (d < 0 ? (q - 1) * d : q * d);
    const g = d > 0 ? -q : d < 0 ? 1 - q : 0;
    const gi = g * scale * w;
    sum += l;
    grad[i] = gi;
    bound += Math.abs(gi);
    if (values !== null) {
      values[i] = l;
      bound += Math.abs(l);
    }
  }
  return finishLoss(fn, sum * scale, grad, values, bound, { pred, target, weight });
}
