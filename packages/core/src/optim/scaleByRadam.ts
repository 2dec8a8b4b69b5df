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
import { fitUnit } from './momentUnit';

/** Options of `scaleByRadam` (torch.optim.RAdam's betas as `b1`, `b2`, and `eps`). */
export interface ScaleByRadamOptions {
  /** Decay of the first moment, in [0, 1). Default 0.9. */
  b1?: number;
  /** Decay of the second moment, in [0, 1). Default 0.999. */
  b2?: number;
  /** Added to the denominator, > 0. Default 1e-8. */
  eps?: number;
}

/** The state of `scaleByRadam`: the step count and the moments (in place), as `scaleByAdam`'s. */
export interface ScaleByRadamState {
  readonly count: number;
  readonly mu: Float64Array;
  /** In units of `unit^2` (see `fitUnit`). */
  readonly nu: Float64Array;
  readonly unit: number;
}

/** Validates RAdam's options under the caller's name; returns them with defaults. */
export function radamHyper(
  fn: string,
  options: ScaleByRadamOptions | undefined,
  extraKeys: readonly string[] = [],
): Required<ScaleByRadamOptions> {
  checkOptions(fn, options, ['b1', 'b2', 'eps', ...extraKeys]);
  const { b1 = 0.9, b2 = 0.999, eps = 1e-8 } = options ?? {};
  checkUnitInterval(fn, 'b1', b1);
  checkUnitInterval(fn, 'b2', b2);
  checkPositiveHyper(fn, 'eps', eps);
  return { b1, b2, eps };
}

/**
 * RAdam's rescaling (Liu et al. 2020), as torch.optim.RAdam documents and computes it (t from 1):
 *
 * $$\rho_\infty = \frac{2}{1-\beta_2} - 1,\quad \rho_t = \rho_\infty - \frac{2t\beta_2^t}{1-\beta_2^t},\quad
 *   \hat m_t = \frac{m_t}{1-\beta_1^t},$$
 * $$u_t = \begin{cases} \hat m_t\, r_t\, \dfrac{\sqrt{1-\beta_2^t}}{\sqrt{v_t} + \epsilon} & \rho_t > 5 \\
 *   \hat m_t & \text{otherwise}\end{cases},\quad
 *   r_t = \sqrt{\frac{(\rho_t-4)(\rho_t-2)\rho_\infty}{(\rho_\infty-4)(\rho_\infty-2)\rho_t}}$$
 *
 * with Adam's moments $m_t, v_t$. Note `eps` is added to $\sqrt{v_t}$, not to the bias-corrected
 * root as in Adam (PyTorch's formula).
 *
 * @example
 * const opt = scaleByRadam();
 * const params = new Float64Array([0]);
 * const [u] = opt.update(new Float64Array([3]), opt.init(params), params);
 * // the first steps are momentum SGD without the adaptive term: u = m / (1 - b1) = [3]
 */
export function scaleByRadam(
  options?: ScaleByRadamOptions,
): GradientTransformation<ScaleByRadamState> {
  const fn = 'scaleByRadam';
  const { b1, b2, eps } = radamHyper(fn, options);
  const rhoInf = 2 / (1 - b2) - 1;
  const c1 = 1 - b1;
  const c2 = 1 - b2;
  return {
    name: `scaleByRadam(b1=${b1}, b2=${b2}, eps=${eps})`,
    init(params: FloatArray): ScaleByRadamState {
      checkInitParams(fn, params);
      const n = params.length;
      return { count: 0, mu: new Float64Array(n), nu: new Float64Array(n), unit: 1 };
    },
    update(grads: FloatArray, state: ScaleByRadamState): [FloatArray, ScaleByRadamState] {
      checkState(fn, state, 'nu');
      const { mu, nu } = state;
      checkGrads(fn, grads, mu.length);
      const t = state.count + 1;
      const bc1 = 1 - Math.pow(b1, t);
      const bc2 = 1 - Math.pow(b2, t);
      const rhoT = rhoInf - (2 * t * Math.pow(b2, t)) / bc2;
      const rectified = rhoT > 5;
      const rect = rectified
        ? Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT))
        : 0;
      const rootBc2 = Math.sqrt(bc2);
      // Second moments in units of unit^2, widened first if these squares would overflow.
      const unit = fitUnit(grads, state.unit, [nu]);
      const invUnit = 1 / unit;
      const n = grads.length;
      for (let i = 0; i < n; i++) {
        const g = grads[i] as number;
        const m = b1 * (mu[i] as number) + c1 * g;
        const gs = g * invUnit;
        const v = b2 * (nu[i] as number) + c2 * (gs * gs);
        mu[i] = m;
        nu[i] = v;
        const mHat = m / bc1;
        grads[i] = rectified ? mHat * rect * (rootBc2 / (Math.sqrt(v) * unit + eps)) : mHat;
      }
      return [grads, { count: t, mu, nu, unit }];
    },
  };
}
