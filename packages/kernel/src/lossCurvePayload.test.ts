import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import schema from '../schema/curve.v1.schema.json';
import { lossCurveBundle, summarizeCurve } from './lossCurveBundle';
import { lossCurvePayload } from './lossCurvePayload';
import type { HistoryLike } from './lossCurvePayload';
import { LOSS_CURVE_MIME } from './payload';
import { svgFromImages } from './svgImage';

const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function fullHistory(n: number, name = 'run'): HistoryLike {
  const loss: number[] = [];
  const learningRate: number[] = [];
  for (let i = 0; i < n; i++) {
    loss.push(1 / Math.sqrt(1 + i) + 0.05 * Math.sin(i * 0.7));
    learningRate.push(0.1 * Math.pow(0.999, i));
  }
  return {
    name,
    loss,
    learningRate,
    gradNorm: [],
    valLoss: loss.filter((_, i) => i % 100 === 0).map((v) => v * 1.1),
    valStep: loss.map((_, i) => i + 1).filter((_, i) => i % 100 === 0),
    snapshots: [],
    steps: n,
    stopReason: 'maxSteps',
    stopMessage: `reached maxSteps ${n}`,
  };
}

describe('lossCurvePayload', () => {
  it('records final, minimum, steps and stop reason', () => {
    const p = lossCurvePayload({
      name: 'gd',
      loss: [4, 1, 2],
      stopReason: 'threshold',
      stopMessage: 'ok',
    });
    expect(p.runs[0]).toMatchObject({
      name: 'gd',
      steps: 3,
      final: 2,
      min: { step: 2, loss: 1 },
      stopReason: 'threshold',
      stopMessage: 'ok',
      points: [
        [1, 4],
        [2, 1],
        [3, 2],
      ],
    });
    expect(p.options).toEqual({
      logY: false,
      smoothing: 0,
      title: 'Training loss',
      xLabel: 'step',
      yLabel: 'loss',
    });
  });

  it('marks where the loss diverged and stores non-finite values as null', () => {
    const run = lossCurvePayload({
      loss: [1, 10, Number.POSITIVE_INFINITY, Number.NaN],
      stopReason: 'diverged',
    }).runs[0];
    expect(run?.divergedAt).toBe(3);
    expect(run?.final).toBeNull();
    expect(run?.points.slice(2)).toEqual([
      [3, null],
      [4, null],
    ]);
    expect(run?.min).toEqual({ step: 1, loss: 1 });
  });

  it('validates against the JSON Schema, with validation loss, learning rate and divergence', () => {
    const payloads = [
      lossCurvePayload(fullHistory(5000)),
      lossCurvePayload([fullHistory(10, 'a'), { loss: [Number.NaN, 1], stopReason: 'diverged' }], {
        logY: true,
        smoothing: 0.9,
      }),
      lossCurvePayload({ loss: [] }),
      lossCurvePayload({ loss: [1, 2] }, { running: true }),
    ];
    for (const p of payloads) {
      // Round-trip through JSON: what the frontend receives.
      const ok = validate(JSON.parse(JSON.stringify(p)));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
    expect(payloads[1]?.runs[0]?.valPoints?.length).toBeGreaterThan(0);
    expect(payloads[3]?.runs[0]?.stopReason).toBe('running');
  });

  it('validates the optional metrics, elapsed times and yKind', () => {
    const p = lossCurvePayload(
      {
        loss: [3, 2, 1],
        metrics: { accuracy: [0.5, 0.6, 0.7] },
        valMetrics: { accuracy: [0.65] },
        valLoss: [1.5],
        valStep: [3],
        elapsed: [0, 0.1, 0.25],
      },
      { yKind: 'value' },
    );
    expect(p.runs[0]?.metrics).toEqual([
      {
        name: 'accuracy',
        points: [
          [1, 0.5],
          [2, 0.6],
          [3, 0.7],
        ],
        valPoints: [[3, 0.65]],
      },
    ]);
    expect(p.runs[0]?.elapsed).toEqual([
      [1, 0],
      [2, 0.1],
      [3, 0.25],
    ]);
    expect(validate(JSON.parse(JSON.stringify(p)))).toBe(true);
    expect(validate({ ...p, options: { ...p.options, yKind: 'lr' } })).toBe(false);
    expect(() => lossCurvePayload({ loss: [1, 2], metrics: { accuracy: [1] } })).toThrow(
      "lossCurvePayload: metric 'accuracy' has 1 values but the run has 2 losses",
    );
  });

  it('rejects what the schema forbids', () => {
    expect(validate({ version: 2, runs: [], options: {} })).toBe(false);
    const p = JSON.parse(JSON.stringify(lossCurvePayload({ loss: [1] })));
    p.runs[0].points[0] = [1, 'x'];
    expect(validate(p)).toBe(false);
  });

  it('keeps the whole bundle under 64 KB at 1,000,000 steps, with one, four or ten runs', () => {
    const million = fullHistory(1_000_000);
    for (const count of [1, 4, 10]) {
      const runs = Array.from({ length: count }, (_, i) => ({ ...million, name: `run ${i}` }));
      const bundle = lossCurveBundle(lossCurvePayload(runs, { smoothing: 0.9 }));
      const bytes = Buffer.byteLength(JSON.stringify(bundle));
      expect(bytes).toBeLessThan(64 * 1024);
      const payload = bundle.data[LOSS_CURVE_MIME] as ReturnType<typeof lossCurvePayload>;
      expect(payload.runs[0]?.steps).toBe(1_000_000);
      expect(payload.runs[0]?.points.at(-1)?.[0]).toBe(1_000_000);
    }
  }, 60_000);

  it('throws named errors for bad input', () => {
    expect(() => lossCurvePayload([])).toThrow("lossCurvePayload: 'histories' is empty");
    expect(() => lossCurvePayload([{} as HistoryLike])).toThrow(
      "lossCurvePayload: 'histories[0]' has no 'loss' array",
    );
    expect(() => lossCurvePayload({ loss: [1] }, { smoothing: 1 })).toThrow(
      "lossCurvePayload: 'smoothing' must be in [0, 1), got 1",
    );
    expect(() => lossCurvePayload({ loss: [1] }, { maxPoints: 10 })).toThrow(
      "lossCurvePayload: 'maxPoints' must be an integer >= 64, got 10",
    );
  });
});

describe('lossCurveBundle', () => {
  it('holds the vendor payload, the SVG in text/html and a one-line text/plain', () => {
    const bundle = lossCurveBundle(lossCurvePayload({ name: 'gd', loss: [4, 1, 2] }));
    expect(Object.keys(bundle.data)).toEqual([LOSS_CURVE_MIME, 'text/html', 'text/plain']);
    // The chart travels as an image (it survives JupyterLab's sanitizer): one, an SVG card.
    const html = bundle.data['text/html'] as string;
    expect(html).toMatch(
      /^<div class="losslab-curve"><img src="data:image\/svg\+xml;base64,[^"]+" alt="Training loss: gd: 3 steps[^"]*"[^>]*\/><\/div>$/,
    );
    const [svg] = svgFromImages(html);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^]*<\/svg><\/svg>$/);
    expect(svg).toContain('min 1 at step 2');
    expect(bundle.data['text/plain']).toBe(
      'Training loss: gd: 3 steps, final 2, min 1 at step 2 (maxSteps)',
    );
    expect(bundle.data['text/plain']).not.toContain('\n');
  });

  it('summarizes divergence and runs with no finite loss', () => {
    expect(
      summarizeCurve(lossCurvePayload({ name: 'x', loss: [Number.NaN], stopReason: 'diverged' })),
    ).toBe(
      'Training loss: x: 1 steps, final not finite, no finite loss, diverged at step 1 (diverged)',
    );
  });
});

