import { checkArray, checkSameLength } from '../check';
import type { FloatArray } from '../types';
import { checkReach } from './checkReach';
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

const KEYS = lossKeys('margin');

/** Options of {@link marginRankingLoss} (PyTorch's MarginRankingLoss). */
export interface MarginRankingLossOptions extends PairLossOptions {
  /** How far x1 must outrank x2 (or the reverse); any finite number. Default 0. */
  margin?: number;
}

/**
 * Ranking loss of two scores against a label saying which should rank higher (PyTorch's
 * MarginRankingLoss): `x1`, `x2` and `target` have one value per pair, `target` is +1 when x1
 * should be the larger and -1 when x2 should.
 *
 * $$\ell_i = w_i \max\big(0,\ -y_i (x_{1i} - x_{2i}) + m\big),\qquad
 *   \frac{\partial \ell_i}{\partial x_{1i}} = -\frac{\partial \ell_i}{\partial x_{2i}}
 *   = -w_i y_i\,[-y_i (x_{1i} - x_{2i}) + m > 0]$$
 *
 * Returns `grad` = d/dx1 and `grad2` = d/dx2. At the kink (the bracket is exactly 0) the gradient
 * is 0, as for {@link hingeLoss}; PyTorch's autograd passes the gradient there. `weight` (one per
 * pair, a losslab addition) rescales each loss; the weighted mean divides by n.
 *
 * @throws LosslabError when the arrays differ in length, a label is not +-1, the margin is not
 *   finite, or a value is NaN or infinite.
 * @example
 * const { value, grad, grad2 } = marginRankingLoss(
 *   new Float64Array([0.5, 2]),
 *   new Float64Array([1, 1]),
 *   new Float64Array([1, 1]),
 *   { margin: 0.1 },
 * );
 * // value = (max(0, -(0.5 - 1) + 0.1) + 0) / 2 = 0.3, grad = [-0.5, 0], grad2 = [0.5, 0]
 */
export function marginRankingLoss(
  x1: FloatArray,
  x2: FloatArray,
  target: FloatArray,
  options?: MarginRankingLossOptions,
): PairLossResult {
  const fn = 'marginRankingLoss';
  const opts = lossOptions(fn, options, KEYS);
  checkArray(fn, 'x1', x1);
  checkArray(fn, 'x2', x2);
  checkArray(fn, 'target', target);
  checkSameLength(fn, 'x1', x1, 'x2', x2);
  checkSameLength(fn, 'x1', x1, 'target', target);
  const margin = opts.margin ?? 0;
  checkScalarRange(fn, 'margin', margin, -Number.MAX_VALUE, Number.MAX_VALUE);
  const n = x1.length;
  const weight = checkWeight(fn, 'weight', opts.weight, n, `'x1' has ${n}`);
  const inputs = { x1, x2, target, weight };
  const { reduction, grad, values, extra } = prepareMultiOutputs(fn, x1, n, opts, inputs, {
    grad2: x2,
  });
  const grad2 = extra[0] as FloatArray;
  checkSigns(fn, 'target', target);
  const scale = reduction === 'mean' ? 1 / n : 1;
  let sum = 0;
  let reach = 0;
  let bound = 0;
  for (let i = 0; i < n; i++) {
    const y = target[i] as number;
    const z = margin - y * ((x1[i] as number) - (x2[i] as number));
    reach += Math.abs(z);
    const w = weight === undefined ? 1 : (weight[i] as number);
    // `z <= 0` so that a NaN reaches the value and the finite check.
    const l = z <= 0 ? 0 : w * z;
    const g = z <= 0 ? 0 : -w * y * scale;
    const g2 = z <= 0 ? 0 : w * y * scale;
    sum += l;
    grad[i] = g;
    grad2[i] = g2;
    bound += Math.abs(g);
    if (values !== null) {
      values[i] = l;
      bound += Math.abs(l);
    }
  }
  checkReach(fn, reach, inputs);
  const result = finishLoss(fn, sum * scale, grad, values, bound, inputs);
  checkExtraGrad(fn, 'x2', grad2, bound);
  return { ...result, grad2 };
}
