import type { FloatArray } from '../types';
import { checkGrads, checkInitParams, checkPositiveHyper, checkState } from './checkHyper';
import type { GradientTransformation } from './GradientTransformation';

/** The state of `clipByValue`: only the parameter count. */
export interface ClipByValueState {
  readonly size: number;
}

/**
 * Clips every gradient element to $[-\delta, \delta]$ (optax's `clip`, PyTorch's
 * `clip_grad_value_`):
 *
 * $$g_i \leftarrow \min(\max(g_i, -\delta), \delta)$$
 *
 * A NaN stays NaN, so a diverging run is still detected.
 *
 * @example
 * const opt = clipByValue(1);
 * const params = new Float64Array(3);
 * const [g] = opt.update(new Float64Array([-3, 0.5, 2]), opt.init(params), params);
 * // g = [-1, 0.5, 1]
 */
export function clipByValue(maxDelta: number): GradientTransformation<ClipByValueState> {
  const fn = 'clipByValue';
  checkPositiveHyper(fn, 'maxDelta', maxDelta);
  return {
    name: `clipByValue(${maxDelta})`,
    init(params: FloatArray): ClipByValueState {
      checkInitParams(fn, params);
      return { size: params.length };
    },
    update(grads: FloatArray, state: ClipByValueState): [FloatArray, ClipByValueState] {
      checkState(fn, state, 'size');
      checkGrads(fn, grads, state.size);
      for (let i = 0; i < grads.length; i++) {
        const g = grads[i] as number;
        if (g > maxDelta) {
          grads[i] = maxDelta;
        } else if (g < -maxDelta) {
          grads[i] = -maxDelta;
        }
      }
      return [grads, state];
    },
  };
}
