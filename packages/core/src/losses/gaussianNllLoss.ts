import { checkArray, checkNonNegative, checkPositive } from '../check';
import { LosslabError } from '../errors';
import type { FloatArray, LossOptions, LossResult } from '../types';
import {
  checkBoolean,
  checkRange,
  finishLoss,
  lossKeys,
  lossOptions,
  prepareElementwise,
} from './lossKit';

const KEYS = lossKeys('variance', 'full', 'eps');

/** Options of {@link gaussianNllLoss} (PyTorch's GaussianNLLLoss). */
export interface GaussianNllLossOptions extends LossOptions {
  /**
   * The predicted variance: one per element, or a single value shared by all (homoscedastic).
   * Must be >= 0. Default: a variance of 1 for every element.
   */
  variance?: FloatArray | number;
  /** Add the constant log(2 pi) / 2. Default false. */
  full?: boolean;
  /** Variances are clamped to at least eps for stability; > 0. Default 1e-6. */
  eps?: number;
}

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Negative log-likelihood of a Gaussian target with predicted mean and given variance.
 *
 * $$\ell_i = w_i \Big(\tfrac12\big(\log \max(\sigma_i^2, \epsilon)
 *   + \frac{(\hat y_i - y_i)^2}{\max(\sigma_i^2, \epsilon)}\big) + [\text{full}]\,\tfrac12\log 2\pi\Big),\qquad
 *   \frac{\partial \ell_i}{\partial \hat y_i} = w_i \frac{\hat y_i - y_i}{\max(\sigma_i^2, \epsilon)}$$
 *
 * As in PyTorch the clamp of the variance is not differentiated through; only the gradient with
 * respect to the mean is returned. Weights (PyTorch has none here) rescale each element's loss.
 *
 * @example
 * const { value, grad } = gaussianNllLoss(new Float64Array([1]), new Float64Array([3]), {
 *   variance: new Float64Array([4]),
 * });
 * // value = (log 4 + 4/4) / 2 = 1.1931471805599454, grad = [(1 - 3) / 4] = [-0.5]
 */
export function gaussianNllLoss(
  pred: FloatArray,
  target: FloatArray,
  options?: GaussianNllLossOptions,
): LossResult {
  const fn = 'gaussianNllLoss';
  const opts = lossOptions(fn, options, KEYS);
  const full = opts.full ?? false;
  const eps = opts.eps ?? 1e-6;
  checkBoolean(fn, 'full', full);
  checkPositive(fn, 'eps', eps);
  const { n, scale, grad, values, weight } = prepareElementwise(fn, pred, target, opts, {
    variance: opts.variance,
  });
  const variance = opts.variance ?? 1;
  let shared = 0;
  let perElement: FloatArray | undefined;
  if (typeof variance === 'number') {
    checkNonNegative(fn, 'variance', variance);
    shared = variance;
  } else {
    checkArray(fn, 'variance', variance);
    if (variance.length === 1) {
      shared = variance[0] as number;
      checkNonNegative(fn, 'variance', shared);
    } else if (variance.length === n) {
      checkRange(fn, 'variance', variance, 0, Infinity);
      perElement = variance;
    } else {
      throw new LosslabError(
        fn,
        'variance',
        `'variance' has length ${variance.length} but 'pred' has ${n} (give 1 or ${n} values)`,
      );
    }
  }
  const constant = full ? HALF_LOG_2PI : 0;
  let sum = 0;
  let bound = 0;
  for (let i = 0; i < n; i++) {
    const d = (pred[i] as number) - (target[i] as number);
    const v = Math.max(perElement === undefined ? shared : (perElement[i] as number), eps);
    const w = weight === undefined ? 1 : (weight[i] as number);
    // d (d / v) rather than d^2 / v: d^2 overflows (or underflows) where the ratio does not.
    const dv = d / v;
    const l = w * (0.5 * (Math.log(v) + d * dv) + constant);
    const g = dv * scale * w;
    sum += l;
    grad[i] = g;
    bound += Math.abs(g);
    if (values !== null) {
      values[i] = l;
      bound += Math.abs(l);
    }
  }
  return finishLoss(fn, sum * scale, grad, values, bound, {
    pred,
    target,
    weight,
    variance: perElement,
  });
}
