import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { Widget } from '@lumino/widgets';

import { buildSurfaceFigure } from './buildSurfaceFigure';
import { loadPlotly } from './loadPlotly';
import type { PlotlyApi } from './loadPlotly';
import { parseSurfacePayload } from './parseSurfacePayload';
import { renderErrorView } from './renderErrorView';
import { themeColors } from './themeColors';

/**
 * Renders `application/vnd.losslab.surface.v1+json`: the loss surface's contours with the loss on
 * hover, a colour bar and the optimizer's path (`buildSurfaceFigure`), redrawn on a theme switch.
 * A malformed payload shows a readable error; everything from the payload reaches the page as
 * text.
 */
export class LossSurfaceWidget extends Widget implements IRenderMime.IRenderer {
  private readonly mimeType: string;
  private readonly plot: HTMLDivElement;
  private readonly errorHost: HTMLDivElement;
  private data: unknown = null;
  private plotly: PlotlyApi | null = null;
  private drawn = false;
  private readonly themeObserver: MutationObserver;

  constructor(options: IRenderMime.IRendererOptions) {
    super();
    this.mimeType = options.mimeType;
    this.addClass('jp-LossSurface');
    this.plot = document.createElement('div');
    this.plot.className = 'jp-LossSurface-plot';
    this.errorHost = document.createElement('div');
    this.node.append(this.plot, this.errorHost);
    this.themeObserver = new MutationObserver(() => void this.draw());
    this.themeObserver.observe(document.body, {
      attributes: true,
      attributeFilter: ['data-jp-theme-light', 'data-jp-theme-name'],
    });
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    this.data = model.data[this.mimeType];
    await this.draw();
  }

  override dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this.themeObserver.disconnect();
    if (this.plotly && this.drawn) {
      this.plotly.purge(this.plot);
    }
    super.dispose();
  }

  protected override onResize(): void {
    if (this.plotly && this.drawn && this.isVisible) {
      void this.plotly.Plots.resize(this.plot);
    }
  }

  private async draw(): Promise<void> {
    if (this.isDisposed || this.data === null) {
      return;
    }
    try {
      const payload = parseSurfacePayload(this.data);
      this.plotly ??= await loadPlotly();
      const figure = buildSurfaceFigure(payload, themeColors(this.node));
      this.errorHost.replaceChildren();
      this.plot.hidden = false;
      this.plot.style.height = `${figure.layout.height as number}px`;
      await this.plotly.react(this.plot, figure.data, figure.layout, {
        responsive: true,
        displaylogo: false,
        modeBarButtonsToRemove: ['select2d', 'lasso2d'],
        toImageButtonOptions: { filename: 'loss-surface' },
      });
      this.drawn = true;
    } catch (e) {
      this.plot.hidden = true;
      renderErrorView(this.errorHost, (e as Error).message);
    }
  }
}
