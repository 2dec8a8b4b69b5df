import type { FloatArray, LossOptions, LossResult } from '../types';
import { finishLoss, prepareElementwise } from './lossKit';

/**
 * Mean absolute error (L1 loss) and its gradient, in one pass.
 *
 * $$\ell_i = w_i\,|\hat y_i - y_i|,\qquad
 *   \frac{\partial L}{\partial \hat y_i} = \frac{w_i\,\operatorname{sign}(\hat y_i - y_i)}{n}$$
 *
 * At the kink ($\hat y_i = y_i$) the gradient is 0, PyTorch's choice (`sign(0) = 0`). Weights
 * rescale each element's loss; the weighted mean still divides by n.
 *
 * @example
 * const { value, grad } = maeLoss(new Float64Array([1, 2, 3]), new Float64Array([0, 4, 3]));
 * // value = (1 + 2 + 0) / 3 = 1, grad = [1/3, -1/3, 0]
 */
export function maeLoss(pred: FloatArray, target: FloatArray, options?: LossOptions): LossResult {
  const fn = 'maeLoss';
  const { n, scale, grad, values, weight } = prepareElementwise(fn, pred, target, options);
  let sum = 0;
  if (weight === undefined && values === null) {
    // Four partial sums (see mseLoss) and a branch-free sign: with random signs a branch is
    // mispredicted half the time, which costs more than the rest of the loop.
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let i = 0;
    // The n % 4 leftover elements first: code after a hot loop that has never run carries no
    // type feedback, and V8 would deoptimise on reaching it at the end of every call.
    for (; i < n % 4; i++) {
      const d = (pred[i] as number) - (target[i] as number);
      sum += Math.abs(d);
      grad[i] = scale * (+(d > 0) - +(d < 0));
    }
    for (; i < n; i += 4) {
      const d0 = (pred[i] as number) - (target[i] as number);
      const d1 = (pred[i + 1] as number) - (target[i + 1] as number);
      const d2 = (pred[i + 2] as number) - (target[i + 2] as number);
      const d3 = (pred[i + 3] as number) - (target[i + 3] as number);
      sum += Math.abs(d0);
      s1 += Math.abs(d1);
      s2 += Math.abs(d2);
      s3 += Math.abs(d3);
      grad[i] = scale * (+(d0 > 0) - +(d0 < 0));
      grad[i + 1] = scale * (+(d1 > 0) - +(d1 < 0));
      grad[i + 2] = scale * (+(d2 > 0) - +(d2 < 0));
      grad[i + 3] = scale * (+(d3 > 0) - +(d3 < 0));
    }
    sum += s1 + s2 + s3;
  } else {
    for (let i = 0; i < n; i++) {
      const d = (pred[i] as number) - (target[i] as number);
      const w = weight === undefined ? 1 : (weight[i] as number);
      const l = w * Math.abs(d);
      sum += l;
      grad[i] = w * Math.sign(d) * scale;
      if (values !== null) {
        values[i] = l;
      }
    }
  }
  return finishLoss(fn, sum * scale, grad, values, { pred, target, weight });
}
