import type { FloatArray } from '../types';
import {
  checkBoolean,
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

const KEYS = ['alpha', 'eps', 'centered', 'momentum'] as const;

/** Options of `scaleByRms`, as torch.optim.RMSprop names them. */
export interface ScaleByRmsOptions {
  /** Smoothing constant of the squared-gradient average, in [0, 1). Default 0.99. */
  alpha?: number;
  /** Added to the denominator, > 0. Default 1e-8. */
  eps?: number;
  /** Divide by an estimate of the gradient's variance instead of its second moment. Default false. */
  centered?: boolean;
  /** Momentum factor >= 0 on the normalized gradient. Default 0. */
  momentum?: number;
}

/** The state of `scaleByRms`; `gradAvg` is null unless centered, `momentumBuffer` unless momentum > 0. */
export interface ScaleByRmsState {
  readonly count: number;
  readonly squareAvg: Float64Array;
  readonly gradAvg: Float64Array | null;
  readonly momentumBuffer: Float64Array | null;
  /** `squareAvg` is stored in units of `unit^2` (1 unless a squared gradient overflowed; see `fitUnit`). */
  readonly unit: number;
}

/** Validates RMSprop's options under the caller's name; returns them with defaults. */
export function rmsHyper(
  fn: string,
  options: ScaleByRmsOptions | undefined,
  extraKeys: readonly string[] = [],
): Required<ScaleByRmsOptions> {
  checkOptions(fn, options, [...KEYS, ...extraKeys]);
  const { alpha = 0.99, eps = 1e-8, centered = false, momentum = 0 } = options ?? {};
  checkUnitInterval(fn, 'alpha', alpha);
  checkPositiveHyper(fn, 'eps', eps);
  checkBoolean(fn, 'centered', centered);
  checkNonNegativeHyper(fn, 'momentum', momentum);
  return { alpha, eps, centered, momentum };
}

/**
 * RMSprop's rescaling, as torch.optim.RMSprop documents it (the learning rate comes after):
 *
 * $$v_t = \alpha v_{t-1} + (1-\alpha) g_t^2,\quad
 *   \tilde v_t = v_t - \bar g_t^2 \text{ (centered, } \bar g_t = \alpha \bar g_{t-1} + (1-\alpha) g_t),$$
 * $$u_t = \frac{g_t}{\sqrt{\tilde v_t} + \epsilon}, \text{ or with momentum }
 *   b_t = \mu b_{t-1} + \frac{g_t}{\sqrt{\tilde v_t} + \epsilon},\ u_t = b_t$$
 *
 * The centered $\tilde v_t$ is clamped at 0 before its square root: in exact arithmetic it is a
 * variance, but rounding can make it slightly negative (a constant gradient of 1e-3 did so after
 * about 3000 steps), where PyTorch's `addcmul(-1).sqrt_()` would give NaN. Squared gradients of
 * 1.34e154 and more do not overflow `squareAvg` (stored in larger units, see `fitUnit`).
 *
 * @example
 * const opt = scaleByRms({ alpha: 0.75 });
 * const params = new Float64Array([0]);
 * const [u] = opt.update(new Float64Array([2]), opt.init(params), params);
 * // v = 0.25 * 4 = 1, u = 2 / (1 + 1e-8)
 */
export function scaleByRms(options?: ScaleByRmsOptions): GradientTransformation<ScaleByRmsState> {
  const fn = 'scaleByRms';
  const { alpha, eps, centered, momentum } = rmsHyper(fn, options);
  const c = 1 - alpha;
  return {
    name: `scaleByRms(alpha=${alpha}, eps=${eps}${centered ? ', centered' : ''}${momentum > 0 ? `, momentum=${momentum}` : ''})`,
    init(params: FloatArray): ScaleByRmsState {
      checkInitParams(fn, params);
      const n = params.length;
      return {
        count: 0,
        squareAvg: new Float64Array(n),
        gradAvg: centered ? new Float64Array(n) : null,
        momentumBuffer: momentum > 0 ? new Float64Array(n) : null,
        unit: 1,
      };
    },
    update(grads: FloatArray, state: ScaleByRmsState): [FloatArray, ScaleByRmsState] {
      checkState(fn, state, 'squareAvg');
      const { squareAvg, gradAvg, momentumBuffer } = state;
      checkGrads(fn, grads, squareAvg.length);
      // Second moments in units of unit^2, widened first if these squares would overflow.
      const unit = fitUnit(grads, state.unit, [squareAvg]);
      const invUnit = 1 / unit;
      const n = grads.length;
      for (let i = 0; i < n; i++) {
        const g = grads[i] as number;
        const gs = g * invUnit;
        const v = alpha * (squareAvg[i] as number) + c * (gs * gs);
        squareAvg[i] = v;
        let denomSq = v;
        if (gradAvg !== null) {
          const ga = alpha * (gradAvg[i] as number) + c * g;
          gradAvg[i] = ga;
          const gas = ga * invUnit;
          // A variance: negative only by rounding, where its square root would be NaN.
          denomSq = Math.max(v - gas * gas, 0);
        }
        let u = g / (Math.sqrt(denomSq) * unit + eps);
        if (momentumBuffer !== null) {
          u = momentum * (momentumBuffer[i] as number) + u;
          momentumBuffer[i] = u;
        }
        grads[i] = u;
      }
      return [grads, { count: state.count + 1, squareAvg, gradAvg, momentumBuffer, unit }];
    },
  };
}
