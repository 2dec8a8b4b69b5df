import type { FloatArray, LossOptions, LossResult } from '../types';
import { checkReach } from './checkReach';
import { checkSigns, finishLoss, lossKeys, lossOptions, prepareElementwise } from './lossKit';

const KEYS = lossKeys();

/**
 * Soft margin loss, the logistic loss of a score against a label of -1 or +1 (PyTorch's
 * SoftMarginLoss).
 *
 * $$\ell_i = w_i \log\big(1 + e^{-y_i x_i}\big),\qquad
 *   \frac{\partial \ell_i}{\partial x_i} = -w_i\, y_i\, \sigma(-y_i x_i)$$
 *
 * Computed as $\max(z, 0) + \log(1 + e^{-|z|})$ with $z = -y x$ and $\sigma$ from $e^{-|x|}$, so
 * scores of +-1e4 give exact values and gradients. Labels must be -1 or +1. `weight` (a losslab
 * addition) rescales each element; the weighted mean divides by n.
 *
 * @throws LosslabError on mismatched lengths, a label other than +-1 or a NaN or infinite value.
 * @example
 * const { value, grad } = softMarginLoss(new Float64Array([0, 1000]), new Float64Array([1, -1]));
 * // value = (log 2 + 1000) / 2 = 500.3465735902799, grad = [-0.25, 0.5]
 */
export function softMarginLoss(
  pred: FloatArray,
  target: FloatArray,
  options?: LossOptions,
): LossResult {
  const fn = 'softMarginLoss';
  const opts = lossOptions(fn, options, KEYS);
  const { n, scale, grad, values, weight } = prepareElementwise(fn, pred, target, opts);
  checkSigns(fn, 'target', target);
  let sum = 0;
  let reach = 0;
  let bound = 0;
  for (let i = 0; i < n; i++) {
    const y = target[i] as number;
    const z = -y * (pred[i] as number);
    reach += Math.abs(z);
    const w = weight === undefined ? 1 : (weight[i] as number);
    const e = Math.exp(-Math.abs(z));
    const l = w * (Math.max(z, 0) + Math.log1p(e));
    // sigma(z) without 1 - (something close to 1).
    const sig = z >= 0 ? 1 / (1 + e) : e / (1 + e);
    sum += l;
    const g = -y * sig * scale * w;
    grad[i] = g;
    bound += Math.abs(g);
    if (values !== null) {
      values[i] = l;
      bound += Math.abs(l);
    }
  }
  checkReach(fn, reach, { pred, target, weight });
  return finishLoss(fn, sum * scale, grad, values, bound, { pred, target, weight });
}
