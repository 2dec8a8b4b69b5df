import { checkArray, checkSameLength, prepareOutputs } from '../check';
import type { FloatArray, LossOptions, LossResult } from '../types';
import { checkWeight, finishLoss, lossKeys, lossOptions } from './lossKit';
import { resolveRowLength, rowDots } from './rowLength';

/** Keras's `epsilon` in `l2_normalize`: squared norms are floored at this. */
const NORM_EPS = 1e-12;

const KEYS = lossKeys('features');

/** Options of {@link cosineSimilarityLoss} (Keras's CosineSimilarity). */
export interface CosineSimilarityLossOptions extends LossOptions {
  /** Values per row D (Keras's last axis). Default `pred.length` (one vector). */
  features?: number;
}

/**
 * Negative cosine similarity of each row of `pred` with the same row of `target` (Keras's
 * `CosineSimilarity` loss), both flat row-major B x D arrays. It lies in [-1, 1]: -1 when the
 * rows point the same way, 0 when orthogonal.
 *
 * $$\hat u = \frac{u}{\sqrt{\max(\lVert u\rVert^2, \epsilon)}},\qquad
 *   \ell_i = -w_i\, \hat x_i \cdot \hat y_i,\qquad
 *   \frac{\partial \ell_i}{\partial x_i} = -\frac{w_i}{\lVert x_i\rVert}\big(\hat y_i - (\hat x_i\cdot\hat y_i)\,\hat x_i\big)$$
 *
 * with $\epsilon = 10^{-12}$ (Keras's `l2_normalize`); below it the norm is the constant
 * $\sqrt\epsilon$ and the gradient is $-w_i \hat y_i / \sqrt\epsilon$. Norms of rows whose squares
 * overflow are computed from the row scaled by its largest value. 'mean' divides by B, as Keras's
 * `sum_over_batch_size`; `weight` (one per row) is Keras's `sample_weight`.
 *
 * @throws LosslabError when the lengths differ or are not a multiple of `features`, or a value is
 *   NaN or infinite.
 * @example
 * const { value, grad } = cosineSimilarityLoss(new Float64Array([3, 4]), new Float64Array([1, 0]));
 * // value = -3/5 = -0.6, grad = -(1/5) ([1, 0] - 0.6 [0.6, 0.8]) = [-0.128, 0.096]
 */
export function cosineSimilarityLoss(
  pred: FloatArray,
  target: FloatArray,
  options?: CosineSimilarityLossOptions,
): LossResult {
  const fn = 'cosineSimilarityLoss';
  const opts = lossOptions(fn, options, KEYS);
  checkArray(fn, 'pred', pred);
  checkArray(fn, 'target', target);
  checkSameLength(fn, 'pred', pred, 'target', target);
  const { rows, rowLength: D } = resolveRowLength(
    fn,
    'features',
    opts.features,
    'pred',
    pred.length,
  );
  const weight = checkWeight(fn, 'weight', opts.weight, rows, `there are ${rows} rows`);
  const inputs = { pred, target, weight };
  const { reduction, grad, values } = prepareOutputs(fn, pred, rows, opts, inputs);
  const scale = reduction === 'mean' ? 1 / rows : 1;
  let sum = 0;
  let bound = 0;
  const sums = new Float64Array(5);
  for (let i = 0; i < rows; i++) {
    const base = i * D;
    const w = weight === undefined ? 1 : (weight[i] as number);
    // Sums of squares and the dot product, rows rescaled when a sum overflowed (rowDots).
    rowDots(pred, target, base, D, sums);
    const xx = sums[0] as number;
    const yy = sums[1] as number;
    const xy = sums[2] as number;
    const sx = sums[3] as number;
    const sy = sums[4] as number;
    const clampedX = xx * sx * sx < NORM_EPS;
    const nx = clampedX ? Math.sqrt(NORM_EPS) / sx : Math.sqrt(xx);
    const ny = yy * sy * sy < NORM_EPS ? Math.sqrt(NORM_EPS) / sy : Math.sqrt(yy);
    const cos = xy / nx / ny;
    const l = -w * cos;
    // d/dx = -(w / |x|) (y_hat - cos x_hat), with |x| = sx nx; without the projection when clamped.
    const k = (-w * scale) / nx / sx;
    const proj = clampedX ? 0 : cos;
    for (let j = 0; j < D; j++) {
      const xh = (pred[base + j] as number) / sx / nx;
      const yh = (target[base + j] as number) / sy / ny;
      const g = k * (yh - proj * xh);
      grad[base + j] = g;
      bound += Math.abs(g);
    }
    sum += l;
    if (values !== null) {
      values[i] = l;
      bound += Math.abs(l);
    }
  }
  return finishLoss(fn, sum * scale, grad, values, bound, inputs);
}
