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
              [0, 1],
              [1, 0.5],
            ],
            steps: 2,
            final: 0.5,
            min: { step: 1, loss: 0.5 },
            stopReason: 'maxSteps',
          },
        ],
      },
      { logY: true, smoothing: 0 },
      { light: true, background: '#fff', text: '#000', grid: '#ddd', font: 'sans-serif' },
    );
    expect(fig.data.length).toBe(1);
    expect((fig.layout.yaxis as { type: string }).type).toBe('log');
  });

  it('draws one raw trace per run plus validation, with gaps for null losses', () => {
    const { data, layout } = buildFigure(payload, { logY: false, smoothing: 0 }, colors);
    expect(data.map((t) => t.uid)).toEqual(['run-0-raw', 'run-0-val', 'run-1-raw']);
    expect(data[0]).toMatchObject({ x: [1, 2, 3], y: [4, 2, 1], showlegend: true, opacity: 1 });
    expect(data[2]).toMatchObject({ y: [3, null, 2] });
    expect(layout).toMatchObject({
      uirevision: 'losslab',
      paper_bgcolor: '#fff',
      plot_bgcolor: '#fff',
      yaxis: { type: 'linear', uirevision: 'linear' },
    });
  });

  it('adds the smoothed curve over a faint raw one when smoothing is on', () => {
    const { data } = buildFigure(payload, { logY: true, smoothing: 0.6 }, colors);
    expect(data.map((t) => t.uid)).toEqual([
      'run-0-raw',
      'run-0-smooth',
      'run-0-val',
      'run-1-raw',
      'run-1-smooth',
    ]);
    expect(data[0]).toMatchObject({ opacity: 0.3, showlegend: false, legendgroup: 'run-0' });
    expect(data[1]!.y).toEqual(smoothCurve(payload.runs[0]!.points, 0.6).map((p) => p[1]));
  });

  it('draws the learning rate on a secondary axis only when asked and present', () => {
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

    const off = buildFigure(withLr, { logY: true, smoothing: 0 }, colors);
    expect(off.data.some((t) => t.yaxis === 'y2')).toBe(false);
    expect(off.layout.yaxis2).toBeUndefined();

    const on = buildFigure(withLr, { logY: true, smoothing: 0, learningRate: true }, colors);
    const lrTraces = on.data.filter((t) => t.yaxis === 'y2');
    expect(lrTraces).toHaveLength(1);
    expect(lrTraces[0]).toMatchObject({
      uid: 'run-0-lr',
      name: 'sgd (learning rate)',
      legendgroup: 'run-0',
      x: [1, 2, 3],
      y: [0.1, 0.05, 0.025],
    });
    // The loss keeps its (log) axis; the learning rate gets a linear one on the right.
    expect(on.layout.yaxis).toMatchObject({ type: 'log' });
    expect(on.layout.yaxis2).toMatchObject({ overlaying: 'y', side: 'right' });
    expect((on.layout.yaxis2 as { type?: string }).type).toBeUndefined();
    expect(on.data.filter((t) => t.yaxis !== 'y2')).toEqual(off.data);

    // Asked for, but no run has a learning rate: nothing changes.
    const none = buildFigure(payload, { logY: false, smoothing: 0, learningRate: true }, colors);
    expect(none).toEqual(buildFigure(payload, { logY: false, smoothing: 0 }, colors));
  });

  it('escapes names and titles so plotly shows them as text', () => {
    expect(plotlyText('<b>a & b</b>')).toBe('&lt;b&gt;a &amp; b&lt;/b&gt;');
    const { data, layout } = buildFigure(payload, { logY: false, smoothing: 0 }, colors);
    expect(data[2]!.name).toBe('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(layout.title).toMatchObject({ text: 'A &lt;b&gt;title&lt;/b&gt;' });
  });
});
