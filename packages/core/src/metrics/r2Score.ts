import { checkArray, checkFinite, checkSameLength } from '../check';
import { LosslabError } from '../errors';
import { exponentToUnit, pow2Halves } from '../scalePow2';
import type { FloatArray } from '../types';

/**
 * Coefficient of determination: the fraction of the targets' variance the predictions explain.
 * $$R^2 = 1 - \frac{\sum_i (y_i - \hat y_i)^2}{\sum_i (y_i - \bar y)^2}$$
 * 1 is a perfect fit, 0 is no better than predicting the mean, and it is negative when worse.
 * Constant targets make the ratio undefined; as scikit-learn's `r2_score` does, the result is then
 * 1 for a perfect prediction and 0 otherwise. Note the argument order: predictions first, like
 * every losslab loss (scikit-learn takes the targets first).
 *
 * R^2 is a ratio, unchanged when both arrays are scaled by the same factor: the data are scaled by
 * the power of two that brings the targets' largest magnitude near 1 (exact), so that squares of
 * data near 1e-161 do not underflow to 0 (which read as a perfect fit) nor squares near 1e200
 * overflow. Throws a `LosslabError` when the score itself is below -1.8e308.
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
  // Pass 1: the targets' largest magnitude, for the scale, and their plain sum.
  let big = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const t = target[i] as number;
    sum += t;
    big = Math.max(big, Math.abs(t));
  }
  if (!Number.isFinite(big)) {
    checkFinite(fn, { target });
  }
  const [s1, s2] = pow2Halves(big === 0 ? 0 : exponentToUnit(big));
  if (!Number.isFinite(sum)) {
    // The plain sum overflowed: sum the scaled targets (each at most 2 in magnitude) instead.
    sum = 0;
    for (let i = 0; i < n; i++) {
      sum += (target[i] as number) * s1 * s2;
    }
  } else {
    sum = sum * s1 * s2; // exact: the same as summing the scaled targets
  }
  const mean = sum / n;
  // Pass 2 (mean first: one-pass sums of squares cancel badly when the mean is large).
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    const t = (target[i] as number) * s1 * s2;
    const r = t - (pred[i] as number) * s1 * s2;
    const c = t - mean;
    ssRes += r * r;
    ssTot += c * c;
  }
  if (ssTot === 0) {
    if (!Number.isFinite(ssRes)) {
      checkFinite(fn, { pred });
    }
    return ssRes === 0 ? 1 : 0;
  }
  const score = 1 - ssRes / ssTot;
  if (!Number.isFinite(score)) {
    checkFinite(fn, { pred });
    throw new LosslabError(
      fn,
      'pred',
      `the score overflowed to ${score} (the residuals dwarf the targets' spread)`,
    );
  }
  return score;
}
