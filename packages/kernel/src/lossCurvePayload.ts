import { checkOptions, LosslabError } from '@losslab/core';
import type { History } from '@losslab/core';
import { clipText, MAX_MESSAGE_LENGTH } from './clipText';
import { downsample, downsampleIndices } from './downsample';
import type { StreamingDownsampler } from './StreamingDownsampler';
import type {
  CurveMetric,
  CurvePoint,
  CurveRun,
  CurveStopReason,
  LossCurvePayload,
} from './payload';
import { localizeStopMessage } from './describeStop';
import { checkLocale, getLocale, messages } from './locale';
import type { Locale } from './locale';

/**
 * What a chart needs of a run: its losses, and whatever else of a core `History` it has.
 * A plain `{ name: 'ones', loss: [1, 1] }` is enough. A thinned history (`stride` > 1) is drawn
 * at its steps, with its exact `minLoss`/`minStep` and `lastLoss`.
 */
export type HistoryLike = Pick<History, 'loss'> &
  Partial<Omit<History, 'loss' | 'stopReason'>> & {
    stopReason?: CurveStopReason;
    /**
     * Other named series drawn beside the loss, one panel per name (accuracy, any metric): each
     * one value per entry of `loss`.
     */
    metrics?: Readonly<Record<string, readonly number[]>>;
    /** The same metrics on validation data, one value per entry of `valStep`. */
    valMetrics?: Readonly<Record<string, readonly number[]>>;
    /** Seconds since the run started, one per entry of `loss` (a chart can put time on x). */
    elapsed?: readonly number[];
  };

/** Options of `plotLosses`, `liveLossCurve` and `lossCurvePayload`. */
export interface CurveChartOptions {
  /** Log-scaled y axis (default false). */
  logY?: boolean;
  /** Debiased EMA smoothing weight in [0, 1) (default 0: raw curve only). */
  smoothing?: number;
  /** Chart title (default 'Training loss', in the chart's locale). */
  title?: string;
  /** Axis labels (default 'step' and 'loss', in the chart's locale). */
  xLabel?: string;
  yLabel?: string;
  /** Legend names, overriding each history's `name`. */
  names?: readonly string[];
  /**
   * Loss points kept over all runs together (default 600, at least 64): bounds the output size.
   * Validation curves get half as many buckets.
   */
  maxPoints?: number;
  /** Language of the chart's own text (default: the one `setLocale` set, else English). */
  locale?: Locale;
  /**
   * What y is: `'loss'` (default; its minimum is marked as the best) or `'value'` for another
   * quantity plotted as a curve (a learning rate, a gradient norm): no minimum, a range instead.
   */
  yKind?: 'loss' | 'value';
}

/** Every key of {@link CurveChartOptions} (the type checks the list is whole). */
export const CURVE_OPTION_KEYS = Object.keys({
  logY: true,
  smoothing: true,
  title: true,
  xLabel: true,
  yLabel: true,
  names: true,
  maxPoints: true,
  locale: true,
  yKind: true,
} satisfies Record<keyof CurveChartOptions, true>);

/**
 * Builds the `application/vnd.losslab.curve.v1+json` payload of one or several runs:
 * downsampled points (see `downsample`), final and minimum losses, where the loss diverged.
 * `running` marks the runs as still training (a live curve).
 *
 * @example
 * const payload = lossCurvePayload({ name: 'sgd', loss: [4, 1, 2] });
 * [payload.runs[0]?.final, payload.runs[0]?.min];
 * // [2, { step: 2, loss: 1 }]
 */
export function lossCurvePayload(
  histories: HistoryLike | readonly HistoryLike[],
  options?: CurveChartOptions & { running?: boolean },
): LossCurvePayload {
  checkOptions('lossCurvePayload', options, [...CURVE_OPTION_KEYS, 'running']);
  return buildCurvePayload(histories, options, 'lossCurvePayload');
}

