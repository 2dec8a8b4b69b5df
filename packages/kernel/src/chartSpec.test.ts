import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { axisTicks, chartSpec, STALE_MS, tickLabels } from './chartSpec';
import { lossCurvePayload } from './lossCurvePayload';
import type { LossCurvePayload } from './payload';

const run = (
  extra: Partial<LossCurvePayload['runs'][number]>,
): LossCurvePayload['runs'][number] => ({
  name: 'gd',
  points: [
    [1, 4],
    [2, 2],
    [3, 1],
  ],
  steps: 3,
  final: 1,
  min: { step: 3, loss: 1 },
  stopReason: 'maxSteps',
  ...extra,
});
const payload = (
  runs: LossCurvePayload['runs'],
  options: Partial<LossCurvePayload['options']> = {},
): LossCurvePayload => ({
  version: 1,
  runs,
  options: { logY: false, smoothing: 0, title: 't', xLabel: 'step', yLabel: 'loss', ...options },
});

describe('tickLabels and axisTicks', () => {
  it('labels log ticks as values in one notation: never a bare digit for a tenth, no SI suffix', () => {
    expect(axisTicks(0.2, 3, true).map((t) => t.label)).toEqual(['0.2', '0.5', '1', '2']);
    expect(tickLabels([1e-6, 1e-4, 0.01, 1])).toEqual(['1e-6', '1e-4', '1e-2', '1e+0']);
    expect(tickLabels([0.001, 0.01, 0.1])).toEqual(['0.001', '0.01', '0.1']);
    expect(tickLabels([0, 500_000, 1_000_000])).toEqual(['0', '500,000', '1,000,000']);
    // Over many decades of losses: every label parses back to its tick's value.
    for (const [lo, hi] of [
      [1e-9, 10],
      [0.26, 4],
      [1e-4, 1e-3],
      [3, 1e7],
    ] as const) {
      for (const t of axisTicks(lo, hi, true)) {
        expect(Number(t.label.replace(/,/g, ''))).toBeCloseTo(t.value, 12);
        expect(t.label).not.toMatch(/[µkMG]/);
      }
    }
  });
});

