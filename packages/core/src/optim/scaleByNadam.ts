import type { FloatArray } from '../types';
import {
  checkGrads,
  checkInitParams,
  checkNonNegativeHyper,
  checkOptions,
  checkPositiveHyper,
  checkState,
  checkUnitInterval,
} from './checkHyper';
import type { GradientTransformation } from './GradientTransformation';
import { fitUnit } from './momentUnit';

const KEYS = ['b1', 'b2', 'eps', 'momentumDecay'] as const;

/** Options of `scaleByNadam`, as torch.optim.NAdam names them. */
export interface ScaleByNadamOptions {
  /** Decay of the first moment, in [0, 1). Default 0.9. */
  b1?: number;
  /** Decay of the second moment, in [0, 1). Default 0.999. */
  b2?: number;
  /** Added to the denominator, > 0. Default 1e-8. */
  eps?: number;
  /** psi >= 0 in the momentum schedule mu_t = b1 (1 - 0.5 * 0.96^(t psi)). Default 4e-3. */
  momentumDecay?: number;
}

/** The state of `scaleByNadam`: the step count, the product of the mu_t so far and the moments. */
export interface ScaleByNadamState {
  readonly count: number;
  readonly muProduct: number;
  readonly mu: Float64Array;
  readonly nu: Float64Array;
  /** `nu` is stored in units of `unit^2` (1 unless a squared gradient overflowed; see `fitUnit`). */
  readonly unit: number;
}

/** Validates NAdam's options under the caller's name; returns them with defaults. */
export function nadamHyper(
  fn: string,
  options: ScaleByNadamOptions | undefined,
  extraKeys: readonly string[] = [],
): Required<ScaleByNadamOptions> {
  checkOptions(fn, options, [...KEYS, ...extraKeys]);
  const { b1 = 0.9, b2 = 0.999, eps = 1e-8, momentumDecay = 4e-3 } = options ?? {};
  checkUnitInterval(fn, 'b1', b1);
  checkUnitInterval(fn, 'b2', b2);
  checkPositiveHyper(fn, 'eps', eps);
  checkNonNegativeHyper(fn, 'momentumDecay', momentumDecay);
  return { b1, b2, eps, momentumDecay };
}

/**
 * NAdam's rescaling with PyTorch's momentum-decay schedule (torch.optim.NAdam's documented
 * algorithm, t counting from 1; the learning rate comes after):
 *
 * $$\mu_t = \beta_1\left(1 - \tfrac12 0.96^{t\psi}\right),\quad
 *   m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t,\quad v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2,$$
 * $$\hat m_t = \frac{\mu_{t+1} m_t}{1 - \prod_{i=1}^{t+1}\mu_i} + \frac{(1-\mu_t) g_t}{1 - \prod_{i=1}^{t}\mu_i},\quad
 *   u_t = \frac{\hat m_t}{\sqrt{v_t / (1-\beta_2^t)} + \epsilon}$$
 *
 * @example
 * const opt = scaleByNadam();
 * const params = new Float64Array([0]);
 * const [u] = opt.update(new Float64Array([-4]), opt.init(params), params);
 * // the first step has the sign of -g and a size close to 1: u ~ [-1]
 */
export function scaleByNadam(
  options?: ScaleByNadamOptions,
): GradientTransformation<ScaleByNadamState> {
  const fn = 'scaleByNadam';
  const { b1, b2, eps, momentumDecay } = nadamHyper(fn, options);
  const muAt = (t: number): number => b1 * (1 - 0.5 * Math.pow(0.96, t * momentumDecay));
  return {
    name: `scaleByNadam(b1=${b1}, b2=${b2}, eps=${eps}, momentumDecay=${momentumDecay})`,
    init(params: FloatArray): ScaleByNadamState {
      checkInitParams(fn, params);
      const n = params.length;
      return { count: 0, muProduct: 1, mu: new Float64Array(n), nu: new Float64Array(n), unit: 1 };
    },
    update(grads: FloatArray, state: ScaleByNadamState): [FloatArray, ScaleByNadamState] {
      checkState(fn, state, 'muProduct');
      const { mu, nu } = state;
      checkGrads(fn, grads, mu.length);
      const t = state.count + 1;
      const muT = muAt(t);
      const muNext = muAt(t + 1);
      const muProduct = state.muProduct * muT;
      const coefG = (1 - muT) / (1 - muProduct);
      const coefM = muNext / (1 - muProduct * muNext);
      const rootInv2 = Math.sqrt(1 / (1 - Math.pow(b2, t)));
      const c1 = 1 - b1;
      const c2 = 1 - b2;
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
        const den = Math.sqrt(v) * rootInv2 * unit + eps;
        grads[i] = coefG * (g / den) + coefM * (m / den);
      }
      return [grads, { count: t, muProduct, mu, nu, unit }];
    },
  };
}
