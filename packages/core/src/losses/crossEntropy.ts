import { checkArray, checkSameLength, prepareOutputs } from '../check';
import { LosslabError } from '../errors';
import type { FloatArray, LossOptions, LossResult } from '../types';
import { BCE_GRAD_EPS } from './bceLoss';
import { checkRange, checkWeight, finishLoss, lossKeys, lossOptions } from './lossKit';

const KEYS = lossKeys('classes');

/** Options of {@link crossEntropy}. */
export interface CrossEntropyOptions extends LossOptions {
  /** Length C of each distribution, for a flat B x C batch. Default: one distribution. */
  classes?: number;
}

/**
 * The article's cross-entropy $H(p, q)$ of a predicted distribution $q$ against a true
 * distribution $p$ (the target), for each row of a flat B x C batch.
 *
 * $$H_i(p, q) = -\sum_c p_{ic} \max(\log q_{ic}, -100),\qquad
 *   \frac{\partial H_i}{\partial q_{ic}} = -\frac{p_{ic}}{\max(q_{ic}, \epsilon)}$$
 *
 * The log is clamped at -100 as PyTorch's BCELoss does, so a zero probability gives a finite
 * loss; $0 \log 0$ counts as 0. The gradient floors q at BCELoss's $\epsilon$ = float32(1e-12)
 * rather than differentiating the clamp (PyTorch's autograd of the same formula gives $-p/q$ down
 * to $q = e^{-100}$, 0 below it and NaN at $q = 0$). Both arrays must hold values in [0, 1] (rows are not required to
 * sum to 1). 'mean' divides by the number of rows B, 'none' gives one value per row; `weight`
 * holds one weight per row.
 *
 * @example
 * const { value, grad } = crossEntropy(new Float64Array([0.5, 0.25, 0.25]), new Float64Array([1, 0, 0]));
 * // value = -log 0.5 = 0.6931471805599453, grad = [-2, 0, 0]
 */
export function crossEntropy(
  pred: FloatArray,
  target: FloatArray,
  options?: CrossEntropyOptions,
): LossResult {
  const fn = 'crossEntropy';
  const opts = lossOptions(fn, options, KEYS);
  checkArray(fn, 'pred', pred);
  checkArray(fn, 'target', target);
  checkSameLength(fn, 'pred', pred, 'target', target);
  const n = pred.length;
  const classes = opts.classes ?? n;
  if (
    typeof classes !== 'number' ||
    !Number.isInteger(classes) ||
    classes < 1 ||
    n % classes !== 0
  ) {
    throw new LosslabError(
      fn,
      'classes',
      `'classes' must be a positive integer dividing the length ${n}, got ${String(classes)}`,
    );
  }
  const rows = n / classes;
  const weight = checkWeight(fn, 'weight', opts.weight, rows, `there are ${rows} rows`);
  const { reduction, grad, values } = prepareOutputs(fn, pred, rows, opts, {
    pred,
    target,
    weight,
  });
  checkRange(fn, 'pred', pred, 0, 1);
  checkRange(fn, 'target', target, 0, 1);
  const scale = reduction === 'mean' ? 1 / rows : 1;
  let sum = 0;
  let bound = 0;
  for (let i = 0; i < rows; i++) {
    const k = weight === undefined ? 1 : (weight[i] as number);
    let l = 0;
    for (let j = i * classes; j < (i + 1) * classes; j++) {
      const p = target[j] as number;
      const q = pred[j] as number;
      if (p !== 0) {
        l -= p * Math.max(Math.log(q), -100);
      }
      // p / max(q, 1e-12) <= 1e12 and scale <= 1: the weight multiplies last.
      const g = -(p / Math.max(q, BCE_GRAD_EPS)) * scale * k;
      grad[j] = g;
      bound += Math.abs(g);
    }
    l *= k;
    sum += l;
    if (values !== null) {
      values[i] = l;
      bound += Math.abs(l);
    }
  }
  return finishLoss(fn, sum * scale, grad, values, bound, { pred, target, weight });
}
