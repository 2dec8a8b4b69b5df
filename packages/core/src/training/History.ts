/** Why a training run stopped. */
export type StopReason =
  /** The loss reached `options.threshold` (the article's step 6). */
  | 'threshold'
  /** The iteration limit `options.maxSteps` was reached. */
  | 'maxSteps'
  /** Validation (or training) loss stopped improving for `patience` evaluations. */
  | 'earlyStopping'
  /** The loss became NaN or Infinity, or exploded; the history up to that point is kept. */
  | 'diverged'
  /** A callback asked to stop. */
  | 'callback'
  /**
   * An exception escaped the loss, the model, the optimizer or a callback. `fit` rethrows it
   * unchanged after telling the callbacks (`onEnd(history, error)`); the history is kept.
   */
  | 'error';

/** A copy of the parameters taken during training, for drawing an optimizer's path. */
export interface Snapshot {
  /** Updates applied when the copy was taken: 0 is the starting point. */
  readonly step: number;
  /** The parameters (a float32 run's widened to float64, exactly). */
  readonly params: Float64Array;
}

/**
 * Everything a training run recorded. Arrays are indexed by step: `loss[i]` is the loss measured
 * at step `i * stride + 1`, at the parameters that step started from (so `loss[0]` is the starting
 * point's loss, as in the article's loop). `stride` is 1, every step recorded, until the run
 * outgrows `FitOptions.historyLimit`: then the per-step arrays are thinned to every other entry
 * and `stride` doubles, so a history stays within a fixed memory budget however many steps a run
 * takes (TensorBoard keeps a sample of scalars for the same reason). `minLoss`, `minStep` and
 * `lastLoss` stay exact. The arrays are plain numbers so a history serializes to JSON as it is; a
 * learning rate is NaN for an optimizer that reports none.
 */
export interface History {
  /** A name for the run (shown in legends); defaults to the optimizer's name. */
  name: string;
  /** Training loss at every step (the loss of the batch used at that step). */
  loss: number[];
  /** Learning rate used at every step. */
  learningRate: number[];
  /** Global L2 norm of the gradient at every step (before clipping). */
  gradNorm: number[];
  // The four fields below are always set by `fit`; optional so that a history built by hand
  // (a custom training loop feeding `liveLossCurve`) stays valid without them.
  /** Steps between two entries of `loss`, `learningRate` and `gradNorm`: a power of two, 1 unless thinned (absent: 1). */
  stride?: number;
  /** The smallest finite training loss of the run, exact even when thinned (NaN before one). */
  minLoss?: number;
  /** Its step (0 before a finite loss). */
  minStep?: number;
  /** The training loss of the last step taken, exact even when thinned (NaN before any step). */
  lastLoss?: number;
  /**
   * `FitOptions.metrics` on each recorded step's batch: `metrics[name][i]` beside `loss[i]`
   * (absent without metrics; thinned like `loss`).
   */
  metrics?: Record<string, number[]>;
  /** The same metrics on the validation data: `valMetrics[name][j]` beside `valStep[j]`. */
  valMetrics?: Record<string, number[]>;
  /** With `FitOptions.recordTime`: seconds since the run began, beside `loss[i]` (thinned like it). */
  elapsed?: number[];
  /** Validation loss, evaluated every `validationEvery` steps; `valStep[i]` is its step (thinned like `loss`). */
  valLoss: number[];
  valStep: number[];
  /** Parameter snapshots every `snapshotEvery` steps (empty when not requested; thinned like `loss`, first and last kept). */
  snapshots: Snapshot[];
  /** Number of steps taken. */
  steps: number;
  /** Why the run stopped. */
  stopReason: StopReason;
  /**
   * A sentence saying why, with numbers: "loss 0.0009 reached the threshold 0.001 at step 41",
   * "stopped by an error at step 41: poissonNllLoss: …".
   */
  stopMessage: string;
}
