import { checkNonNegative } from '../check';
import { LosslabError } from '../errors';
import type { FloatArray, LossOptions, LossResult } from '../types';
import { checkRange, finishLoss, lossKeys, lossOptions, prepareElementwise } from './lossKit';

const KEYS = lossKeys('alpha', 'gamma');

/** Options of {@link focalLoss} (torchvision's `sigmoid_focal_loss`). */
export interface FocalLossOptions extends LossOptions {
  /** Weight of the positive class in [0, 1]; a negative value turns the weighting off. Default 0.25. */
  alpha?: number;
  /** Focusing exponent, >= 0 (0 gives weighted BCE with logits). Default 2. */
  gamma?: number;
}

/**
 * Binary focal loss on logits (torchvision's `sigmoid_focal_loss`), which down-weights easy
 * examples. With $p = \sigma(x)$, $\mathrm{ce} = \operatorname{sp}(x) - y x$ (stable BCE with logits),
 * $p_t = p y + (1-p)(1-y)$ and $\alpha_t = \alpha y + (1-\alpha)(1-y)$:
 *
 * $$\ell_i = w_i\, \alpha_t\, \mathrm{ce}_i\, (1 - p_t)^\gamma,\qquad
 *   \frac{\partial \ell_i}{\partial x_i} = w_i \alpha_t \big((p - y)(1-p_t)^\gamma
 *   + \gamma\, \mathrm{ce}_i (1-p_t)^{\gamma-1} p(1-p)(1-2y)\big)$$
 *
 * $1 - p_t = p(1-y) + (1-p)y$ and $p - y = p(1-y) - (1-p)y$ are formed from $\sigma(x)$ and
 * $\sigma(-x)$ separately so they keep their precision at large |x|, where torchvision's literal
 * formula rounds them to 0 (see "Differences from PyTorch" in the package README). The focusing term is evaluated as
 * $\gamma\, \mathrm{ce}\, (1-p_t)^\gamma \cdot \frac{p(1-p)}{1-p_t}$: the ratio is at most
 * $\max(p, 1-p) \le 1$ (since $1-p_t$ lies between $p$ and $1-p$), where the textbook
 * $(1-p_t)^{\gamma-1}$ overflows for $\gamma < 1$ and a tiny $1-p_t$ and then meets an
 * underflowed factor (0 times Infinity). torchvision reduces with 'none' by default; here, as everywhere in
 * losslab, the default is 'mean'.
 *
 * @example
 * const { value } = focalLoss(new Float64Array([0]), new Float64Array([1]), { alpha: 0.25, gamma: 2 });
 * // value = 0.25 * log 2 * 0.5^2 = 0.04332169878499658
 */
export function focalLoss(
  pred: FloatArray,
  target: FloatArray,
  options?: FocalLossOptions,
): LossResult {
  const fn = 'focalLoss';
  const opts = lossOptions(fn, options, KEYS);
  const alpha = opts.alpha ?? 0.25;
  const gamma = opts.gamma ?? 2;
  if (typeof alpha !== 'number' || Number.isNaN(alpha) || alpha > 1) {
    throw new LosslabError(
      fn,
      'alpha',
      `'alpha' must be in [0, 1] (or negative to disable it), got ${String(alpha)}`,
    );
  }
  checkNonNegative(fn, 'gamma', gamma);
  const { n, scale, grad, values, weight } = prepareElementwise(fn, pred, target, opts);
  checkRange(fn, 'target', target, 0, 1);
  let sum = 0;
  let bound = 0;
  for (let i = 0; i < n; i++) {
    const x = pred[i] as number;
    const y = target[i] as number;
    const w = weight === undefined ? 1 : (weight[i] as number);
    const e = Math.exp(-Math.abs(x));
    const sigBig = 1 / (1 + e);
    const sigSmall = e / (1 + e);
    const p = x >= 0 ? sigBig : sigSmall;
    const q = x >= 0 ? sigSmall : sigBig; // 1 - p
    const ce = Math.max(x, 0) - x * y + Math.log1p(e);
    const m = p * (1 - y) + q * y; // 1 - p_t
    const a = alpha < 0 ? 1 : alpha * y + (1 - alpha) * (1 - y);
    // (1 - p_t)^gamma; near 1 through p_t itself (exact there, where m rounds to 1 and a large
    // gamma would be raised from a rounded base).
    const mg =
      gamma === 2
        ? m * m
        : m < 0.5
          ? Math.pow(m, gamma)
          : Math.exp(gamma * Math.log1p(-(p * y + q * (1 - y))));
    // p q / m <= max(p, q) <= 1 (m lies between p and q); at m = 0 the term's limit is 0.
    const r = m > 0 ? (p * q) / m : 0;
    // Factors of magnitude <= 1 first, gamma last: the product overflows only if the term does.
    const focusTerm = gamma === 0 ? 0 : mg * r * (1 - 2 * y) * ce * gamma;
    const l = w * (a * (ce * mg));
    // p - y as p (1 - y) - q y: exact for a hard target where p rounds to y (the gradient of a
    // confidently right prediction, e.g. -q at x = 66, y = 1, would round to 0).
    const g = a * ((p * (1 - y) - q * y) * mg + focusTerm) * scale * w;
    sum += l;
    grad[i] = g;
    bound += Math.abs(g);
    if (values !== null) {
      values[i] = l;
      bound += Math.abs(l);
    }
  }
  return finishLoss(fn, sum * scale, grad, values, bound, { pred, target, weight });
}
