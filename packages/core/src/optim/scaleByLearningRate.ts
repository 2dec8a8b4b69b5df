import type { FloatArray } from '../types';
import { LosslabError } from '../errors';
import {
  checkGrads,
  checkInitParams,
  checkLearningRate,
  checkParams,
  checkState,
} from './checkHyper';
import { addScaled } from './addScaled';
import type { Applied, GradientTransformation } from './GradientTransformation';
import type { LearningRate } from './Schedule';

/** The state of `scaleByLearningRate`: how many updates were made. */
export interface ScaleByLearningRateState {
  readonly count: number;
  readonly size: number;
}

/**
 * Multiplies the updates by `-lr(t)`, the last link of every optimizer alias (updates are added
 * to the parameters, so a descent step is negative). `lr` is a number or a schedule called with
 * the number of updates made so far (0 for the first).
 *
 * $$u_t = -\gamma(t)\, g_t$$
 *
 * @example
 * const opt = scaleByLearningRate((step) => 0.1 / (step + 1));
 * const params = new Float64Array([1]);
 * const state = opt.init(params);
 * const [u1, s1] = opt.update(new Float64Array([2]), state, params); // u1 = [-0.2]
 * const [u2] = opt.update(new Float64Array([2]), s1, params); // u2 = [-0.1]
 */
export function scaleByLearningRate(
  lr: LearningRate,
): GradientTransformation<ScaleByLearningRateState> {
  const fn = 'scaleByLearningRate';
  checkLearningRate(fn, lr);
  const rate = (count: number): number => {
    if (typeof lr === 'number') {
      return lr;
    }
    const value = lr(count);
    // A schedule may reach 0 (cosine decay with alpha 0) but never go negative or NaN.
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new LosslabError(
        fn,
        'lr',
        `the schedule returned ${String(value)} at step ${count} (expected a finite number >= 0)`,
      );
    }
    return value;
  };
  return {
    name: `scaleByLearningRate(lr=${typeof lr === 'number' ? lr : 'schedule'})`,
    init(params: FloatArray): ScaleByLearningRateState {
      checkInitParams(fn, params);
      return { count: 0, size: params.length };
    },
    update(
      grads: FloatArray,
      state: ScaleByLearningRateState,
    ): [FloatArray, ScaleByLearningRateState] {
      checkState(fn, state, 'size');
      checkGrads(fn, grads, state.size);
      const scale = -rate(state.count);
      for (let i = 0; i < grads.length; i++) {
        grads[i] = (grads[i] as number) * scale;
      }
      return [grads, { count: state.count + 1, size: state.size }];
    },
    applyScaled(
      grads: FloatArray,
      state: ScaleByLearningRateState,
      scale: number,
      params: FloatArray,
    ): Applied<ScaleByLearningRateState> {
      checkState(fn, state, 'size');
      checkGrads(fn, grads, state.size);
      checkParams(fn, params, state.size);
      const next = { count: state.count + 1, size: state.size };
      return [next, ...addScaled(fn, params, grads, -rate(state.count) * scale)];
    },
    scalarStep(state: ScaleByLearningRateState): [number, ScaleByLearningRateState] {
      checkState(fn, state, 'size');
      return [-rate(state.count), { count: state.count + 1, size: state.size }];
    },
    learningRate(state: ScaleByLearningRateState): number {
      return rate(state.count);
    },
  };
}
