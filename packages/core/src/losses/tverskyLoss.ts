import { checkArray, checkNonNegative, checkSameLength, prepareOutputs } from '../check';
import { LosslabError } from '../errors';
import type { FloatArray, LossOptions, LossResult } from '../types';
import { checkRange, checkWeight, finishLoss, lossKeys, lossOptions } from './lossKit';
import { resolveRowLength } from './rowLength';

const DICE_KEYS = lossKeys('features', 'smooth');
const TVERSKY_KEYS = lossKeys('features', 'smooth', 'alpha', 'beta');

/** Options of {@link diceLoss}. */
export interface DiceLossOptions extends LossOptions {
  /** Values per sample (e.g. the pixels of one mask). Default the whole array, one sample. */
  features?: number;
  /** Added to the numerator and the denominator (optax's `smooth`); >= 0. Default 1. */
  smooth?: number;
}

/** Options of {@link tverskyLoss}. */
export interface TverskyLossOptions extends DiceLossOptions {
  /** Weight of the false positives $\sum p(1 - t)$; >= 0. Default 0.5. */
  alpha?: number;
  /** Weight of the false negatives $\sum t(1 - p)$; >= 0. Default 0.5. */
  beta?: number;
}

/**
 * Tversky loss (Salehi et al. 2017; optax's `dice_loss` with `alpha`, `beta` and
 * `apply_softmax=False`) of predicted probabilities against targets in [0, 1], one loss per
 * sample of `features` values (the whole array by default).
 *
 * With $I = \sum_j p_j t_j$, $P = \sum_j p_j$, $T = \sum_j t_j$ and smoothing $s$:
 *
 * $$\ell_i = w_i\Big(1 - \frac{I + s}{I + \alpha (P - I) + \beta (T - I) + s}\Big),\qquad
 *   \frac{\partial \ell_i}{\partial p_j} = -\frac{w_i}{D}\Big(t_j - \frac{I + s}{D}\big((1 - \alpha - \beta) t_j + \alpha\big)\Big)$$
 *
 * with $D$ the denominator. $\alpha$ weighs false positives and $\beta$ false negatives, as in the
 * paper and optax; Keras's `Tversky` puts its `alpha` on $\sum t(1 - p)$ (the false negatives)
 * despite its documentation, so Keras's `(alpha, beta)` is our `(beta, alpha)`, and Keras adds
 * $10^{-7}$ to the denominator instead of smoothing. 'mean' divides by the number of samples;
 * `weight` (one per sample) multiplies each sample's loss.
 *
 * @throws LosslabError when the lengths differ or are not a multiple of `features`, a value is
 *   outside [0, 1], `alpha`, `beta` or `smooth` is negative, or a sample's denominator is 0
 *   (`smooth: 0` with nothing predicted nor present).
 * @example
 * const { value } = tverskyLoss(new Float64Array([0.9, 0.2]), new Float64Array([1, 0]), {
 *   alpha: 0.7,
 *   beta: 0.3,
 *   smooth: 0,
 * });
 * // I = 0.9, P = 1.1, T = 1: 1 - 0.9 / (0.9 + 0.7 * 0.2 + 0.3 * 0.1) = 0.158878504672897…
 */
export function tverskyLoss(
  pred: FloatArray,
  target: FloatArray,
  options?: TverskyLossOptions,
): LossResult {
  const fn = 'tverskyLoss';
  const opts = lossOptions(fn, options, TVERSKY_KEYS);
  const alpha = opts.alpha ?? 0.5;
  checkNonNegative(fn, 'alpha', alpha);
  const beta = opts.beta ?? 0.5;
  checkNonNegative(fn, 'beta', beta);
  return overlapLoss(fn, pred, target, opts, alpha, beta);
}

/**
 * The Tversky loss for `fn` with the given weights of false positives and negatives (Dice is
 * alpha = beta = 1/2).
 */
export function overlapLoss(
  fn: string,
  pred: FloatArray,
  target: FloatArray,
  options: DiceLossOptions | undefined,
  alpha: number,
  beta: number,
): LossResult {
  const opts = lossOptions(fn, options, fn === 'diceLoss' ? DICE_KEYS : TVERSKY_KEYS);
  checkArray(fn, 'pred', pred);
  checkArray(fn, 'target', target);
  checkSameLength(fn, 'pred', pred, 'target', target);
  const { rows, rowLength: n } = resolveRowLength(
    fn,
    'features',
    opts.features,
    'pred',
    pred.length,
  );
  const smooth = opts.smooth ?? 1;
  checkNonNegative(fn, 'smooth', smooth);
  const weight = checkWeight(fn, 'weight', opts.weight, rows, `there are ${rows} samples`);
  const inputs = { pred, target, weight };
  const { reduction, grad, values } = prepareOutputs(fn, pred, rows, opts, inputs);
  checkRange(fn, 'pred', pred, 0, 1);
  checkRange(fn, 'target', target, 0, 1);
  const scale = reduction === 'mean' ? 1 / rows : 1;
  const tCoef = 1 - alpha - beta;
  let sum = 0;
  let bound = 0;
  for (let i = 0; i < rows; i++) {
    const base = i * n;
    const w = weight === undefined ? 1 : (weight[i] as number);
    let I = 0;
    let P = 0;
    let T = 0;
    for (let j = base; j < base + n; j++) {
      const p = pred[j] as number;
      const t = target[j] as number;
      I += p * t;
      P += p;
      T += t;
    }
    const num = I + smooth;
    const den = I + alpha * (P - I) + beta * (T - I) + smooth;
    if (!(den > 0)) {
      throw new LosslabError(
        fn,
        'smooth',
        `sample ${i} has nothing predicted nor present, so its overlap is 0/0: use 'smooth' > 0`,
      );
    }
    const ratio = num / den;
    const l = w * (1 - ratio);
    const k = (-w * scale) / den;
    for (let j = base; j < base + n; j++) {
      const t = target[j] as number;
      const g = k * (t - ratio * (tCoef * t + alpha));
      grad[j] = g;
      bound += Math.abs(g);
    }
    sum += l;
    if (values !== null) {
      values[i] = l;
      bound += Math.abs(l);
    }
  }
  return finishLoss(fn, sum * scale, grad, values, bound, inputs);
}
