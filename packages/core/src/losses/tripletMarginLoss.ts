import { checkArray, checkNonNegative, checkSameLength } from '../check';
import { LosslabError } from '../errors';
import type { FloatArray, LossOptions, LossResult } from '../types';
import { checkReach } from './checkReach';
import { checkBoolean, checkWeight, finishLoss, lossKeys, lossOptions } from './lossKit';
import { checkExtraGrad, prepareMultiOutputs } from './multiInput';
import { resolveRowLength } from './rowLength';

const KEYS = lossKeys('features', 'margin', 'p', 'eps', 'swap');

/** Options of {@link tripletMarginLoss} (PyTorch's TripletMarginLoss). */
export interface TripletMarginLossOptions extends LossOptions {
  /** Values per vector D. Default the whole array (one triplet, as PyTorch reads 1-D inputs). */
  features?: number;
  /** How much closer the positive must be than the negative; >= 0. Default 1. */
  margin?: number;
  /** The norm's order, a finite number >= 1. Default 2. */
  p?: number;
  /** Added to every difference before its norm (PyTorch's pairwise_distance); >= 0. Default 1e-6. */
  eps?: number;
  /** Use the positive–negative distance when it is the smaller one (Balntas et al.). Default false. */
  swap?: boolean;
  /** Caller buffers for the three gradients and the per-triplet values. */
  out?: {
    grad?: FloatArray;
    gradPositive?: FloatArray;
    gradNegative?: FloatArray;
    values?: FloatArray;
  };
}

/** What {@link tripletMarginLoss} returns: `grad` is d/d anchor. */
export interface TripletLossResult extends LossResult {
  /** d value / d positive. */
  gradPositive: FloatArray;
  /** d value / d negative. */
  gradNegative: FloatArray;
}

/**
 * Triplet margin loss (PyTorch's TripletMarginLoss): `anchor`, `positive` and `negative` are
 * flat row-major B x D arrays of vectors; each anchor should be closer to its positive than to
 * its negative by the margin.
 *
 * $$d(a, b) = \lVert a - b + \varepsilon \rVert_p,\qquad
 *   \ell_i = w_i \max\big(0,\ d(a_i, p_i) - d^-_i + m\big),\qquad
 *   d^-_i = \begin{cases} \min\big(d(a_i, n_i), d(p_i, n_i)\big) & \text{swap} \\ d(a_i, n_i) & \text{otherwise}\end{cases}$$
 * $$\frac{\partial d(a, b)}{\partial a_j} = -\frac{\partial d(a, b)}{\partial b_j}
 *   = \operatorname{sign}(v_j)\Big(\frac{|v_j|}{d(a, b)}\Big)^{p - 1},\quad v = a - b + \varepsilon$$
 *
 * Norms are taken of the difference scaled by its largest element, so magnitudes up to 1e308
 * neither overflow nor underflow; a zero difference has a zero gradient. At the kink (the max
 * is exactly 0) the gradient is 0; PyTorch's autograd passes it. Returns `grad` (d/d anchor),
 * `gradPositive` and `gradNegative`. 'mean' divides by B; `weight` (one per triplet, a losslab
 * addition) multiplies each triplet's loss.
 *
 * @throws LosslabError when the three arrays differ in length or are not a multiple of
 *   `features`, `p` < 1, `margin` or `eps` < 0, or a value is NaN or infinite.
 * @example
 * const { value, grad, gradNegative } = tripletMarginLoss(
 *   new Float64Array([0, 0]),
 *   new Float64Array([0, 1]),
 *   new Float64Array([2, 0]),
 *   { eps: 0 },
 * );
 * // value = max(0, 1 - 2 + 1) = 0 (the kink), grad = [0, 0]
 * // with margin 1.5: value = 0.5, grad = [0, -1] - [-1, 0] = [1, -1], gradNegative = [-1, 0]
 */
