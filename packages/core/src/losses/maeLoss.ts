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
 * Mean absolute error (L1 loss) and its gradient, in one pass.
 *
 * $$\ell_i = w_i\,|\hat y_i - y_i|,\qquad
 *   L = \frac{\sum_i \ell_i}{\sum_i w_i}\ (\text{mean}),\qquad
 *   \frac{\partial L}{\partial \hat y_i} = \frac{w_i\,\operatorname{sign}(\hat y_i - y_i)}{\sum_i w_i}$$
 *
 * At the kink ($\hat y_i = y_i$) the gradient is 0, PyTorch's choice (`sign(0) = 0`). Without
 * weights the mean divides by n; with `weight`, 'mean' divides by the sum of the weights, as
 * `torch.nn.functional.l1_loss(..., weight=w)` does since PyTorch 2.6 (PyTorch 1.13 has no
 * weight); weights summing to 0 give 0 with a zero gradient where PyTorch gives NaN (see
 * {@link weightedMean}).
 *
 * @example
 * const { value, grad } = maeLoss(new Float64Array([1, 2, 3]), new Float64Array([0, 4, 3]));
 * // value = (1 + 2 + 0) / 3 = 1, grad = [1/3, -1/3, 0]
 * const weighted = maeLoss(new Float64Array([1, 2]), new Float64Array([0, 4]), {
 *   weight: new Float64Array([3, 1]),
 * });
 * // weighted.value = (3*1 + 1*2) / (3 + 1) = 1.25, weighted.grad = [3/4, -1/4]
 */
export function maeLoss(pred: FloatArray, target: FloatArray, options?: LossOptions): LossResult {
  const fn = 'maeLoss';
  const opts = lossOptions(fn, options, KEYS);
  const setup = prepareElementwise(fn, pred, target, opts);
  const { n, grad, values, weight } = setup;
  const { f1, f2, scale } = weightedMean(fn, setup);
  let sum = 0;
  // Unweighted, every |gradient| is `scale` or 0.
  let bound = scale;
  // The SIMD kernel, with the sign each JS loop below uses (they differ at -0).
  const fastSign = weight === undefined && values === null;
  const simd = runElementwise(
    fastSign ? 'mae_fast' : 'mae',
    pred,
    target,
    weight,
    grad,
    values,
    scale,
    f1,
    f2,
  );
  if (simd !== null) {
    sum = simd.sum;
    bound += simd.bound;
  } else if (fastSign) {
    sum = sameType64(pred, target, grad)
      ? sumAbs64(pred as Float64Array, target as Float64Array, grad as Float64Array, scale)
      : sameType32(pred, target, grad)
        ? sumAbs32(pred as Float32Array, target as Float32Array, grad as Float32Array, scale)
        : sumAbsMixed(pred, target, grad, scale);
  } else {
    for (let i = 0; i < n; i++) {
      const d = (pred[i] as number) - (target[i] as number);
      const w = weight === undefined ? 1 : (weight[i] as number) * f1 * f2;
      const l = w * Math.abs(d);
      const g = Math.sign(d) * scale * w;
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
// fast, so the two common cases get their own copy. The sign is branch-free (a mispredicted branch costs more than the rest of the loop). Four partial sums keep the adds from waiting
// on each other, and the n % 4 leftover elements come first: code after a hot loop that has
// never run has no type feedback, and V8 would deoptimise there at the end of every call.

function sumAbs64(
  pred: Float64Array,
  target: Float64Array,
  grad: Float64Array,
  scale: number,
): number {
  const n = pred.length;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i < n % 4; i++) {
    const d = (pred[i] as number) - (target[i] as number);
    s0 += Math.abs(d);
    grad[i] = scale * (+(d > 0) - +(d < 0));
  }
  for (; i < n; i += 4) {
    const d0 = (pred[i] as number) - (target[i] as number);
    const d1 = (pred[i + 1] as number) - (target[i + 1] as number);
    const d2 = (pred[i + 2] as number) - (target[i + 2] as number);
    const d3 = (pred[i + 3] as number) - (target[i + 3] as number);
    s0 += Math.abs(d0);
    s1 += Math.abs(d1);
    s2 += Math.abs(d2);
    s3 += Math.abs(d3);
    grad[i] = scale * (+(d0 > 0) - +(d0 < 0));
    grad[i + 1] = scale * (+(d1 > 0) - +(d1 < 0));
    grad[i + 2] = scale * (+(d2 > 0) - +(d2 < 0));
    grad[i + 3] = scale * (+(d3 > 0) - +(d3 < 0));
  }
  return s0 + s1 + s2 + s3;
}

function sumAbs32(
  pred: Float32Array,
  target: Float32Array,
  grad: Float32Array,
  scale: number,
): number {
  const n = pred.length;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i < n % 4; i++) {
    const d = (pred[i] as number) - (target[i] as number);
    s0 += Math.abs(d);
    grad[i] = scale * (+(d > 0) - +(d < 0));
  }
  for (; i < n; i += 4) {
    const d0 = (pred[i] as number) - (target[i] as number);
    const d1 = (pred[i + 1] as number) - (target[i + 1] as number);
    const d2 = (pred[i + 2] as number) - (target[i + 2] as number);
    const d3 = (pred[i + 3] as number) - (target[i + 3] as number);
    s0 += Math.abs(d0);
    s1 += Math.abs(d1);
    s2 += Math.abs(d2);
    s3 += Math.abs(d3);
    grad[i] = scale * (+(d0 > 0) - +(d0 < 0));
    grad[i + 1] = scale * (+(d1 > 0) - +(d1 < 0));
    grad[i + 2] = scale * (+(d2 > 0) - +(d2 < 0));
    grad[i + 3] = scale * (+(d3 > 0) - +(d3 < 0));
  }
  return s0 + s1 + s2 + s3;
}

function sumAbsMixed(
  pred: FloatArray,
  target: FloatArray,
  grad: FloatArray,
  scale: number,
): number {
  const n = pred.length;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i < n % 4; i++) {
    const d = (pred[i] as number) - (target[i] as number);
    s0 += Math.abs(d);
    grad[i] = scale * (+(d > 0) - +(d < 0));
  }
  for (; i < n; i += 4) {
    const d0 = (pred[i] as number) - (target[i] as number);
    const d1 = (pred[i + 1] as number) - (target[i + 1] as number);
    const d2 = (pred[i + 2] as number) - (target[i + 2] as number);
    const d3 = (pred[i + 3] as number) - (target[i + 3] as number);
    s0 += Math.abs(d0);
    s1 += Math.abs(d1);
    s2 += Math.abs(d2);
    s3 += Math.abs(d3);
    grad[i] = scale * (+(d0 > 0) - +(d0 < 0));
    grad[i + 1] = scale * (+(d1 > 0) - +(d1 < 0));
    grad[i + 2] = scale * (+(d2 > 0) - +(d2 < 0));
    grad[i + 3] = scale * (+(d3 > 0) - +(d3 < 0));
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
  sumAbs64(a64, a64, new Float64Array(5), 1);
  sumAbs32(a32, a32, new Float32Array(5), 1);
  sumAbsMixed(a64, a32, new Float64Array(5), 1);
  sumAbsMixed(a32, a64, new Float32Array(5), 1);
}
