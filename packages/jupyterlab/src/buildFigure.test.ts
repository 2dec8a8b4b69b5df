import type { LossCurvePayload } from '@losslab/kernel';
import { describe, expect, it } from 'vitest';

import { buildFigure, hasLearningRate, plotlyText } from './buildFigure';
import { smoothCurve } from './smoothCurve';

const colors = { light: true, background: '#fff', text: '#000', grid: '#ddd', font: 'sans-serif' };
const payload: LossCurvePayload = {
  version: 1,
  options: { logY: false, smoothing: 0, title: 'A <b>title</b>', xLabel: 'step', yLabel: 'loss' },
  runs: [
    {
      name: 'sgd',
      points: [
        [1, 4],
        [2, 2],
        [3, 1],
      ],
      steps: 3,
      final: 1,
      min: { step: 3, loss: 1 },
      stopReason: 'maxSteps',
      valPoints: [[3, 1.5]],
    },
    {
      name: '<script>window.__pwned=1</script>',
      points: [
        [1, 3],
        [2, null],
        [3, 2],
      ],
      steps: 3,
      final: 2,
      min: { step: 3, loss: 2 },
      stopReason: 'running',
    },
  ],
};

describe('buildFigure', () => {
  it('runs its JSDoc example', () => {
    const fig = buildFigure(
      {
        version: 1,
        options: { logY: false, smoothing: 0, title: '', xLabel: 'step', yLabel: 'loss' },
        runs: [
          {
            name: 'sgd',
            points: [
              [1, 1],
              [2, 0.5],
            ],
            steps: 2,
            final: 0.5,
            min: { step: 2, loss: 0.5 },
            stopReason: 'maxSteps',
          },
        ],
      },
      { logY: true, smoothing: 0 },
      { light: true, background: '#fff', text: '#000', grid: '#ddd', font: 'sans-serif' },
    );
    expect(fig.data.map((t) => t.uid)).toEqual(['run-0-raw', 'run-0-min']);
    expect((fig.layout.yaxis as { type: string }).type).toBe('log');
  });

  it('draws every series of the spec, longer runs first, with gaps for null losses', () => {
    const { data, layout, spec } = buildFigure(payload, { logY: false, smoothing: 0 }, colors);
    const lines = data.filter((t) => !/-(min|stop|diverged)$/.test(t.uid as string));
    expect(lines.map((t) => t.uid)).toEqual(spec.series.map((s) => s.id));
    expect(lines.map((t) => t.uid)).toEqual(['run-0-raw', 'run-0-val', 'run-1-raw']);
    expect(data[0]).toMatchObject({ x: [1, 2, 3], y: [4, 2, 1], showlegend: true, opacity: 1 });
    expect(lines[2]).toMatchObject({ y: [3, null, 2], legendgroup: 'run-1' });
    expect(layout).toMatchObject({
      uirevision: 'losslab',
      paper_bgcolor: '#fff',
      plot_bgcolor: '#fff',
      hovermode: 'x unified',
      yaxis: { type: 'linear', uirevision: 'loss-linear', tickmode: 'array' },
    });
  });

  it('adds the smoothed curve over a faint raw one, the legend entry on the smoothed one', () => {
    const { data } = buildFigure(payload, { logY: true, smoothing: 0.6 }, colors);
    const raw = data.find((t) => t.uid === 'run-0-raw')!;
    const smooth = data.find((t) => t.uid === 'run-0-smooth')!;
    expect(raw).toMatchObject({ opacity: 0.3, showlegend: false, legendgroup: 'run-0' });
    expect(smooth).toMatchObject({ showlegend: true, legendgroup: 'run-0' });
    expect(smooth.y).toEqual(smoothCurve(payload.runs[0]!.points, 0.6).map((p) => p[1]));
  });

  it('puts the legend below the plot in rows, with a bottom margin that grows with them', () => {
    const many: LossCurvePayload = {
      ...payload,
      runs: Array.from({ length: 6 }, (_, r) => ({
        ...payload.runs[0]!,
        name: `learning rate ${r}`,
      })),
    };
    const wide = buildFigure(many, { logY: false, smoothing: 0 }, colors, 1200);
    const narrow = buildFigure(many, { logY: false, smoothing: 0 }, colors, 320);
    expect(wide.layout.legend).toMatchObject({ orientation: 'h', yref: 'container', y: 0 });
    const b = (f: { layout: Record<string, unknown> }): number =>
      (f.layout.margin as { b: number }).b;
    expect(b(narrow)).toBeGreaterThan(b(wide));
    expect(narrow.layout.height as number).toBeGreaterThan(wide.layout.height as number);
  });

  it('hides all of a run with its legend entry: every trace of the run shares its group', () => {
    const lr: [number, number][] = [
      [1, 0.1],
      [2, 0.05],
      [3, 0.025],
    ];
    const withLr: LossCurvePayload = {
      ...payload,
      runs: [{ ...payload.runs[0]!, learningRate: lr }, payload.runs[1]!],
    };
    expect(hasLearningRate(withLr)).toBe(true);
    expect(hasLearningRate(payload)).toBe(false);
    const on = buildFigure(withLr, { logY: true, smoothing: 0, learningRate: true }, colors);
    for (const t of on.data) {
      expect(t.legendgroup).toBe(`run-${(t.uid as string).split('-')[1]}`);
    }
    expect(on.data.filter((t) => t.yaxis === 'y2').map((t) => t.uid)).toEqual(['run-0-lr']);
    const off = buildFigure(withLr, { logY: true, smoothing: 0 }, colors);
    expect(off.layout.yaxis2).toBeUndefined();
  });

  it('escapes names and titles so plotly shows them as text', () => {
    expect(plotlyText('<b>a & b</b>')).toBe('&lt;b&gt;a &amp; b&lt;/b&gt;');
    const { data, layout } = buildFigure(payload, { logY: false, smoothing: 0 }, colors);
    expect(data.find((t) => t.uid === 'run-1-raw')!.meta).toBe(
      '&lt;script&gt;window.__pwned=1&lt;/script&gt;',
    );
    expect(layout.title).toMatchObject({ text: 'A &lt;b&gt;title&lt;/b&gt;' });
  });
});
