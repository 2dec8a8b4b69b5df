import type { CurvePoint, LossCurvePayload } from '@losslab/kernel';

import type { PlotLayout, PlotTrace } from './loadPlotly';
import { pluginText } from './pluginText';
import { smoothCurve } from './smoothCurve';
import type { ThemeColors } from './themeColors';

/** What the user chose in the toolbar (starts from the payload's options). */
export interface ViewState {
  logY: boolean;
  smoothing: number;
  /** Draw each run's learning rate (when the payload has it) on a secondary y axis. */
  learningRate?: boolean;
}

/** True when some run of the payload carries its learning rate. */
export function hasLearningRate(payload: LossCurvePayload): boolean {
  return payload.runs.some((run) => (run.learningRate?.length ?? 0) > 0);
}

/** A chart ready for `Plotly.react`. */
export interface Figure {
  data: PlotTrace[];
  layout: PlotLayout;
}

/** Ten colours that read on light and dark backgrounds (Tableau 10). */
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

/**
 * Escapes text for plotly, which reads a few HTML-like tags (`<b>`, `<a href>`, `<br>`) in
 * names and titles; escaped, a run named `<script>` is drawn as those characters.
 *
 * @example
 * plotlyText('<b>a & b</b>'); // '&lt;b&gt;a &amp; b&lt;/b&gt;'
 */
export function plotlyText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function xy(points: readonly CurvePoint[]): { x: number[]; y: (number | null)[] } {
  return { x: points.map((p) => p[0]), y: points.map((p) => p[1]) };
}

/**
 * Builds the plotly traces and layout of a payload: per run a raw curve (faint when smoothing
 * is on), a debiased-EMA smoothed curve, and the validation curve, grouped so that a click on
 * the legend toggles the whole run. `uid`s and `uirevision` stay the same across live updates,
 * so `Plotly.react` keeps the user's zoom and hidden runs; the y axis gets its own revision per
 * scale, because a zoom in linear units means nothing on a log axis. With `view.learningRate`,
 * each run's learning rate (when present) is drawn dotted on a secondary y axis on the right.
 *
 * @example
 * const fig = buildFigure(
 *   { version: 1, options: { logY: false, smoothing: 0, title: '', xLabel: 'step', yLabel: 'loss' },
 *     runs: [{ name: 'sgd', points: [[0, 1], [1, 0.5]], steps: 2, final: 0.5, min: { step: 1, loss: 0.5 }, stopReason: 'maxSteps' }] },
 *   { logY: true, smoothing: 0 },
 *   { light: true, background: '#fff', text: '#000', grid: '#ddd', font: 'sans-serif' },
 * );
 * fig.data.length; // 1
 * (fig.layout.yaxis as { type: string }).type; // 'log'
 */
export function buildFigure(
  payload: LossCurvePayload,
  view: ViewState,
  colors: ThemeColors,
): Figure {
  const data: PlotTrace[] = [];
  const text = pluginText(payload.options.locale);
  const showLr = view.learningRate === true && hasLearningRate(payload);
  payload.runs.forEach((run, r) => {
    const color = PALETTE[r % PALETTE.length];
    const name = plotlyText(run.name);
    const group = `run-${r}`;
    const smooth = view.smoothing > 0;
    data.push({
      uid: `${group}-raw`,
      type: 'scatter',
      mode: run.points.length === 1 ? 'markers' : 'lines',
      name,
      legendgroup: group,
      showlegend: !smooth,
      ...xy(run.points),
      line: { color, width: smooth ? 1 : 2 },
      marker: { color },
      opacity: smooth ? 0.3 : 1,
      hovertemplate: text.hover,
    });
    if (smooth) {
      data.push({
        uid: `${group}-smooth`,
        type: 'scatter',
        mode: 'lines',
        name,
        legendgroup: group,
        ...xy(smoothCurve(run.points, view.smoothing)),
        line: { color, width: 2 },
        hovertemplate: text.hoverSmoothed,
      });
    }
    if (run.valPoints && run.valPoints.length > 0) {
      data.push({
        uid: `${group}-val`,
        type: 'scatter',
        mode: 'lines',
        name: text.validation(name),
        legendgroup: group,
        ...xy(run.valPoints),
        line: { color, width: 2, dash: 'dash' },
        hovertemplate: text.hover,
      });
    }
    if (showLr && run.learningRate && run.learningRate.length > 0) {
      data.push({
        uid: `${group}-lr`,
        type: 'scatter',
        mode: 'lines',
        name: text.learningRateTrace(name),
        legendgroup: group,
        yaxis: 'y2',
        ...xy(run.learningRate),
        line: { color, width: 1, dash: 'dot' },
        hovertemplate: text.hoverLr,
      });
    }
  });
  const axis = {
    gridcolor: colors.grid,
    zerolinecolor: colors.grid,
    linecolor: colors.grid,
    automargin: true,
  };
  const { title, xLabel, yLabel } = payload.options;
  const layout: PlotLayout = {
    uirevision: 'losslab',
    height: 360,
    margin: { l: 60, r: showLr ? 60 : 20, t: title ? 40 : 16, b: 48 },
    paper_bgcolor: colors.background,
    plot_bgcolor: colors.background,
    font: { color: colors.text, family: colors.font },
    hovermode: 'closest',
    showlegend: true,
    legend: { bgcolor: 'rgba(0,0,0,0)' },
    xaxis: { ...axis, title: { text: plotlyText(xLabel) } },
    yaxis: {
      ...axis,
      title: { text: plotlyText(yLabel) },
      type: view.logY ? 'log' : 'linear',
      uirevision: view.logY ? 'log' : 'linear',
    },
  };
  if (showLr) {
    // Its own linear scale on the right: a learning rate and a loss share no units.
    layout.yaxis2 = {
      ...axis,
      title: { text: text.learningRateAxis },
      overlaying: 'y',
      side: 'right',
      showgrid: false,
      rangemode: 'tozero',
    };
  }
  if (title) {
    layout.title = { text: plotlyText(title), x: 0.02, xanchor: 'left' };
  }
  return { data, layout };
}
