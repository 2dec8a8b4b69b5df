import {
  formatNumber,
  messages,
  SURFACE_COLORSCALE,
  surfaceColor,
  surfaceContours,
} from '@losslab/kernel/lib/browser';
import type { LossSurfacePayload } from '@losslab/kernel/lib/browser';

import { plotlyText } from './buildFigure';
import type { Figure } from './buildFigure';
import type { ThemeColors } from './themeColors';

const PATH_COLOR = '#d62728';

/**
 * The plotly figure of a loss surface: the contour lines the SVG draws (`surfaceContours`, the
 * same colours level by level), a colour bar labelled with every level, the loss at every grid
 * point on hover (an invisible marker per point), and the optimizer's path from its start (open
 * circle) to its end (filled). plotly's basic bundle has no contour trace: lines and markers say
 * the same.
 *
 * @example
 * const fig = buildSurfaceFigure(
 *   { version: 1, x: [0, 1], y: [0, 1], z: [[0, 1], [1, 2]], levels: [1], paths: [],
 *     options: { title: '', xLabel: 'w', yLabel: 'b', zLabel: 'loss' } },
 *   { light: true, background: '#fff', text: '#000', grid: '#ddd', font: 'sans-serif' },
 * );
 * fig.data.map((t) => t.uid); // ['level-0', 'grid']
 */
export function buildSurfaceFigure(
  payload: LossSurfacePayload,
  colors: ThemeColors,
): Omit<Figure, 'spec'> {
  const text = messages(payload.options.locale === 'zh' ? 'zh' : 'en');
  const { x, y, z, levels, options } = payload;
  const n = levels.length;
  // A loss's place on the colour scale: its position among the levels (as the SVG colours them).
  const position = (v: number): number => {
    if (n < 2) {
      return 0.5;
    }
    let k = 0;
    while (k < n - 1 && (levels[k + 1] as number) <= v) {
      k++;
    }
    const lo = levels[k] as number;
    const hi = levels[Math.min(n - 1, k + 1)] as number;
    const within = hi > lo ? Math.min(1, Math.max(0, (v - lo) / (hi - lo))) : 0;
    return Math.min(1, Math.max(0, (v < lo ? 0 : k + within) / (n - 1)));
  };
  const data: Record<string, unknown>[] = surfaceContours(payload).map(({ level, segments }, k) => {
    const xs: (number | null)[] = [];
    const ys: (number | null)[] = [];
    for (const [ax, ay, bx, by] of segments) {
      xs.push(ax, bx, null);
      ys.push(ay, by, null);
    }
    const label = plotlyText(text.levelLabel(formatNumber(level, 3)));
    return {
      uid: `level-${k}`,
      type: 'scatter',
      mode: 'lines',
      x: xs,
      y: ys,
      name: label,
      showlegend: false,
      line: { color: surfaceColor(k / Math.max(1, n - 1)), width: 1.4 },
      hovertemplate: `${label}<extra></extra>`,
    };
  });
  const gx: number[] = [];
  const gy: number[] = [];
  const gz: string[] = [];
  const gc: number[] = [];
  z.forEach((row, j) =>
    row.forEach((v, i) => {
      if (v !== null) {
        gx.push(x[i] as number);
        gy.push(y[j] as number);
        gz.push(formatNumber(v, 4));
        gc.push(position(v));
      }
    }),
  );
  const xl = plotlyText(options.xLabel);
  const yl = plotlyText(options.yLabel);
  const zl = plotlyText(options.zLabel);
  data.push({
    uid: 'grid',
    type: 'scatter',
    mode: 'markers',
    x: gx,
    y: gy,
    text: gz,
    showlegend: false,
    // Invisible: only for the hover and the colour bar.
    marker: {
      size: 10,
      opacity: 0,
      color: gc,
      cmin: 0,
      cmax: 1,
      colorscale: SURFACE_COLORSCALE.map(([t, c]) => [t, c]),
      showscale: n > 0,
      colorbar: {
        title: { text: zl },
        tickvals: levels.map((_, k) => k / Math.max(1, n - 1)),
        ticktext: levels.map((l) => formatNumber(l, 3)),
        thickness: 12,
        outlinewidth: 0,
      },
    },
    hovertemplate: `${xl} %{x:.4~g}<br>${yl} %{y:.4~g}<br>${zl} %{text}<extra></extra>`,
  });
  for (const path of payload.paths) {
    const pts = path.points;
    const end = pts[pts.length - 1];
    data.push({
      uid: `path-${path.name}`,
      type: 'scatter',
      mode: 'lines+markers',
      x: pts.map((p) => p[0]),
      y: pts.map((p) => p[1]),
      name: plotlyText(path.name),
      showlegend: false,
      line: { color: PATH_COLOR, width: 2 },
      marker: {
        color: PATH_COLOR,
        size: pts.map((_, i) => (i === 0 || i === pts.length - 1 ? 9 : 4)),
        symbol: pts.map((_, i) => (i === 0 ? 'circle-open' : 'circle')),
      },
      hovertemplate: `${path.name ? `${plotlyText(path.name)}<br>` : ''}${xl} %{x:.4~g}<br>${yl} %{y:.4~g}<extra></extra>`,
    });
    if (end !== undefined) {
      data[data.length - 1]!.meta = plotlyText(
        text.pathEnd(formatNumber(end[0], 4), formatNumber(end[1], 4)),
      );
    }
  }
  const axis = {
    gridcolor: colors.grid,
    zerolinecolor: colors.grid,
    linecolor: colors.grid,
    showline: true,
  };
  return {
    data,
    layout: {
      height: 440,
      margin: { l: 56, r: 16, t: options.title ? 40 : 16, b: 44 },
      paper_bgcolor: colors.background,
      plot_bgcolor: colors.background,
      font: { color: colors.text, family: colors.font, size: 12 },
      hovermode: 'closest',
      showlegend: false,
      title: options.title
        ? { text: plotlyText(options.title), x: 0.02, xanchor: 'left' }
        : undefined,
      xaxis: { ...axis, title: { text: xl }, range: [x[0], x[x.length - 1]] },
      yaxis: { ...axis, title: { text: yl }, range: [y[0], y[y.length - 1]] },
    },
  };
}
