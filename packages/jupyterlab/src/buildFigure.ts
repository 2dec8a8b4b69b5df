import { chartSpec, estimateTextWidth } from '@losslab/kernel/lib/browser';
import type {
  AxisSpec,
  ChartSpec,
  ChartView,
  Dash,
  LossCurvePayload,
} from '@losslab/kernel/lib/browser';

import type { PlotLayout, PlotTrace } from './loadPlotly';
import type { ThemeColors } from './themeColors';

/** What the user chose in the toolbar (starts from the payload's options). */
export type ViewState = ChartView;

/** True when some run of the payload carries its learning rate. */
export function hasLearningRate(payload: LossCurvePayload): boolean {
  return payload.runs.some((run) => (run.learningRate?.length ?? 0) > 0);
}

/** True when every run carries wall-clock times (the x axis can show time). */
export function hasElapsed(payload: LossCurvePayload): boolean {
  return payload.runs.length > 0 && payload.runs.every((run) => (run.elapsed?.length ?? 0) > 0);
}

/** A chart ready for `Plotly.react`, and the spec it draws. */
export interface Figure {
  data: PlotTrace[];
  layout: PlotLayout;
  spec: ChartSpec;
}

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

const DASHES: Record<Dash, string> = { solid: 'solid', dash: 'dash', dot: 'dot' };
const FONT = 12;
/** Space between stacked panels, as in the SVG. */
const PANEL_GAP = 26;
const MARGIN = { l: 64, r: 16 };

/** Plotly's name of panel i's y axis: trace reference and layout key. */
function yRef(i: number): { trace: string; layout: string } {
  return i === 0
    ? { trace: 'y', layout: 'yaxis' }
    : { trace: `y${i + 1}`, layout: `yaxis${i + 1}` };
}

/** Plotly's range of an axis spec (log axes in decades). */
function range(axis: AxisSpec): [number, number] {
  return axis.log ? [Math.log10(axis.min), Math.log10(axis.max)] : [axis.min, axis.max];
}

/** Breaks `text` into lines no wider than `width` at `fontSize` (estimated), at spaces. */
function wrap(text: string, width: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && estimateTextWidth(next, fontSize) > width) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  lines.push(line);
  return lines;
}

/**
 * A horizontal legend of `labels` laid out as a grid over `width` pixels, as the SVG lays out its
 * own: as many equal columns as the widest entry allows (at least one), its font smaller on a
 * narrow chart, and the rows that takes.
 */
function legendGrid(
  labels: readonly string[],
  width: number,
): { columns: number; rows: number; fontSize: number } {
  const fontSize = width < 480 ? 10 : FONT;
  // Plotly's entry: a 40 px swatch and gap, the text, about 10 px after it.
  const entry = 50 + Math.max(0, ...labels.map((l) => estimateTextWidth(l, fontSize)));
  const columns = Math.max(1, Math.min(labels.length, Math.floor(width / entry)));
  return { columns, rows: Math.ceil(labels.length / columns), fontSize };
}

/**
 * Draws `chartSpec(payload, view, now)` with plotly: one trace per spec series (same ids as the
 * SVG's `data-series`, colours, widths, dashes), the marks as traces of their run's legend group
 * (a click on a run in the legend hides all its lines and marks: loss, smoothed, validation,
 * metrics, learning rate), the spec's ticks and labels on every axis, panels stacked as in the
 * SVG, the notes as an annotation in the loss panel, and the legend below the plot in rows, its
 * margin computed from `width` (the plot's width in pixels) so it never covers a curve or an
 * axis. A unified hover lists every visible run's value at the step under the mouse, raw and
 * smoothed. `uid`s and `uirevision` stay the same across live updates, so `Plotly.react` keeps
 * the user's zoom and hidden runs; each y axis gets its own revision per scale.
 *
 * @example
 * const fig = buildFigure(
 *   { version: 1, options: { logY: false, smoothing: 0, title: '', xLabel: 'step', yLabel: 'loss' },
 *     runs: [{ name: 'sgd', points: [[1, 1], [2, 0.5]], steps: 2, final: 0.5, min: { step: 2, loss: 0.5 }, stopReason: 'maxSteps' }] },
 *   { logY: true, smoothing: 0 },
 *   { light: true, background: '#fff', text: '#000', grid: '#ddd', font: 'sans-serif' },
 * );
 * fig.data.map((t) => t.uid); // ['run-0-raw', 'run-0-min']
 * (fig.layout.yaxis as { type: string }).type; // 'log'
 */
