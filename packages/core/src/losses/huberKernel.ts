import type { FloatArray, LossOptions, LossResult } from '../types';
import { finishLoss, prepareElementwise } from './lossKit';

/**
 * The loop Huber and Smooth L1 share: quadratic inside |d| < `width`, linear outside.
 * Per element, l = q d^2 / 2 and g = q d inside; l = c (|d| - width / 2) and g = c sign(d)
 * outside. Huber is (q, c) = (1, delta); Smooth L1 is (1 / beta, 1), i.e. Huber / beta, which
 * stays defined at beta = 0 (the L1 loss: the inside is empty).
 */
export function huberKernel(
  fn: string,
  pred: FloatArray,
  target: FloatArray,
  options: LossOptions | undefined,
  width: number,
  q: number,
  c: number,
): LossResult {
  const { n, scale, grad, values, weight } = prepareElementwise(fn, pred, target, options);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = (pred[i] as number) - (target[i] as number);
    const w = weight === undefined ? 1 : (weight[i] as number);
    const a = Math.abs(d);
    let l: number;
    let g: number;
    if (a < width) {
      l = 0.5 * d * d * q;
      g = d * q;
    } else {
      // NaN lands here and propagates into the value, where finishLoss names it.
      l = c * (a - 0.5 * width);
      g = c * Math.sign(d);
    }
    sum += w * l;
    grad[i] = w * g * scale;
    if (values !== null) {
      values[i] = w * l;
    }
  }
  return finishLoss(fn, sum * scale, grad, values, { pred, target, weight });
}
