import { checkArray, checkFinite, checkSameLength } from '../check';
import { LosslabError } from '../errors';
import type { FloatArray } from '../types';

/**
 * Mean absolute error of predictions against targets, as a plain number (for the loss with its
 * gradient see `maeLoss`).
 * $$\mathrm{MAE} = \frac{1}{n}\sum_{i=1}^{n} |\hat y_i - y_i|$$
 *
 * @example
 * meanAbsoluteError(new Float64Array([1, 2, 3]), new Float64Array([1, 4, 0])); // (0 + 2 + 3) / 3 = 5 / 3
 */
export function meanAbsoluteError(pred: FloatArray, target: FloatArray): number {
  const fn = 'meanAbsoluteError';
  checkArray(fn, 'pred', pred);
  checkArray(fn, 'target', target);
  checkSameLength(fn, 'pred', pred, 'target', target);
  let sum = 0;
  for (let i = 0; i < pred.length; i++) {
    sum += Math.abs((pred[i] as number) - (target[i] as number));
  }
  const value = sum / pred.length;
  if (!Number.isFinite(value)) {
    checkFinite(fn, { pred, target });
    throw new LosslabError(fn, 'pred', `the error overflowed to ${value}`);
  }
  return value;
}
