import type { FloatArray, LossOptions, LossResult } from '../types';
import { checkReach } from './checkReach';
import {
  checkScalarRange,
  checkSigns,
  finishLoss,
  lossKeys,
  lossOptions,
  prepareElementwise,
} from './lossKit';

const KEYS = lossKeys('margin');

/** Options of {@link hingeEmbeddingLoss} (PyTorch's HingeEmbeddingLoss). */
export interface HingeEmbeddingLossOptions extends LossOptions {
  /** The distance a dissimilar pair must exceed; any finite number. Default 1. */
  margin?: number;
}

/**
 * Hinge embedding loss (PyTorch's HingeEmbeddingLoss): `pred` is a distance (or any score) of a
 * pair, `target` is +1 for a similar pair, whose distance is the loss, and -1 for a dissimilar
 * one, which costs only while closer than the margin.
 *
 * $$\ell_i = w_i \begin{cases} x_i & y_i = 1 \\ \max(0,\ m - x_i) & y_i = -1 \end{cases},\qquad
 *   \frac{\partial \ell_i}{\partial x_i} = w_i \begin{cases} 1 & y_i = 1 \\ -[m - x_i > 0] & y_i = -1 \end{cases}$$
 *
 * At the kink (x = m with y = -1) the gradient is 0; PyTorch's autograd passes -1 there. Labels
 * must be -1 or +1 (PyTorch adds both terms for any other label). `weight` (a losslab addition)
 * rescales each element; the weighted mean divides by n.
 *
 * @throws LosslabError on mismatched lengths, a label other than +-1, a non-finite margin or a
 *   NaN or infinite value.
 * @example
 * const { value, grad } = hingeEmbeddingLoss(new Float64Array([0.3, 0.4]), new Float64Array([1, -1]));
 * // value = (0.3 + (1 - 0.4)) / 2 = 0.45, grad = [0.5, -0.5]
 */
export function hingeEmbeddingLoss(
  pred: FloatArray,
  target: FloatArray,
  options?: HingeEmbeddingLossOptions,
): LossResult {
  const fn = 'hingeEmbeddingLoss';
  const opts = lossOptions(fn, options, KEYS);
  const margin = opts.margin ?? 1;
  checkScalarRange(fn, 'margin', margin, -Number.MAX_VALUE, Number.MAX_VALUE);
  const { n, scale, grad, values, weight } = prepareElementwise(fn, pred, target, opts);
  checkSigns(fn, 'target', target);
  let sum = 0;
  let reach = 0;
  let bound = 0;
  for (let i = 0; i < n; i++) {
    const x = pred[i] as number;
    reach += Math.abs(x);
    const w = weight === undefined ? 1 : (weight[i] as number);
    let l: number;
    let g: number;
    if ((target[i] as number) === 1) {
      l = w * x;
      g = w * scale;
    } else {
      const z = margin - x;
      // `z <= 0` so that a NaN reaches the value and the finite check.
      l = z <= 0 ? 0 : w * z;
      g = z <= 0 ? 0 : -w * scale;
    }
    sum += l;
    grad[i] = g;
    bound += Math.abs(g);
    if (values !== null) {
      values[i] = l;
      bound += Math.abs(l);
    }
  }
  checkReach(fn, reach, { pred, target, weight });
  return finishLoss(fn, sum * scale, grad, values, bound, { pred, target, weight });
}
