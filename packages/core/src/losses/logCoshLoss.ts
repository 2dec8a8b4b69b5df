import type { FloatArray, LossOptions, LossResult } from '../types';
import { runElementwise } from '../wasm/wasmKernels';
import { finishLoss, lossKeys, lossOptions, prepareElementwise } from './lossKit';

const KEYS = lossKeys();

/**
 * Log-cosh loss: like MSE/2 for small errors and like MAE for large ones, smooth everywhere.
 *
 * $$\ell_i = w_i \log\cosh(\hat y_i - y_i),\qquad
 *   \frac{\partial \ell_i}{\partial \hat y_i} = w_i \tanh(\hat y_i - y_i)$$
 *
 * Computed as $|d| + \log(1 + e^{-2|d|}) - \log 2$ so `cosh` never overflows, and by its Taylor
 * series for |d| < 0.1, where that form would cancel. PyTorch has no log-cosh loss; weights
 * rescale each element's loss and the weighted mean divides by n.
 *
 * @example
 * const { value, grad } = logCoshLoss(new Float64Array([1]), new Float64Array([0]));
 * // value = log(cosh(1)) = 0.4337808304830271, grad = [tanh(1)] = [0.7615941559557649]
 */
export function logCoshLoss(
  pred: FloatArray,
  target: FloatArray,
  options?: LossOptions,
): LossResult {
  const fn = 'logCoshLoss';
  const opts = lossOptions(fn, options, KEYS);
  const { n, scale, grad, values, weight } = prepareElementwise(fn, pred, target, opts);
  const simd = runElementwise('log_cosh', pred, target, weight, grad, values, scale);
  if (simd !== null) {
    return finishLoss(fn, simd.sum * scale, grad, values, simd.bound, { pred, target, weight });
  }
  let sum = 0;
  let bound = 0;
  for (let i = 0; i < n; i++) {
    const d = (pred[i] as number) - (target[i] as number);
    const w = weight === undefined ? 1 : (weight[i] as number);
    const a = Math.abs(d);
    let l: number;
    if (a < 0.1) {
      // log cosh x = x^2/2 - x^4/12 + x^6/45 - 17x^8/2520 + 31x^10/14175 - 691x^12/935550 + ...
      // (next term < 1e-17 relative for |x| < 0.1)
      const x2 = d * d;
      l =
        x2 *
        (0.5 +
          x2 *
            (-1 / 12 +
              x2 * (1 / 45 + x2 * (-17 / 2520 + x2 * (31 / 14175 + x2 * (-691 / 935550))))));
    } else {
      l = a + Math.log1p(Math.exp(-2 * a)) - Math.LN2;
    }
    const g = Math.tanh(d) * scale * w;
    sum += w * l;
    grad[i] = g;
    bound += Math.abs(g);
    if (values !== null) {
      values[i] = w * l;
      bound += Math.abs(w * l);
    }
  }
  return finishLoss(fn, sum * scale, grad, values, bound, { pred, target, weight });
}
