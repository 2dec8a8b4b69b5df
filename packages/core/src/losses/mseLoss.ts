import type { FloatArray, LossOptions, LossResult } from '../types';
import {
  finishLoss,
  lossKeys,
  lossOptions,
  prepareElementwise,
  sameType32,
  sameType64,
} from './lossKit';
import { runElementwise } from '../wasm/wasmKernels';
import { weightedMean } from './weightedMean';

const KEYS = lossKeys();

/**
 * Mean squared error and its gradient, in one pass.
 *
 * $$\ell_i = w_i (\hat y_i - y_i)^2,\qquad
 *   L = \frac{\sum_i \ell_i}{\sum_i w_i}\ (\text{mean}),\qquad
 *   \frac{\partial L}{\partial \hat y_i} = \frac{2 w_i (\hat y_i - y_i)}{\sum_i w_i}$$
 *
 * Without weights ($w_i = 1$) the mean divides by n. With `weight`, 'mean' divides by the sum
 * of the weights, as `torch.nn.functional.mse_loss(..., weight=w)` does since PyTorch 2.6
 * (PyTorch 1.13 has no weight); weights summing to 0 give 0 with a zero gradient where PyTorch
 * gives NaN (see {@link weightedMean}).
 *
 * @example
 * const { value, grad } = mseLoss(new Float64Array([1, 2]), new Float64Array([0, 4]));
 * // value = ((1-0)^2 + (2-4)^2) / 2 = 2.5, grad = [2*1/2, 2*(-2)/2] = [1, -2]
 * const weighted = mseLoss(new Float64Array([1, 2]), new Float64Array([0, 4]), {
 *   weight: new Float64Array([3, 1]),
 * });
 * // weighted.value = (3*1 + 1*4) / (3 + 1) = 1.75, weighted.grad = [2*3*1/4, 2*1*(-2)/4] = [1.5, -1]
 */
export function mseLoss(pred: FloatArray, target: FloatArray, options?: LossOptions): LossResult {
  const fn = 'mseLoss';
  const opts = lossOptions(fn, options, KEYS);
  const setup = prepareElementwise(fn, pred, target, opts);
  const { n, grad, values, weight } = setup;
  const { f1, f2, scale } = weightedMean(fn, setup);
  const g2 = 2 * scale;
  let sum = 0;
  let bound = 0;
  // The SIMD kernel (same arithmetic). Its bound is the sum of |gradient| and |value| it wrote,
  // except unweighted without values, where it leaves the free bound below to us.
  const simd = runElementwise('mse', pred, target, weight, grad, values, g2, f1, f2);
  if (simd !== null) {
    sum = simd.sum;
    bound = weight === undefined && values === null ? g2 * Math.sqrt(sum) * (1 + 1e-9) : simd.bound;
  } else if (weight === undefined && values === null) {
    sum = sameType64(pred, target, grad)
      ? sumSquares64(pred as Float64Array, target as Float64Array, grad as Float64Array, g2)
      : sameType32(pred, target, grad)
        ? sumSquares32(pred as Float32Array, target as Float32Array, grad as Float32Array, g2)
        : sumSquaresMixed(pred, target, grad, g2);
    // Free bound on the largest |gradient|: max |d_i| <= sqrt(sum d^2) (slack for rounding).
    bound = g2 * Math.sqrt(sum) * (1 + 1e-9);
  } else {
    for (let i = 0; i < n; i++) {
      const d = (pred[i] as number) - (target[i] as number);
      const w = weight === undefined ? 1 : (weight[i] as number) * f1 * f2;
      // (w d) d and w (g2 d) overflow only when the result does.
      const l = w * d * d;
      const g = w * (g2 * d);
      sum += l;
      grad[i] = g;
      bound += Math.abs(g);
      if (values !== null) {
        values[i] = l;
        bound += Math.abs(l);
      }
    }
  }
  return finishLoss(fn, sum * scale, grad, values, bound, { pred, target, weight });
}

