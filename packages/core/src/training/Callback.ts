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
 *
 * `onEnd` is called however the run ends, like a `finally`: by its stop rule, or by an exception
 * from the loss, the model, the optimizer or a callback. In that case `history.stopReason` is
 * `'error'`, `history.stopMessage` says at which step and why, `error` is the exception, and
 * `fit` rethrows it unchanged once every `onEnd` has run. (A kernel interrupt terminates
 * JavaScript without running any `finally`: no `onEnd` then.)
 */
export interface Callback {
  onStep?(info: StepInfo): boolean | 'stop' | void;
  onEnd?(history: History, error?: unknown): void;
}
