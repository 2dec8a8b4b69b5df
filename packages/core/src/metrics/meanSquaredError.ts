import { checkArray, checkFinite, checkSameLength } from '../check';
import type { FloatArray } from '../types';
import { runErrorSum } from '../wasm/wasmKernels';
import { rescaledMeanError } from './rescaledMeanError';

/**
 * Mean squared error of predictions against targets, as a plain number (no gradient; for the
 * loss with its gradient see `mseLoss`).
 * $$\mathrm{MSE} = \frac{1}{n}\sum_{i=1}^{n} (\hat y_i - y_i)^2$$
 *
 * When the plain sum overflows (a difference or a square beyond 1.8e308, though the mean may not
 * be), it is redone on the data scaled by a power of two; a mean beyond 1.8e308 throws a
 * `LosslabError`.
 *
 * @example
 * meanSquaredError(new Float64Array([1, 2, 3]), new Float64Array([1, 4, 0])); // (0 + 4 + 9) / 3 = 13 / 3
 */
export function meanSquaredError(pred: FloatArray, target: FloatArray): number {
  const fn = 'meanSquaredError';
  checkArray(fn, 'pred', pred);
  checkArray(fn, 'target', target);
  checkSameLength(fn, 'pred', pred, 'target', target);
  // The SIMD kernel keeps four partial sums; the JS loop has one dependent sum.
  const simd = runErrorSum(pred, target, true);
  let sum = simd ?? 0;
  for (let i = simd === null ? 0 : pred.length; i < pred.length; i++) {
    const d = (pred[i] as number) - (target[i] as number);
    sum += d * d;
  }
  const value = sum / pred.length;
  if (!Number.isFinite(value)) {
    checkFinite(fn, { pred, target });
    return rescaledMeanError(fn, pred, target, true);
  }
  return value;
}
