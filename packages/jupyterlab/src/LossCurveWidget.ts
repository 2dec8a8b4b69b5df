import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { axisTicks } from '@losslab/kernel/lib/browser';
import type { LossCurvePayload } from '@losslab/kernel/lib/browser';
import { Widget } from '@lumino/widgets';

import { buildFigure, hasElapsed, hasLearningRate } from './buildFigure';
import type { ViewState } from './buildFigure';
import { curveToCsv, isThinned } from './curveToCsv';
import { loadPlotly } from './loadPlotly';
import type { PlotlyApi } from './loadPlotly';
import { parsePayload } from './parsePayload';
import { pluginText } from './pluginText';
import type { PluginText } from './pluginText';
import { renderErrorView } from './renderErrorView';
import { themeColors } from './themeColors';

const PLOT_CONFIG = {
  responsive: true,
  displaylogo: false,
  modeBarButtonsToRemove: ['select2d', 'lasso2d'],
  toImageButtonOptions: { filename: 'loss-curve' },
};

function button(label: string, title: string, className: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `jp-LossCurve-button ${className}`;
  b.textContent = label;
  b.title = title;
  return b;
}

/**
 * Renders `application/vnd.losslab.curve.v1+json`: a plotly loss chart with a toolbar (log y,
 * smoothing, PNG and CSV download) and a text summary. A new model for the same output (a live
 * `update_display_data`) redraws in place with `Plotly.react`, keeping zoom, hidden runs and the
 * toolbar choices; a theme switch redraws with the new `--jp-*` colours; a malformed payload
 * shows a readable error. Everything from the payload reaches the page as text.
 */
export class LossCurveWidget extends Widget implements IRenderMime.IRenderer {
  private readonly mimeType: string;
  private readonly toolbar: HTMLDivElement;
  private readonly plot: HTMLDivElement;
  private readonly status: HTMLPreElement;
  private readonly errorHost: HTMLDivElement;
  private readonly logButton: HTMLButtonElement;
  private readonly lrButton: HTMLButtonElement;
  private readonly outliersButton: HTMLButtonElement;
  private readonly timeButton: HTMLButtonElement;
  private zoomBound = false;
  private readonly smoothingInput: HTMLInputElement;
  private readonly smoothingValue: HTMLOutputElement;
  private payload: LossCurvePayload | null = null;
  private view: ViewState | null = null;
  private plotly: PlotlyApi | null = null;
  private drawn = false;
  private queue: Promise<void> = Promise.resolve();
  private readonly themeObserver: MutationObserver;
  private themeTimer: ReturnType<typeof setTimeout> | undefined;
  private resizeTimer: ReturnType<typeof setTimeout> | undefined;
  // While a run is live, the summary is re-dated every few seconds: a run whose frames stopped
  // (interrupted, dead kernel) is then said to have had no update for so long.
  private staleTimer: ReturnType<typeof setInterval> | undefined;

