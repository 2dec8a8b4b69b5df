import { checkArray, checkSameLength, prepareOutputs } from '../check';
import type { FloatArray, LossOptions, LossResult } from '../types';
import { checkReach } from './checkReach';
import { checkRange, checkWeight, finishLoss, lossKeys, lossOptions } from './lossKit';
import { resolveRowLength } from './rowLength';

const KEYS = lossKeys('classes');

/** Options of {@link categoricalHingeLoss} (Keras's CategoricalHinge). */
export interface CategoricalHingeLossOptions extends LossOptions {
  /** Number of classes C. Default `pred.length` (one row). */
  classes?: number;
}

/**
 * Categorical hinge loss (Keras's `CategoricalHinge`) on a flat row-major B x C array of scores
 * with a B x C one-hot target (or values in [0, 1]).
 *
 * $$\text{pos}_i = \sum_c y_{ic} x_{ic},\quad \text{neg}_i = \max_c (1 - y_{ic}) x_{ic},\quad
 *   \ell_i = w_i \max(0,\ \text{neg}_i - \text{pos}_i + 1)$$
 * $$\frac{\partial \ell_i}{\partial x_{ic}} = w_i\,[\ell_i > 0]\big((1 - y_{ic})[c = c_i^*] - y_{ic}\big)$$
 *
 * with $c_i^*$ the first class attaining the max (TensorFlow splits the gradient among ties). At
 * the kink ($\text{neg} - \text{pos} + 1 = 0$) the gradient is 0. 'mean' divides by B, as
 * Keras's default `sum_over_batch_size`; `weight` (one per row) is Keras's `sample_weight`.
 *
 * @throws LosslabError when the lengths differ or do not give B x C, a target is outside [0, 1],
 *   or a value is NaN or infinite.
 * @example
 * const { value, grad } = categoricalHingeLoss(new Float64Array([0.3, 0.5, 0.2]), new Float64Array([1, 0, 0]));
 * // value = max(0, 0.5 - 0.3 + 1) = 1.2, grad = [-1, 1, 0]
 */
export function categoricalHingeLoss(
  pred: FloatArray,
  target: FloatArray,
  options?: CategoricalHingeLossOptions,
): LossResult {
  const fn = 'categoricalHingeLoss';
  const opts = lossOptions(fn, options, KEYS);
  checkArray(fn, 'pred', pred);
  checkArray(fn, 'target', target);
  checkSameLength(fn, 'pred', pred, 'target', target);
  const { rows, rowLength: C } = resolveRowLength(fn, 'classes', opts.classes, 'pred', pred.length);
  const weight = checkWeight(fn, 'weight', opts.weight, rows, `there are ${rows} rows`);
  const inputs = { pred, target, weight };
  const { reduction, grad, values } = prepareOutputs(fn, pred, rows, opts, inputs);
  checkRange(fn, 'target', target, 0, 1);
  const scale = reduction === 'mean' ? 1 / rows : 1;
  let sum = 0;
  let reach = 0;
  let bound = 0;
  for (let i = 0; i < rows; i++) {
    const base = i * C;
    const w = weight === undefined ? 1 : (weight[i] as number);
    let pos = 0;
    let neg = -Infinity;
    let argNeg = 0;
    for (let c = 0; c < C; c++) {
      const x = pred[base + c] as number;
      const y = target[base + c] as number;
      pos += y * x;
      const v = (1 - y) * x;
      if (v > neg) {
        neg = v;
        argNeg = c;
      } else if (v !== v) {
        neg = NaN;
      }
    }
    const z = neg - pos + 1;
    reach += Math.abs(z);
    // `z <= 0` so that a NaN reaches the value and the finite check.
    const l = z <= 0 ? 0 : w * z;
    const k = z <= 0 ? 0 : w * scale;
    for (let c = 0; c < C; c++) {
      const y = target[base + c] as number;
      const g = k * ((c === argNeg ? 1 - y : 0) - y);
      grad[base + c] = g;
      bound += Math.abs(g);
    }
    sum += l;
    if (values !== null) {
      values[i] = l;
      bound += Math.abs(l);
    }
  }
  checkReach(fn, reach, inputs);
  return finishLoss(fn, sum * scale, grad, values, bound, inputs);
}
