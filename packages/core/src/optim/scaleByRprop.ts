import type { FloatArray } from '../types';
import { LosslabError } from '../errors';
import {
  checkGrads,
  checkInitParams,
  checkOptions,
  checkPositiveHyper,
  checkState,
} from './checkHyper';
import type { GradientTransformation } from './GradientTransformation';

/** Options of `scaleByRprop` (torch.optim.Rprop's `etas` and `step_sizes`, by name). */
export interface ScaleByRpropOptions {
  /** The initial step size of every coordinate, > 0 (PyTorch's `lr`). Default 1e-2. */
  initStepSize?: number;
  /** Step-size factor after a sign change, in (0, 1). Default 0.5. */
  etaMinus?: number;
  /** Step-size factor while the sign holds, > 1. Default 1.2. */
  etaPlus?: number;
  /** Smallest step size, > 0. Default 1e-6. */
  minStepSize?: number;
  /** Largest step size, >= minStepSize. Default 50. */
  maxStepSize?: number;
}

/** The state of `scaleByRprop`: the previous (masked) gradient and the step sizes (in place). */
export interface ScaleByRpropState {
  readonly count: number;
  readonly prev: Float64Array;
  readonly stepSize: Float64Array;
}

/** Validates Rprop's options under the caller's name; returns them with defaults. */
export function rpropHyper(
  fn: string,
  options: ScaleByRpropOptions | undefined,
): Required<ScaleByRpropOptions> {
  checkOptions(fn, options, ['initStepSize', 'etaMinus', 'etaPlus', 'minStepSize', 'maxStepSize']);
  const {
    initStepSize = 1e-2,
    etaMinus = 0.5,
    etaPlus = 1.2,
    minStepSize = 1e-6,
    maxStepSize = 50,
  } = options ?? {};
  checkPositiveHyper(fn, 'initStepSize', initStepSize);
  if (typeof etaMinus !== 'number' || !(etaMinus > 0 && etaMinus < 1)) {
    throw new LosslabError(fn, 'etaMinus', `'etaMinus' must be in (0, 1), got ${String(etaMinus)}`);
  }
  if (typeof etaPlus !== 'number' || !(etaPlus > 1 && etaPlus < Infinity)) {
    throw new LosslabError(
      fn,
      'etaPlus',
      `'etaPlus' must be a finite number > 1, got ${String(etaPlus)}`,
    );
  }
  checkPositiveHyper(fn, 'minStepSize', minStepSize);
  checkPositiveHyper(fn, 'maxStepSize', maxStepSize);
  if (!(maxStepSize >= minStepSize)) {
    throw new LosslabError(
      fn,
      'maxStepSize',
      `'maxStepSize' (${maxStepSize}) must be at least 'minStepSize' (${minStepSize})`,
    );
  }
  return { initStepSize, etaMinus, etaPlus, minStepSize, maxStepSize };
}

/**
 * Rprop's sign-based step (Riedmiller and Braun 1993), as torch.optim.Rprop computes it, before
 * the minus sign of descent (optax's `scale_by_rprop`; `rprop` chains `scale(-1)` after it). Per
 * coordinate, with $s_0$ = `initStepSize`:
 *
 * $$\eta = \begin{cases}\eta_+ & g_t g_{t-1} > 0\\ \eta_- & g_t g_{t-1} < 0\\ 1 & \text{otherwise}\end{cases},\quad
 *   s_t = \operatorname{clip}(s_{t-1}\eta, s_{min}, s_{max}),\quad
 *   u_t = \operatorname{sign}(g_t)\, s_t$$
 *
 * and after a sign change the gradient is taken as 0 (no step, and no sign to compare next time).
 * The sign of $g_t g_{t-1}$ is computed as a product of signs, so two tiny gradients whose product
 * would underflow to 0 still count (PyTorch's product would).
 *
 * @example
 * const opt = scaleByRprop({ initStepSize: 0.1 });
 * const params = new Float64Array([0]);
 * const [, s1] = opt.update(new Float64Array([3]), opt.init(params), params); // u = [0.1]
 * const [u2] = opt.update(new Float64Array([5]), s1, params); // same sign: u = [0.12]
 */
export function scaleByRprop(
  options?: ScaleByRpropOptions,
): GradientTransformation<ScaleByRpropState> {
  const fn = 'scaleByRprop';
  const { initStepSize, etaMinus, etaPlus, minStepSize, maxStepSize } = rpropHyper(fn, options);
  return {
    name: `scaleByRprop(initStepSize=${initStepSize})`,
    init(params: FloatArray): ScaleByRpropState {
      checkInitParams(fn, params);
      const n = params.length;
      return {
        count: 0,
        prev: new Float64Array(n),
        stepSize: new Float64Array(n).fill(initStepSize),
      };
    },
    update(grads: FloatArray, state: ScaleByRpropState): [FloatArray, ScaleByRpropState] {
      checkState(fn, state, 'stepSize');
      const { prev, stepSize } = state;
      checkGrads(fn, grads, prev.length);
      const n = grads.length;
      for (let i = 0; i < n; i++) {
        let g = grads[i] as number;
        const sign = Math.sign(g) * Math.sign(prev[i] as number);
        const eta = sign > 0 ? etaPlus : sign < 0 ? etaMinus : 1;
        const s = Math.min(Math.max((stepSize[i] as number) * eta, minStepSize), maxStepSize);
        stepSize[i] = s;
        if (sign < 0) {
          g = 0;
        }
        prev[i] = g;
        grads[i] = Math.sign(g) * s;
      }
      return [grads, { count: state.count + 1, prev, stepSize }];
    },
  };
}
