import { checkPositive } from '../check';
import type { FloatArray, LossOptions, LossResult } from '../types';
import {
  checkBoolean,
  checkRange,
  finishLoss,
  lossKeys,
  lossOptions,
  prepareElementwise,
} from './lossKit';

const KEYS = lossKeys('logInput', 'full', 'eps');

/** Options of {@link poissonNllLoss} (PyTorch's PoissonNLLLoss). */
export interface PoissonNllLossOptions extends LossOptions {
  /** The prediction is the log of the rate (default true) rather than the rate itself. */
  logInput?: boolean;
  /** Add Stirling's approximation of log(y!) for targets > 1. Default false. */
  full?: boolean;
  /** Added to the rate before its log when `logInput` is false; > 0. Default 1e-8. */
  eps?: number;
}

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Negative log-likelihood of a Poisson target (PyTorch's PoissonNLLLoss).
 *
 * $$\ell_i = w_i \begin{cases} e^{\hat y_i} - y_i \hat y_i & \text{logInput} \\
 *   \hat y_i - y_i \log(\hat y_i + \epsilon) & \text{otherwise} \end{cases}
 *   \;+\; [\text{full} \wedge y_i > 1]\,\big(y_i \log y_i - y_i + \tfrac12 \log(2\pi y_i)\big)$$
 *
 * $$\frac{\partial \ell_i}{\partial \hat y_i} = w_i \begin{cases} e^{\hat y_i} - y_i & \text{logInput} \\
 *   1 - y_i / (\hat y_i + \epsilon) & \text{otherwise} \end{cases}$$
 *
 * Targets must be >= 0 (counts), and rates >= 0 when `logInput` is false. Weights (PyTorch has
 * none here) rescale each element's loss; the weighted mean divides by n.
 *
 * @example
 * const { value, grad } = poissonNllLoss(new Float64Array([0, Math.log(2)]), new Float64Array([1, 2]));
 * // value = ((1 - 0) + (2 - 2 log 2)) / 2 = 0.8068528194400547, grad = [(1-1)/2, (2-2)/2] = [0, 0]
 */
export function poissonNllLoss(
  pred: FloatArray,
  target: FloatArray,
  options?: PoissonNllLossOptions,
): LossResult {
  const fn = 'poissonNllLoss';
  const opts = lossOptions(fn, options, KEYS);
  const logInput = opts.logInput ?? true;
  const full = opts.full ?? false;
  const eps = opts.eps ?? 1e-8;
  checkBoolean(fn, 'logInput', logInput);
  checkBoolean(fn, 'full', full);
  checkPositive(fn, 'eps', eps);
  const { n, scale, grad, values, weight } = prepareElementwise(fn, pred, target, opts);
  checkRange(fn, 'target', target, 0, Infinity);
  if (!logInput) {
    checkRange(fn, 'pred', pred, 0, Infinity);
  }
  let sum = 0;
  let bound = 0;
  for (let i = 0; i < n; i++) {
    const x = pred[i] as number;
    const y = target[i] as number;
    const w = weight === undefined ? 1 : (weight[i] as number);
    const stirling = full && y > 1;
    let l: number;
    let g: number;
    if (logInput) {
      const e = Math.exp(x);
      // With Stirling's term, e - y x + y log y - y = (e - y) + y (log y - x): near the optimum
      // (x = log y) both parts are small, where y x and y log y could each overflow.
      l = stirling ? e - y + y * (Math.log(y) - x) : e - y * x;
      g = e - y;
    } else {
      const r = x + eps;
      l = stirling ? x - y + y * (Math.log(y) - Math.log(r)) : x - y * Math.log(r);
      g = 1 - y / r;
    }
    if (stirling) {
      l += 0.5 * Math.log(y) + HALF_LOG_2PI;
    }
    const gi = g * scale * w;
    sum += w * l;
    grad[i] = gi;
    bound += Math.abs(gi);
    if (values !== null) {
      values[i] = w * l;
      bound += Math.abs(w * l);
    }
  }
  return finishLoss(fn, sum * scale, grad, values, bound, { pred, target, weight });
}
