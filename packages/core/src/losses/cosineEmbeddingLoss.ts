import { checkArray, checkSameLength } from '../check';
import { LosslabError } from '../errors';
import type { FloatArray } from '../types';
import {
  checkScalarRange,
  checkSigns,
  checkWeight,
  finishLoss,
  lossKeys,
  lossOptions,
} from './lossKit';
import type { PairLossOptions, PairLossResult } from './multiInput';
import { checkExtraGrad, prepareMultiOutputs } from './multiInput';
import { rowDots } from './rowLength';

/**
 * PyTorch's EPSILON in cosine_embedding_loss, added to each squared norm: declared `float`
 * there, so it is 1e-12 rounded to float32 (9.99999996e-13) even in double precision.
 */
const EPS = Math.fround(1e-12);

const KEYS = lossKeys('margin');

/** Options of {@link cosineEmbeddingLoss} (PyTorch's CosineEmbeddingLoss). */
export interface CosineEmbeddingLossOptions extends PairLossOptions {
  /** Cosine a dissimilar pair may reach before it costs; in [-1, 1]. Default 0. */
  margin?: number;
}

/**
 * Cosine embedding loss of pairs of vectors (PyTorch's CosineEmbeddingLoss): `x1` and `x2` are
 * flat row-major B x D arrays, `target` holds B labels, +1 for a pair that should point the same
 * way and -1 for one that should not (D = `x1.length / target.length`; one label for a single
 * pair of vectors).
 *
 * $$\cos_i = \frac{x_{1i}\cdot x_{2i}}{\sqrt{(\lVert x_{1i}\rVert^2 + \epsilon)(\lVert x_{2i}\rVert^2 + \epsilon)}},\qquad
 *   \ell_i = w_i\begin{cases} 1 - \cos_i & y_i = 1 \\ \max(0, \cos_i - m) & y_i = -1\end{cases}$$
 * $$\frac{\partial \cos_i}{\partial x_{1i}} = \frac{x_{2i}}{\sqrt{(\lVert x_{1i}\rVert^2 + \epsilon)(\lVert x_{2i}\rVert^2 + \epsilon)}}
 *   - \cos_i \frac{x_{1i}}{\lVert x_{1i}\rVert^2 + \epsilon}$$
 *
 * and symmetrically for x2, with PyTorch's $\epsilon$, $10^{-12}$ rounded to float32. Returns `grad` = d/dx1 and
 * `grad2` = d/dx2. A vector whose squared norm overflows (beyond about 1e154) is first divided
 * by its largest |element|, where PyTorch returns NaN. At the kink (cos = m with y = -1) the gradient is 0; PyTorch's autograd passes it.
 * 'mean' divides by B; `weight` (one per pair, a losslab addition) multiplies each pair's loss.
 *
 * @throws LosslabError when `x1` and `x2` differ in length or are not B x D, a label is not +-1,
 *   the margin is outside [-1, 1], or a value is NaN or infinite.
 * @example
 * const { value, grad } = cosineEmbeddingLoss(
 *   new Float64Array([1, 0]),
 *   new Float64Array([1, 1]),
 *   new Float64Array([1]),
 * );
 * // value = 1 - 1/sqrt(2) = 0.29289..., grad = -[1/sqrt(2) - 1/sqrt(2), 1/sqrt(2)] = [~0, -0.7071...]
 */
export function cosineEmbeddingLoss(
  x1: FloatArray,
  x2: FloatArray,
  target: FloatArray,
  options?: CosineEmbeddingLossOptions,
): PairLossResult {
  const fn = 'cosineEmbeddingLoss';
  const opts = lossOptions(fn, options, KEYS);
  checkArray(fn, 'x1', x1);
  checkArray(fn, 'x2', x2);
  checkArray(fn, 'target', target);
  checkSameLength(fn, 'x1', x1, 'x2', x2);
  const rows = target.length;
  if (x1.length % rows !== 0) {
    throw new LosslabError(
      fn,
      'target',
      `'x1' has length ${x1.length}, not a multiple of the ${rows} labels in 'target'`,
    );
  }
  const D = x1.length / rows;
  const margin = opts.margin ?? 0;
  checkScalarRange(fn, 'margin', margin, -1, 1);
  const weight = checkWeight(fn, 'weight', opts.weight, rows, `there are ${rows} pairs`);
  const inputs = { x1, x2, target, weight };
  const { reduction, grad, values, extra } = prepareMultiOutputs(fn, x1, rows, opts, inputs, {
    grad2: x2,
  });
  const grad2 = extra[0] as FloatArray;
  checkSigns(fn, 'target', target);
  const scale = reduction === 'mean' ? 1 / rows : 1;
  let sum = 0;
  let bound = 0;
  let bound2 = 0;
  const sums = new Float64Array(5);
  for (let i = 0; i < rows; i++) {
    const base = i * D;
    const w = weight === undefined ? 1 : (weight[i] as number);
    // Sums of squares and the dot product (rowDots). A vector whose sum of squares overflows is
    // divided by its largest |element| (sa, sb) and the cosine taken of the rescaled rows, eps
    // included: what PyTorch computes for the rescaled rows, where it returns NaN for the rows as
    // given.
    rowDots(x1, x2, base, D, sums);
    const aa = sums[0] as number;
    const bb = sums[1] as number;
    const ab = sums[2] as number;
    const sa = sums[3] as number;
    const sb = sums[4] as number;
    const A = aa + EPS;
    const B = bb + EPS;
    const root = Math.sqrt(A) * Math.sqrt(B);
    const cos = ab / root;
    const y = target[i] as number;
    let l: number;
    let k: number;
    if (y === 1) {
      l = w * (1 - cos);
      k = -w * scale;
    } else {
      const z = cos - margin;
      // `z <= 0` so that a NaN reaches the value and the finite check.
      l = z <= 0 ? 0 : w * z;
      k = z <= 0 ? 0 : w * scale;
    }
    // d cos / d x1 = (x2 / sb) / (sa root) - cos (x1 / sa) / (sa A); read both before writing,
    // so a gradient buffer may be one of the inputs.
    const c12 = k / sa / root;
    const c11 = (k * cos) / sa / A;
    const c21 = k / sb / root;
    const c22 = (k * cos) / sb / B;
    for (let j = 0; j < D; j++) {
      const a = (x1[base + j] as number) / sa;
      const b = (x2[base + j] as number) / sb;
      const g1 = c12 * b - c11 * a;
      const g2 = c21 * a - c22 * b;
      grad[base + j] = g1;
      grad2[base + j] = g2;
      bound += Math.abs(g1);
      bound2 += Math.abs(g2);
    }
    sum += l;
    if (values !== null) {
      values[i] = l;
      bound += Math.abs(l);
    }
  }
  const result = finishLoss(fn, sum * scale, grad, values, bound, inputs);
  checkExtraGrad(fn, 'x2', grad2, bound2);
  return { ...result, grad2 };
}
