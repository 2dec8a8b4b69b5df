import { checkArray, checkFinite, checkSameLength } from '../check';
import type { FloatArray } from '../types';
import { runErrorSum } from '../wasm/wasmKernels';
import { rescaledMeanError } from './rescaledMeanError';

/**
 * Mean absolute error of predictions against targets, as a plain number (for the loss with its
 * gradient see `maeLoss`).
 * $$\mathrm{MAE} = \frac{1}{n}\sum_{i=1}^{n} |\hat y_i - y_i|$$
 *
 * When the plain sum overflows (a difference beyond 1.8e308, though the mean may not be), it is
 * redone on the data scaled by a power of two; a mean beyond 1.8e308 throws a `LosslabError`.
 *
 * @example
 * meanAbsoluteError(new Float64Array([1, 2, 3]), new Float64Array([1, 4, 0])); // (0 + 2 + 3) / 3 = 5 / 3
 */
export function meanAbsoluteError(pred: FloatArray, target: FloatArray): number {
  const fn = 'meanAbsoluteError';
  checkArray(fn, 'pred', pred);
  checkArray(fn, 'target', target);
  checkSameLength(fn, 'pred', pred, 'target', target);
  // The SIMD kernel keeps four partial sums; the JS loop has one dependent sum.
  const simd = runErrorSum(pred, target, false);
  let sum = simd ?? 0;
  for (let i = simd === null ? 0 : pred.length; i < pred.length; i++) {
    sum += Math.abs((pred[i] as number) - (target[i] as number));
  }
  const value = sum / pred.length;
  if (!Number.isFinite(value)) {
    checkFinite(fn, { pred, target });
    return rescaledMeanError(fn, pred, target, false);
  }
  return value;
}
