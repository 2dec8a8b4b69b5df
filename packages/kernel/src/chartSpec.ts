import { formatNumber } from './formatNumber';
import { extent } from './extent';
import { messages } from './locale';
import type { Locale, Messages } from './locale';
import { logTicks, niceTicks } from './niceTicks';
import type { CurvePoint, CurveRun, LossCurvePayload } from './payload';
import { smoothEma } from './smoothEma';

// This module decides what a loss-curve chart says; `renderCurveSvg` (the SVG in every bundle)
// and the JupyterLab plugin's `buildFigure` (plotly) only draw it. It is part of the
// browser-safe entry (`browser.ts`): no Node module and nothing from core's index.

/** The run colours (matplotlib's tab10), readable on light and dark backgrounds. */
export const RUN_COLORS: readonly string[] = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

/** The colour of divergence marks (matplotlib's red). */
export const DIVERGED_COLOR = '#d62728';

/** What a reader chose (the plugin's toolbar); a static chart uses the payload's defaults. */
export interface ChartView {
  /** Log y on the loss panel (default: the payload's `options.logY`). */
  logY: boolean;
  /** Smoothing weight in [0, 1) (default: the payload's `options.smoothing`). */
  smoothing: number;
  /** Each run's learning rate in a panel of its own (default false). */
  learningRate?: boolean;
  /**
   * Scale each panel's y to the bulk of the values (default false): runs that diverged are left
   * out of the scale when another run did not, and values past Tukey's far-out fence
   * (Q3 + 3 IQR, in decades on a log axis) of the rest too. Lines beyond it are clipped.
   */
  ignoreOutliers?: boolean;
  /** `'time'`: seconds since each run started on the x axis, when runs carry `elapsed`. */
  xAxis?: 'step' | 'time';
}

/** A tick: its value in data units and its label. */
export interface TickSpec {
  value: number;
  label: string;
}

/** An axis: its title, scale, range in data units and ticks. */
export interface AxisSpec {
  title: string;
  log: boolean;
  min: number;
  max: number;
  ticks: TickSpec[];
}

/** One panel (stacked vertically, sharing x): the loss, then one per metric, then the learning rate. */
export interface PanelSpec {
  /** `'loss'`, `'learningRate'`, or `'metric:<name>'`. */
  key: string;
  y: AxisSpec;
  /** Height of its plot area at the chart's design size, in pixels. */
  height: number;
}

/** Line dash: solid, dashed (validation), dotted (learning rate). */
export type Dash = 'solid' | 'dash' | 'dot';

/** One line of the chart. */
export interface SeriesSpec {
  /** Stable id (`run-0-raw`, `run-0-smooth`, `run-0-val`, `run-0-lr`, `run-0-m0`, `run-0-m0-val`). */
  id: string;
  run: number;
  panel: number;
  /** What a hover calls it (the run's name with a suffix). */
  name: string;
  /** Its legend entry, when it carries one. */
  legend?: string;
  color: string;
  width: number;
  opacity: number;
  dash: Dash;
  /** `[x, y]` in axis units; y null for a gap (NaN, or <= 0 on a log axis). */
  points: CurvePoint[];
  /** Each point's value as a hover shows it (null in a gap). */
  labels: (string | null)[];
}

/** A mark: a run's minimum (a dot), where it diverged (a dashed vertical line), where it stopped (a square). */
export interface MarkSpec {
  kind: 'min' | 'diverged' | 'stop';
  run: number;
  panel: number;
  x: number;
  /** Absent for a vertical line across the panel. */
  y?: number;
  color: string;
  /** What the mark says: drawn beside it when `showLabel`, a tooltip otherwise. */
  label: string;
  showLabel: boolean;
  /** Which side of the mark its label goes: towards the middle of the chart, never off its edge. */
  side: 'left' | 'right';
}