  constructor(options: IRenderMime.IRendererOptions) {
    super();
    this.mimeType = options.mimeType;
    this.addClass('jp-LossCurve');

    this.toolbar = document.createElement('div');
    this.toolbar.className = 'jp-LossCurve-toolbar';
    this.logButton = button(
      'Log y',
      'Switch the y axis between log and linear',
      'jp-LossCurve-log',
    );
    this.logButton.addEventListener('click', () => {
      if (this.view) {
        this.view.logY = !this.view.logY;
        this.redraw();
      }
    });
    this.lrButton = button('LR', 'Show the learning rate on a second y axis', 'jp-LossCurve-lr');
    this.lrButton.addEventListener('click', () => {
      if (this.view) {
        this.view.learningRate = this.view.learningRate !== true;
        this.redraw();
      }
    });
    this.outliersButton = button('Ignore outliers', '', 'jp-LossCurve-outliers');
    this.outliersButton.addEventListener('click', () => {
      if (this.view) {
        this.view.ignoreOutliers = this.view.ignoreOutliers !== true;
        this.redraw();
      }
    });
    this.timeButton = button('Time x', '', 'jp-LossCurve-time');
    this.timeButton.addEventListener('click', () => {
      if (this.view) {
        this.view.xAxis = this.view.xAxis === 'time' ? 'step' : 'time';
        this.redraw();
      }
    });
    const label = document.createElement('label');
    label.className = 'jp-LossCurve-smoothingLabel';
    label.append(document.createTextNode(pluginText(undefined).smoothing));
    this.smoothingInput = document.createElement('input');
    this.smoothingInput.type = 'range';
    this.smoothingInput.className = 'jp-LossCurve-smoothing';
    this.smoothingInput.min = '0';
    this.smoothingInput.max = '0.99';
    this.smoothingInput.step = '0.01';
    this.smoothingInput.addEventListener('input', () => {
      if (this.view) {
        this.view.smoothing = Number(this.smoothingInput.value);
        this.redraw();
      }
    });
    this.smoothingValue = document.createElement('output');
    this.smoothingValue.className = 'jp-LossCurve-smoothingValue';
    label.append(this.smoothingInput, this.smoothingValue);
    const png = button('PNG', 'Download the chart as a PNG image', 'jp-LossCurve-png');
    png.addEventListener('click', () => {
      if (this.plotly && this.drawn) {
        void this.plotly.downloadImage(this.plot, {
          format: 'png',
          filename: 'loss-curve',
          width: Math.max(this.plot.clientWidth, 600),
          height: Math.max(this.plot.clientHeight, 360),
        });
      }
    });
    const csv = button('CSV', 'Download the curves as CSV', 'jp-LossCurve-csv');
    csv.addEventListener('click', () => this.downloadCsv());
    this.toolbar.append(
      this.logButton,
      this.outliersButton,
      this.lrButton,
      this.timeButton,
      label,
      png,
      csv,
    );

    this.plot = document.createElement('div');
    this.plot.className = 'jp-LossCurve-plot';
    this.status = document.createElement('pre');
    this.status.className = 'jp-LossCurve-summary';
    this.errorHost = document.createElement('div');
    this.node.append(this.toolbar, this.plot, this.status, this.errorHost);

    // Theme switches set these attributes on <body> after the new theme's CSS is in place.
    this.themeObserver = new MutationObserver(() => this.onThemeChanged());
    this.themeObserver.observe(document.body, {
      attributes: true,
      attributeFilter: ['data-jp-theme-light', 'data-jp-theme-name'],
    });
  }

