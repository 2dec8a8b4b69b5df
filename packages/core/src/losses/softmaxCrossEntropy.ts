import { checkArray, prepareOutputs } from '../check';
import { LosslabError } from '../errors';
import type { FloatArray, LossOptions, LossResult } from '../types';
import { checkLabels, normalizeClassWeight, resolveClasses } from './classTargets';
import {
  checkRange,
  checkScalarRange,
  checkWeight,
  finishLoss,
  lossKeys,
  lossOptions,
  maxAbs,
  sumAbs,
} from './lossKit';
import { softmaxRow32, softmaxRow64, softmaxRowMixed, softmaxRowWithMax } from './softmaxRow';
import { runSoftmaxCrossEntropy } from '../wasm/wasmKernels';

const KEYS = lossKeys('classes', 'classWeight', 'ignoreIndex', 'labelSmoothing');

/** Options of {@link softmaxCrossEntropy} (PyTorch's CrossEntropyLoss). */
export interface SoftmaxCrossEntropyOptions extends LossOptions {
  /** Number of classes C. Default: `logits.length / target.length` (class-index targets). */
  classes?: number;
  /**
   * Per-class weights (PyTorch's `weight`), length C. With class-index targets the weighted mean
   * divides by the sum of the weights of the kept targets. (`weight` is one weight per row.)
   */
  classWeight?: FloatArray;
  /** A target equal to this index contributes nothing. Default -100, as in PyTorch. */
  ignoreIndex?: number;
  /** Mixes the target with the uniform distribution: (1 - eps) y + eps / C. In [0, 1]. Default 0. */
  labelSmoothing?: number;
}

/**
 * Softmax cross-entropy from logits for a flat row-major B x C batch, with class-index targets
 * (a `Float64Array`, `Float32Array` or `Int32Array` of B integers) or B x C probability targets.
 *
 * With $\operatorname{lse}_i = \log\sum_c e^{x_{ic}}$, $p_{ic} = e^{x_{ic} - \operatorname{lse}_i}$,
 * class weights $v_c$ and the smoothed target $q_{ic} = (1-\varepsilon)[c = t_i] + \varepsilon / C$:
 *
 * $$\ell_i = w_i \sum_c v_c\, q_{ic}\, (\operatorname{lse}_i - x_{ic}),\qquad
 *   \frac{\partial \ell_i}{\partial x_{ic}} = w_i\Big(p_{ic} \sum_k v_k q_{ik} - v_c q_{ic}\Big)$$
 *
 * In PyTorch's exact form, the smoothing term of a class-index target is weighted by $v_c$ and the
 * hard term by $v_{t_i}$ ($\ell_i = (1-\varepsilon) v_{t_i}(\operatorname{lse}_i - x_{i t_i})
 * + \tfrac{\varepsilon}{C}\sum_c v_c(\operatorname{lse}_i - x_{ic})$), which is the same sum.
 * 'mean' divides by $\sum_{i\ \text{kept}} v_{t_i}$ for class indices (the number of kept rows
 * without class weights) and by B for probability targets, as PyTorch does. When that denominator
 * is 0 (every target ignored, or the class weights of the kept targets sum to 0) the mean is 0
 * with a zero gradient, as TensorFlow's `divide_no_nan` gives, where PyTorch returns NaN (0/0).
 * Row weights `weight` multiply each row's loss and leave the denominator alone.
 *
 * The max is subtracted before exponentiating (log-sum-exp), so logits of +-1000 are fine. The
 * row's sum of exponentials is at least 1, so a confident row's loss (below ~1e-8) and its
 * gradient p - 1 are known to about 1e-16 absolute, as with PyTorch's log_softmax.
 *
 * @example
 * const logits = new Float64Array([2, 0, 0, 0, 0, 2]); // B = 2 rows of C = 3
 * const { value, grad } = softmaxCrossEntropy(logits, new Int32Array([0, 2]));
 * // value = log(e^2 + 2) - 2 = 0.2395447...; grad row 0 = [p0 - 1, p1, p2] / 2
 */