/** Everything a renderer draws. */
export interface ChartSpec {
  title: string;
  x: AxisSpec;
  /** Top to bottom. */
  panels: PanelSpec[];
  /** In drawing order (later on top): longer runs first, so a short run is never hidden under a long one. */
  series: SeriesSpec[];
  marks: MarkSpec[];
  /** Whether to show a legend (several runs, validation curves or metrics); entries are the series' `legend`, in run order. */
  showLegend: boolean;
  /** Notes written inside the loss panel, bottom-left, one a line. */
  notes: string[];
  /** One line per run: steps, final and best value, how it stopped. */
  summary: string[];
  /** The chart's language (its payload's `options.locale`; English unless `'zh'`). */
  locale: Locale;
}

/** A live run whose last frame is older than this is not called running (30 s). */
export const STALE_MS = 30_000;

const LOSS_HEIGHT = 282;
const SUB_HEIGHT = 110;

/**
 * Tick labels of one axis, all in one notation: whole numbers in full with thousands separators;
 * otherwise plain decimals when every tick reads so in at most 6 characters, else `1e-4` style
 * for all (never a bare digit that means a tenth, never an SI suffix such as `µ` or `M`).
 *
 * @example
 * [tickLabels([0.001, 0.01, 0.1, 1]), tickLabels([1e-6, 1e-4, 0.01, 1]), tickLabels([0, 500000, 1000000])];
 * // [['0.001', '0.01', '0.1', '1'], ['1e-6', '1e-4', '1e-2', '1e+0'], ['0', '500,000', '1,000,000']]
 */
export function tickLabels(values: readonly number[]): string[] {
  // Whole numbers (steps, large losses) read best in full, with thousands separators.
  if (values.every((v) => Number.isInteger(v) && Math.abs(v) < 1e9)) {
    return values.map((v) => v.toLocaleString('en-US'));
  }
  const plain = values.map((v) => formatNumber(v, 4));
  if (plain.every((s) => !s.includes('e') && s.length <= 6)) {
    return plain;
  }
  return values.map((v) => {
    if (v === 0) {
      return '0';
    }
    const [m, e] = v.toExponential(3).split('e') as [string, string];
    const mantissa = m.includes('.') ? m.replace(/\.?0+$/, '') : m;
    return `${mantissa}e${e}`;
  });
}

/**
 * Ticks of an axis over [min, max]: log ticks (powers of ten, with 2 and 5 in less than two
 * decades) or nice linear ticks, labelled by `tickLabels`. The plugin calls it again when a reader
 * zooms.
 *
 * @example
 * axisTicks(0.2, 3, true).map((t) => t.label);
 * // ['0.2', '0.5', '1', '2']
 */
export function axisTicks(min: number, max: number, log: boolean, count = 5): TickSpec[] {
  // A log axis holds more labels than a linear one: short, and evenly spaced in decades.
  const values = log ? logTicks(min, max, count + 5) : niceTicks(min, max, count);
  const labels = tickLabels(values);
  return values.map((value, i) => ({ value, label: labels[i] as string }));
}

function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}

/** The y axis of a panel holding `values` (finite, already filtered for a log scale). */
function yAxis(values: number[], title: string, log: boolean, ignoreOutliers: boolean): AxisSpec {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (values.length === 0) {
    [lo, hi] = log ? [0.1, 1] : [0, 1];
  } else if (ignoreOutliers && values.length >= 4) {
    // Tukey's far-out fence: values beyond Q3 + 3 IQR (in decades on a log axis), a diverged
    // run's last few for instance, do not decide the scale; the rest, the minimum included, does.
    const u = log ? values.map(Math.log10) : values;
    const sorted = [...u].sort((a, b) => a - b);
    const q1 = quantile(sorted, 0.25);
    const q3 = quantile(sorted, 0.75);
    const fence = q3 + 3 * (q3 - q1);
    const kept = sorted.filter((v) => v <= fence);
    const top = kept[kept.length - 1] as number;
    hi = log ? Math.pow(10, top) : top;
  }
  // Flat, or flat to within rounding (a smoothed copy of a constant can differ in its last bit,
  // and two values 1 ulp apart are one point on a log axis).
  if (hi === lo || (log && !(Math.log10(hi) - Math.log10(lo) > 1e-9))) {
    // A flat curve gets a band around it: +-10% (at least 8 of the smallest doubles, so a
    // subnormal value still gets a band), or a factor of 2 each way on a log axis.
    const pad = lo === 0 ? 1 : Math.max(Math.abs(lo) * 0.1, 8 * Number.MIN_VALUE);
    lo = log ? lo / 2 : lo - pad;
    hi = log ? hi * 2 : hi + pad;
  } else if (log) {
    // 4% of the decades each way, so the lowest and highest points are not on the frame.
    const pad = Math.pow(hi / lo, 0.04);
    lo = Number.isFinite(pad) && lo / pad > 0 ? lo / pad : lo;
    hi = Number.isFinite(hi * pad) ? hi * pad : hi;
  } else {
    // Half the range can overflow at +-1.7e308; pad by a fraction of each bound's own size.
    const pad = hi / 20 - lo / 20;
    lo = Number.isFinite(lo - pad) ? lo - pad : lo;
    hi = Number.isFinite(hi + pad) ? hi + pad : hi;
  }
  return { title, log, min: lo, max: hi, ticks: axisTicks(lo, hi, log) };
}

