/**
 * The loss-curve payload: the one documented, versioned contract between this helper and the
 * JupyterLab plugin. The plugin imports these types only (never code). Bump the version in the
 * MIME type for any change that an old renderer could misread.
 */

/** The vendor MIME type of a loss-curve output. */
export const LOSS_CURVE_MIME = 'application/vnd.losslab.curve.v1+json';

/** One point of a curve: [step, loss]. `loss` is null where it was NaN or Infinity (JSON has neither). */
export type CurvePoint = [number, number | null];

/** One training run as drawn. */
export interface CurveRun {
  /** Shown in the legend; always treated as text. */
  name: string;
  /** Training loss, downsampled to a bounded size, in step order. */
  points: CurvePoint[];
  /** Number of steps the run took (points may hold fewer after downsampling). */
  steps: number;
  /** Loss at the last step (null if it was not finite). */
  final: number | null;
  /** The smallest finite loss and its step (null when no loss was finite). */
  min: { step: number; loss: number } | null;
  /** Why the run stopped (`'running'` while a live curve is still training). */
  stopReason: string;
  /** The sentence explaining the stop, if any. */
  stopMessage?: string;
  /** Step at which the loss first became NaN or Infinity, when it did. */
  divergedAt?: number;
  /** Validation loss points, downsampled like `points`. */
  valPoints?: CurvePoint[];
  /** Learning rate points, downsampled like `points`. */
  learningRate?: CurvePoint[];
}

/** Axis and chart options. */
export interface CurveOptions {
  /** Log-scaled y axis. */
  logY: boolean;
  /** Debiased EMA smoothing weight in [0, 1); 0 draws the raw curve only. */
  smoothing: number;
  /** Chart title (text). */
  title: string;
  xLabel: string;
  yLabel: string;
}

/** The whole payload of `application/vnd.losslab.curve.v1+json`. */
export interface LossCurvePayload {
  /** Always 1 for this MIME type. */
  version: 1;
  runs: CurveRun[];
  options: CurveOptions;
}
