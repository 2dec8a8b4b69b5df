// The same payloads drawn by both renderers, the kernel's SVG (what every viewer without the
// plugin shows) and this plugin's plotly figure, compared element by element: lines (ids,
// colours, widths, dashes, opacity, gaps, points), marks and their words, ticks of every axis,
// legend entries, notes and the title. A renderer that decides anything on its own fails here.
import { lossCurvePayload, renderCurveSvg } from '@losslab/kernel';
import type { ChartView, LossCurvePayload } from '@losslab/kernel';
import { describe, expect, it } from 'vitest';

import { buildFigure } from './buildFigure';
import type { PlotTrace } from './loadPlotly';

const colors = { light: true, background: '#fff', text: '#000', grid: '#ddd', font: 'sans-serif' };
const DASH: Record<string, string> = { '': 'solid', '5 3': 'dash', '1.5 3': 'dot' };

const unescape = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** What a chart shows, in renderer-neutral terms. */
interface Shown {
  title: string;
  lines: {
    id: string;
    color: string;
    width: number;
    dash: string;
    opacity: number;
    segments: number;
    points: number;
  }[];
  marks: { kind: string; color: string; label: string }[];
  markLabels: string[];
  ticks: string[][];
  legend: string[];
  notes: string[];
}

function ownText(el: Element): string {
  return Array.from(el.childNodes)
    .filter((n) => n.nodeType === 3)
    .map((n) => n.textContent ?? '')
    .join('');
}

function fromSvg(svg: string): Shown {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  const root = doc.documentElement;
  const lines = Array.from(root.querySelectorAll('path[data-series]')).map((p) => {
    const d = p.getAttribute('d') ?? '';
    return {
      id: p.getAttribute('data-series') as string,
      color: p.getAttribute('stroke') as string,
      width: Number(p.getAttribute('stroke-width')),
      dash: DASH[p.getAttribute('stroke-dasharray') ?? ''] as string,
      opacity: Number(p.getAttribute('stroke-opacity') ?? 1),
      segments: (d.match(/M/g) ?? []).length,
      points: (d.match(/[Ml]/g) ?? []).length,
    };
  });
  const marks = Array.from(root.querySelectorAll('[data-mark]')).map((m) => ({
    kind: m.getAttribute('data-mark') as string,
    color: (m.tagName === 'circle' ? m.getAttribute('fill') : m.getAttribute('stroke')) as string,
    label: m.querySelector('title')?.textContent ?? '',
  }));
  const panels = Array.from(root.querySelectorAll('g[data-ticks^="y"]'));
  const ticks = [
    ...panels.map((g) => Array.from(g.querySelectorAll('text')).map(ownText)),
    Array.from(root.querySelectorAll('g[data-ticks="x"] text')).map(ownText),
  ];
  const legendGroup = Array.from(root.children).find(
    (el) =>
      el.tagName === 'g' &&
      el.attributes.length === 0 &&
      el.querySelector('line') !== null &&
      el.querySelector('text') !== null,
  );
  return {
    title: root.querySelector('title')?.textContent ?? '',
    lines,
    marks,
    markLabels: Array.from(root.querySelectorAll('text[data-label]')).map(ownText),
    ticks,
    legend: legendGroup ? Array.from(legendGroup.querySelectorAll('text')).map(ownText) : [],
    notes: Array.from(root.querySelectorAll('text[data-note]')).map(
      (t) => t.querySelector('title')?.textContent ?? '',
    ),
  };
}

const isMark = (t: PlotTrace): boolean => /-(min|stop|diverged)$/.test(t.uid as string);

function segmentsOf(ys: readonly (number | null)[]): number {
  let n = 0;
  let pen = false;
  for (const y of ys) {
    if (y === null) {
      pen = false;
    } else if (!pen) {
      n++;
      pen = true;
    }
  }
  return n;
}

function fromFigure(payload: LossCurvePayload, view: ChartView): Shown {
  const { data, layout } = buildFigure(payload, view, colors);
  const lines = data.filter((t) => !isMark(t));
  const marks = data.filter(isMark);
  const line = (t: PlotTrace): Record<string, unknown> => t.line as Record<string, unknown>;
  const yAxes = Object.keys(layout)
    .filter((k) => /^yaxis\d*$/.test(k))
    .sort((a, b) => Number(a.slice(5) || 1) - Number(b.slice(5) || 1));
  const tickText = (k: string): string[] =>
    ((layout[k] as { ticktext: string[] }).ticktext ?? []).map(unescape);
  const notes = (layout.annotations as { text: string }[] | undefined)?.[0]?.text ?? '';
  const ranked = data
    .map((t, i) => ({ t, i }))
    .sort(
      (a, b) => ((a.t.legendrank as number) ?? 0) - ((b.t.legendrank as number) ?? 0) || a.i - b.i,
    );
  return {
    title: unescape(
      ((layout.title as { text?: string } | undefined)?.text ?? '').replace(/<br>/g, ' '),
    ),
    lines: lines.map((t) => {
      const ys = t.y as (number | null)[];
      return {
        id: t.uid as string,
        color: line(t).color as string,
        width: line(t).width as number,
        dash: line(t).dash as string,
        opacity: t.opacity as number,
        segments: segmentsOf(ys),
        points: ys.filter((y) => y !== null).length,
      };
    }),
    marks: marks.map((t) => ({
      kind: (t.uid as string).replace(/^run-\d+-/, ''),
      color:
        (t.line as { color?: string } | undefined)?.color ?? (t.marker as { color: string }).color,
      label: unescape(t.name as string),
    })),
    markLabels: marks.flatMap((t) => (t.text as string[]).filter((s) => s !== '').map(unescape)),
    ticks: [...yAxes.map(tickText), tickText('xaxis')],
    legend: layout.showlegend
      ? ranked.filter(({ t }) => t.showlegend === true).map(({ t }) => unescape(t.name as string))
      : [],
    notes: notes === '' ? [] : notes.split('<br>').map((n) => unescape(n.replace(/<\/?i>/g, ''))),
  };
}

