/**
 * The loss-curve payload: the one documented, versioned contract between this helper and the
 * JupyterLab plugin. The plugin imports these types only (never code); the JSON Schema in
 * `schema/curve.v1.schema.json` says the same thing for other readers. Bump the version in the
 * MIME type for any change that an old renderer could misread; adding an optional field is not one.
 */

/** The vendor MIME type of a loss-curve output. */
export const LOSS_CURVE_MIME = 'application/vnd.losslab.curve.v1+json';

/**
 * One point of a curve: [step, loss]. Steps are 1-based (step i + 1 holds `history.loss[i]`),
 * as `StepInfo.step` counts them. `loss` is null where it was NaN or Infinity (JSON has
 * neither): a renderer leaves a gap there.
 */
export type CurvePoint = [number, number | null];

/**
 * Why a run stopped: a core `StopReason` (`'error'` when an exception ended it), `'interrupted'`
 * when its cell was interrupted, or `'running'` while a live curve is still training (see
 * `CurveRun.updatedAt`). A renderer shows an unknown reason as it is.
 */
export type CurveStopReason =
  | 'threshold'
  | 'maxSteps'
  | 'earlyStopping'
  | 'diverged'
  | 'callback'
  | 'error'
  | 'interrupted'
  | 'running';

/** One training run as drawn. */
export interface CurveRun {
  /** Shown in the legend; always treated as text (at most 200 characters). */
  name: string;
  /**
   * Training loss in step order, downsampled to a bounded size: each bucket's minimum and
   * maximum, the first and last points, the global minimum and the first non-finite point of
   * each bucket are kept. Losses are rounded to 7 significant digits (`final` and `min` are exact).
   */
  points: CurvePoint[];
  /** Number of steps the run took (points may hold fewer after downsampling). */
  steps: number;
  /** Loss at the last step (null if it was not finite or there was no step). */
  final: number | null;
  /** The smallest finite loss and its step (null when no loss was finite). */
  min: { step: number; loss: number } | null;
  /** Why the run stopped. */
  stopReason: CurveStopReason;
  /** The sentence explaining the stop, if any (at most 600 characters). */
  stopMessage?: string;
  /**
   * While `stopReason` is `'running'`: when this frame was made, in milliseconds since the epoch.
   * A live run whose kernel was interrupted or died sends no last frame; a renderer compares
   * this with the clock and says "no update for 3 min" rather than "running".
   */
  updatedAt?: number;
  /** Step at which the loss first became NaN or Infinity, when it did. */
  divergedAt?: number;
  /** Validation loss points at their own steps, downsampled like `points` (half the buckets). */
  valPoints?: CurvePoint[];
  /** Learning rate at the same steps as `points`, 4 significant digits (omitted when unknown). */
  learningRate?: CurvePoint[];
  /**
   * Other named series of the run, drawn beside the loss in a panel of their own per name (as
   * Keras and livelossplot do): accuracy, a metric a user computes. `points` at the steps of the
   * loss, `valPoints` on validation data at their own steps; null for a non-finite value.
   */
  metrics?: CurveMetric[];
  /**
   * Wall-clock time since the run's first step, in seconds, at some steps (`[step, seconds]`,
   * increasing): a renderer can put relative time on the x axis, interpolating between them.
   */
  elapsed?: CurvePoint[];
}

/** One named series of a run besides its loss (see `CurveRun.metrics`). */
export interface CurveMetric {
  /** The series' name, also its panel's title (text, at most 200 characters). */
  name: string;
  points: CurvePoint[];
  valPoints?: CurvePoint[];
}

/** Axis and chart options. */
export interface CurveOptions {
  /** Log-scaled y axis. Values <= 0 cannot be drawn on it and are left out. */
  logY: boolean;
  /**
   * Debiased EMA smoothing weight in [0, 1), as TensorBoard computes it (see `smoothEma`);
   * 0 draws the raw curve only, otherwise the smoothed curve is drawn over the faint raw one.
   */
  smoothing: number;
  /** Chart title (text). */
  title: string;
  /** x axis label (text), default `'step'`. */
  xLabel: string;
  /** y axis label (text), default `'loss'`. */
  yLabel: string;
  /**
   * Language of the text a renderer adds itself (minimum, divergence, notes, summary): a
   * `Locale` such as `'zh'`. Absent means English; a renderer that does not know it uses English.
   */
  locale?: string;
  /**
   * What y is: `'loss'` (absent: the default), whose minimum is the run's best and is marked; or
   * `'value'`, any other quantity (a learning rate, a gradient norm) that has no "best": no
   * minimum mark, and the summary gives its range instead.
   */
  yKind?: 'loss' | 'value';
}

/** The whole payload of `application/vnd.losslab.curve.v1+json`. */
export interface LossCurvePayload {
  /** Always 1 for this MIME type. */
  version: 1;
  runs: CurveRun[];
  options: CurveOptions;
}
