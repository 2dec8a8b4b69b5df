import type { FloatArray } from '../types';
import {
  checkGrads,
  checkInitParams,
  checkNonNegativeHyper,
  checkOptions,
  checkPositiveHyper,
  checkState,
} from './checkHyper';
import type { GradientTransformation } from './GradientTransformation';
import { fitUnit } from './momentUnit';

const KEYS = ['lrDecay', 'initialAccumulatorValue', 'eps'] as const;

/** Options of `scaleByAdagrad`, as torch.optim.Adagrad names them. */
export interface ScaleByAdagradOptions {
  /** Learning-rate decay eta >= 0: step t is scaled by 1 / (1 + (t - 1) eta). Default 0. */
  lrDecay?: number;
  /** Initial value >= 0 of the sum of squared gradients. Default 0. */
  initialAccumulatorValue?: number;
  /** Added to the denominator, > 0. Default 1e-10. */
  eps?: number;
}

/** The state of `scaleByAdagrad`: the step count and the sum of squared gradients (in place). */
export interface ScaleByAdagradState {
  readonly count: number;
  readonly sum: Float64Array;
  /** `sum` is stored in units of `unit^2` (1 unless it would overflow; see `fitUnit`). */
  readonly unit: number;
}

/** Validates Adagrad's options under the caller's name; returns them with defaults. */
export function adagradHyper(
  fn: string,
  options: ScaleByAdagradOptions | undefined,
  extraKeys: readonly string[] = [],
): Required<ScaleByAdagradOptions> {
  checkOptions(fn, options, [...KEYS, ...extraKeys]);
  const { lrDecay = 0, initialAccumulatorValue = 0, eps = 1e-10 } = options ?? {};
  checkNonNegativeHyper(fn, 'lrDecay', lrDecay);
  checkNonNegativeHyper(fn, 'initialAccumulatorValue', initialAccumulatorValue);
  checkPositiveHyper(fn, 'eps', eps);
  return { lrDecay, initialAccumulatorValue, eps };
}

/**
 * Adagrad's rescaling, as torch.optim.Adagrad documents it (t counting from 1; the learning rate
 * comes after, so the decay factor is folded in here and reported by `lrFactor`):
 *
 * $$s_t = s_{t-1} + g_t^2,\qquad u_t = \frac{1}{1 + (t-1)\eta}\,\frac{g_t}{\sqrt{s_t} + \epsilon}$$
 *
 * A sum that would overflow (squared gradients of 1.34e154 and more) is stored in larger units
 * instead (`fitUnit`), so the update stays what the formula gives.
 *
 * @example
 * const opt = scaleByAdagrad({ initialAccumulatorValue: 5 });
 * const params = new Float64Array([0]);
 * const [u] = opt.update(new Float64Array([2]), opt.init(params), params);
 * // s = 5 + 4 = 9, u = 2 / (3 + 1e-10)
 */
export function scaleByAdagrad(
  options?: ScaleByAdagradOptions,
): GradientTransformation<ScaleByAdagradState> {
  const fn = 'scaleByAdagrad';
  const { lrDecay, initialAccumulatorValue, eps } = adagradHyper(fn, options);
  const factor = (count: number): number => 1 / (1 + count * lrDecay);
  return {
    name: `scaleByAdagrad(eps=${eps}${lrDecay > 0 ? `, lrDecay=${lrDecay}` : ''})`,
    init(params: FloatArray): ScaleByAdagradState {
      checkInitParams(fn, params);
      return {
        count: 0,
        sum: new Float64Array(params.length).fill(initialAccumulatorValue),
        unit: 1,
      };
    },
    update(grads: FloatArray, state: ScaleByAdagradState): [FloatArray, ScaleByAdagradState] {
      checkState(fn, state, 'sum');
      const { sum } = state;
      checkGrads(fn, grads, sum.length);
      const f = factor(state.count);
      // Second moments in units of unit^2, widened first if these squares would overflow.
      const unit = fitUnit(grads, state.unit, [sum]);
      const invUnit = 1 / unit;
      const n = grads.length;
      for (let i = 0; i < n; i++) {
        const g = grads[i] as number;
        const gs = g * invUnit;
        const s = (sum[i] as number) + gs * gs;
        sum[i] = s;
        grads[i] = (f * g) / (Math.sqrt(s) * unit + eps);
      }
      return [grads, { count: state.count + 1, sum, unit }];
    },
    lrFactor(state: ScaleByAdagradState): number {
      return factor(state.count);
    },
  };
}
