import type { FloatArray } from '../types';
import { findNonFinite } from '../check';
import { LosslabError } from '../errors';
import type { LossFn } from '../losses/registry';

/**
 * The loss value, NaN or Infinity when the predictions have diverged: losses refuse non-finite
 * predictions and report overflow with a named error, which for `fit` means divergence. Any other
 * error (a target outside the loss's domain) is rethrown.
 */
export function lossValue(
  lossFn: LossFn,
  pred: FloatArray,
  target: FloatArray,
  options: Record<string, unknown>,
): number {
  try {
    return lossFn(pred, target, options).value;
  } catch (e) {
    const bad = findNonFinite(pred);
    if (bad < 0 && !(e instanceof LosslabError && e.message.includes('overflowed'))) {
      throw e;
    }
    return bad >= 0 && Number.isNaN(pred[bad]) ? NaN : Infinity;
  }
}
