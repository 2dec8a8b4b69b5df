import type { FloatArray, LossOptions, LossResult } from '../types';
import { runElementwise } from '../wasm/wasmKernels';
import { finishLoss, prepareElementwise } from './lossKit';

/**
 * The loop Huber and Smooth L1 share: quadratic inside |d| < `width`, linear outside.
 * Per element, l = d (d / div) / 2 and g = d / div inside; l = c (|d| - width / 2) and
 * g = c sign(d) outside. Huber is (div, c) = (1, delta); Smooth L1 is (beta, 1), i.e.
 * Huber / beta, which stays defined at beta = 0 (the L1 loss: the inside is empty). Dividing by
 * `div` inside, where |d| < div, keeps d / div below 1: a subnormal beta would make 1 / beta
 * infinite, and 0 * Infinity is NaN.
 */
export function huberKernel(
  fn: string,
  pred: FloatArray,
  target: FloatArray,
  options: LossOptions | undefined,
  width: number,
  div: number,
  c: number,
): LossResult {
  const { n, scale, grad, values, weight } = prepareElementwise(fn, pred, target, options);
  const simd = runElementwise('huber', pred, target, weight, grad, values, width, div, c, scale);
  if (simd !== null) {
    return finishLoss(fn, simd.sum * scale, grad, values, simd.bound, { pred, target, weight });
  }
  let sum = 0;
  let bound = 0;
  for (let i = 0; i < n; i++) {
    const d = (pred[i] as number) - (target[i] as number);
    const w = weight === undefined ? 1 : (weight[i] as number);
    const a = Math.abs(d);
    let l: number;
    let g: number;
    if (a < width) {
      g = d / div;
      l = 0.5 * d * g;
    } else {
      // NaN lands here and propagates into the value, where finishLoss names it.
      l = c * (a - 0.5 * width);
      g = c * Math.sign(d);
    }
    const gi = g * scale * w;
    sum += w * l;
    grad[i] = gi;
    bound += Math.abs(gi);
    if (values !== null) {
      values[i] = w * l;
      bound += Math.abs(w * l);
    }
  }
  return finishLoss(fn, sum * scale, grad, values, bound, { pred, target, weight });
}
