import { checkPositive } from './check';
import { checkOptions } from './checkOptions';
import { LosslabError } from './errors';

const KEYS: readonly string[] = ['h', 'floor'];

/** Options of {@link gradCheck}. */
export interface GradCheckOptions {
  /** Step, scaled by max(1, |x_i|) so large coordinates get a step they can resolve. Default 1e-6. */
  h?: number;
  /**
   * Smallest denominator of the relative error: gradients smaller than this are compared
   * absolutely, since finite differences cannot resolve them relatively. Default 1e-6.
   */
  floor?: number;
}

/** What {@link gradCheck} found: the worst relative error and where. */
export interface GradCheckResult {
  maxRelError: number;
  /** The coordinate with the largest error (-1 when every error is 0). */
  index: number;
}

/**
 * Compares an analytic gradient with central finite differences of `f` at `x`.
 *
 * $$\tilde g_i = \frac{f(x + h_i e_i) - f(x - h_i e_i)}{2 h_i},\qquad
 *   \text{err} = \max_i \frac{|g_i - \tilde g_i|}{\max(|g_i|, |\tilde g_i|, \text{floor})}$$
 *
 * `x` is perturbed in place and restored exactly, so `f` may close over it. Central differences
 * are accurate to O(h^2), so a correct gradient gives errors around 1e-8 or smaller in float64.
 *
 * @example
 * const x = new Float64Array([1, -2, 3]);
 * const f = (v: Float64Array): number => v[0]! * v[0]! + 3 * v[1]! + Math.sin(v[2]!);
 * const { maxRelError } = gradCheck(f, [2, 3, Math.cos(3)], x);
 * // maxRelError < 1e-8
 */
export function gradCheck(
  f: (x: Float64Array) => number,
  grad: ArrayLike<number>,
  x: Float64Array,
  options?: GradCheckOptions,
): GradCheckResult {
  const fn = 'gradCheck';
  if (grad.length !== x.length) {
    throw new LosslabError(fn, 'grad', `'grad' has length ${grad.length} but 'x' has ${x.length}`);
  }
  const opts = checkOptions(fn, options, KEYS);
  const h = opts.h ?? 1e-6;
  const floor = opts.floor ?? 1e-6;
  checkPositive(fn, 'h', h);
  checkPositive(fn, 'floor', floor);
  let maxRelError = 0;
  let index = -1;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const step = h * Math.max(1, Math.abs(xi));
    x[i] = xi + step;
    const fPlus = f(x);
    x[i] = xi - step;
    const fMinus = f(x);
    x[i] = xi;
    const numeric = (fPlus - fMinus) / (2 * step);
    const analytic = grad[i] as number;
    const err =
      Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), floor);
    if (!(err <= maxRelError)) {
      // NaN counts as the worst error.
      maxRelError = Number.isNaN(err) ? Infinity : err;
      index = i;
    }
  }
  return { maxRelError, index };
}
