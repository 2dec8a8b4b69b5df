import type { FloatArray } from '../types';
import {
  checkGrads,
  checkInitParams,
  checkNonNegativeHyper,
  checkParams,
  checkState,
} from './checkHyper';
import type { GradientTransformation } from './GradientTransformation';

/** The state of `averageIterates`: the step count and the running average `ax` (in place). */
export interface AverageIteratesState {
  readonly count: number;
  /** The averaged parameters (ASGD's `ax`): the estimate to use once training is done. */
  readonly ax: Float64Array;
}

/**
 * Keeps ASGD's running average of the parameters (Polyak and Juditsky 1992), as torch.optim.ASGD
 * does, and passes the updates through unchanged; place it last in a chain. With $\theta_t$ the
 * parameters after this update ($\theta_{t-1}$ + the update) and t counting from 1:
 *
 * $$\mu_t = \frac{1}{\max(1, t - 1 - t_0)},\qquad
 *   \bar\theta_t = \begin{cases}\theta_t & \mu_t = 1\\ \bar\theta_{t-1} + \mu_t(\theta_t - \bar\theta_{t-1}) & \text{otherwise}\end{cases}$$
 *
 * so the average starts after `t0` steps (PyTorch's `t0`, default 1e6).
 *
 * @example
 * const opt = averageIterates(0);
 * const params = new Float64Array([0]);
 * const [u, s] = opt.update(new Float64Array([2]), opt.init(params), params);
 * // u = [2], s.ax = [2] (the parameters after the update)
 */
export function averageIterates(t0 = 1e6): GradientTransformation<AverageIteratesState> {
  const fn = 'averageIterates';
  checkNonNegativeHyper(fn, 't0', t0);
  return {
    name: `averageIterates(t0=${t0})`,
    init(params: FloatArray): AverageIteratesState {
      checkInitParams(fn, params);
      return { count: 0, ax: new Float64Array(params.length) };
    },
    update(
      grads: FloatArray,
      state: AverageIteratesState,
      params?: FloatArray,
    ): [FloatArray, AverageIteratesState] {
      checkState(fn, state, 'ax');
      const { ax } = state;
      checkGrads(fn, grads, ax.length);
      checkParams(fn, params, ax.length);
      const t = state.count + 1;
      const mu = 1 / Math.max(1, t - 1 - t0);
      for (let i = 0; i < grads.length; i++) {
        const next = (params[i] as number) + (grads[i] as number);
        ax[i] = mu === 1 ? next : (ax[i] as number) + (next - (ax[i] as number)) * mu;
      }
      return [grads, { count: t, ax }];
    },
  };
}
