import type { FloatArray } from '../types';
import {
  checkGrads,
  checkInitParams,
  checkNonNegativeHyper,
  checkOptions,
  checkParams,
  checkPositiveHyper,
  checkState,
} from './checkHyper';
import type { GradientTransformation } from './GradientTransformation';
import { l2Norm } from './l2Norm';

/** Options of `scaleByTrustRatio` (optax's `scale_by_trust_ratio`). */
export interface ScaleByTrustRatioOptions {
  /** Lower bound of the parameter norm, >= 0. Default 0. */
  minNorm?: number;
  /** Multiplies the ratio, > 0. Default 1. */
  trustCoefficient?: number;
  /** Added to the update norm, >= 0. Default 0. */
  eps?: number;
}

/** The state of `scaleByTrustRatio`: only the parameter count. */
export interface ScaleByTrustRatioState {
  readonly size: number;
}

/**
 * Scales the updates by the layer-wise trust ratio of LARS/LAMB (You et al. 2020), as optax's
 * `scale_by_trust_ratio`:
 *
 * $$u \leftarrow u \cdot \begin{cases} c\,\dfrac{\max(\lVert\theta\rVert, n_{min})}{\lVert u\rVert + \epsilon} & \lVert\theta\rVert > 0 \text{ and } \lVert u\rVert > 0\\ 1 & \text{otherwise}\end{cases}$$
 *
 * losslab keeps all parameters in one array, so the whole model is one "layer" (optax and Keras
 * take one ratio per parameter tensor). Norms are computed without overflow (`l2Norm`).
 *
 * @example
 * const opt = scaleByTrustRatio();
 * const params = new Float64Array([3, 4]);
 * const [u] = opt.update(new Float64Array([0.1, 0]), opt.init(params), params);
 * // |params| / |u| = 5 / 0.1: u = [5, 0]
 */
export function scaleByTrustRatio(
  options?: ScaleByTrustRatioOptions,
): GradientTransformation<ScaleByTrustRatioState> {
  const fn = 'scaleByTrustRatio';
  checkOptions(fn, options, ['minNorm', 'trustCoefficient', 'eps']);
  const { minNorm = 0, trustCoefficient = 1, eps = 0 } = options ?? {};
  checkNonNegativeHyper(fn, 'minNorm', minNorm);
  checkPositiveHyper(fn, 'trustCoefficient', trustCoefficient);
  checkNonNegativeHyper(fn, 'eps', eps);
  return {
    name: `scaleByTrustRatio()`,
    init(params: FloatArray): ScaleByTrustRatioState {
      checkInitParams(fn, params);
      return { size: params.length };
    },
    update(
      grads: FloatArray,
      state: ScaleByTrustRatioState,
      params?: FloatArray,
    ): [FloatArray, ScaleByTrustRatioState] {
      checkState(fn, state, 'size');
      checkGrads(fn, grads, state.size);
      checkParams(fn, params, state.size);
      const paramNorm = Math.max(l2Norm(params), minNorm);
      const updateNorm = l2Norm(grads);
      if (paramNorm !== 0 && updateNorm !== 0) {
        // u / |u| first (at most 1 in size), then times the parameter norm: the ratio alone
        // overflows for huge parameters and a tiny update whose product is finite.
        const denom = updateNorm + eps;
        const factor = trustCoefficient * paramNorm;
        for (let i = 0; i < grads.length; i++) {
          grads[i] = ((grads[i] as number) / denom) * factor;
        }
      }
      return [grads, state];
    },
  };
}
