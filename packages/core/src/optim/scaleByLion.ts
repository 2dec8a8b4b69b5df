import type { FloatArray } from '../types';
import {
  checkGrads,
  checkInitParams,
  checkOptions,
  checkState,
  checkUnitInterval,
} from './checkHyper';
import type { GradientTransformation } from './GradientTransformation';

/** Options of `scaleByLion` (Chen et al. 2023; optax's `scale_by_lion`). */
export interface ScaleByLionOptions {
  /** Interpolation between the momentum and the gradient for the update's sign, in [0, 1). Default 0.9. */
  b1?: number;
  /** Decay of the momentum, in [0, 1). Default 0.99. */
  b2?: number;
}

/** The state of `scaleByLion`: the step count and the momentum (in place). */
export interface ScaleByLionState {
  readonly count: number;
  readonly mu: Float64Array;
}

/** Validates Lion's options under the caller's name; returns them with defaults. */
export function lionHyper(
  fn: string,
  options: ScaleByLionOptions | undefined,
  extraKeys: readonly string[] = [],
): Required<ScaleByLionOptions> {
  checkOptions(fn, options, ['b1', 'b2', ...extraKeys]);
  const { b1 = 0.9, b2 = 0.99 } = options ?? {};
  checkUnitInterval(fn, 'b1', b1);
  checkUnitInterval(fn, 'b2', b2);
  return { b1, b2 };
}

/**
 * Lion's sign update (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms",
 * Algorithm 2, as optax's `scale_by_lion` implements it; the learning rate comes after):
 *
 * $$u_t = \operatorname{sign}\big(\beta_1 m_{t-1} + (1-\beta_1) g_t\big),\qquad
 *   m_t = \beta_2 m_{t-1} + (1-\beta_2) g_t$$
 *
 * `sign(0) = 0`, as `jnp.sign`.
 *
 * @example
 * const opt = scaleByLion();
 * const params = new Float64Array([0, 0, 0]);
 * const [u] = opt.update(new Float64Array([0.3, -7, 0]), opt.init(params), params);
 * // u = [1, -1, 0]
 */
export function scaleByLion(
  options?: ScaleByLionOptions,
): GradientTransformation<ScaleByLionState> {
  const fn = 'scaleByLion';
  const { b1, b2 } = lionHyper(fn, options);
  const c1 = 1 - b1;
  const c2 = 1 - b2;
  return {
    name: `scaleByLion(b1=${b1}, b2=${b2})`,
    init(params: FloatArray): ScaleByLionState {
      checkInitParams(fn, params);
      return { count: 0, mu: new Float64Array(params.length) };
    },
    update(grads: FloatArray, state: ScaleByLionState): [FloatArray, ScaleByLionState] {
      checkState(fn, state, 'mu');
      const { mu } = state;
      checkGrads(fn, grads, mu.length);
      const n = grads.length;
      for (let i = 0; i < n; i++) {
        const g = grads[i] as number;
        const m = mu[i] as number;
        const c = c1 * g + b1 * m;
        mu[i] = c2 * g + b2 * m;
        // Math.sign keeps a NaN gradient visible instead of turning it into a zero step.
        grads[i] = Math.sign(c);
      }
      return [grads, { count: state.count + 1, mu }];
    },
  };
}
