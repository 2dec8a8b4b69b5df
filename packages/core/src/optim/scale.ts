import type { FloatArray } from '../types';
import { checkGrads, checkInitParams, checkState } from './checkHyper';
import { LosslabError } from '../errors';
import type { GradientTransformation } from './GradientTransformation';

/** The state of `scale`: only the parameter count. */
export interface ScaleState {
  readonly size: number;
}

/**
 * Multiplies the updates by a fixed finite number (optax's `scale`), e.g. -1 after a
 * transformation that returns the ascent step, as `rprop` does: $u_t = c\,g_t$.
 *
 * @example
 * const opt = scale(-2);
 * const params = new Float64Array(2);
 * const [u] = opt.update(new Float64Array([1, -3]), opt.init(params), params);
 * // u = [-2, 6]
 */
export function scale(factor: number): GradientTransformation<ScaleState> {
  const fn = 'scale';
  if (typeof factor !== 'number' || !Number.isFinite(factor)) {
    throw new LosslabError(fn, 'factor', `'factor' must be a finite number, got ${String(factor)}`);
  }
  return {
    name: `scale(${factor})`,
    init(params: FloatArray): ScaleState {
      checkInitParams(fn, params);
      return { size: params.length };
    },
    update(grads: FloatArray, state: ScaleState): [FloatArray, ScaleState] {
      checkState(fn, state, 'size');
      checkGrads(fn, grads, state.size);
      for (let i = 0; i < grads.length; i++) {
        grads[i] = (grads[i] as number) * factor;
      }
      return [grads, state];
    },
    scalarStep(state: ScaleState): [number, ScaleState] {
      checkState(fn, state, 'size');
      return [factor, state];
    },
  };
}
