import { checkArray, checkSameLength, prepareOutputs } from '../check';
import { LosslabError } from '../errors';
import type { FloatArray, LossOptions, LossResult } from '../types';
import { checkReach } from './checkReach';
import { checkWeight, finishLoss, lossKeys, lossOptions } from './lossKit';
import { checkIndexArray, resolveRowLength } from './rowLength';

const KEYS = lossKeys('classes');

/** Options of {@link multiLabelMarginLoss} (PyTorch's MultiLabelMarginLoss). */
export interface MultiLabelMarginLossOptions extends LossOptions {
  /** Number of classes C. Default `pred.length` (one row, as PyTorch reads a 1-D input). */
  classes?: number;
}

/**
 * Multi-label hinge loss on a flat row-major B x C array of scores (PyTorch's
 * MultiLabelMarginLoss). Each row of `target` (also B x C) lists the row's class indices and ends
 * at the first -1 (the rest of the row is ignored): every listed class must beat every unlisted
 * one by 1.
 *
 * $$\ell_i = \frac{w_i}{C}\sum_{j \in Y_i}\sum_{k \notin Y_i} \max\big(0,\ 1 - (x_{ij} - x_{ik})\big),\qquad
 *   \frac{\partial \ell_i}{\partial x_{ik}} = \frac{w_i}{C}\Big(\sum_{j \in Y_i} [z_{jk} > 0]\,[k \notin Y_i]
 *   - [k \in Y_i] \sum_{k' \notin Y_i} [z_{kk'} > 0]\Big)$$
 *
 * with $z_{jk} = 1 - x_{ij} + x_{ik}$. A class listed twice counts twice, as in PyTorch. At the kink
 * (z = 0) the gradient is 0, as in PyTorch. 'mean' divides by B; `weight` (one per row, a losslab
 * addition) multiplies each row's loss.
 *
 * @throws LosslabError when `target` is not B x C, holds a value other than -1 or a class index
 *   in [0, C), or a value is NaN or infinite.
 * @example
 * const { value, grad } = multiLabelMarginLoss(
 *   new Float64Array([0.1, 0.2, 0.4, 0.8]),
 *   new Int32Array([3, 0, -1, 1]),
 * );
 * // listed {3, 0}, unlisted {1, 2}: (0.4 + 0.6 + 1.1 + 1.3) / 4 = 0.85
 * // grad = [-0.5, 0.5, 0.5, -0.5]
 */
export function multiLabelMarginLoss(
  pred: FloatArray,
  target: FloatArray | Int32Array,
  options?: MultiLabelMarginLossOptions,
): LossResult {
  const fn = 'multiLabelMarginLoss';
  const opts = lossOptions(fn, options, KEYS);
  checkArray(fn, 'pred', pred);
  checkIndexArray(fn, 'target', target);
  checkSameLength(fn, 'pred', pred, 'target', target);
  const { rows, rowLength: C } = resolveRowLength(fn, 'classes', opts.classes, 'pred', pred.length);
  const weight = checkWeight(fn, 'weight', opts.weight, rows, `there are ${rows} rows`);
  const inputs = { pred, target, weight };
  const { reduction, grad, values } = prepareOutputs(fn, pred, rows, opts, inputs);
  for (let i = 0; i < target.length; i++) {
    const t = target[i] as number;
    if (!Number.isInteger(t) || t < -1 || t >= C) {
      throw new LosslabError(
        fn,
        'target',
        `'target' has ${t} at index ${i}; entries must be -1 or class indices in [0, ${C})`,
      );
    }
  }
  const scale = reduction === 'mean' ? 1 / rows : 1;
  const listed = new Uint8Array(C);
  let sum = 0;
  let reach = 0;
  let bound = 0;
  for (let i = 0; i < rows; i++) {
    const base = i * C;
    const k = ((weight === undefined ? 1 : (weight[i] as number)) / C) * scale;
    listed.fill(0);
    let count = 0;
    while (count < C && (target[base + count] as number) >= 0) {
      listed[target[base + count] as number] = 1;
      count++;
    }
    grad.fill(0, base, base + C);
    let l = 0;
    for (let j = 0; j < count; j++) {
      const t = target[base + j] as number;
      const xt = pred[base + t] as number;
      for (let c = 0; c < C; c++) {
        if (listed[c] === 1) {
          continue;
        }
        const z = 1 - xt + (pred[base + c] as number);
        reach += Math.abs(z);
        // `z > 0` as PyTorch; a NaN skips both branches, so it is added to reach the check.
        if (z > 0) {
          l += z;
          grad[base + c] = (grad[base + c] as number) + k;
          grad[base + t] = (grad[base + t] as number) - k;
          bound += 2 * Math.abs(k);
        } else if (!(z <= 0)) {
          l += z;
        }
      }
    }
    l *= (weight === undefined ? 1 : (weight[i] as number)) / C;
    sum += l;
    if (values !== null) {
      values[i] = l;
      bound += Math.abs(l);
    }
  }
  checkReach(fn, reach, inputs);
  return finishLoss(fn, sum * scale, grad, values, bound, inputs);
}
