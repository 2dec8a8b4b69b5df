import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';

import { LossCurveWidget } from './LossCurveWidget';
import { LossSurfaceWidget } from './LossSurfaceWidget';

/**
 * The MIME type this plugin renders, the same string as `LOSS_CURVE_MIME` in @losslab/kernel
 * (the plugin imports only types from the kernel helper; a test checks the two agree).
 */
export const MIME_TYPE = 'application/vnd.losslab.curve.v1+json';

/**
 * Creates loss-curve renderers. `safe: true` holds because nothing from a payload is evaluated
 * or inserted as HTML: text goes in with `textContent`, and plotly gets escaped names.
 */
export const rendererFactory: IRenderMime.IRendererFactory = {
  safe: true,
  mimeTypes: [MIME_TYPE],
  // Lower ranks win: ahead of the text/html and text/plain fallbacks in the same bundle.
  defaultRank: 0,
  createRenderer: (options: IRenderMime.IRendererOptions): IRenderMime.IRenderer =>
    new LossCurveWidget(options),
};

/** The MIME type of loss surfaces (`LOSS_SURFACE_MIME` in @losslab/kernel). */
export const SURFACE_MIME_TYPE = 'application/vnd.losslab.surface.v1+json';

/** Creates loss-surface renderers; safe for the same reasons as the curve's. */
export const surfaceRendererFactory: IRenderMime.IRendererFactory = {
  safe: true,
  mimeTypes: [SURFACE_MIME_TYPE],
  defaultRank: 0,
  createRenderer: (options: IRenderMime.IRendererOptions): IRenderMime.IRenderer =>
    new LossSurfaceWidget(options),
};

/** The JupyterLab mime-renderer extension. */
const extension: IRenderMime.IExtension = {
  id: '@losslab/jupyterlab:plugin',
  description: 'Interactive, theme-aware loss curves for application/vnd.losslab.curve.v1+json.',
  rendererFactory,
  rank: 0,
  // tslab sends the payload as a JSON string; other kernels as an object. Both are accepted.
  dataType: 'json',
};

/** The loss-surface renderer: interactive contours, values on hover, colour bar, paths. */
const surfaceExtension: IRenderMime.IExtension = {
  id: '@losslab/jupyterlab:surface',
  description: 'Interactive loss surfaces for application/vnd.losslab.surface.v1+json.',
  rendererFactory: surfaceRendererFactory,
  rank: 0,
  dataType: 'json',
};

export { LossCurveWidget } from './LossCurveWidget';
export { LossSurfaceWidget } from './LossSurfaceWidget';
export { buildSurfaceFigure } from './buildSurfaceFigure';
export { parseSurfacePayload } from './parseSurfacePayload';
export { parsePayload, PayloadError } from './parsePayload';
export { smoothCurve } from './smoothCurve';
export { buildFigure, hasLearningRate, plotlyText } from './buildFigure';
export type { Figure, ViewState } from './buildFigure';
export { curveToCsv } from './curveToCsv';
export { renderErrorView } from './renderErrorView';
export { themeColors } from './themeColors';
export type { ThemeColors } from './themeColors';
export default [extension, surfaceExtension];