/** Maps a step to seconds since the run started, by linear interpolation in `elapsed`. */
function timeOf(elapsed: readonly CurvePoint[]): (step: number) => number | null {
  const known = elapsed.filter((p): p is [number, number] => p[1] !== null);
  return (step) => {
    if (known.length === 0) {
      return null;
    }
    let k = 0;
    while (k < known.length - 1 && (known[k + 1] as [number, number])[0] < step) {
      k++;
    }
    const [s0, t0] = known[k] as [number, number];
    const next = known[k + 1];
    if (next === undefined || step <= s0) {
      return t0;
    }
    const [s1, t1] = next;
    return t0 + ((t1 - t0) * (step - s0)) / (s1 - s0);
  };
}

function ago(ms: number, text: Messages): string {
  const s = Math.round(ms / 1000);
  if (s < 120) {
    return text.noUpdateFor(s, 's');
  }
  const min = Math.round(s / 60);
  return min < 120 ? text.noUpdateFor(min, 'min') : text.noUpdateFor(Math.round(min / 60), 'h');
}

/**
 * How a run stands when its stop reason alone does not say it: an error's or an interrupt's own
 * sentence, a live run gone stale ("no update for 3 min", with `now`), and for a note a live
 * run's last update; null otherwise.
 */
function standing(
  run: CurveRun,
  now: number | undefined,
  text: Messages,
  note: boolean,
): string | null {
  if ((run.stopReason === 'error' || run.stopReason === 'interrupted') && run.stopMessage) {
    return run.stopMessage;
  }
  if (run.stopReason === 'running' && run.updatedAt !== undefined) {
    if (now !== undefined && now - run.updatedAt > STALE_MS) {
      return ago(now - run.updatedAt, text);
    }
    if (note) {
      return text.lastUpdate(`${new Date(run.updatedAt).toISOString().slice(11, 19)} UTC`);
    }
  }
  return null;
}

function runSummary(
  run: CurveRun,
  isLoss: boolean,
  now: number | undefined,
  text: Messages,
): string {
  const f4 = (v: number): string => formatNumber(v, 4);
  const final = run.final === null ? null : f4(run.final);
  const how = standing(run, now, text, false) ?? run.stopReason;
  if (!isLoss) {
    const ys = run.points.map((p) => p[1]).filter((y): y is number => y !== null);
    const [lo, hi] = extent(ys);
    const low = ys.length > 0 ? f4(lo) : '-';
    const high = ys.length > 0 ? f4(hi) : '-';
    const line = text.summaryValues({ name: run.name, steps: run.steps, final, low, high });
    return run.stopReason === 'maxSteps' ? line : `${line} (${how})`;
  }
  const summary: Parameters<Messages['summaryRun']>[0] = {
    name: run.name,
    steps: run.steps,
    final,
    min: run.min === null ? null : { loss: f4(run.min.loss), step: run.min.step },
    stopReason: how,
  };
  if (run.divergedAt !== undefined) {
    summary.divergedAt = run.divergedAt;
  }
  return text.summaryRun(summary);
}