// The unweighted kernel, once per array type. V8 compiles each element access for the array
// types it has seen; a loop that has seen both Float64Array and Float32Array runs about half as
// fast, so the two common cases get their own copy. Four partial sums keep the adds from waiting
// on each other, and the n % 4 leftover elements come first: code after a hot loop that has
// never run has no type feedback, and V8 would deoptimise there at the end of every call.

function sumSquares64(
  pred: Float64Array,
  target: Float64Array,
  grad: Float64Array,
  g2: number,
): number {
  const n = pred.length;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i < n % 4; i++) {
    const d = (pred[i] as number) - (target[i] as number);
    s0 += d * d;
    grad[i] = g2 * d;
  }
  for (; i < n; i += 4) {
    const d0 = (pred[i] as number) - (target[i] as number);
    const d1 = (pred[i + 1] as number) - (target[i + 1] as number);
    const d2 = (pred[i + 2] as number) - (target[i + 2] as number);
    const d3 = (pred[i + 3] as number) - (target[i + 3] as number);
    s0 += d0 * d0;
    s1 += d1 * d1;
    s2 += d2 * d2;
    s3 += d3 * d3;
    grad[i] = g2 * d0;
    grad[i + 1] = g2 * d1;
    grad[i + 2] = g2 * d2;
    grad[i + 3] = g2 * d3;
  }
  return s0 + s1 + s2 + s3;
}

function sumSquares32(
  pred: Float32Array,
  target: Float32Array,
  grad: Float32Array,
  g2: number,
): number {
  const n = pred.length;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i < n % 4; i++) {
    const d = (pred[i] as number) - (target[i] as number);
    s0 += d * d;
    grad[i] = g2 * d;
  }
  for (; i < n; i += 4) {
    const d0 = (pred[i] as number) - (target[i] as number);
    const d1 = (pred[i + 1] as number) - (target[i + 1] as number);
    const d2 = (pred[i + 2] as number) - (target[i + 2] as number);
    const d3 = (pred[i + 3] as number) - (target[i + 3] as number);
    s0 += d0 * d0;
    s1 += d1 * d1;
    s2 += d2 * d2;
    s3 += d3 * d3;
    grad[i] = g2 * d0;
    grad[i + 1] = g2 * d1;
    grad[i + 2] = g2 * d2;
    grad[i + 3] = g2 * d3;
  }
  return s0 + s1 + s2 + s3;
}

function sumSquaresMixed(
  pred: FloatArray,
  target: FloatArray,
  grad: FloatArray,
  g2: number,
): number {
  const n = pred.length;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i < n % 4; i++) {
    const d = (pred[i] as number) - (target[i] as number);
    s0 += d * d;
    grad[i] = g2 * d;
  }
  for (; i < n; i += 4) {
    const d0 = (pred[i] as number) - (target[i] as number);
    const d1 = (pred[i + 1] as number) - (target[i + 1] as number);
    const d2 = (pred[i + 2] as number) - (target[i + 2] as number);
    const d3 = (pred[i + 3] as number) - (target[i + 3] as number);
    s0 += d0 * d0;
    s1 += d1 * d1;
    s2 += d2 * d2;
    s3 += d3 * d3;
    grad[i] = g2 * d0;
    grad[i + 1] = g2 * d1;
    grad[i + 2] = g2 * d2;
    grad[i + 3] = g2 * d3;
  }
  return s0 + s1 + s2 + s3;
}

// Run each kernel once on five elements (both loops) when the module loads. Otherwise a first
// large call compiles the main loop on the fly (on-stack replacement) before the lines after it
// ever ran; that code has no type feedback for them, and V8 re-enters it and deoptimises at the
// end of every later call (seen with --trace-deopt).
{
  const a64 = new Float64Array(5);
  const a32 = new Float32Array(5);
  sumSquares64(a64, a64, new Float64Array(5), 1);
  sumSquares32(a32, a32, new Float32Array(5), 1);
  sumSquaresMixed(a64, a32, new Float64Array(5), 1);
  sumSquaresMixed(a32, a64, new Float32Array(5), 1);
}