export function tripletMarginLoss(
  anchor: FloatArray,
  positive: FloatArray,
  negative: FloatArray,
  options?: TripletMarginLossOptions,
): TripletLossResult {
  const fn = 'tripletMarginLoss';
  const opts = lossOptions(fn, options, KEYS);
  checkArray(fn, 'anchor', anchor);
  checkArray(fn, 'positive', positive);
  checkArray(fn, 'negative', negative);
  checkSameLength(fn, 'anchor', anchor, 'positive', positive);
  checkSameLength(fn, 'anchor', anchor, 'negative', negative);
  const { rows, rowLength: D } = resolveRowLength(
    fn,
    'features',
    opts.features,
    'anchor',
    anchor.length,
  );
  const margin = opts.margin ?? 1;
  checkNonNegative(fn, 'margin', margin);
  const p = opts.p ?? 2;
  if (typeof p !== 'number' || !Number.isFinite(p) || p < 1) {
    throw new LosslabError(fn, 'p', `'p' must be a finite number >= 1, got ${String(p)}`);
  }
  const eps = opts.eps ?? 1e-6;
  checkNonNegative(fn, 'eps', eps);
  const swap = opts.swap ?? false;
  checkBoolean(fn, 'swap', swap);
  const weight = checkWeight(fn, 'weight', opts.weight, rows, `there are ${rows} triplets`);
  const inputs = { anchor, positive, negative, weight };
  const { reduction, grad, values, extra } = prepareMultiOutputs(fn, anchor, rows, opts, inputs, {
    gradPositive: positive,
    gradNegative: negative,
  });
  const gradPositive = extra[0] as FloatArray;
  const gradNegative = extra[1] as FloatArray;
  const scale = reduction === 'mean' ? 1 / rows : 1;
  let sum = 0;
  let reach = 0;
  let bound = 0;
  let boundP = 0;
  let boundN = 0;
  for (let i = 0; i < rows; i++) {
    const base = i * D;
    const w = weight === undefined ? 1 : (weight[i] as number);
    const dPos = distance(anchor, positive, base, D, p, eps);
    const dAn = distance(anchor, negative, base, D, p, eps);
    const dPn = swap ? distance(positive, negative, base, D, p, eps) : Infinity;
    const swapped = dPn < dAn;
    const z = dPos - (swapped ? dPn : dAn) + margin;
    reach += Math.abs(z);
    // `z <= 0` so that a NaN reaches the value and the finite check.
    const l = z <= 0 ? 0 : w * z;
    const k = z <= 0 ? 0 : w * scale;
    for (let j = base; j < base + D; j++) {
      const a = anchor[j] as number;
      const pj = positive[j] as number;
      const nj = negative[j] as number;
      const gAp = k === 0 ? 0 : normGrad(a - pj + eps, dPos, p);
      const gNeg = k === 0 ? 0 : normGrad((swapped ? pj : a) - nj + eps, swapped ? dPn : dAn, p);
      const gA = k * (gAp - (swapped ? 0 : gNeg));
      const gP = -k * (gAp + (swapped ? gNeg : 0));
      const gN = k * gNeg;
      grad[j] = gA;
      gradPositive[j] = gP;
      gradNegative[j] = gN;
      bound += Math.abs(gA);
      boundP += Math.abs(gP);
      boundN += Math.abs(gN);
    }
    sum += l;
    if (values !== null) {
      values[i] = l;
      bound += Math.abs(l);
    }
  }
  checkReach(fn, reach, inputs);
  const result = finishLoss(fn, sum * scale, grad, values, bound, inputs);
  checkExtraGrad(fn, 'positive', gradPositive, boundP);
  checkExtraGrad(fn, 'negative', gradNegative, boundN);
  return { ...result, gradPositive, gradNegative };
}

/** ||x - y + eps||_p over one row, from the row scaled by its largest |difference|. */
function distance(
  x: FloatArray,
  y: FloatArray,
  base: number,
  n: number,
  p: number,
  eps: number,
): number {
  let m = 0;
  for (let j = base; j < base + n; j++) {
    const v = Math.abs((x[j] as number) - (y[j] as number) + eps);
    m = v > m || v !== v ? v : m;
  }
  if (m === 0 || m !== m || m === Infinity) {
    return m;
  }
  let s = 0;
  for (let j = base; j < base + n; j++) {
    const u = Math.abs((x[j] as number) - (y[j] as number) + eps) / m;
    s += p === 2 ? u * u : p === 1 ? u : Math.pow(u, p);
  }
  return m * (p === 2 ? Math.sqrt(s) : p === 1 ? s : Math.pow(s, 1 / p));
}

/** d ||v||_p / d v_j = sign(v_j) (|v_j| / ||v||_p)^(p - 1); 0 for a zero norm. */
function normGrad(v: number, norm: number, p: number): number {
  if (norm === 0) {
    return 0;
  }
  if (p === 1) {
    return v > 0 ? 1 : v < 0 ? -1 : 0;
  }
  const r = v / norm;
  return p === 2 ? r : Math.sign(r) * Math.pow(Math.abs(r), p - 1);
}
