// The browser-safe entry of @losslab/kernel: what the JupyterLab plugin bundles. Nothing here
// may import a Node module or core's index (browser.test.ts walks the imports to check);
// `import { chartSpec } from '@losslab/kernel/lib/browser'`.

export { LOSS_CURVE_MIME } from './payload';
export type {
  LossCurvePayload,
  CurveRun,
  CurvePoint,
  CurveOptions,
  CurveStopReason,
  CurveMetric,
} from './payload';
export { LOSS_SURFACE_MIME } from './surfacePayload';
export type { LossSurfacePayload } from './surfacePayload';
export {
  chartSpec,
  axisTicks,
  tickLabels,
  summaryText,
  RUN_COLORS,
  DIVERGED_COLOR,
  STALE_MS,
} from './chartSpec';
export type {
  ChartSpec,
  ChartView,
  AxisSpec,
  PanelSpec,
  SeriesSpec,
  MarkSpec,
  TickSpec,
  Dash,
} from './chartSpec';
export { surfaceColor, SURFACE_COLORSCALE } from './surfaceColors';
export { surfaceContours } from './surfaceContours';
export type { ContourLevel } from './surfaceContours';
export { smoothEma } from './smoothEma';
export { csvField } from './csvField';
export { formatNumber } from './formatNumber';
export { estimateTextWidth } from './svgLegend';
export { messages } from './locale';
export type { Locale, Messages } from './locale';
