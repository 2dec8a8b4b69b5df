import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { Widget } from '@lumino/widgets';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { PlotLayout, PlotTrace } from './loadPlotly';

// plotly cannot lay out in jsdom: a recording stand-in replaces it (real plotly runs in the
// browser tests).
const plotly = vi.hoisted(() => ({
  react: vi.fn(async () => undefined),
  purge: vi.fn(),
  downloadImage: vi.fn(async () => undefined),
  Plots: { resize: vi.fn() },
}));
vi.mock('./loadPlotly', () => ({ loadPlotly: async () => plotly }));

import { MIME_TYPE, rendererFactory } from './index';
import type { LossCurveWidget } from './LossCurveWidget';

function model(data: unknown): IRenderMime.IMimeModel {
  return {
    trusted: true,
    data: { [MIME_TYPE]: data },
    metadata: {},
    setData: () => undefined,
  } as unknown as IRenderMime.IMimeModel;
}

function payload(losses: number[], name = 'sgd', options = {}): string {
  return JSON.stringify({
    version: 1,
    runs: [
      {
        name,
        points: losses.map((l, i) => [i + 1, l]),
        steps: losses.length,
        stopReason: 'running',
      },
    ],
    options: { logY: false, smoothing: 0, ...options },
  });
}

function lastCall(): { data: PlotTrace[]; layout: PlotLayout } {
  const call = plotly.react.mock.calls.at(-1) as unknown as [HTMLElement, PlotTrace[], PlotLayout];
  return { data: call[1], layout: call[2] };
}

let widget: LossCurveWidget;

beforeEach(() => {
  plotly.react.mockClear();
  plotly.purge.mockClear();
  widget = rendererFactory.createRenderer({
    mimeType: MIME_TYPE,
  } as IRenderMime.IRendererOptions) as LossCurveWidget;
  Widget.attach(widget, document.body);
});

afterEach(() => {
  widget.dispose();
  document.body.removeAttribute('data-jp-theme-light');
});