export function softmaxCrossEntropy(
  logits: FloatArray,
  target: FloatArray | Int32Array,
  options?: SoftmaxCrossEntropyOptions,
): LossResult {
  const fn = 'softmaxCrossEntropy';
  const opts = lossOptions(fn, options, KEYS);
  checkArray(fn, 'logits', logits);
  if (!(target instanceof Int32Array)) {
    checkArray(fn, 'target', target);
  } else if (target.length === 0) {
    throw new LosslabError(fn, 'target', `'target' is empty`);
  }
  const { rows, classes, probabilities } = resolveClasses(
    fn,
    'logits',
    logits,
    target,
    opts.classes,
    true,
  );
  let classWeight = checkWeight(
    fn,
    'classWeight',
    opts.classWeight,
    classes,
    `there are ${classes} classes`,
  );
  if (classWeight !== undefined) {
    checkRange(fn, 'classWeight', classWeight, 0, Infinity);
  }
  const weight = checkWeight(fn, 'weight', opts.weight, rows, `there are ${rows} rows`);
  const eps = opts.labelSmoothing ?? 0;
  checkScalarRange(fn, 'labelSmoothing', eps, 0, 1);
  const ignoreIndex = opts.ignoreIndex ?? -100;
  if (!Number.isInteger(ignoreIndex)) {
    throw new LosslabError(
      fn,
      'ignoreIndex',
      `'ignoreIndex' must be an integer, got ${ignoreIndex}`,
    );
  }
  const { reduction, grad, values } = prepareOutputs(fn, logits, rows, opts, {
    logits,
    target,
    weight,
    classWeight,
  });
  let denom = rows;
  if (probabilities) {
    checkRange(fn, 'target', target, 0, 1);
  } else {
    denom = checkLabels(fn, target, classes, ignoreIndex, classWeight);
    if (reduction === 'mean' && classWeight !== undefined) {
      ({ classWeight, denom } = normalizeClassWeight(target, ignoreIndex, classWeight, denom));
    }
  }
  const scale = reduction !== 'mean' ? 1 : denom === 0 ? 0 : 1 / denom;
  const oneHot = !probabilities && eps === 0 && classWeight === undefined;
  const kind = rowKind(logits, grad);
  // The SIMD kernel does the one-hot rows (null: the JS loops run).
  const simd = oneHot
    ? runSoftmaxCrossEntropy(
        logits,
        target,
        weight,
        grad,
        values,
        rows,
        classes,
        scale,
        ignoreIndex,
      )
    : null;
  const sum =
    simd !== null
      ? simd
      : !oneHot
        ? sumRows(
            logits,
            target,
            grad,
            values,
            weight,
            classWeight,
            rows,
            classes,
            scale,
            eps,
            probabilities,
            ignoreIndex,
          )
        : kind === 64
          ? oneHotRows64(
              logits as Float64Array,
              grad as Float64Array,
              target,
              values,
              weight,
              rows,
              classes,
              scale,
              ignoreIndex,
            )
          : kind === 32
            ? oneHotRows32(
                logits as Float32Array,
                grad as Float32Array,
                target,
                values,
                weight,
                rows,
                classes,
                scale,
                ignoreIndex,
              )
            : oneHotRowsMixed(
                logits,
                grad,
                target,
                values,
                weight,
                rows,
                classes,
                scale,
                ignoreIndex,
              );
  // Bound on |gradient|, from B + C numbers rather than the B x C loop: |k (p_c S - v_c q_c)|
  // <= |k| S with k = w scale and S = sum_c v_c q_c <= max(v) (1 + C) (probability targets
  // need not sum to 1). Per-row values are checked by their sum of magnitudes.
  const bound =
    scale *
      (weight === undefined ? 1 : maxAbs(weight)) *
      (oneHot ? 1 : (classWeight === undefined ? 1 : maxAbs(classWeight)) * (1 + classes)) +
    (values === null ? 0 : sumAbs(values));
  return finishLoss(fn, sum * scale, grad, values, bound, {
    logits,
    target,
    weight,
    classWeight: opts.classWeight,
  });
}

// The loops live in their own functions, which end in a plain `return`: code that follows a hot
// loop and has never run has no type feedback, and V8 deoptimises there on every call once the
// loop was compiled on the fly (on-stack replacement) during a first, large call.

/**
 * Adds up the rows' losses, writing each row's gradient (and value with 'none'), with label
 * smoothing, class weights or probability targets.
 */
