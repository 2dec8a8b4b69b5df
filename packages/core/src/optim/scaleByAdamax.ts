import type { FloatArray } from '../types';
import {
  checkGrads,
  checkInitParams,
  checkOptions,
  checkPositiveHyper,
  checkState,
  checkUnitInterval,
} from './checkHyper';
import type { GradientTransformation } from './GradientTransformation';

/** Options of `scaleByAdamax`, as torch.optim.Adamax names them. */
export interface ScaleByAdamaxOptions {
  /** Decay of the first moment, in [0, 1). Default 0.9. */
  b1?: number;
  /** Decay of the infinity norm, in [0, 1). Default 0.999. */
  b2?: number;
  /** Added to |g| inside the maximum, > 0. Default 1e-8. */
  eps?: number;
}

/** The state of `scaleByAdamax`: the step count, the first moment and the infinity norm. */
export interface ScaleByAdamaxState {
  readonly count: number;
  readonly mu: Float64Array;
  readonly infNorm: Float64Array;
}

/** Validates Adamax's options under the caller's name; returns them with defaults. */
export function adamaxHyper(
  fn: string,
  options: ScaleByAdamaxOptions | undefined,
  extraKeys: readonly string[] = [],
): Required<ScaleByAdamaxOptions> {
  checkOptions(fn, options, ['b1', 'b2', 'eps', ...extraKeys]);
  const { b1 = 0.9, b2 = 0.999, eps = 1e-8 } = options ?? {};
  checkUnitInterval(fn, 'b1', b1);
  checkUnitInterval(fn, 'b2', b2);
  checkPositiveHyper(fn, 'eps', eps);
  return { b1, b2, eps };
}

/**
 * Adamax's rescaling, as torch.optim.Adamax documents and implements it (t counting from 1; the
 * learning rate comes after; eps goes inside the maximum, as in PyTorch's code):
 *
 * $$m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t,\quad u_t^\infty = \max(\beta_2 u_{t-1}^\infty, |g_t| + \epsilon),\quad
 *   u_t = \frac{m_t}{(1-\beta_1^t)\, u_t^\infty}$$
 *
 * @example
 * const opt = scaleByAdamax();
 * const params = new Float64Array([0]);
 * const [u] = opt.update(new Float64Array([2]), opt.init(params), params);
 * // m = 0.2, u_inf = 2 + 1e-8, u = 0.2 / (0.1 * (2 + 1e-8)) ~ 1
 */
export function scaleByAdamax(
  options?: ScaleByAdamaxOptions,
): GradientTransformation<ScaleByAdamaxState> {
  const fn = 'scaleByAdamax';
  const { b1, b2, eps } = adamaxHyper(fn, options);
  return {
    name: `scaleByAdamax(b1=${b1}, b2=${b2}, eps=${eps})`,
    init(params: FloatArray): ScaleByAdamaxState {
      checkInitParams(fn, params);
      const n = params.length;
      return { count: 0, mu: new Float64Array(n), infNorm: new Float64Array(n) };
    },
    update(grads: FloatArray, state: ScaleByAdamaxState): [FloatArray, ScaleByAdamaxState] {
      checkState(fn, state, 'infNorm');
      const { mu, infNorm } = state;
      checkGrads(fn, grads, mu.length);
      const t = state.count + 1;
      const inv1 = 1 / (1 - Math.pow(b1, t));
      const c1 = 1 - b1;
      const n = grads.length;
      for (let i = 0; i < n; i++) {
        const g = grads[i] as number;
        const m = b1 * (mu[i] as number) + c1 * g;
        const u = Math.max(b2 * (infNorm[i] as number), Math.abs(g) + eps);
        mu[i] = m;
        infNorm[i] = u;
        grads[i] = (m / u) * inv1;
      }
      return [grads, { count: t, mu, infNorm }];
    },
  };
}
