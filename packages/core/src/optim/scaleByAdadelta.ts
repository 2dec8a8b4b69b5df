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

/** Options of `scaleByAdadelta`, as torch.optim.Adadelta names them. */
export interface ScaleByAdadeltaOptions {
  /** Decay of both running averages, in [0, 1). Default 0.9. */
  rho?: number;
  /** Added inside both square roots, > 0. Default 1e-6. */
  eps?: number;
}

/** The state of `scaleByAdadelta`: the running averages of g^2 and of the squared steps (in place). */
export interface ScaleByAdadeltaState {
  readonly count: number;
  /** Running average of g^2, in units of `unit^2` (see `fitUnit`). */
  readonly squareAvg: Float64Array;
  /** Running average of the squared steps. */
  readonly accDelta: Float64Array;
  readonly unit: number;
}

/** Validates Adadelta's options under the caller's name; returns them with defaults. */
export function adadeltaHyper(
  fn: string,
  options: ScaleByAdadeltaOptions | undefined,
  extraKeys: readonly string[] = [],
): Required<ScaleByAdadeltaOptions> {
  checkOptions(fn, options, ['rho', 'eps', ...extraKeys]);
  const { rho = 0.9, eps = 1e-6 } = options ?? {};
  checkUnitInterval(fn, 'rho', rho);
  checkPositiveHyper(fn, 'eps', eps);
  return { rho, eps };
}

/**
 * Adadelta's rescaling (Zeiler 2012), as torch.optim.Adadelta computes it (the learning rate
 * comes after):
 *
 * $$v_t = \rho v_{t-1} + (1-\rho) g_t^2,\quad
 *   \Delta_t = \frac{\sqrt{u_{t-1} + \epsilon}}{\sqrt{v_t + \epsilon}}\, g_t,\quad
 *   u_t = \rho u_{t-1} + (1-\rho) \Delta_t^2$$
 *
 * and the update is $\Delta_t$. A $v_t$ that would overflow is stored in larger units.
 *
 * @example
 * const opt = scaleByAdadelta();
 * const params = new Float64Array([0]);
 * const [u] = opt.update(new Float64Array([1]), opt.init(params), params);
 * // v = 0.1, u = sqrt(1e-6) / sqrt(0.1 + 1e-6) ~ [0.00316]
 */
export function scaleByAdadelta(
  options?: ScaleByAdadeltaOptions,
): GradientTransformation<ScaleByAdadeltaState> {
  const fn = 'scaleByAdadelta';
  const { rho, eps } = adadeltaHyper(fn, options);
  const c = 1 - rho;
  return {
    name: `scaleByAdadelta(rho=${rho}, eps=${eps})`,
    init(params: FloatArray): ScaleByAdadeltaState {
      checkInitParams(fn, params);
      const n = params.length;
      return { count: 0, squareAvg: new Float64Array(n), accDelta: new Float64Array(n), unit: 1 };
    },
    update(grads: FloatArray, state: ScaleByAdadeltaState): [FloatArray, ScaleByAdadeltaState] {
      checkState(fn, state, 'accDelta');
      const { squareAvg, accDelta } = state;
      checkGrads(fn, grads, squareAvg.length);
      // Second moments in units of unit^2, widened first if these squares would overflow.
      const unit = fitUnit(grads, state.unit, [squareAvg]);
      const invUnit = 1 / unit;
      const epsScaled = eps * invUnit * invUnit;
      const n = grads.length;
      for (let i = 0; i < n; i++) {
        const g = grads[i] as number;
        const gs = g * invUnit;
        const v = rho * (squareAvg[i] as number) + c * (gs * gs);
        squareAvg[i] = v;
        // sqrt(v unit^2 + eps) = unit sqrt(v + eps / unit^2); the unit cancels against g / unit.
        const delta = (Math.sqrt((accDelta[i] as number) + eps) / Math.sqrt(v + epsScaled)) * gs;
        accDelta[i] = rho * (accDelta[i] as number) + c * (delta * delta);
        grads[i] = delta;
      }
      return [grads, { count: state.count + 1, squareAvg, accDelta, unit }];
    },
  };
}
