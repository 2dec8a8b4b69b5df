import { LosslabError } from '../errors';
import type { FloatArray, LossOptions, LossResult } from '../types';
import { checkRange, finishLoss, lossKeys, lossOptions, prepareElementwise } from './lossKit';
import { weightedMean } from './weightedMean';

const KEYS = lossKeys('power');

/** Options of {@link tweedieLoss} (scikit-learn's mean_tweedie_deviance). */
export interface TweedieLossOptions extends LossOptions {
  /**
   * The Tweedie power p: 0 normal (squared error), 1 Poisson, 2 gamma, 3 inverse Gaussian, any
   * p <= 0 or p >= 1. Default 0, as scikit-learn.
   */
  power?: number;
}

/**
 * Tweedie deviance of a mean prediction $\mu$ against an observation $y$ (scikit-learn's
 * `mean_tweedie_deviance`, with its `sample_weight` as `weight`).
 *
 * $$d_i = \begin{cases}
 *   (y - \mu)^2 & p = 0 \\
 *   2\big(y \log(y/\mu) - y + \mu\big) & p = 1 \\
 *   2\big(\log(\mu/y) + y/\mu - 1\big) & p = 2 \\
 *   2\Big(\frac{\max(y, 0)^{2-p}}{(1-p)(2-p)} - \frac{y\,\mu^{1-p}}{1-p} + \frac{\mu^{2-p}}{2-p}\Big) & \text{otherwise}
 * \end{cases},\qquad
 * \frac{\partial d_i}{\partial \mu_i} = 2\,\mu_i^{-p}(\mu_i - y_i)$$
 *
 * ($0 \log 0 = 0$ at p = 1.) Domains, as scikit-learn: p < 0 needs $\mu > 0$; p = 0 any values;
 * 1 <= p < 2 needs $y \ge 0$, $\mu > 0$; p >= 2 needs $y > 0$, $\mu > 0$; 0 < p < 1 is not a
 * Tweedie distribution. The deviance is computed from $q = \log(\mu / y)$ without the
 * cancellation of scikit-learn's three terms, which leaves only rounding (about 1e-16 of the
 * terms) where $\mu$ is close to $y$. With `weight` the mean is $\sum_i w_i d_i / \sum_i w_i$ (numpy's
 * `average`), the sum $\sum_i w_i d_i$, and 'none' gives $w_i d_i$.
 *
 * @throws LosslabError when the power is in (0, 1) or not finite, a value is outside the domain
 *   of the power, a weight is negative or the weights sum to 0, or the deviance overflows.
 * @example
 * const { value, grad } = tweedieLoss(new Float64Array([2]), new Float64Array([1]), { power: 1 });
 * // value = 2 (1 log(1/2) - 1 + 2) = 0.6137056388801094, grad = [2 (2 - 1) / 2] = [1]
 */
export function tweedieLoss(
  pred: FloatArray,
  target: FloatArray,
  options?: TweedieLossOptions,
): LossResult {
  const fn = 'tweedieLoss';
  const opts = lossOptions(fn, options, KEYS);
  const p = opts.power ?? 0;
  if (typeof p !== 'number' || !Number.isFinite(p) || (p > 0 && p < 1)) {
    throw new LosslabError(
      fn,
      'power',
      `'power' must be a finite number <= 0 or >= 1, got ${String(p)}`,
    );
  }
  const setup = prepareElementwise(fn, pred, target, opts);
  const { n, grad, values, weight } = setup;
  if (weight !== undefined) {
    checkRange(fn, 'weight', weight, 0, Infinity);
  }
  // A weighted mean divides by the sum of the weights, rescaled by a power of two so that
  // weights near 1e308 (whose sum overflows) still give their mean.
  const { f1, f2, scale } = weightedMean(fn, setup);
  if (scale === 0) {
    throw new LosslabError(fn, 'weight', `'weight' must have a positive finite sum, got 0`);
  }
  if (p !== 0) {
    checkRange(fn, 'pred', pred, Number.MIN_VALUE, Infinity);
  }
  if (p >= 2) {
    checkRange(fn, 'target', target, Number.MIN_VALUE, Infinity);
  } else if (p >= 1) {
    checkRange(fn, 'target', target, 0, Infinity);
  }
  let sum = 0;
  let bound = 0;
  for (let i = 0; i < n; i++) {
    const mu = pred[i] as number;
    const y = target[i] as number;
    const w = weight === undefined ? 1 : (weight[i] as number) * f1 * f2;
    const d = p === 0 ? (y - mu) * (y - mu) : deviance(mu, y, p);
    const g = p === 0 ? 2 * (mu - y) : 2 * Math.pow(mu, -p) * (mu - y);
    const l = w * d;
    sum += l;
    const gi = g * scale * w;
    grad[i] = gi;
    bound += Math.abs(gi);
    if (values !== null) {
      values[i] = l;
      bound += Math.abs(l);
    }
  }
  return finishLoss(fn, sum * scale, grad, values, bound, { pred, target, weight });
}

/**
 * The unit deviance for p != 0 without the cancellation of scikit-learn's three terms where mu
 * is close to y. With q = log(mu / y) and A(a) = (e^{aq} - 1) / a (q at a = 0), the constants of
 * the three terms cancel exactly and d = 2 y^{2-p} (A(2 - p) - A(1 - p)); near q = 0 that
 * difference is summed as its series, sum_k q^k / k! ((2 - p)^{k-1} - (1 - p)^{k-1}), whose first
 * term q^2 / 2 is exact. Where y <= 0 (no cancellation) or this overflows, the plain formula.
 */
function deviance(mu: number, y: number, p: number): number {
  if (y > 0) {
    const ratio = (mu - y) / y;
    const q = Number.isFinite(ratio) ? Math.log1p(ratio) : Math.log(mu) - Math.log(y);
    const a2 = 2 - p;
    const a1 = 1 - p;
    let f: number;
    if (Math.max(Math.abs(a2), Math.abs(a1)) * Math.abs(q) < 0.5) {
      f = 0;
      let qk = q; // q^k / k!
      let pow2 = 1; // a2^(k-1)
      let pow1 = 1; // a1^(k-1)
      for (let k = 2; k < 40; k++) {
        qk *= q / k;
        pow2 *= a2;
        pow1 *= a1;
        f += qk * (pow2 - pow1);
        // (Bounded by the terms' size, not the term: a term is 0 when a2^(k-1) = a1^(k-1).)
        if (Math.abs(qk) * (Math.abs(pow2) + Math.abs(pow1)) <= 1e-17 * Math.abs(f)) {
          break;
        }
      }
    } else {
      f = expm1Ratio(a2, q) - expm1Ratio(a1, q);
    }
    const d = 2 * Math.pow(y, a2) * f;
    if (Number.isFinite(d)) {
      return d;
    }
  }
  if (p === 1) {
    // y = 0 here (0 log 0 = 0), or the form above overflowed.
    return 2 * ((y === 0 ? 0 : y * (Math.log(y) - Math.log(mu))) - y + mu);
  }
  if (p === 2) {
    return 2 * (Math.log(mu) - Math.log(y) + y / mu - 1);
  }
  return (
    2 *
    (Math.pow(Math.max(y, 0), 2 - p) / ((1 - p) * (2 - p)) -
      (y * Math.pow(mu, 1 - p)) / (1 - p) +
      Math.pow(mu, 2 - p) / (2 - p))
  );
}

/** (e^{aq} - 1) / a, and its limit q at a = 0. */
function expm1Ratio(a: number, q: number): number {
  return a === 0 ? q : Math.expm1(a * q) / a;
}
