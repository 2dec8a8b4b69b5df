import type { FloatArray } from '../types';
import { LosslabError } from '../errors';
import {
  checkBoolean,
  checkGrads,
  checkInitParams,
  checkNonNegativeHyper,
  checkOptions,
  checkParams,
  checkState,
} from './checkHyper';
import type { Applied, GradientTransformation } from './GradientTransformation';

/** Options of `traceMomentum`, as torch.optim.SGD names them. */
export interface TraceMomentumOptions {
  /** Momentum factor mu >= 0. Default 0.9. */
  momentum?: number;
  /** Dampening tau >= 0 applied to the gradient after the first step. Default 0. */
  dampening?: number;
  /** Nesterov momentum (needs momentum > 0 and dampening 0). Default false. */
  nesterov?: boolean;
}

/** The state of `traceMomentum`: the step count and the momentum buffer b (in place). */
export interface TraceMomentumState {
  readonly count: number;
  readonly trace: Float64Array;
}

/** Validates SGD's momentum options under the caller's name; returns them with defaults. */
export function momentumHyper(
  fn: string,
  options: TraceMomentumOptions | undefined,
  defaultMomentum: number,
  extraKeys: readonly string[] = [],
): Required<TraceMomentumOptions> {
  checkOptions(fn, options, ['momentum', 'dampening', 'nesterov', ...extraKeys]);
  const { momentum = defaultMomentum, dampening = 0, nesterov = false } = options ?? {};
  checkNonNegativeHyper(fn, 'momentum', momentum);
  checkNonNegativeHyper(fn, 'dampening', dampening);
  checkBoolean(fn, 'nesterov', nesterov);
  // PyTorch raises "Nesterov momentum requires a momentum and zero dampening".
  if (nesterov && (momentum <= 0 || dampening !== 0)) {
    throw new LosslabError(fn, 'nesterov', `'nesterov' needs momentum > 0 and dampening 0`);
  }
  return { momentum, dampening, nesterov };
}

/**
 * SGD momentum exactly as torch.optim.SGD documents it (t counting from 1):
 *
 * $$b_1 = g_1,\quad b_t = \mu b_{t-1} + (1-\tau) g_t,\qquad
 *   u_t = \begin{cases} g_t + \mu b_t & \text{nesterov} \\ b_t & \text{otherwise}\end{cases}$$
 *
 * Unlike optax's `trace`, the first step copies the gradient into the buffer undampened.
 *
 * @example
 * const opt = traceMomentum({ momentum: 0.5 });
 * const params = new Float64Array([0]);
 * const [, s1] = opt.update(new Float64Array([2]), opt.init(params), params); // b = 2
 * const [u2] = opt.update(new Float64Array([2]), s1, params); // b = 0.5 * 2 + 2 = 3
 */
export function traceMomentum(
  options?: TraceMomentumOptions,
): GradientTransformation<TraceMomentumState> {
  const fn = 'traceMomentum';
  const { momentum, dampening, nesterov } = momentumHyper(fn, options, 0.9);
  const keep = 1 - dampening;
  /**
   * One step over the arrays: each update times `scale` (chain folds the learning rate in here)
   * into `grads`, or, given `params`, added to them in the same pass, with the flags of
   * `applyScaled`.
   */
  const step = (
    grads: FloatArray,
    state: TraceMomentumState,
    scale: number,
    params: FloatArray | null,
  ): Applied<TraceMomentumState> => {
    checkState(fn, state, 'trace');
    const { trace } = state;
    checkGrads(fn, grads, trace.length);
    if (params !== null) {
      checkParams(fn, params, trace.length);
    }
    const n = grads.length;
    const first = state.count === 0;
    let inputs = 0;
    let written = 0;
    for (let i = 0; i < n; i++) {
      const g = grads[i] as number;
      const b = first ? g : momentum * (trace[i] as number) + keep * g;
      trace[i] = b;
      const u = (nesterov ? g + momentum * b : b) * scale;
      if (params === null) {
        grads[i] = u;
      } else {
        const p = params[i] as number;
        inputs += g - g + (p - p); // NaN once any input is not finite
        params[i] = p + u;
        const q = params[i] as number; // as stored: a Float32Array overflows beyond 3.4e38
        written += q - q;
      }
    }
    return [{ count: state.count + 1, trace }, inputs === 0, written === 0];
  };
  const updateScaled = (
    grads: FloatArray,
    state: TraceMomentumState,
    scale: number,
  ): [FloatArray, TraceMomentumState] => [grads, step(grads, state, scale, null)[0]];
  return {
    name: `traceMomentum(momentum=${momentum}${dampening !== 0 ? `, dampening=${dampening}` : ''}${nesterov ? ', nesterov' : ''})`,
    init(params: FloatArray): TraceMomentumState {
      checkInitParams(fn, params);
      return { count: 0, trace: new Float64Array(params.length) };
    },
    update(grads: FloatArray, state: TraceMomentumState): [FloatArray, TraceMomentumState] {
      return updateScaled(grads, state, 1);
    },
    updateScaled,
    applyScaled: (grads, state, scale, params): Applied<TraceMomentumState> =>
      step(grads, state, scale, params),
  };
}