/**
 * `lossCurvePayload` for this package's callers: `fn` names the public function in errors, and
 * `streams[i]`, when given, already holds run i's selection (a live curve's incremental one).
 */
export function buildCurvePayload(
  histories: HistoryLike | readonly HistoryLike[],
  options: (CurveChartOptions & { running?: boolean }) | undefined,
  fn: string,
  streams?: readonly (StreamingDownsampler | undefined)[],
): LossCurvePayload {
  const list: readonly HistoryLike[] = Array.isArray(histories)
    ? histories
    : [histories as HistoryLike];
  if (list.length === 0) {
    throw new LosslabError(fn, 'histories', `'histories' is empty`);
  }
  list.forEach((h, i) => {
    if (h === null || typeof h !== 'object' || !Array.isArray(h.loss)) {
      throw new LosslabError(fn, 'histories', `'histories[${i}]' has no 'loss' array`);
    }
  });
  const smoothing = options?.smoothing ?? 0;
  if (typeof smoothing !== 'number' || !(smoothing >= 0 && smoothing < 1)) {
    throw new LosslabError(fn, 'smoothing', `'smoothing' must be in [0, 1), got ${smoothing}`);
  }
  const maxPoints = options?.maxPoints ?? 600;
  if (!Number.isInteger(maxPoints) || maxPoints < 64) {
    throw new LosslabError(
      fn,
      'maxPoints',
      `'maxPoints' must be an integer >= 64, got ${maxPoints}`,
    );
  }
  const locale = options?.locale === undefined ? getLocale() : checkLocale(options.locale, fn);
  const text = messages(locale);
  const buckets = Math.max(16, Math.floor(maxPoints / 2 / list.length));
  const runs = list.map((h, i) =>
    curveRun(
      h,
      clipText(String(options?.names?.[i] ?? h.name ?? text.runName(i + 1))),
      buckets,
      options?.running,
      streams?.[i],
      locale,
    ),
  );
  const payload: LossCurvePayload = {
    version: 1,
    runs,
    options: {
      logY: options?.logY ?? false,
      smoothing,
      title: clipText(String(options?.title ?? text.trainingLoss)),
      xLabel: clipText(String(options?.xLabel ?? text.step)),
      yLabel: clipText(String(options?.yLabel ?? text.loss)),
    },
  };
  const yKind = options?.yKind ?? 'loss';
  if (yKind !== 'loss' && yKind !== 'value') {
    throw new LosslabError(fn, 'yKind', `'yKind' must be 'loss' or 'value', got ${String(yKind)}`);
  }
  if (yKind === 'value') {
    payload.options.yKind = 'value';
  }
  // English is the payload's default: an English chart's payload stays as it always was.
  if (locale !== 'en') {
    payload.options.locale = locale;
  }
  return payload;
}

