// The public API of @losslab/kernel: explicit named exports only (tslab reads this file's .d.ts).

// The loss-curve payload (the contract with the JupyterLab plugin)
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
// What a chart says, decided once (both renderers draw it); also in the browser-safe entry
// '@losslab/kernel/lib/browser' that the JupyterLab plugin bundles.
export { chartSpec, axisTicks, tickLabels, summaryText, STALE_MS } from './chartSpec';
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
export { lossCurvePayload } from './lossCurvePayload';
export type { HistoryLike, CurveChartOptions } from './lossCurvePayload';
export { downsample, downsampleIndices } from './downsample';
export { smoothEma } from './smoothEma';
// The whole history as CSV (a chart's payload holds a thinned selection)
export { historyCsv } from './historyCsv';
export { csvField } from './csvField';

// Rendering
export { renderCurveSvg, RUN_COLORS } from './renderCurveSvg';
export { lossCurveBundle, summarizeCurve } from './lossCurveBundle';
export { niceTicks, logTicks } from './niceTicks';
export { extent } from './extent';
export { formatNumber } from './formatNumber';
export { escapeHtml, isolateBidi, xmlChars } from './escapeHtml';
export { escapeMarkdown } from './escapeMarkdown';
export { texToSvg } from './texToSvg';
export { svgImage, svgFromImages } from './svgImage';
export { clipText, MAX_LABEL_LENGTH, MAX_MESSAGE_LENGTH } from './clipText';

// Display through the running tslab kernel
export {
  displayBundle,
  updateDisplay,
  newDisplayId,
  inKernel,
  setDisplayWriter,
  sendBundle,
  liveFrameAllowed,
  liveAllowance,
  sendStats,
  SEND_BUDGET,
} from './display';
export type { MimeBundle, DisplayContent, DisplayWriter } from './display';
// Deno's kernel as a display host (found by itself; exported for setDisplayWriter and tests)
export { denoWriter } from './denoWriter';

// What a notebook calls
export { plotLosses } from './plotLosses';
export { liveLossCurve } from './liveLossCurve';
export type { LiveLossCurveOptions } from './liveLossCurve';
export { progress, progressLine, formatDuration } from './progress';
export { liveCallback, checkThrottle } from './liveCallback';
export type { LiveEnd, LiveView } from './liveCallback';
export { watchInterrupt } from './watchInterrupt';
export type { ProgressOptions } from './progress';

// Formulas, tables, loss surfaces and loss shapes
export { showFormula, formulaBundle } from './showFormula';
export type { FormulaInfo, ShowFormulaOptions } from './showFormula';
export { historyTable, historyTableBundle, historyTableIndices } from './historyTable';
export type { HistoryTableOptions } from './historyTable';
export {
  lossSurface,
  lossSurfaceBundle,
  lossSurfaceSvg,
  lossSurfacePayload,
  renderSurfaceSvg,
} from './lossSurface';
export type { LossSurfaceOptions } from './lossSurface';
export { lossShapes, lossShapesBundle, lossShapeData } from './lossShapes';
export type { LossShapesOptions, LossShape } from './lossShapes';
export { renderLinesSvg } from './renderLinesSvg';
export type { XYSeries } from './renderLinesSvg';
// The language of chart text, summaries and progress lines (English by default)
export { setLocale, getLocale, messages, LOCALES } from './locale';
export type { Locale, Messages } from './locale';
export { describeStop, localizeStopMessage } from './describeStop';
// Chart legend below the plot, shared by renderCurveSvg and renderLinesSvg
export { estimateTextWidth, svgLegend, svgRoot, svgTitle } from './svgLegend';
// Widths of wide (CJK) characters: SVG text estimates and aligned text tables
export { isWideChar, displayWidth, padStartColumns, padEndColumns } from './displayWidth';
export type { LegendBox, LegendEntry, SvgLegend } from './svgLegend';
