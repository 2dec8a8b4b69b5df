/**
 * The loss-surface payload: a sampled loss over two parameters with its contour levels and the
 * optimizer's paths, for the JupyterLab plugin (interactive contours, values on hover, a colour
 * bar). `lossSurfaceSvg` draws the same payload as the SVG fallback. Versioned like the curve
 * payload: adding an optional field keeps v1; anything an old reader could misread gets v2.
 */

/** The vendor MIME type of a loss-surface output. */
export const LOSS_SURFACE_MIME = 'application/vnd.losslab.surface.v1+json';

/** The whole payload of `application/vnd.losslab.surface.v1+json`. */
export interface LossSurfacePayload {
  /** Always 1 for this MIME type. */
  version: 1;
  /** Grid coordinates of the first parameter, increasing (columns). */
  x: number[];
  /** Grid coordinates of the second parameter, increasing (rows). */
  y: number[];
  /** `z[j][i]` is the loss at `(x[i], y[j])`, 7 significant digits; null where not finite. */
  z: (number | null)[][];
  /** The contour levels, increasing (geometric when every loss is positive). */
  levels: number[];
  /** Optimizer paths over the surface, each `[x, y]` from start to end. */
  paths: { name: string; points: [number, number][] }[];
  options: {
    /** Texts, never markup. */
    title: string;
    xLabel: string;
    yLabel: string;
    /** What the colour means (default 'loss'), the colour bar's title. */
    zLabel: string;
    /** Language of the renderer's own words; absent: English. */
    locale?: string;
  };
}