describe('lossCurvePayload in a locale', () => {
  it('defaults its title and labels to the locale, marks it, and translates the stop message', () => {
    const h = {
      name: 'gd',
      loss: [2, 1],
      stopReason: 'threshold' as const,
      stopMessage: 'loss 1 reached the threshold 1 at step 2',
    };
    const zh = lossCurvePayload(h, { locale: 'zh' });
    expect(zh.options).toMatchObject({
      title: '训练损失',
      xLabel: '步数',
      yLabel: '损失',
      locale: 'zh',
    });
    expect(zh.runs[0]?.stopMessage).toBe('第 2 步的损失 1 达到了阈值 1');
    expect(validate(zh)).toBe(true);
    // English stays the payload it always was: no locale field.
    const en = lossCurvePayload(h);
    expect(en.options).toEqual({
      logY: false,
      smoothing: 0,
      title: 'Training loss',
      xLabel: 'step',
      yLabel: 'loss',
    });
    expect(en.runs[0]?.stopMessage).toBe(h.stopMessage);
    expect(lossCurvePayload({ loss: [1] }, { locale: 'zh' }).runs[0]?.name).toBe('运行 1');
    expect(() => lossCurvePayload(h, { locale: 'xx' as 'en' })).toThrow(
      "lossCurvePayload: 'locale' must be one of 'en', 'zh', got xx",
    );
  });
});
