/** The part of plotly.js the renderer uses (plotly.js-basic-dist-min ships no types). */
export interface PlotlyApi {
  react(
    root: HTMLElement,
    data: readonly PlotTrace[],
    layout: PlotLayout,
    config?: Record<string, unknown>,
  ): Promise<unknown>;
  purge(root: HTMLElement): void;
  relayout(root: HTMLElement, update: Record<string, unknown>): Promise<unknown>;
  downloadImage(root: HTMLElement, options: Record<string, unknown>): Promise<unknown>;
  Plots: { resize(root: HTMLElement): Promise<unknown> | void };
}

/** A plotly trace as built by `buildFigure` (only the keys it sets). */
export type PlotTrace = Record<string, unknown>;
/** A plotly layout as built by `buildFigure`. */
export type PlotLayout = Record<string, unknown>;

let loading: Promise<PlotlyApi> | null = null;

/**
 * Loads plotly.js (the basic distribution) on first use. The dynamic import makes the bundler
 * put plotly in its own chunk, so JupyterLab's start-up does not pay for it; later calls share
 * the same promise.
 *
 * @example
 * const Plotly = await loadPlotly();
 * typeof Plotly.react; // 'function'
 */
export function loadPlotly(): Promise<PlotlyApi> {
  loading ??= import(/* webpackChunkName: "plotly" */ 'plotly.js-basic-dist-min').then(
    (mod: unknown) => {
      const m = mod as { default?: PlotlyApi } & PlotlyApi;
      return m.default ?? m;
    },
  );
  return loading;
}