function sumRows(
  logits: FloatArray,
  target: FloatArray | Int32Array,
  grad: FloatArray,
  values: FloatArray | null,
  weight: FloatArray | undefined,
  classWeight: FloatArray | undefined,
  rows: number,
  C: number,
  scale: number,
  eps: number,
  probabilities: boolean,
  ignoreIndex: number,
): number {
  const smooth = eps / C;
  let sum = 0;
  for (let i = 0; i < rows; i++) {
    const base = i * C;
    const w = weight === undefined ? 1 : (weight[i] as number);
    const t = probabilities ? -1 : (target[i] as number);
    const k = w * scale;
    let l: number;
    if (!probabilities && t === ignoreIndex) {
      grad.fill(0, base, base + C);
      l = 0;
    } else {
      // q_c = (1 - eps) [c = t] + eps / C, or the given probabilities smoothed; with class
      // weights v the gradient is k (p_c sum_k v_k q_k - v_c q_c).
      let qvSum = 0;
      for (let c = 0; c < C; c++) {
        const q = probabilities
          ? (1 - eps) * (target[base + c] as number) + smooth
          : (c === t ? 1 - eps : 0) + smooth;
        qvSum += q === 0 ? 0 : q * (classWeight === undefined ? 1 : (classWeight[c] as number));
      }
      const lse = softmaxRowWithMax(logits, grad, base, C, k * qvSum);
      l = 0;
      for (let c = 0; c < C; c++) {
        const q = probabilities
          ? (1 - eps) * (target[base + c] as number) + smooth
          : (c === t ? 1 - eps : 0) + smooth;
        // q = 0 leaves v out: a rescaled weight of a class never targeted may be Infinity.
        const qv = q === 0 ? 0 : q * (classWeight === undefined ? 1 : (classWeight[c] as number));
        if (qv !== 0) {
          l += qv * (lse - (logits[base + c] as number));
        }
        grad[base + c] = (grad[base + c] as number) - k * qv;
      }
    }
    l *= w;
    sum += l;
    if (values !== null) {
      values[i] = l;
    }
  }
  return sum;
}

/**
 * The common case, class indices without smoothing or class weights: the gradient of row i is
 * w_i scale (p - onehot(t_i)). One copy per array type, each calling its own row kernel: a loop
 * shared by both types ends up compiled for the mix (about 30% slower, see softmaxRow.ts).
 */
function oneHotRows64(
  logits: Float64Array,
  grad: Float64Array,
  target: FloatArray | Int32Array,
  values: FloatArray | null,
  weight: FloatArray | undefined,
  rows: number,
  C: number,
  scale: number,
  ignoreIndex: number,
): number {
  let sum = 0;
  for (let i = 0; i < rows; i++) {
    const base = i * C;
    const t = target[i] as number;
    let l = 0;
    if (t === ignoreIndex) {
      grad.fill(0, base, base + C);
    } else {
      const w = weight === undefined ? 1 : (weight[i] as number);
      const k = w * scale;
      l = w * softmaxRow64(logits, grad, base, C, k, base + t);
      grad[base + t] = (grad[base + t] as number) - k;
    }
    sum += l;
    if (values !== null) {
      values[i] = l;
    }
  }
  return sum;
}

/** {@link oneHotRows64} for Float32Array logits and gradient. */
function oneHotRows32(
  logits: Float32Array,
  grad: Float32Array,
  target: FloatArray | Int32Array,
  values: FloatArray | null,
  weight: FloatArray | undefined,
  rows: number,
  C: number,
  scale: number,
  ignoreIndex: number,
): number {
  let sum = 0;
  for (let i = 0; i < rows; i++) {
    const base = i * C;
    const t = target[i] as number;
    let l = 0;
    if (t === ignoreIndex) {
      grad.fill(0, base, base + C);
    } else {
      const w = weight === undefined ? 1 : (weight[i] as number);
      const k = w * scale;
      l = w * softmaxRow32(logits, grad, base, C, k, base + t);
      grad[base + t] = (grad[base + t] as number) - k;
    }
    sum += l;
    if (values !== null) {
      values[i] = l;
    }
  }
  return sum;
}

/** {@link oneHotRows64} for a mix of array types. */
function oneHotRowsMixed(
  logits: FloatArray,
  grad: FloatArray,
  target: FloatArray | Int32Array,
  values: FloatArray | null,
  weight: FloatArray | undefined,
  rows: number,
  C: number,
  scale: number,
  ignoreIndex: number,
): number {
  let sum = 0;
  for (let i = 0; i < rows; i++) {
    const base = i * C;
    const t = target[i] as number;
    let l = 0;
    if (t === ignoreIndex) {
      grad.fill(0, base, base + C);
    } else {
      const w = weight === undefined ? 1 : (weight[i] as number);
      const k = w * scale;
      l = w * softmaxRowMixed(logits, grad, base, C, k, base + t);
      grad[base + t] = (grad[base + t] as number) - k;
    }
    sum += l;
    if (values !== null) {
      values[i] = l;
    }
  }
  return sum;
}

/** Which copy of the row kernel fits the array types: 64, 32, or 0 for a mix. */
function rowKind(logits: FloatArray, grad: FloatArray): number {
  return logits instanceof Float64Array && grad instanceof Float64Array
    ? 64
    : logits instanceof Float32Array && grad instanceof Float32Array
      ? 32
      : 0;
}
