import type { FloatArray, LossOptions, LossResult } from '../types';
import {
  checkRange,
  checkScalarRange,
  finishLoss,
  lossKeys,
  lossOptions,
  prepareElementwise,
} from './lossKit';
import { runElementwise } from '../wasm/wasmKernels';

const KEYS = lossKeys('labelSmoothing');

/** Options of {@link bceLoss} and {@link bceWithLogitsLoss}. */
export interface BceLossOptions extends LossOptions {
  /**
   * Keras's and tfjs's `label_smoothing`: each target y becomes (1 - s) y + s / 2 before the
   * loss. In [0, 1]. Default 0.
   */
  labelSmoothing?: number;
}

/**
 * PyTorch's floor on (1 - p) p in BCELoss's gradient: `constexpr float EPSILON = 1e-12` in
 * aten/src/ATen/native/Loss.cpp, a float32 even for double tensors (9.999999960041972e-13).
 */
export const BCE_GRAD_EPS = Math.fround(1e-12);

/**
 * Binary cross-entropy on probabilities (PyTorch's BCELoss), logs clamped at -100 so that
 * p = 0 or 1 gives a finite loss.
 *
 * $$\ell_i = -w_i\big(y_i \max(\log p_i, -100) + (1 - y_i)\max(\log(1 - p_i), -100)\big),\qquad
 *   \frac{\partial \ell_i}{\partial p_i} = w_i \frac{p_i - y_i}{\max(p_i(1 - p_i), \epsilon)}$$
 *
 * The gradient is PyTorch's, which floors the denominator rather than differentiating the clamp,
 * with PyTorch's $\epsilon$ = float32(1e-12) = 9.999999960041972e-13. $\log(1 - p)$ is
 * computed as `log1p(-p)`, which keeps its digits for p below about 1e-8 where PyTorch's
 * `log(1 - p)` loses them (relative differences up to 1e-5 in such elements; see "Differences
 * from PyTorch" in the package README). Predictions and targets must lie in [0, 1]. The weighted
 * mean divides by n, as PyTorch does. `labelSmoothing` s (Keras, tfjs; PyTorch's BCELoss has
 * none) replaces each target by $(1 - s) y + s/2$.
 *
 * @example
 * const { value, grad } = bceLoss(new Float64Array([0.8, 0.4]), new Float64Array([1, 0]));
 * // value = -(log 0.8 + log 0.6) / 2 = 0.366985746067…, grad = [-0.2/0.16/2, 0.4/0.24/2] = [-0.625, 0.8333…]
 */
export function bceLoss(
  pred: FloatArray,
  target: FloatArray,
  options?: BceLossOptions,
): LossResult {
  const fn = 'bceLoss';
  const opts = lossOptions(fn, options, KEYS);
  const smoothing = opts.labelSmoothing ?? 0;
  checkScalarRange(fn, 'labelSmoothing', smoothing, 0, 1);
  const { n, scale, grad, values, weight } = prepareElementwise(fn, pred, target, opts);
  checkRange(fn, 'pred', pred, 0, 1);
  checkRange(fn, 'target', target, 0, 1);
  const simd = runElementwise(
    'bce',
    pred,
    target,
    weight,
    grad,
    values,
    scale,
    smoothing,
    BCE_GRAD_EPS,
  );
  if (simd !== null) {
    return finishLoss(fn, simd.sum * scale, grad, values, simd.bound, { pred, target, weight });
  }
  let sum = 0;
  let bound = 0;
  for (let i = 0; i < n; i++) {
    const p = pred[i] as number;
    const y = smoothing === 0 ? (target[i] as number) : smoothLabel(target[i] as number, smoothing);
    const w = weight === undefined ? 1 : (weight[i] as number);
    const l = -w * (y * Math.max(Math.log(p), -100) + (1 - y) * Math.max(Math.log1p(-p), -100));
    // The weight multiplies last: (p - y) / max(...) * scale is at most 1e12, so the product
    // overflows only when the gradient itself does.
    const g = ((p - y) / Math.max(p * (1 - p), BCE_GRAD_EPS)) * scale * w;
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

/** Keras's label smoothing of a binary target: (1 - s) y + s / 2. */
export function smoothLabel(y: number, s: number): number {
  return y * (1 - s) + 0.5 * s;
}