export function buildFigure(
  payload: LossCurvePayload,
  view: ViewState,
  colors: ThemeColors,
  width = 640,
  now?: number,
): Figure {
  const spec = chartSpec(payload, view, now);
  const data: PlotTrace[] = [];
  const group = (run: number): string => `run-${run}`;
  const showLegend = spec.showLegend;
  for (const s of spec.series) {
    const y = yRef(s.panel);
    const trace: PlotTrace = {
      uid: s.id,
      type: 'scatter',
      mode: s.points.length === 1 ? 'markers' : 'lines',
      name: plotlyText(s.legend ?? s.name),
      meta: plotlyText(s.name),
      legendgroup: group(s.run),
      legendrank: 1000 + s.run,
      showlegend: showLegend && s.legend !== undefined,
      yaxis: y.trace,
      x: s.points.map((p) => p[0]),
      y: s.points.map((p) => p[1]),
      text: s.labels,
      line: { color: s.color, width: s.width, dash: DASHES[s.dash] },
      marker: { color: s.color },
      opacity: s.opacity,
      hovertemplate: '%{meta}: %{text}<extra></extra>',
    };
    data.push(trace);
  }
  // Marks; a divergence line spans its panel (its label stacked under the previous ones).

  let divergedIndex = 0;
  for (const m of spec.marks) {
    const panel = spec.panels[m.panel]!;
    const y = yRef(m.panel);
    const common = {
      uid: `run-${m.run}-${m.kind}`,
      type: 'scatter',
      name: plotlyText(m.label),
      legendgroup: group(m.run),
      showlegend: false,
      yaxis: y.trace,
      hoverinfo: 'skip',
      // A mark on the frame (the last step's minimum) is drawn whole, not cut in half.
      cliponaxis: false,
      textfont: { color: m.color, size: 11 },
    };
    if (m.kind === 'diverged') {
      const [lo, hi] = range(panel.y);
      // The label sits 12 px lower for each earlier divergence, as in the SVG.
      const at = hi - ((hi - lo) * (12 + 12 * divergedIndex++)) / panel.height;
      const v = (u: number): number => (panel.y.log ? Math.pow(10, u) : u);
      data.push({
        ...common,
        mode: 'lines+text',
        x: [m.x, m.x, m.x],
        y: [v(lo), v(at), v(hi)],
        text: ['', plotlyText(m.label), ''],
        textposition: m.side === 'left' ? 'middle left' : 'middle right',
        line: { color: m.color, width: 1, dash: 'dash' },
      });
      continue;
    }
    data.push({
      ...common,
      mode: m.showLabel ? 'markers+text' : 'markers',
      x: [m.x],
      y: [m.y],
      text: [m.showLabel ? plotlyText(m.label) : ''],
      textposition: m.side === 'left' ? 'top left' : 'top right',
      marker:
        m.kind === 'min'
          ? { color: m.color, size: 7, line: { color: colors.text, width: 0.8 } }
          : {
              color: m.color,
              size: 8,
              symbol: 'square-open',
              line: { color: m.color, width: 1.5 },
            },
    });
  }

  // Panels stacked top to bottom inside the plot area, with the SVG's heights and gaps.
  const plotHeight =
    spec.panels.reduce((h, p) => h + p.height, 0) + PANEL_GAP * (spec.panels.length - 1);
  // A title wider than the chart shrinks (down to 12 px), then wraps: never cut at the edge.
  const titleRoom = Math.max(120, width - 24);
  const titleSize = spec.title
    ? Math.max(12, Math.min(14, Math.floor((14 * titleRoom) / estimateTextWidth(spec.title, 14))))
    : 14;
  const titleLines = spec.title ? wrap(spec.title, titleRoom, titleSize) : [];
  const legendLabels = showLegend
    ? spec.series.filter((s) => s.legend !== undefined).map((s) => s.legend as string)
    : [];
  // The plot area's width (the chart less its side margins), by which plotly sizes 'fraction'
  // legend entries.
  const plotWidth = Math.max(100, width - MARGIN.l - MARGIN.r);
  const grid = legendGrid(legendLabels, plotWidth);
  const rows = grid.rows;
  const margin = {
    l: MARGIN.l,
    r: MARGIN.r,
    t: titleLines.length > 0 ? 18 + Math.ceil(titleSize * 1.3) * titleLines.length : 16,
    // x tick labels and the x title, then the legend's rows.
    b: 48 + rows * (grid.fontSize + 8) + (rows > 0 ? 6 : 0),
  };
  // On a narrow plot every k-th of the spec's x ticks, so that their labels never collide (plotly
  // would tilt them); the SVG, always 640 wide, shows all.
  const widestX = Math.max(0, ...spec.x.ticks.map((t) => estimateTextWidth(t.label, FONT) + 8));
  const every = Math.max(1, Math.ceil((spec.x.ticks.length * widestX) / plotWidth));
  const xTicks = spec.x.ticks.filter((_, i) => i % every === 0);
  const axisStyle = {
    gridcolor: colors.grid,
    zerolinecolor: colors.grid,
    linecolor: colors.grid,
    showline: true,
    automargin: true,
  };
  const layout: PlotLayout = {
    uirevision: 'losslab',
    height: plotHeight + margin.t + margin.b,
    margin,
    paper_bgcolor: colors.background,
    plot_bgcolor: colors.background,
    font: { color: colors.text, family: colors.font, size: FONT },
    hovermode: 'x unified',
    hoverlabel: { bgcolor: colors.background, font: { color: colors.text } },
    showlegend: showLegend,
    // Below the plot, in rows, inside the bottom margin reserved for it.
    legend: {
      orientation: 'h',
      // From the chart's left edge (not the plot's), in equal columns, as the SVG's legend.
      x: 0,
      xref: 'container',
      xanchor: 'left',
      y: 0,
      yref: 'container',
      yanchor: 'bottom',
      // Equal columns when two or more fit; one entry a row otherwise, each as wide as it is.
      ...(grid.columns > 1 ? { entrywidthmode: 'fraction', entrywidth: 1 / grid.columns } : {}),
      font: { size: grid.fontSize },
      bgcolor: 'rgba(0,0,0,0)',
      traceorder: 'normal',
    },
    xaxis: {
      ...axisStyle,
      title: { text: plotlyText(spec.x.title), standoff: 6 },
      range: range(spec.x),
      tickmode: 'array',
      tickvals: xTicks.map((t) => t.value),
      ticktext: xTicks.map((t) => plotlyText(t.label)),
      anchor: yRef(spec.panels.length - 1).trace,
      hoverformat: ',',
      // The unified hover's header: 'step 1,200' (or the time).
      unifiedhovertitle: { text: `${plotlyText(spec.x.title)} %{x}` },
    },
  };
  let offset = 0;
  spec.panels.forEach((panel, i) => {
    const top = 1 - offset / plotHeight;
    offset += panel.height;
    const bottom = 1 - offset / plotHeight;
    offset += PANEL_GAP;
    layout[yRef(i).layout] = {
      ...axisStyle,
      title: { text: plotlyText(panel.y.title) },
      type: panel.y.log ? 'log' : 'linear',
      uirevision: `${panel.key}-${panel.y.log ? 'log' : 'linear'}`,
      domain: [Math.max(0, bottom), Math.min(1, top)],
      anchor: 'x',
      range: range(panel.y),
      tickmode: 'array',
      tickvals: panel.y.ticks.map((t) => t.value),
      ticktext: panel.y.ticks.map((t) => plotlyText(t.label)),
    };
  });
  if (spec.notes.length > 0) {
    layout.annotations = [
      {
        xref: 'x domain',
        yref: 'y domain',
        x: 0.01,
        y: 0.02,
        xanchor: 'left',
        yanchor: 'bottom',
        align: 'left',
        showarrow: false,
        text: spec.notes.map((n) => `<i>${plotlyText(n)}</i>`).join('<br>'),
        opacity: 0.7,
        font: { size: 11 },
      },
    ];
  }
  if (titleLines.length > 0) {
    layout.title = {
      text: titleLines.map(plotlyText).join('<br>'),
      x: 0.02,
      xanchor: 'left',
      // In the middle of the top margin (which holds every line): plotly centres a title of
      // several lines on its anchor whatever 'yanchor' says.
      y: 1 - (margin.t - 6) / 2 / (plotHeight + margin.t + margin.b),
      yref: 'container',
      yanchor: 'middle',
      font: { size: titleSize },
    };
  }
  return { data, layout, spec };
}
