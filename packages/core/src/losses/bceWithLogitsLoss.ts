import { checkArray, checkPositive } from '../check';
import { LosslabError } from '../errors';
import type { FloatArray, LossResult } from '../types';
import type { BceLossOptions } from './bceLoss';
import { smoothLabel } from './bceLoss';
import {
  checkRange,
  checkScalarRange,
  finishLoss,
  lossKeys,
  lossOptions,
  prepareElementwise,
} from './lossKit';
import { runElementwise } from '../wasm/wasmKernels';

const KEYS = lossKeys('posWeight', 'labelSmoothing');

/** Options of {@link bceWithLogitsLoss} (PyTorch's BCEWithLogitsLoss). */
export interface BceWithLogitsLossOptions extends BceLossOptions {
  /**
   * Weight of the positive term: one number, or one per class (the last axis) broadcast over
   * rows, so `pred.length` must be a multiple of its length. > 0. Default 1.
   */
  posWeight?: number | FloatArray;
}

/**
 * Binary cross-entropy on logits, stable for any logit.
 *
 * $$\ell_i = w_i\big(\rho\, y_i\, \operatorname{sp}(-x_i) + (1 - y_i)\operatorname{sp}(x_i)\big),\qquad
 *   \frac{\partial \ell_i}{\partial x_i} = w_i\big((1 - y_i)\,\sigma(x_i) - \rho\, y_i\, \sigma(-x_i)\big)$$
 *
 * with $\operatorname{sp}(x) = \log(1 + e^x) = \max(x, 0) + \log(1 + e^{-|x|})$ and $\rho$ the
 * positive weight. With $\rho = 1$ this is $\max(x,0) - xy + \log(1 + e^{-|x|})$; written as a sum
 * of two non-negative terms it also avoids the cancellation of PyTorch's
 * `(1 - y) x + (1 + (rho - 1) y) sp(-x)` for large negative x, which returns 0 for a loss such as
 * $e^{-40}$ (and PyTorch's gradient `sigma(x)(1 + (rho - 1) y) - rho y` does the same for large
 * positive x). Targets must lie in [0, 1]. `labelSmoothing` s (Keras, tfjs; not in PyTorch)
 * replaces each target by $(1 - s) y + s/2$.
 *
 * @example
 * const { value, grad } = bceWithLogitsLoss(new Float64Array([1000, -1000]), new Float64Array([1, 1]));
 * // value = (0 + 1000) / 2 = 500, grad = [0, -1/2]
 */
export function bceWithLogitsLoss(
  pred: FloatArray,
  target: FloatArray,
  options?: BceWithLogitsLossOptions,
): LossResult {
  const fn = 'bceWithLogitsLoss';
  const opts = lossOptions(fn, options, KEYS);
  const { n, scale, grad, values, weight } = prepareElementwise(fn, pred, target, opts, {
    posWeight: opts.posWeight,
  });
  checkRange(fn, 'target', target, 0, 1);
  const smoothing = opts.labelSmoothing ?? 0;
  checkScalarRange(fn, 'labelSmoothing', smoothing, 0, 1);
  const posWeight = opts.posWeight ?? 1;
  let rhoAll = 1;
  let rhoPerClass: FloatArray | undefined;
  if (typeof posWeight === 'number') {
    checkPositive(fn, 'posWeight', posWeight);
    rhoAll = posWeight;
  } else {
    checkArray(fn, 'posWeight', posWeight);
    if (n % posWeight.length !== 0) {
      throw new LosslabError(
        fn,
        'posWeight',
        `'pred' has length ${n}, not a multiple of the length ${posWeight.length} of 'posWeight'`,
      );
    }
    for (let c = 0; c < posWeight.length; c++) {
      checkPositive(fn, 'posWeight', posWeight[c] as number);
    }
    rhoPerClass = posWeight;
  }
  const classes = rhoPerClass === undefined ? 1 : rhoPerClass.length;
  // The SIMD kernel takes one posWeight; per-class weights run the loop below.
  const simd =
    rhoPerClass === undefined
      ? runElementwise('bce_logits', pred, target, weight, grad, values, scale, smoothing, rhoAll)
      : null;
  if (simd !== null) {
    return finishLoss(fn, simd.sum * scale, grad, values, simd.bound, { pred, target, weight });
  }
  let sum = 0;
  let bound = 0;
  for (let i = 0; i < n; i++) {
    const x = pred[i] as number;
    const y = smoothing === 0 ? (target[i] as number) : smoothLabel(target[i] as number, smoothing);
    const w = weight === undefined ? 1 : (weight[i] as number);
    const rho = rhoPerClass === undefined ? rhoAll : (rhoPerClass[i % classes] as number);
    const e = Math.exp(-Math.abs(x));
    const log1pE = Math.log1p(e);
    const spPos = Math.max(x, 0) + log1pE; // sp(x) = -log(1 - sigma(x))
    const spNeg = Math.max(-x, 0) + log1pE; // sp(-x) = -log sigma(x)
    // sigma(x) and sigma(-x) from e = exp(-|x|), never 1 - (something close to 1).
    const sigBig = 1 / (1 + e);
    const sigSmall = e / (1 + e);
    const sig = x >= 0 ? sigBig : sigSmall;
    const sigNeg = x >= 0 ? sigSmall : sigBig;
    const l = w * (rho * y * spNeg + (1 - y) * spPos);
    const g = ((1 - y) * sig - rho * y * sigNeg) * scale * w;
    sum += l;
    grad[i] = g;
    bound += Math.abs(g);
    if (values !== null) {
      values[i] = l;
      bound += Math.abs(l);
    }
  }
  return finishLoss(fn, sum * scale, grad, values, bound, { pred, target, weight });
}