function shortName(name: string): string {
  // A long name would make the legend very wide: shortened there, whole in hovers and tooltips.
  return name.length > 28 ? `${name.slice(0, 27)}…` : name;
}

/**
 * What a loss-curve chart shows, decided once from its payload and the reader's view: panels
 * (the loss; one per metric; the learning rate when asked), their axes with ticks and labels,
 * every line with its colour, dash and hover labels, the marks (each run's minimum, where it
 * diverged, where a rule stopped it early), the legend entries, notes (values left out of a log
 * axis, errors, interrupts, a live run's last update or staleness) and the summary. `now` (ms
 * since the epoch) lets a live run with an old `updatedAt` be called stale; without it the note
 * gives the time of its last frame. The SVG renderer and the plugin draw exactly this.
 *
 * @example
 * const spec = chartSpec({
 *   version: 1,
 *   options: { logY: false, smoothing: 0, title: 'gd', xLabel: 'step', yLabel: 'loss' },
 *   runs: [{ name: 'gd', points: [[1, 4], [2, 1], [3, null]], steps: 3, final: null,
 *     min: { step: 2, loss: 1 }, stopReason: 'diverged', divergedAt: 3 }],
 * });
 * spec.marks.map((m) => m.label);
 * // ['min 1 at step 2', 'diverged at step 3']
 */
