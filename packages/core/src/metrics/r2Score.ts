import { checkArray, checkFinite, checkSameLength } from '../check';
import { LosslabError } from '../errors';
import type { FloatArray } from '../types';

/**
 * Coefficient of determination: the fraction of the targets' variance the predictions explain.
 * $$R^2 = 1 - \frac{\sum_i (y_i - \hat y_i)^2}{\sum_i (y_i - \bar y)^2}$$
 * 1 is a perfect fit, 0 is no better than predicting the mean, and it is negative when worse.
 * Constant targets make the ratio undefined; as scikit-learn's `r2_score` does, the result is then
 * 1 for a perfect prediction and 0 otherwise. Note the argument order: predictions first, like
 * every losslab loss (scikit-learn takes the targets first).
 *
 * @example
 * r2Score(new Float64Array([1, 2, 3]), new Float64Array([1, 2, 4])); // 1 - 1 / (14/3) = 11/14
 */
export function r2Score(pred: FloatArray, target: FloatArray): number {
  const fn = 'r2Score';
  checkArray(fn, 'pred', pred);
  checkArray(fn, 'target', target);
  checkSameLength(fn, 'pred', pred, 'target', target);
  const n = target.length;
  if (n < 2) {
    throw new LosslabError(fn, 'target', `'target' needs at least 2 values, got ${n}`);
  }
  let mean = 0;
  for (let i = 0; i < n; i++) {
    mean += target[i] as number;
  }
  mean /= n;
  // Two passes (mean first): one-pass sums of squares cancel badly when the mean is large.
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    const t = target[i] as number;
    const r = t - (pred[i] as number);
    const c = t - mean;
    ssRes += r * r;
    ssTot += c * c;
  }
  if (!Number.isFinite(ssRes) || !Number.isFinite(ssTot)) {
    checkFinite(fn, { pred, target });
    throw new LosslabError(fn, 'pred', `the sums of squares overflowed`);
  }
  if (ssTot === 0) {
    return ssRes === 0 ? 1 : 0;
  }
  return 1 - ssRes / ssTot;
}
