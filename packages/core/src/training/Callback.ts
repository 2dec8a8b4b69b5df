import type { History } from './History';

/** What a callback sees after each step. Reused between steps: copy what you keep. */
export interface StepInfo {
  /** 1-based number of the step just taken. */
  step: number;
  /** The iteration limit of the run. */
  maxSteps: number;
  /** The loss at this step. */
  loss: number;
  learningRate: number;
  gradNorm: number;
  /** The run's history so far (live: do not mutate). */
  history: History;
}

/**
 * Hooks into `fit`. Return `false` (or `'stop'`) from `onStep` to stop the run; it then ends with
 * stop reason `'callback'`. `fit` pays nothing per step for callbacks that leave `onStep` out.
 */
export interface Callback {
  onStep?(info: StepInfo): boolean | 'stop' | void;
  onEnd?(history: History): void;
}
