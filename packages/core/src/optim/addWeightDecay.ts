import type { FloatArray } from '../types';
import {
  checkGrads,
  checkInitParams,
  checkNonNegativeHyper,
  checkParams,
  checkState,
} from './checkHyper';
import { addScaled } from './addScaled';
import type { Applied, GradientTransformation } from './GradientTransformation';

/** The state of `addWeightDecay` and `addDecayedWeights`: only the parameter count. */
export interface WeightDecayState {
  readonly size: number;
}

/**
 * L2 regularization as PyTorch's `weight_decay` option of SGD, Adam, RMSprop, Adagrad, NAdam and
 * Adamax adds it: to the gradient, before any rescaling,
 *
 * $$g_t \leftarrow g_t + \lambda \theta_{t-1}$$
 *
 * so it goes through Adam's normalization (unlike AdamW's decoupled `addDecayedWeights`).
 *
 * @example
 * const opt = addWeightDecay(0.1);
 * const params = new Float64Array([10, -20]);
 * const [g] = opt.update(new Float64Array([1, 1]), opt.init(params), params);
 * // g = [1 + 0.1 * 10, 1 + 0.1 * -20] = [2, -1]
 */
export function addWeightDecay(weightDecay: number): GradientTransformation<WeightDecayState> {
  return decay('addWeightDecay', weightDecay);
}

/** Shared by `addWeightDecay` and `addDecayedWeights`: the same sum at different chain positions. */
export function decay(fn: string, weightDecay: number): GradientTransformation<WeightDecayState> {
  checkNonNegativeHyper(fn, 'weightDecay', weightDecay);
  const updateScaled = (
    grads: FloatArray,
    state: WeightDecayState,
    scale: number,
    params?: FloatArray,
  ): [FloatArray, WeightDecayState] => {
    checkState(fn, state, 'size');
    checkGrads(fn, grads, state.size);
    if (weightDecay !== 0) {
      checkParams(fn, params, state.size);
      for (let i = 0; i < grads.length; i++) {
        grads[i] = ((grads[i] as number) + weightDecay * (params[i] as number)) * scale;
      }
    } else if (scale !== 1) {
      for (let i = 0; i < grads.length; i++) {
        grads[i] = (grads[i] as number) * scale;
      }
    }
    return [grads, state];
  };
  return {
    name: `${fn}(${weightDecay})`,
    init(params: FloatArray): WeightDecayState {
      checkInitParams(fn, params);
      return { size: params.length };
    },
    update(
      grads: FloatArray,
      state: WeightDecayState,
      params?: FloatArray,
    ): [FloatArray, WeightDecayState] {
      return updateScaled(grads, state, 1, params);
    },
    updateScaled,
    // AdamW's last link before the learning rate: the decayed update added to the parameters in
    // the pass that computes it (the same expression as updateScaled, then the addition).
    applyScaled(
      grads: FloatArray,
      state: WeightDecayState,
      scale: number,
      params: FloatArray,
    ): Applied<WeightDecayState> {
      checkState(fn, state, 'size');
      checkGrads(fn, grads, state.size);
      checkParams(fn, params, state.size);
      if (weightDecay === 0) {
        return [state, ...addScaled(fn, params, grads, scale)];
      }
      let inputs = 0;
      let written = 0;
      for (let i = 0; i < grads.length; i++) {
        const g = grads[i] as number;
        const p = params[i] as number;
        inputs += g - g + (p - p); // NaN once any input is not finite
        params[i] = p + (g + weightDecay * p) * scale;
        const q = params[i] as number; // as stored: a Float32Array overflows beyond 3.4e38
        written += q - q;
      }
      return [state, inputs === 0, written === 0];
    },
  };
}