const lr = (n: number): number[] => Array.from({ length: n }, (_, i) => 0.1 * 0.99 ** i);
const decay = (n: number, a = 1): number[] =>
  Array.from({ length: n }, (_, i) => a * (2 / (1 + 0.1 * i)) + 0.01 * Math.sin(i));

const CASES: { name: string; payload: LossCurvePayload; view?: Partial<ChartView> }[] = [
  {
    name: 'NaN gap and divergence, log scale (the issue\'s "manual" run)',
    payload: lossCurvePayload({ name: 'manual', loss: [4, 2, Number.NaN, 1, 0.5] }, { logY: true }),
  },
  {
    name: 'a run that diverged to Infinity among others',
    payload: lossCurvePayload(
      [
        { name: 'lr 0.01', loss: decay(60) },
        {
          name: 'lr 0.5',
          loss: [...decay(20).map((v, i) => v * 3 ** i), Infinity, Infinity],
          stopReason: 'diverged',
        },
        { name: 'lr 0.1', loss: decay(60, 0.5) },
      ],
      { logY: true, title: 'Same loss, four learning rates' },
    ),
  },
  {
    name: 'several runs, smoothing and validation, linear',
    payload: lossCurvePayload(
      [
        { name: 'sgd', loss: decay(120), valLoss: [1.8, 1.1, 0.7], valStep: [40, 80, 120] },
        { name: 'adam <b>fast</b>', loss: decay(90, 0.7), stopReason: 'threshold' },
      ],
      { smoothing: 0.6 },
    ),
  },
  {
    name: 'learning rate in its own panel',
    payload: lossCurvePayload({ name: 'sgd', loss: decay(80), learningRate: lr(80) }),
    view: { learningRate: true },
  },
  {
    name: 'metrics beside the loss, training and validation',
    payload: lossCurvePayload({
      name: 'mlp',
      loss: decay(50),
      metrics: { accuracy: Array.from({ length: 50 }, (_, i) => 0.5 + 0.009 * i) },
      valMetrics: { accuracy: [0.6, 0.8, 0.9] },
      valLoss: [1.5, 0.8, 0.6],
      valStep: [10, 30, 50],
    }),
  },
  {
    name: 'an error and an interrupt',
    payload: lossCurvePayload(
      [
        {
          name: 'poisson',
          loss: decay(41),
          stopReason: 'error',
          stopMessage: "stopped by an error at step 41: poissonNllLoss: 'pred' has -1 at index 3",
        },
        {
          name: 'live',
          loss: decay(40),
          stopReason: 'interrupted',
          stopMessage: 'interrupted at step 40',
        },
      ],
      { logY: true },
    ),
  },
  {
    name: 'ignore outliers with a diverging run, Chinese',
    payload: lossCurvePayload(
      [
        { name: 'a', loss: decay(100) },
        { name: 'b', loss: [...decay(95), 1e3, 1e5, 1e7, 1e9, 1e11] },
      ],
      { locale: 'zh' },
    ),
    view: { ignoreOutliers: true },
  },
  {
    name: 'values <= 0 on a log axis, a learning-rate curve (yKind value)',
    payload: lossCurvePayload(
      { name: 'schedule', loss: [0, 0.1, 0.5, 0.25, 0.001] },
      { logY: true, yKind: 'value' },
    ),
  },
];

describe('the SVG and the plugin show the same chart', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const view: ChartView = {
        logY: c.payload.options.logY,
        smoothing: c.payload.options.smoothing,
        ...c.view,
      };
      const svg = fromSvg(renderCurveSvg(c.payload, view));
      const plot = fromFigure(c.payload, view);
      expect(plot).toEqual(svg);
      // And what they both show is there at all.
      expect(svg.lines.length).toBeGreaterThan(0);
      expect(svg.ticks.every((t) => t.length >= 2)).toBe(true);
    });
  }

  it("marks the issue's NaN run in both: its minimum, its divergence and the gap", () => {
    const svg = fromSvg(renderCurveSvg(CASES[0]!.payload));
    expect(svg.lines[0]).toMatchObject({ segments: 2, points: 4 });
    expect(svg.marks.map((m) => [m.kind, m.label])).toEqual([
      ['min', 'min 0.5 at step 5'],
      ['diverged', 'diverged at step 3'],
    ]);
    // Log ticks are values, never a bare digit for a tenth.
    expect(svg.ticks[0]).toEqual(['0.5', '1', '2']);
  });

  it('draws a short run over a long one, and marks where a rule stopped it', () => {
    const svg = fromSvg(renderCurveSvg(CASES[2]!.payload));
    expect(svg.lines.map((l) => l.id)).toEqual([
      'run-0-raw',
      'run-0-smooth',
      'run-0-val',
      'run-1-raw',
      'run-1-smooth',
    ]);
    expect(svg.marks.find((m) => m.kind === 'stop')?.label).toBe(
      'adam <b>fast</b>: threshold at step 90',
    );
  });

  it('gives a learning-rate curve no minimum and a range in its summary', () => {
    const svg = fromSvg(renderCurveSvg(CASES[7]!.payload));
    expect(svg.marks).toEqual([]);
    expect(svg.notes).toEqual(['1 values <= 0 not shown on the log scale']);
  });
});