function curveRun(
  h: HistoryLike,
  name: string,
  buckets: number,
  running: boolean | undefined,
  stream: StreamingDownsampler | undefined,
  locale: Locale,
): CurveRun {
  const loss = h.loss;
  const n = loss.length;
  stream?.update(loss);
  const indices = stream === undefined ? downsampleIndices(loss, buckets) : stream.indices();
  // Entry i of a history thinned to every `stride`-th step holds step i * stride + 1.
  const stride = h.stride !== undefined && h.stride >= 1 ? h.stride : 1;
  const stepOf = (i: number): number => i * stride + 1;
  const points: CurvePoint[] = indices.map((i) => [stepOf(i), rounded(loss[i] as number, 7)]);
  let min: CurveRun['min'] = null;
  let divergedAt: number | undefined;
  let minStep = -1;
  let minLoss = Infinity;
  if (stream !== undefined) {
    minStep = stream.minIndex >= 0 ? stepOf(stream.minIndex) : -1;
    minLoss = stream.minValue;
    divergedAt = stream.firstNonFinite >= 0 ? stepOf(stream.firstNonFinite) : undefined;
  } else {
    for (let i = 0; i < n; i++) {
      const v = loss[i] as number;
      if (v - v !== 0) {
        // NaN or +-Infinity
        divergedAt ??= stepOf(i);
      } else if (v < minLoss) {
        minLoss = v;
        minStep = stepOf(i);
      }
    }
  }
  // A history from fit knows its exact minimum and last loss, whatever was thinned.
  if (h.minStep !== undefined && h.minStep > 0 && h.minLoss !== undefined) {
    minStep = h.minStep;
    minLoss = h.minLoss;
  }
  const last = h.lastLoss !== undefined && stride > 1 ? h.lastLoss : (loss[n - 1] as number);
  if (divergedAt === undefined && n > 0 && last - last !== 0) {
    divergedAt = h.steps ?? stepOf(n - 1);
  }
  if (minStep > 0) {
    min = { step: minStep, loss: minLoss };
  }
  const steps = h.steps ?? (n > 0 ? stepOf(n - 1) : 0);
  const run: CurveRun = {
    name: String(name),
    points,
    steps,
    final: n > 0 ? finiteOrNull(last) : null,
    min,
    stopReason: running ? 'running' : (h.stopReason ?? 'maxSteps'),
  };
  if (running) {
    run.updatedAt = Date.now();
  } else if (h.stopMessage) {
    run.stopMessage = clipText(
      localizeStopMessage(String(h.stopMessage), locale),
      MAX_MESSAGE_LENGTH,
    );
  }
  if (divergedAt !== undefined) {
    run.divergedAt = divergedAt;
  }
  if (h.valLoss !== undefined && h.valLoss.length > 0) {
    run.valPoints = downsample(h.valLoss, {
      buckets: Math.max(8, buckets >> 1),
      steps: h.valStep,
    }).map(([step, v]) => [step, v === null ? null : rounded(v, 7)]);
  }
  const lr = h.learningRate;
  if (lr !== undefined && lr.length === n && n > 0) {
    run.learningRate = indices.map((i) => [stepOf(i), rounded(lr[i] as number, 4)]);
  }
  const seconds = h.elapsed;
  if (seconds !== undefined && seconds.length === n && n > 0) {
    run.elapsed = indices.map((i) => [stepOf(i), rounded(seconds[i] as number, 6)]);
  }
  const metrics = Object.entries(h.metrics ?? {});
  for (const [metric, values] of metrics) {
    if (values.length !== n) {
      throw new LosslabError(
        'lossCurvePayload',
        'histories',
        `metric '${metric}' has ${values.length} values but the run has ${n} losses`,
      );
    }
  }
  const valMetrics = Object.entries(h.valMetrics ?? {});
  const names = [...new Set([...metrics.map(([k]) => k), ...valMetrics.map(([k]) => k)])];
  if (names.length > 0) {
    run.metrics = names.map((metric) => {
      const m: CurveMetric = { name: clipText(metric), points: [] };
      const values = h.metrics?.[metric];
      if (values !== undefined) {
        m.points = indices.map((i) => [stepOf(i), rounded(values[i] as number, 7)]);
      }
      const val = h.valMetrics?.[metric];
      if (val !== undefined && val.length > 0) {
        m.valPoints = downsample(val, {
          buckets: Math.max(8, buckets >> 1),
          steps: h.valStep,
        }).map(([step, v]) => [step, v === null ? null : rounded(v, 7)]);
      }
      return m;
    });
  }
  return run;
}

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

// Drawn points need no more than 7 significant digits (a chart has ~1000 pixels); rounding them
// keeps the JSON about a third smaller. `final` and `min` keep the exact values. Arithmetic
// rounding: toPrecision costs a microsecond a call, too much for a live redraw.
function rounded(v: number, digits: number): number | null {
  if (v - v !== 0) {
    return null;
  }
  if (v === 0) {
    return 0;
  }
  const scale = Math.pow(10, digits - 1 - Math.floor(Math.log10(Math.abs(v))));
  const r = Math.round(v * scale) / scale;
  return Number.isFinite(r) && Number.isFinite(scale) ? r : v;
}
