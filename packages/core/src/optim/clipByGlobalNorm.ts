import type { FloatArray } from '../types';
import {
  checkGrads,
  checkInitParams,
  checkNonNegativeHyper,
  checkOptions,
  checkPositiveHyper,
  checkState,
} from './checkHyper';
import type { GradientTransformation } from './GradientTransformation';
import { l2Norm } from './l2Norm';

/** Options of `clipByGlobalNorm`. */
export interface ClipByGlobalNormOptions {
  /**
   * Added to the norm in the scale factor, >= 0. Default 0 (optax); PyTorch's `clip_grad_norm_`
   * uses 1e-6.
   */
  eps?: number;
}

/** The state of `clipByGlobalNorm`: only the parameter count. */
export interface ClipByGlobalNormState {
  readonly size: number;
}

/**
 * Rescales the gradient so its L2 norm is at most `maxNorm` (optax's `clip_by_global_norm`; all
 * parameters live in one array, so the global norm is that array's norm):
 *
 * $$g \leftarrow g \cdot \min\left(1, \frac{c}{\lVert g\rVert_2 + \epsilon}\right)$$
 *
 * With the default `eps: 0` this is optax's formula; `{ eps: 1e-6 }` is PyTorch's
 * `clip_grad_norm_`. The norm is computed without overflow (`l2Norm`), so a gradient of
 * `[1e200, 1e200]` clipped to 1 is `[0.7071, 0.7071]`. A NaN stays NaN.
 *
 * @example
 * const opt = clipByGlobalNorm(1);
 * const params = new Float64Array(2);
 * const [g] = opt.update(new Float64Array([3, 4]), opt.init(params), params);
 * // |g| = 5, g = [0.6, 0.8]
 */
export function clipByGlobalNorm(
  maxNorm: number,
  options?: ClipByGlobalNormOptions,
): GradientTransformation<ClipByGlobalNormState> {
  const fn = 'clipByGlobalNorm';
  checkPositiveHyper(fn, 'maxNorm', maxNorm);
  checkOptions(fn, options, ['eps']);
  const eps = options?.eps ?? 0;
  checkNonNegativeHyper(fn, 'eps', eps);
  return {
    name: `clipByGlobalNorm(${maxNorm}${eps !== 0 ? `, eps=${eps}` : ''})`,
    init(params: FloatArray): ClipByGlobalNormState {
      checkInitParams(fn, params);
      return { size: params.length };
    },
    update(grads: FloatArray, state: ClipByGlobalNormState): [FloatArray, ClipByGlobalNormState] {
      checkState(fn, state, 'size');
      checkGrads(fn, grads, state.size);
      const coef = maxNorm / (l2Norm(grads) + eps);
      // `coef >= 1` is false for NaN too: then the NaN propagates instead of hiding.
      if (!(coef >= 1)) {
        for (let i = 0; i < grads.length; i++) {
          grads[i] = (grads[i] as number) * coef;
        }
      }
      return [grads, state];
    },
  };
}