describe('chartSpec', () => {
  it('runs its JSDoc example', () => {
    const spec = chartSpec(
      payload([
        run({
          points: [
            [1, 4],
            [2, 1],
            [3, null],
          ],
          final: null,
          min: { step: 2, loss: 1 },
          stopReason: 'diverged',
          divergedAt: 3,
        }),
      ]),
    );
    expect(spec.marks.map((m) => m.label)).toEqual(['min 1 at step 2', 'diverged at step 3']);
  });

  it('says how a run stands: error and interrupt sentences, a live run fresh or stale', () => {
    const t = 1_700_000_000_000;
    const live = run({ stopReason: 'running', updatedAt: t });
    expect(chartSpec(payload([live]), undefined, t + 5000).summary).toEqual([
      'gd: 3 steps, final 1, min 1 at step 3 (running)',
    ]);
    expect(chartSpec(payload([live]), undefined, t + STALE_MS + 1000).summary[0]).toMatch(
      /\(no update for 31 s\)$/,
    );
    expect(chartSpec(payload([live], { locale: 'zh' }), undefined, t + 180_000).summary[0]).toMatch(
      /（已 3 分钟没有更新）$/,
    );
    // Without a clock (the static SVG), the note dates the last frame.
    expect(chartSpec(payload([live])).notes).toEqual([
      `running, last update ${new Date(t).toISOString().slice(11, 19)} UTC`,
    ]);
    const error = run({
      stopReason: 'error',
      stopMessage: 'stopped by an error at step 41: boom',
    });
    const spec = chartSpec(payload([error]));
    expect(spec.summary[0]).toBe(
      'gd: 3 steps, final 1, min 1 at step 3 (stopped by an error at step 41: boom)',
    );
    expect(spec.notes).toEqual(['stopped by an error at step 41: boom']);
    expect(spec.marks.map((m) => [m.kind, m.label])).toEqual([
      ['min', 'min 1 at step 3'],
      ['stop', 'error at step 3'],
    ]);
  });

  it('gives a quantity that is not a loss no minimum and no best: its range', () => {
    const spec = chartSpec(payload([run({ name: 'lr' })], { yKind: 'value' }));
    expect(spec.marks).toEqual([]);
    expect(spec.summary).toEqual(['lr: 3 steps, final 1, from 1 to 4']);
    expect(spec.series[0]?.legend).toBe('lr');
  });

  it('draws a short run over a long one and marks where its rule stopped it', () => {
    const long = run({
      name: 'long',
      points: [1, 2, 3, 4, 5].map((s) => [s, 5 - s + 0.5]),
      steps: 5,
    });
    const short = run({ name: 'short', stopReason: 'threshold' });
    const spec = chartSpec(payload([short, long]));
    expect(spec.series.map((s) => s.id)).toEqual(['run-1-raw', 'run-0-raw']);
    expect(spec.marks.filter((m) => m.kind === 'stop').map((m) => m.label)).toEqual([
      'short: threshold at step 3',
    ]);
  });

  it('ignores outliers on request: a diverged run leaves the scale to the others', () => {
    const calm = run({ name: 'calm', points: [1, 2, 3, 4, 5].map((s) => [s, 1 / s]), steps: 5 });
    const wild = run({
      name: 'wild',
      points: [
        [1, 1],
        [2, 1e3],
        [3, 1e9],
        [4, null],
      ],
      steps: 4,
      divergedAt: 4,
    });
    const all = chartSpec(payload([calm, wild]));
    const bulk = chartSpec(payload([calm, wild]), { ignoreOutliers: true });
    expect(all.panels[0]!.y.max).toBeGreaterThan(1e9);
    expect(bulk.panels[0]!.y.max).toBeLessThan(1.2);
    expect(bulk.panels[0]!.y.min).toBeLessThan(0.2);
    // Tukey's far-out fence on a single spike among ordinary values.
    const spike = run({
      points: [1, 2, 3, 4, 5, 6, 7, 8].map((s) => [s, s === 4 ? 1e6 : 1 + s / 10]),
      steps: 8,
    });
    expect(chartSpec(payload([spike]), { ignoreOutliers: true }).panels[0]!.y.max).toBeLessThan(2);
  });

  it('puts metrics and the learning rate in panels of their own, in the run colour', () => {
    const p = lossCurvePayload([
      {
        name: 'a',
        loss: [3, 2, 1],
        learningRate: [0.1, 0.1, 0.05],
        metrics: { accuracy: [0.5, 0.6, 0.7] },
      },
      { name: 'b', loss: [3, 2.5, 2], metrics: { accuracy: [0.4, 0.5, 0.55] } },
    ]);
    const spec = chartSpec(p, { learningRate: true });
    expect(spec.panels.map((q) => [q.key, q.y.title])).toEqual([
      ['loss', 'loss'],
      ['metric:accuracy', 'accuracy'],
      ['learningRate', 'learning rate'],
    ]);
    const panelOf = (id: string): number | undefined => spec.series.find((s) => s.id === id)?.panel;
    expect([panelOf('run-0-m0'), panelOf('run-1-m0'), panelOf('run-0-lr')]).toEqual([1, 1, 2]);
    expect(spec.series.find((s) => s.id === 'run-1-m0')?.color).toBe(
      spec.series.find((s) => s.id === 'run-1-raw')?.color,
    );
  });

  it('puts seconds on x when every run carries times', () => {
    const p = lossCurvePayload({ loss: [3, 2, 1, 0.5], elapsed: [0, 0.5, 1, 2] });
    const spec = chartSpec(p, { xAxis: 'time' });
    expect(spec.x.title).toBe('time (s)');
    expect(spec.series[0]!.points.map((q) => q[0])).toEqual([0, 0.5, 1, 2]);
    expect(spec.marks[0]).toMatchObject({ kind: 'min', x: 2 });
    // Without times the axis stays in steps.
    expect(chartSpec(lossCurvePayload({ loss: [3, 2] }), { xAxis: 'time' }).x.title).toBe('step');
  });
});

describe('chartSpec on extreme inputs', () => {
  it('gives a flat subnormal curve with smoothing a finite band on a log axis (fast-check found it)', () => {
    const p = lossCurvePayload([{ loss: [Number.NaN, 1.6458213708041077e-308] }, { loss: [] }], {
      logY: true,
      smoothing: 0.24774044845293539,
    });
    const y = chartSpec(p).panels[0]!.y;
    expect(Math.log10(y.max) - Math.log10(y.min)).toBeGreaterThan(0.5);
    expect(y.ticks.length).toBeGreaterThanOrEqual(2);
  });

  it('labels a range under four decades with 1, 2 and 5 times the powers of ten', () => {
    expect(axisTicks(3, 200, true).map((t) => t.label)).toEqual([
      '5',
      '10',
      '20',
      '50',
      '100',
      '200',
    ]);
  });
});

describe('the browser-safe entry', () => {
  it('imports no Node module and nothing from core but its error class, however deep', () => {
    const src = resolve(__dirname);
    const seen = new Set<string>();
    const external: string[] = [];
    const visit = (file: string): void => {
      if (seen.has(file)) {
        return;
      }
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm)) {
        const spec = m[1] as string;
        if (spec.startsWith('.')) {
          visit(join(dirname(file), `${spec}.ts`));
        } else if (!/^import type|^export type/.test(m[0])) {
          external.push(spec);
        }
      }
    };
    visit(join(src, 'browser.ts'));
    expect([...new Set(external)]).toEqual(['@losslab/core/lib/errors']);
    expect(seen.size).toBeGreaterThan(5);
  });
});