describe('LossCurveWidget', () => {
  it('is a safe renderer for the vendor MIME type only', () => {
    expect(rendererFactory.safe).toBe(true);
    expect(rendererFactory.mimeTypes).toEqual(['application/vnd.losslab.curve.v1+json']);
  });

  it('draws a payload given as a JSON string or an object, with a text summary', async () => {
    await widget.renderModel(model(payload([3, 2, 1])));
    expect(plotly.react).toHaveBeenCalledTimes(1);
    expect(lastCall().data[0]).toMatchObject({ x: [1, 2, 3], y: [3, 2, 1] });
    await widget.renderModel(model(JSON.parse(payload([3, 2]))));
    expect(lastCall().data[0]).toMatchObject({ y: [3, 2] });
    // The summary is chartSpec's, the same words as the SVG's text/plain.
    expect(widget.node.querySelector('.jp-LossCurve-summary')!.textContent).toBe(
      'sgd: 2 steps, final 2, no finite loss (running)',
    );
  });

  it('redraws live updates in order, keeping the toolbar choices over the payload’s options', async () => {
    await widget.renderModel(model(payload([3, 2, 1], 'sgd', { smoothing: 0.5 })));
    (widget.node.querySelector('.jp-LossCurve-log') as HTMLButtonElement).click();
    const slider = widget.node.querySelector('.jp-LossCurve-smoothing') as HTMLInputElement;
    slider.value = '0';
    slider.dispatchEvent(new Event('input'));
    const updates = [1, 2, 3, 4].map((n) =>
      widget.renderModel(model(payload([5, 4, 3, 2, 1].slice(0, n)))),
    );
    await Promise.all(updates);
    const { data, layout } = lastCall();
    expect(data.map((t) => (t.y as number[]).length)).toEqual([4]);
    expect(layout.yaxis).toMatchObject({ type: 'log' });
    expect(layout.uirevision).toBe('losslab');
    expect(widget.node.querySelector('.jp-LossCurve-log')!.getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it('offers the learning-rate toggle only for runs that carry it, and keeps it over updates', async () => {
    const lrButton = (): HTMLButtonElement =>
      widget.node.querySelector('.jp-LossCurve-lr') as HTMLButtonElement;
    await widget.renderModel(model(payload([3, 2, 1])));
    expect(lrButton().hidden).toBe(true);
    const withLr = (losses: number[]): string => {
      const p = JSON.parse(payload(losses));
      p.runs[0].learningRate = losses.map((_: number, i: number) => [i + 1, 0.1 / (i + 1)]);
      return JSON.stringify(p);
    };
    await widget.renderModel(model(withLr([3, 2, 1])));
    expect(lrButton().hidden).toBe(false);
    expect(lrButton().getAttribute('aria-pressed')).toBe('false');
    expect(lastCall().data.map((t) => t.yaxis)).toEqual(['y']);
    lrButton().click();
    await widget.renderModel(model(withLr([3, 2, 1, 0.5])));
    expect(lrButton().getAttribute('aria-pressed')).toBe('true');
    const { data, layout } = lastCall();
    // The learning rate has a panel of its own under the loss, sharing the x axis.
    expect(data.map((t) => t.yaxis)).toEqual(['y', 'y2']);
    expect(data[1]).toMatchObject({
      x: [1, 2, 3, 4],
      y: [0.1, 0.05, 0.1 / 3, 0.025],
      legendgroup: 'run-0',
    });
    const [lo2, hi2] = (layout.yaxis2 as { domain: number[] }).domain as [number, number];
    const [lo1] = (layout.yaxis as { domain: number[] }).domain as [number, number];
    expect(hi2).toBeLessThan(lo1);
    expect(lo2).toBe(0);
    expect(layout.xaxis).toMatchObject({ anchor: 'y2' });
  });

  it('shows a readable error for a malformed payload without throwing, then recovers', async () => {
    await expect(
      widget.renderModel(model('{"version":1,"runs":[{"name":"a"}]}')),
    ).resolves.toBeUndefined();
    const error = widget.node.querySelector('.jp-LossCurve-error')!;
    expect(error.textContent).toBe(
      "Cannot draw this loss curve: parsePayload: 'runs[0].points' must be an array of [step, loss] pairs",
    );
    expect((widget.node.querySelector('.jp-LossCurve-plot') as HTMLElement).hidden).toBe(true);
    expect(plotly.react).not.toHaveBeenCalled();
    await widget.renderModel(model(payload([1])));
    expect(widget.node.querySelector('.jp-LossCurve-error')).toBeNull();
    expect((widget.node.querySelector('.jp-LossCurve-plot') as HTMLElement).hidden).toBe(false);
  });

  it('toggles ignore-outliers and offers time on x only when every run carries times', async () => {
    const p = JSON.parse(payload([1, 0.8, 0.6, 0.5, 0.4, 0.35, 0.3, 0.28, 0.26, 0.25, 0.24, 1e6]));
    await widget.renderModel(model(p));
    const q = (sel: string): HTMLButtonElement =>
      widget.node.querySelector(sel) as HTMLButtonElement;
    expect(q('.jp-LossCurve-time').hidden).toBe(true);
    const full = (lastCall().layout.yaxis as { range: number[] }).range[1] as number;
    q('.jp-LossCurve-outliers').click();
    await vi.waitFor(() =>
      expect((lastCall().layout.yaxis as { range: number[] }).range[1]).toBeLessThan(full / 1000),
    );
    expect(q('.jp-LossCurve-outliers').getAttribute('aria-pressed')).toBe('true');
    p.runs[0].elapsed = [
      [1, 0],
      [12, 5.5],
    ];
    await widget.renderModel(model(p));
    expect(q('.jp-LossCurve-time').hidden).toBe(false);
    q('.jp-LossCurve-time').click();
    await vi.waitFor(() => expect((lastCall().data[0]!.x as number[]).at(-1)).toBe(5.5));
    expect(lastCall().layout.xaxis).toMatchObject({ title: { text: 'time (s)' } });
  });

  it('redraws when the theme switches between light and dark', async () => {
    await widget.renderModel(model(payload([2, 1])));
    const before = plotly.react.mock.calls.length;
    document.body.setAttribute('data-jp-theme-light', 'false');
    await vi.waitFor(() => expect(plotly.react.mock.calls.length).toBeGreaterThan(before));
  });

  it('purges plotly and stops watching the theme on dispose', async () => {
    await widget.renderModel(model(payload([2, 1])));
    widget.dispose();
    expect(plotly.purge).toHaveBeenCalledTimes(1);
    const calls = plotly.react.mock.calls.length;
    document.body.setAttribute('data-jp-theme-light', 'false');
    await new Promise((r) => setTimeout(r, 350));
    expect(plotly.react.mock.calls.length).toBe(calls);
  });
});

describe('LossCurveWidget in the payload’s language', () => {
  it('labels its toolbar and writes its summary in Chinese for a zh payload, English again after', async () => {
    await widget.renderModel(model(payload([3, 2], '学习率 0.1', { locale: 'zh' })));
    const q = (sel: string): HTMLElement => widget.node.querySelector(sel) as HTMLElement;
    expect(q('.jp-LossCurve-log').textContent).toBe('对数 y');
    expect(q('.jp-LossCurve-log').title).toBe('在对数坐标与线性坐标之间切换 y 轴');
    expect(q('.jp-LossCurve-smoothingLabel').firstChild?.textContent).toBe('平滑 ');
    expect(q('.jp-LossCurve-csv').title).toBe('把曲线数据下载为 CSV');
    expect(q('.jp-LossCurve-summary').textContent).toBe(
      '学习率 0.1：2 步，最终 2，没有有限的损失值（训练中）',
    );
    await widget.renderModel(model(payload([3, 2])));
    expect(q('.jp-LossCurve-log').textContent).toBe('Log y');
    expect(q('.jp-LossCurve-summary').textContent).toBe(
      'sgd: 2 steps, final 2, no finite loss (running)',
    );
  });
});