export function chartSpec(
  payload: LossCurvePayload,
  view?: Partial<ChartView>,
  now?: number,
): ChartSpec {
  const { runs, options } = payload;
  const locale: Locale = options.locale === 'zh' ? 'zh' : 'en';
  const text = messages(locale);
  const smoothing = view?.smoothing ?? options.smoothing;
  const ignoreOutliers = view?.ignoreOutliers === true;
  const isLoss = options.yKind !== 'value';
  const useTime =
    view?.xAxis === 'time' && runs.length > 0 && runs.every((r) => (r.elapsed?.length ?? 0) > 0);
  const notes: string[] = [];

  // Panels: the loss, one per metric name in order of first appearance, the learning rate.
  const metricNames: string[] = [];
  for (const run of runs) {
    for (const m of run.metrics ?? []) {
      if (!metricNames.includes(m.name)) {
        metricNames.push(m.name);
      }
    }
  }
  const showLr = view?.learningRate === true && runs.some((r) => (r.learningRate?.length ?? 0) > 0);
  const lrPanel = showLr ? 1 + metricNames.length : -1;

  // The loss panel's scale: values <= 0 cannot go on a log axis.
  let logY = view?.logY ?? options.logY;
  let finite = 0;
  let nonPositive = 0;
  for (const run of runs) {
    for (const pts of [run.points, run.valPoints ?? []]) {
      for (const [, y] of pts) {
        if (y !== null) {
          finite++;
          nonPositive += y <= 0 ? 1 : 0;
        }
      }
    }
  }
  if (logY && nonPositive > 0) {
    if (nonPositive === finite) {
      logY = false;
      notes.push(text.noPositiveLoss);
    } else {
      notes.push(text.nonPositiveHidden(nonPositive));
    }
  }
  for (const run of runs) {
    const how = standing(run, now, text, true);
    if (how !== null) {
      notes.push(`${runs.length > 1 ? `${run.name}${text.nameSeparator}` : ''}${how}`);
    }
  }

  const series: SeriesSpec[] = [];
  const marks: MarkSpec[] = [];
  const xs: number[] = [];
  const panelValues: number[][] = [[], ...metricNames.map(() => []), ...(showLr ? [[]] : [])];
  // With "ignore outliers", a run that diverged does not decide the scale while another run can.
  const diverging = (run: CurveRun): boolean =>
    run.divergedAt !== undefined || run.stopReason === 'diverged';
  const scaleAll = !ignoreOutliers || runs.every(diverging);
  const f4 = (v: number): string => formatNumber(v, 4);

  runs.forEach((run, r) => {
    const color = RUN_COLORS[r % RUN_COLORS.length] as string;
    const time = useTime ? timeOf(run.elapsed ?? []) : null;
    const toX = (step: number): number | null => (time === null ? step : time(step));
    const add = (
      id: string,
      panel: number,
      name: string,
      pts: readonly CurvePoint[],
      style: { width: number; opacity: number; dash: Dash; legend?: string; log?: boolean },
      values?: ArrayLike<number>,
    ): void => {
      const points: CurvePoint[] = [];
      const labels: (string | null)[] = [];
      pts.forEach(([step, raw], i) => {
        const x = toX(step);
        if (x === null) {
          return;
        }
        const v = values === undefined ? raw : (values[i] as number);
        const y = v !== null && Number.isFinite(v) && (!style.log || v > 0) ? v : null;
        points.push([x, y]);
        labels.push(y === null ? null : f4(y));
        xs.push(x);
        if (y !== null && (scaleAll || !diverging(run))) {
          (panelValues[panel] as number[]).push(y);
        }
      });
      const s: SeriesSpec = {
        id,
        run: r,
        panel,
        name,
        color,
        width: style.width,
        opacity: style.opacity,
        dash: style.dash,
        points,
        labels,
      };
      if (style.legend !== undefined) {
        s.legend = style.legend;
      }
      series.push(s);
    };
    const short = shortName(run.name);
    const legendMin =
      isLoss && run.min !== null ? text.legendMin(f4(run.min.loss), run.min.step) : '';
    const smooth = smoothing > 0;
    // The legend entry goes on the line a reader sees: the smoothed one when smoothing is on.
    add(
      `run-${r}-raw`,
      0,
      run.name,
      run.points,
      smooth
        ? { width: 1, opacity: 0.3, dash: 'solid', log: logY }
        : { width: 1.8, opacity: 1, dash: 'solid', log: logY, legend: `${short}${legendMin}` },
    );
    if (smooth) {
      add(
        `run-${r}-smooth`,
        0,
        `${run.name} (${formatNumber(smoothing, 2)})`,
        run.points,
        { width: 1.8, opacity: 1, dash: 'solid', log: logY, legend: `${short}${legendMin}` },
        smoothEma(
          run.points.map((p) => p[1]),
          smoothing,
        ),
      );
    }
    if (run.valPoints !== undefined && run.valPoints.length > 0) {
      add(`run-${r}-val`, 0, `${run.name}${text.validation}`, run.valPoints, {
        width: 1.8,
        opacity: 1,
        dash: 'dash',
        log: logY,
        legend: `${short}${text.validation}`,
      });
    }
    (run.metrics ?? []).forEach((m) => {
      const k = metricNames.indexOf(m.name);
      const style = { width: 1.8, opacity: 1, dash: 'solid' as const };
      add(`run-${r}-m${k}`, 1 + k, `${run.name}${text.nameSeparator}${m.name}`, m.points, style);
      if (m.valPoints !== undefined && m.valPoints.length > 0) {
        add(
          `run-${r}-m${k}-val`,
          1 + k,
          `${run.name}${text.nameSeparator}${m.name}${text.validation}`,
          m.valPoints,
          {
            ...style,
            dash: 'dash',
          },
        );
      }
    });
    if (showLr && run.learningRate !== undefined && run.learningRate.length > 0) {
      add(
        `run-${r}-lr`,
        lrPanel,
        `${run.name}${text.nameSeparator}${text.learningRate}`,
        run.learningRate,
        {
          width: 1.5,
          opacity: 1,
          dash: 'dot',
        },
      );
    }

    // Marks. The minimum of a loss (never of another quantity, which has no best).
    const single = runs.length === 1;
    if (isLoss && run.min !== null && (!logY || run.min.loss > 0)) {
      const x = toX(run.min.step);
      if (x !== null) {
        marks.push({
          kind: 'min',
          run: r,
          panel: 0,
          x,
          y: run.min.loss,
          color,
          label: `${single ? '' : `${run.name}${text.nameSeparator}`}${text.minAt(f4(run.min.loss), run.min.step)}`,
          // With several runs the labels would collide: the legend says them.
          showLabel: single,
          side: 'right',
        });
      }
    }
    // Where the loss became NaN or Infinity, or the step a divergence rule stopped the run at.
    const divergedAt = run.divergedAt ?? (run.stopReason === 'diverged' ? run.steps : undefined);
    if (divergedAt !== undefined) {
      const x = toX(divergedAt);
      if (x !== null) {
        marks.push({
          kind: 'diverged',
          run: r,
          panel: 0,
          x,
          color: DIVERGED_COLOR,
          label: `${single ? '' : `${run.name}${text.nameSeparator}`}${text.divergedAt(divergedAt)}`,
          showLabel: true,
          side: 'right',
        });
      }
    }
    // Where a run ended before its step limit (a threshold, early stopping, a callback, an error,
    // an interrupt): a square on its last drawn point, so a short run shows where it stopped.
    const last = [...run.points].reverse().find((p) => p[1] !== null && (!logY || p[1] > 0));
    if (
      !['maxSteps', 'running', 'diverged', ''].includes(run.stopReason) &&
      run.divergedAt === undefined &&
      last !== undefined
    ) {
      const x = toX(last[0]);
      if (x !== null) {
        marks.push({
          kind: 'stop',
          run: r,
          panel: 0,
          x,
          y: last[1] as number,
          color,
          label: `${single ? '' : `${run.name}${text.nameSeparator}`}${text.stoppedAt(run.stopReason, run.steps)}`,
          showLabel: false,
          side: 'right',
        });
      }
    }
  });

  // Longer runs first: a run that stopped early is drawn over the one that went on, never under.
  const lastX = (run: number): number =>
    Math.max(...series.filter((s) => s.run === run).map((s) => s.points.at(-1)?.[0] ?? 0));
  const order = runs.map((_, r) => r).sort((a, b) => lastX(b) - lastX(a) || a - b);
  series.sort((a, b) => order.indexOf(a.run) - order.indexOf(b.run));

  let [xMin, xMax] = xs.length > 0 ? extent(xs) : [0, 1];
  if (xs.length === 0) {
    notes.push(text.noDataYet);
  }
  if (xMax === xMin) {
    xMin -= 1;
    xMax += 1;
  }
  const xTitle = useTime ? text.elapsedSeconds : options.xLabel;
  // Steps are whole: no tick at step 1.5 (time on x has any ticks).
  const allX = axisTicks(xMin, xMax, false, 6);
  const wholeX = allX.filter((t) => Number.isInteger(t.value));
  const xTicks = useTime || wholeX.length < 2 ? allX : wholeX;
  for (const m of marks) {
    m.side = m.x > (xMin + xMax) / 2 ? 'left' : 'right';
  }
  const panels: PanelSpec[] = [
    {
      key: 'loss',
      height: LOSS_HEIGHT,
      y: yAxis(panelValues[0] as number[], options.yLabel, logY, ignoreOutliers),
    },
    ...metricNames.map((name, k) => ({
      key: `metric:${name}`,
      height: SUB_HEIGHT,
      y: yAxis(panelValues[1 + k] as number[], name, false, ignoreOutliers),
    })),
  ];
  if (showLr) {
    panels.push({
      key: 'learningRate',
      height: SUB_HEIGHT,
      y: yAxis(panelValues[lrPanel] as number[], text.learningRate, false, false),
    });
  }
  return {
    title: options.title,
    x: { title: xTitle, log: false, min: xMin, max: xMax, ticks: xTicks },
    panels,
    series,
    marks,
    showLegend:
      runs.length > 1 || runs.some((r) => (r.valPoints?.length ?? 0) > 0) || metricNames.length > 0,
    notes,
    summary: runs.map((run) => runSummary(run, isLoss, now, text)),
    locale,
  };
}

/**
 * The summary lines of a chart joined in its locale (`; ` or `；`): the `text/plain` of a bundle.
 *
 * @example
 * summaryText(['a: 1 step', 'b: 2 steps'], 'en');
 * // 'a: 1 step; b: 2 steps'
 */
export function summaryText(lines: readonly string[], locale: Locale): string {
  return lines.join(messages(locale).listSeparator);
}
