import { LosslabError } from '../errors';
import { exponentToUnit, mulPow2, pow2Halves } from '../scalePow2';
import type { FloatArray } from '../types';

/**
 * The mean of |pred - target| (or of its square) computed on the data scaled by the power of two
 * that brings their largest magnitude near 1, then scaled back: the slow path of the error metrics
 * when a plain sum overflowed although the mean may fit. Inputs must be finite.
 *
 * @throws LosslabError(fn, 'pred') when the mean itself is beyond 1.8e308.
 * @example
 * rescaledMeanError('meanSquaredError', Float64Array.of(1e200, 0), Float64Array.of(0, 0), true);
 * // 1e400 / 2 does not fit: throws "meanSquaredError: the error overflowed to Infinity"
 */
export function rescaledMeanError(
  fn: string,
  pred: FloatArray,
  target: FloatArray,
  squared: boolean,
): number {
  const n = pred.length;
  let big = 0;
  for (let i = 0; i < n; i++) {
    big = Math.max(big, Math.abs(pred[i] as number), Math.abs(target[i] as number));
  }
  const k = exponentToUnit(big);
  const [s1, s2] = pow2Halves(k);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.abs((pred[i] as number) * s1 * s2 - (target[i] as number) * s1 * s2);
    sum += squared ? d * d : d;
  }
  const value = mulPow2(sum / n, squared ? -2 * k : -k);
  if (!Number.isFinite(value)) {
    throw new LosslabError(fn, 'pred', `the error overflowed to ${value}`);
  }
  return value;
}
