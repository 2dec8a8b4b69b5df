import { LosslabError } from '../errors';
import type { ElementwiseSetup } from './lossKit';

/**
 * How 'mean' reduces an elementwise loss with per-element weights where the weighted mean divides
 * by the sum of the weights (PyTorch 2.6+'s `F.mse_loss` and `F.l1_loss` with `weight`):
 * $L = \sum_i w_i \ell_i / \sum_i w_i$.
 *
 * The weights enter the loop as $w_i f_1 f_2$ and the sum as `scale` $= 1 / \sum_i w_i f_1 f_2$,
 * where $f_1 f_2$ is the power of two that brings the largest |weight| into [1, 2): exact, and
 * the ratio is the same, so weights near 1e308 (whose sum overflows) or 1e-308 (whose reciprocal
 * does) give the right mean. Weights that are all 0 give `scale` 0: a mean of 0 with a zero
 * gradient (PyTorch returns NaN), as an all-ignored batch does; nonzero weights summing to 0
 * (mixed signs) leave the mean undefined and throw.
 */
export interface WeightedMean {
  f1: number;
  f2: number;
  scale: number;
}

/**
 * The factors of {@link WeightedMean} for an elementwise loss: the setup's own `scale` (1/n or 1)
 * unless it is a weighted 'mean' (then one pass over the weights).
 */
export function weightedMean(fn: string, setup: ElementwiseSetup): WeightedMean {
  const { weight } = setup;
  if (weight === undefined || setup.reduction !== 'mean') {
    return { f1: 1, f2: 1, scale: setup.scale };
  }
  let top = 0;
  for (let i = 0; i < weight.length; i++) {
    top = Math.max(top, Math.abs(weight[i] as number));
  }
  if (top === 0) {
    return { f1: 1, f2: 1, scale: 0 };
  }
  const k = -Math.floor(Math.log2(top));
  // 2^k in two factors: 2^1074 alone overflows.
  const f1 = Math.pow(2, Math.trunc(k / 2));
  const f2 = Math.pow(2, k - Math.trunc(k / 2));
  let sum = 0;
  for (let i = 0; i < weight.length; i++) {
    sum += (weight[i] as number) * f1 * f2;
  }
  if (sum === 0) {
    throw new LosslabError(
      fn,
      'weight',
      `'weight' sums to 0 with nonzero weights: the weighted mean is undefined`,
    );
  }
  return { f1, f2, scale: 1 / sum };
}