  /** Draws (or redraws in place) the payload of `model`; never rejects. */
  renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    const data = model.data[this.mimeType];
    // One render at a time, in order: a fast stream of live updates must not interleave.
    this.queue = this.queue.then(() => this.render(data));
    return this.queue;
  }

  override dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this.themeObserver.disconnect();
    clearTimeout(this.themeTimer);
    clearTimeout(this.resizeTimer);
    clearInterval(this.staleTimer);
    if (this.plotly && this.drawn) {
      this.plotly.purge(this.plot);
    }
    this.payload = null;
    super.dispose();
  }

  protected override onAfterAttach(): void {
    this.resize();
  }

  protected override onResize(): void {
    // The legend's rows and the title's lines depend on the width: lay the chart out again,
    // once the resizing has settled.
    clearTimeout(this.resizeTimer);
    this.resizeTimer = setTimeout(() => this.redraw(), 100);
  }

  private async render(data: unknown): Promise<void> {
    let payload: LossCurvePayload;
    try {
      payload = parsePayload(data);
    } catch (e) {
      this.showError((e as Error).message);
      return;
    }
    this.payload = payload;
    // The payload's options only set the starting view; later updates keep the user's choices.
    this.view ??= { logY: payload.options.logY, smoothing: payload.options.smoothing };
    try {
      this.plotly ??= await loadPlotly();
      await this.draw();
    } catch (e) {
      this.showError(`plotly could not draw the chart (${(e as Error).message})`);
    }
  }

  private async draw(): Promise<void> {
    if (this.isDisposed || !this.plotly || !this.payload || !this.view) {
      return;
    }
    this.errorHost.replaceChildren();
    this.toolbar.hidden = false;
    this.plot.hidden = false;
    this.logButton.setAttribute('aria-pressed', String(this.view.logY));
    // Only offered when a run carries its learning rate.
    this.lrButton.hidden = !hasLearningRate(this.payload);
    this.lrButton.setAttribute('aria-pressed', String(this.view.learningRate === true));
    this.outliersButton.setAttribute('aria-pressed', String(this.view.ignoreOutliers === true));
    // Only offered when every run carries wall-clock times.
    this.timeButton.hidden = !hasElapsed(this.payload);
    this.timeButton.setAttribute('aria-pressed', String(this.view.xAxis === 'time'));
    this.label(pluginText(this.payload.options.locale));
    this.smoothingInput.value = String(this.view.smoothing);
    this.smoothingValue.textContent = this.view.smoothing.toFixed(2);
    const now = Date.now();
    const width = this.plot.clientWidth > 0 ? this.plot.clientWidth : 640;
    const figure = buildFigure(this.payload, this.view, themeColors(this.node), width, now);
    this.status.textContent = figure.spec.summary.join('\n');
    this.watchStaleness();
    // The figure's height depends on its width (legend rows, title lines, panels): the element
    // takes it, so what follows the chart (the summary, the next cell) starts below all of it.
    this.plot.style.height = `${figure.layout.height as number}px`;
    await this.plotly.react(this.plot, figure.data, figure.layout, PLOT_CONFIG);
    this.drawn = true;
    this.bindZoom();
  }

  /**
   * After a zoom, each zoomed axis gets ticks for its new range from the same rules (the figure's
   * ticks are fixed values, which a zoom would leave too few of).
   */
  private bindZoom(): void {
    const gd = this.plot as HTMLDivElement & {
      on?: (event: string, fn: (e: Record<string, unknown>) => void) => void;
      _fullLayout?: Record<string, { range?: number[]; type?: string }>;
    };
    if (this.zoomBound || typeof gd.on !== 'function' || !this.plotly) {
      return;
    }
    this.zoomBound = true;
    gd.on('plotly_relayout', (e) => {
      const axes = new Set(
        Object.keys(e)
          .filter((k) => /^[xy]axis\d*\.(range|autorange)/.test(k))
          .map((k) => k.split('.')[0] as string),
      );
      const update: Record<string, unknown> = {};
      for (const axis of axes) {
        const full = gd._fullLayout?.[axis];
        if (full?.range === undefined) {
          continue;
        }
        const log = full.type === 'log';
        const [a, b] = full.range.map((v) => (log ? Math.pow(10, v) : v)) as [number, number];
        const ticks = axisTicks(Math.min(a, b), Math.max(a, b), log, axis === 'xaxis' ? 6 : 5);
        update[`${axis}.tickvals`] = ticks.map((t) => t.value);
        update[`${axis}.ticktext`] = ticks.map((t) => t.label);
      }
      if (Object.keys(update).length > 0 && this.plotly) {
        void this.plotly.relayout(this.plot, update);
      }
    });
  }

  /** The toolbar's words in the payload's language (a payload may come in any language). */
  private label(text: PluginText): void {
    const set = (b: HTMLElement | null, label: string, title: string): void => {
      if (b !== null) {
        b.textContent = label;
        b.title = title;
      }
    };
    set(this.logButton, text.logY, text.logYTitle);
    set(this.lrButton, text.lr, text.lrTitle);
    set(this.outliersButton, text.outliers, text.outliersTitle);
    set(this.timeButton, text.time, text.timeTitle);
    set(this.toolbar.querySelector('.jp-LossCurve-png'), 'PNG', text.pngTitle);
    set(this.toolbar.querySelector('.jp-LossCurve-csv'), 'CSV', text.csvTitle);
    const smoothing = this.toolbar.querySelector('.jp-LossCurve-smoothingLabel')?.firstChild;
    if (smoothing) {
      smoothing.textContent = text.smoothing;
    }
  }

  private watchStaleness(): void {
    const live = this.payload?.runs.some((run) => run.stopReason === 'running') === true;
    if (live && this.staleTimer === undefined) {
      // Redrawn, not only re-worded: the chart's notes say the same as the summary.
      this.staleTimer = setInterval(() => this.redraw(), 5000);
    } else if (!live && this.staleTimer !== undefined) {
      clearInterval(this.staleTimer);
      this.staleTimer = undefined;
    }
  }

  private redraw(): void {
    this.queue = this.queue.then(() => this.draw()).catch((e: Error) => this.showError(e.message));
  }

  private onThemeChanged(): void {
    this.redraw();
    // Some theme CSS lands a moment after the attribute; draw once more when it has.
    clearTimeout(this.themeTimer);
    this.themeTimer = setTimeout(() => this.redraw(), 300);
  }

  private resize(): void {
    if (this.plotly && this.drawn && this.isVisible) {
      void this.plotly.Plots.resize(this.plot);
    }
  }

  private showError(message: string): void {
    this.toolbar.hidden = true;
    this.plot.hidden = true;
    this.status.textContent = '';
    renderErrorView(this.errorHost, message);
  }

  private downloadCsv(): void {
    if (!this.payload) {
      return;
    }
    const url = URL.createObjectURL(new Blob([curveToCsv(this.payload)], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    // The name says when the file holds the chart's points, not the whole history.
    a.download = isThinned(this.payload) ? 'loss-curve-thinned.csv' : 'loss-curve.csv';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
